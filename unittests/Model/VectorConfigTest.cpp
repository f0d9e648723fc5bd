//===- VectorConfigTest.cpp - RVV configuration, CSRs, vsetvl{i} ----------===//
#include "VectorTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr uint32_t Vstart = 0x008, Vxsat = 0x009, Vxrm = 0x00A, Vcsr = 0x00F,
                   Vl = 0xC20, Vtype = 0xC21, Vlenb = 0xC22, Mstatus = 0x300,
                   Misa = 0x301;

TEST(VectorConfig, ResetStateIsQemuUserMode) {
  auto T = vectorMachine("nop\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->csr(Vtype), 1ull << 63) << "vill set";
  EXPECT_EQ(T->csr(Vl), 0u);
  EXPECT_EQ(T->csr(Vstart), 0u);
  EXPECT_EQ(T->csr(Vcsr), 0u);
  EXPECT_EQ(T->csr(Vlenb), 16u) << "V implies VLEN 128";
  EXPECT_TRUE((T->csr(Misa) >> ('v' - 'a')) & 1);
  EXPECT_EQ((T->csr(Mstatus) >> 9) & 3, 1u) << "VS = Initial";
  for (unsigned R = 0; R < 32; ++R)
    EXPECT_EQ(vreg(*T, R), std::vector<uint8_t>(16, 0)) << "v" << R;
}

TEST(VectorConfig, VlenFromZvlAndElenFromZve) {
  struct Case {
    const char *Isa;
    unsigned VLenB;
    bool MisaV;
  } Cases[] = {{"rv64gcv_zvl256b", 32, true},
               {"rv64gcv_zvl1024b", 128, true},
               {"rv32gcv", 16, true},
               {"rv64gc_zve32x", 16, false},
               {"rv64gc_zve64d_zvl64b", 16, false}, // at least 128
               {"rv64gc_zve32f_zvl512b", 64, false},
               {"rv64gc", 0, false}};
  for (const Case &C : Cases) {
    auto T = vectorMachine("nop\n", C.Isa);
    ASSERT_TRUE(T) << C.Isa;
    EXPECT_EQ(vlenb(*T), C.VLenB) << C.Isa;
    EXPECT_EQ(bool((T->csr(Misa) >> ('v' - 'a')) & 1), C.MisaV) << C.Isa;
  }
  // ELEN 32: SEW 64 is unsupported, so vsetvli sets vill.
  auto T = vectorMachine("vsetvli a0, zero, e64, m1, ta, ma\n"
                         "vsetvli a1, zero, e32, m1, ta, ma\n",
                         "rv64gc_zve32x");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 4u);
  // VLEN outside 64..1024 is refused loudly.
  ModelConfig C;
  C.Isa = "rv64gcv_zvl2048b";
  C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"}};
  auto H = ModelHandle::create(*getBuiltinModelAPI(), C);
  ASSERT_FALSE(bool(H));
  EXPECT_NE(llvm::toString(H.takeError()).find("VLEN 2048"),
            std::string::npos);
}

TEST(VectorConfig, AvlRules) {
  auto T = vectorMachine(R"(
    li t0, 13
    vsetvli a0, t0, e32, m1, ta, ma     # AVL 13 > VLMAX 4: vl = 4
    li t0, 3
    vsetvli a1, t0, e32, m2, tu, mu     # AVL 3: vl = 3
    vsetvli a2, zero, e8, m8, ta, ma    # rs1 = x0, rd != x0: VLMAX 128
    vsetvli zero, zero, e16, m8, ta, ma # keep vl: 128 > VLMAX 64 -> 64
    csrr a3, vl
    li t3, 0xde                         # e64 mf4 ta ma: VLEN/4 < 64
    li t4, 31
    vsetvl a4, t4, t3                   # vill
    csrr a5, vtype
    li t3, 0xdf                         # e64 mf2: QEMU accepts it
    vsetvl a6, t4, t3
    vsetivli s0, 7, e8, mf8, ta, ma     # e8 mf8: VLMAX 2
    li t1, 0x100                        # reserved vtype bit 8
    vsetvl s1, t0, t1
    csrr t2, vl
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 4u);
  EXPECT_EQ(T->x(a1), 3u);
  EXPECT_EQ(T->x(a2), 128u);
  EXPECT_EQ(T->x(a3), 64u);
  EXPECT_EQ(T->x(a4), 0u);
  EXPECT_EQ(T->x(a5), 1ull << 63);
  EXPECT_EQ(T->x(16), 1u) << "e64 mf2 at VLEN 128: VLMAX 1";
  EXPECT_EQ(T->x(s0), 2u);
  EXPECT_EQ(T->x(s1), 0u);
  EXPECT_EQ(T->x(t2), 0u);
  EXPECT_EQ(T->csr(Vtype), 1ull << 63);
}

TEST(VectorConfig, VtypeFieldsAndRv32Vill) {
  auto T = vectorMachine(R"(
    vsetvli a0, zero, e16, m4, ta, mu
    csrr a1, vtype
    li t0, 0x80000000
    vsetvl a2, zero, t0                 # vill bit in the operand
    csrr a3, vtype
  )",
                         "rv32gcv");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 32u);
  EXPECT_EQ(T->x(a1), 0x4au); // vta=1, vma=0, vsew=1, vlmul=2
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a3), 0x80000000u);
}

TEST(VectorConfig, VillMakesVectorInstructionsTrap) {
  for (const char *Asm : {"vle32.v v8, (a0)\n", "vse8.v v8, (a0)\n",
                          "vlm.v v8, (a0)\n", "vlse16.v v8, (a0), a1\n",
                          "vluxei8.v v8, (a0), v4\n"}) {
    auto T = vectorMachine(Asm);
    ASSERT_TRUE(T);
    T->setX(a0, DataBase);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Asm;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Asm;
  }
  // Whole-register loads and stores do not depend on vtype.
  auto T = vectorMachine("vl1re32.v v8, (a0)\nvs1r.v v8, (a1)\n");
  ASSERT_TRUE(T);
  fillWords(*T, DataBase, 4, 0x100);
  T->setX(a0, DataBase);
  T->setX(a1, DataBase + 0x100);
  RUN_TO_END(T);
  EXPECT_EQ(load32(*T, DataBase + 0x10c), 0x103u);
}

TEST(VectorConfig, Csrs) {
  auto T = vectorMachine(R"(
    csrwi vstart, 5
    csrr a0, vstart
    li t0, 0x3ff
    csrw vstart, t0                  # WARL: log2(VLEN) = 7 bits kept
    csrr a1, vstart
    csrwi vstart, 0
    csrwi vxrm, 7                    # 2 bits
    csrwi vxsat, 3                   # 1 bit
    csrr a2, vcsr
    csrwi vcsr, 4                    # vxrm = 2, vxsat = 0
    csrr a3, vxrm
    csrr a4, vxsat
    csrr a5, vlenb
    csrr s0, mstatus
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 5u);
  EXPECT_EQ(T->x(a1), 0x7fu);
  EXPECT_EQ(T->x(a2), 7u);
  EXPECT_EQ(T->x(a3), 2u);
  EXPECT_EQ(T->x(a4), 0u);
  EXPECT_EQ(T->x(a5), 16u);
  EXPECT_EQ((T->x(s0) >> 9) & 3, 3u) << "VS dirty";
  EXPECT_EQ(T->x(s0) >> 63, 1u) << "SD";
}

TEST(VectorConfig, ReadOnlyAndDisabledCsrsTrap) {
  for (const char *Asm : {"csrw vl, a0\n", "csrw vtype, a0\n",
                          "csrw vlenb, a0\n"}) {
    auto T = vectorMachine(Asm);
    ASSERT_TRUE(T);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Asm;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Asm;
  }
  // mstatus.VS = Off: CSRs and vsetvli are illegal.
  for (const char *Op : {"csrr a0, vl\n", "vsetvli a0, zero, e8, m1, ta, ma\n",
                         "csrr a0, vxrm\n", "vl1re8.v v1, (a0)\n"}) {
    std::string Asm = std::string("li t0, 0x600\ncsrc mstatus, t0\n") + Op;
    auto T = vectorMachine(Asm);
    ASSERT_TRUE(T);
    EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP) << Op;
    EXPECT_EQ(T->M->stopInfo().cause, 2u) << Op;
  }
  // Without a vector unit the CSRs do not exist and VS stays 0.
  auto T = vectorMachine("csrr a0, vlenb\n", "rv64gc");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ((T->csr(Mstatus) >> 9) & 3, 0u);
}

TEST(VectorConfig, DebuggerSetsVlAndVtype) {
  auto T = vectorMachine("csrr a0, vl\ncsrr a1, vtype\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->M->api().set_csr(T->M->get(), Vtype, 0x10), 0); // e32 m1
  EXPECT_EQ(T->M->api().set_csr(T->M->get(), Vl, 9), 0);       // clamped
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 4u);
  EXPECT_EQ(T->x(a1), 0x10u);
}

} // namespace

namespace {

// Interface version 2 through a plugin loaded with dlopen: vector registers,
// vector CSRs, and the agnostic-ones configuration field.
TEST(VectorPluginAPI, RegistersAndCsrsThroughAPlugin) {
  auto API = loadModelPlugin(SNIPGEN_EXAMPLE_PLUGIN);
  ASSERT_TRUE(bool(API)) << llvm::toString(API.takeError());
  EXPECT_EQ((*API)->version, 2u);
  auto T = TestMachine::create("vsetivli zero, 2, e32, m1, ta, ma\n"
                               "vle32.v v1, (a0)\n",
                               "rv64gcv_zvl256b", true, *API);
  ASSERT_TRUE(T);
  const snipgen_model_api &A = T->M->api();
  snipgen_model *M = T->M->get();
  EXPECT_EQ(A.get_vlenb(M), 32u);
  std::vector<uint8_t> In(32), Out(32, 0xee);
  for (unsigned I = 0; I < 32; ++I)
    In[I] = uint8_t(I * 3);
  EXPECT_EQ(A.set_v(M, 1, In.data(), In.size()), 0);
  EXPECT_EQ(A.get_v(M, 1, Out.data(), Out.size()), 0);
  EXPECT_EQ(In, Out);
  EXPECT_EQ(A.get_v(M, 32, Out.data(), Out.size()), -1) << "no v32";
  EXPECT_EQ(A.get_v(M, 1, Out.data(), 16), -1) << "short buffer";
  uint64_t V = 0;
  EXPECT_EQ(A.get_csr(M, 0xC22, &V), 0);
  EXPECT_EQ(V, 32u);
  EXPECT_EQ(A.set_csr(M, 0x00A, 3), 0);
  EXPECT_EQ(A.get_csr(M, 0x00F, &V), 0);
  EXPECT_EQ(V, 6u) << "vcsr = vxrm << 1";
  // The tail of v1 (elements 2..7) stays undisturbed by default; with
  // vector_agnostic_ones (below) it becomes all ones.
  T->setX(a0, DataBase);
  ASSERT_EQ(T->run(), SNIPGEN_STEP_STOP_PC) << T->message();
  EXPECT_EQ(A.get_v(M, 1, Out.data(), Out.size()), 0);
  EXPECT_EQ(Out[8], In[8]) << "undisturbed by default";

  ModelConfig C;
  C.Isa = "rv64gcv";
  C.VectorAgnosticOnes = true;
  C.Regions = {{CodeBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_X, "code"},
               {DataBase, RegionSize, SNIPGEN_MEM_R | SNIPGEN_MEM_W, "data"}};
  auto Ones = ModelHandle::create(**API, C);
  ASSERT_TRUE(bool(Ones)) << llvm::toString(Ones.takeError());
  auto Bytes = assemble("vsetivli zero, 2, e32, m1, ta, ma\n"
                        "vle32.v v1, (a0)\n",
                        "rv64gcv");
  ASSERT_TRUE(bool(Bytes));
  snipgen_model *O = (*Ones)->get();
  A.write_mem(O, CodeBase, Bytes->data(), Bytes->size());
  A.set_stop_pc(O, CodeBase + Bytes->size(), 1);
  (*Ones)->setPC(CodeBase);
  (*Ones)->setX(a0, DataBase);
  ASSERT_EQ(A.run(O, 100, nullptr), SNIPGEN_STEP_STOP_PC);
  std::vector<uint8_t> R(16);
  EXPECT_EQ(A.get_v(O, 1, R.data(), R.size()), 0);
  EXPECT_EQ(R[8], 0xff);
  EXPECT_EQ(R[15], 0xff);
  EXPECT_EQ(R[0], 0);
}

} // namespace
