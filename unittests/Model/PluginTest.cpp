//===- PluginTest.cpp - The model boundary through dlopen -----------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Plugin, ExamplePluginRunsProgramsLikeTheBuiltinModel) {
  auto API = loadModelPlugin(SNIPGEN_EXAMPLE_PLUGIN);
  ASSERT_TRUE(bool(API)) << llvm::toString(API.takeError());
  EXPECT_NE(*API, getBuiltinModelAPI()) << "must be the plugin's own table";
  EXPECT_STREQ((*API)->name, "example plugin (built-in model behind dlopen)");
  auto T = TestMachine::create(R"(
    li a0, 6
    li a1, 7
    mul a2, a0, a1
    li s0, 0x10000
    sd a2, 0(s0)
  )", "rv64gc", true, *API);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a2), 42u);
  EXPECT_EQ(T->load64(DataBase), 42u);
}

TEST(Plugin, MissingFileGivesAClearError) {
  auto API = loadModelPlugin("/nonexistent/libmodel.so");
  ASSERT_FALSE(bool(API));
  std::string Msg = llvm::toString(API.takeError());
  EXPECT_EQ(Msg.rfind("cannot load model plugin '/nonexistent/libmodel.so': ",
                      0),
            0u)
      << Msg;
  EXPECT_NE(Msg.find("No such file"), std::string::npos) << Msg;
}

TEST(Plugin, LibraryWithoutTheEntryPoint) {
  // libLLVM is a shared library without snipgen_model_get_api.
  auto API = loadModelPlugin("/usr/lib/llvm-22/lib/libLLVM.so.1");
  ASSERT_FALSE(bool(API));
  std::string Msg = llvm::toString(API.takeError());
  EXPECT_NE(Msg.find("snipgen_model_get_api"), std::string::npos) << Msg;
}

TEST(Plugin, VersionMismatchGivesAClearError) {
  auto API = loadModelPlugin(SNIPGEN_BAD_VERSION_PLUGIN);
  ASSERT_FALSE(bool(API));
  EXPECT_EQ(llvm::toString(API.takeError()),
            std::string("model plugin '") + SNIPGEN_BAD_VERSION_PLUGIN +
                "' implements interface version " +
                std::to_string(42) +
                ", snipgen needs " + std::to_string(SNIPGEN_MODEL_API_VERSION));
}

TEST(Plugin, BadConfigurationIsReportedByCreate) {
  ModelConfig C;
  C.Isa = "rv64gcq_nonsense";
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  ASSERT_FALSE(bool(M));
  EXPECT_NE(llvm::toString(M.takeError()).find("invalid ISA string"),
            std::string::npos);
  ModelConfig Overlap;
  Overlap.Regions = {{0x1000, 0x100, SNIPGEN_MEM_R, "a"},
                     {0x1080, 0x100, SNIPGEN_MEM_R, "b"}};
  auto N = ModelHandle::create(*getBuiltinModelAPI(), Overlap);
  ASSERT_FALSE(bool(N));
  EXPECT_EQ(llvm::toString(N.takeError()),
            "cannot create model: memory regions 'a' and 'b' overlap");
}

TEST(Plugin, DebuggerAccessToRegistersAndMemory) {
  auto T = TestMachine::create("nop\n", "rv32gc");
  ASSERT_TRUE(T);
  T->setX(a0, 0xffffffff80000000ull); // Upper half ignored on RV32.
  EXPECT_EQ(T->x(a0), 0x80000000u);
  T->M->setF(3, 0x1234);
  EXPECT_EQ(T->M->f(3), 0x1234u);
  uint64_t V = 0;
  EXPECT_EQ(T->M->api().read_mem(T->M->get(), 0x50000, &V, 8), -1);
  EXPECT_EQ(T->M->api().set_csr(T->M->get(), 0x340, 77), 0);
  EXPECT_EQ(T->csr(0x340), 77u);
  EXPECT_EQ(T->M->api().set_csr(T->M->get(), 0xF14, 1), -1) << "read-only";
  EXPECT_EQ(T->M->api().get_vlenb(T->M->get()), 0u);
}

} // namespace
