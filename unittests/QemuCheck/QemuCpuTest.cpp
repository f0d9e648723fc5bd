//===- QemuCpuTest.cpp - The QEMU 10 -cpu value derived from an ISA -------===//
#include "QemuCpu.h"

#include "gtest/gtest.h"

using namespace snipgen::qemucheck;

namespace {

std::string cpu(llvm::StringRef Isa) {
  auto C = qemuCpuForIsa(Isa);
  if (!C)
    return "error: " + llvm::toString(C.takeError());
  return *C;
}

TEST(QemuCpuTest, DefaultExtensionsNeedNoProperty) {
  EXPECT_EQ(cpu("rv64gc"), "rv64");
  EXPECT_EQ(cpu("rv32imafdc"), "rv32");
  EXPECT_EQ(cpu("rv32e"), "rv32e");
}

TEST(QemuCpuTest, EveryScalarExtensionOfThePlatformList) {
  const char *Exts[] = {"zba",    "zbb",         "zbc",      "zbs",
                        "zbkb",   "zbkc",        "zbkx",     "zknd",
                        "zkne",   "zknh",        "zksed",    "zksh",
                        "zacas",  "zabha",       "zfa",      "zfh",
                        "zfhmin", "zfbfmin",     "zcb",      "zcmop",
                        "zimop",  "zicbom",      "zicbop",   "zicboz",
                        "zihintntl", "zihintpause", "zicond"};
  for (const char *E : Exts) {
    std::string C = cpu(std::string("rv64gc_") + E);
    EXPECT_NE(C.find(std::string(",") + E + "=true"), std::string::npos)
        << E << ": " << C;
  }
}

TEST(QemuCpuTest, ZfinxSwitchesOffEveryFPProperty) {
  for (const char *Isa : {"rv64i_zfinx", "rv32i_zdinx", "rv64i_zhinx",
                          "rv32i_zhinxmin"}) {
    std::string C = cpu(Isa);
    for (const char *Off : {"f", "d", "zfa", "zfh", "zfhmin", "zve32f",
                            "zve64f", "zve64d", "zvfh", "zvfhmin",
                            "zvfbfmin", "zvfbfwma"})
      EXPECT_NE(C.find(std::string(",") + Off + "=false"), std::string::npos)
          << Isa << " lacks " << Off << "=false: " << C;
    EXPECT_NE(C.find(",zfinx=true"), std::string::npos) << C;
  }
}

TEST(QemuCpuTest, VectorLengthAndElen) {
  EXPECT_EQ(cpu("rv64gcv"), "rv64,v=true,vext_spec=v1.0,vlen=128,elen=64");
  EXPECT_EQ(cpu("rv32gcv_zvl512b"),
            "rv32,v=true,vext_spec=v1.0,vlen=512,elen=64");
  EXPECT_EQ(cpu("rv32i_zve32x"),
            "rv32,zve32x=true,vext_spec=v1.0,vlen=128,elen=32");
  EXPECT_EQ(cpu("rv64imac_zve64x"),
            "rv64,zve32x=true,zve64x=true,vext_spec=v1.0,vlen=128,elen=64");
  std::string C = cpu("rv64gcv_zvfh_zvfhmin_zvbb_zvbc_zvfbfmin_zvfbfwma");
  for (const char *E :
       {"zvfh", "zvfhmin", "zvbb", "zvbc", "zvfbfmin", "zvfbfwma"})
    EXPECT_NE(C.find(std::string(",") + E + "=true"), std::string::npos) << C;
}

TEST(QemuCpuTest, ZveAsV) {
  auto C = qemuCpuForIsa("rv64imac_zve32x", /*ZveAsV=*/true);
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(*C, "rv64,v=true,vext_spec=v1.0,vlen=128,elen=32");
  C = qemuCpuForIsa("rv64gcv", /*ZveAsV=*/true);
  ASSERT_TRUE(bool(C));
  EXPECT_EQ(*C, "rv64,v=true,vext_spec=v1.0,vlen=128,elen=64");
}

TEST(QemuCpuTest, WhatQemuCannotEnableIsAnError) {
  EXPECT_EQ(cpu("rv64gc_h"),
            "error: QEMU cannot enable the extension 'h' of the ISA "
            "'rv64gc_h' (qemu-riscv64 10 has no -cpu property for it); pass "
            "--cpu=<value> to choose QEMU's CPU yourself");
  EXPECT_EQ(cpu("rv64gcv_zvl2048b").rfind("error: QEMU cannot enable "
                                          "'zvl2048b'",
                                          0),
            0u);
  EXPECT_EQ(cpu("rv64gc_nonsense").rfind("error: cannot derive", 0), 0u);
}

TEST(QemuCpuTest, Facts) {
  auto F = isaFacts("rv32gcv_zvl256b");
  ASSERT_TRUE(bool(F));
  EXPECT_EQ(F->XLen, 32u);
  EXPECT_EQ(F->FLen, 64u);
  EXPECT_TRUE(F->HasV);
  EXPECT_EQ(F->VLen, 256u);
  EXPECT_EQ(F->ELen, 64u);
  auto Z = isaFacts("rv64i_zfinx_zve32x");
  ASSERT_TRUE(bool(Z));
  EXPECT_EQ(Z->FLen, 0u);
  EXPECT_FALSE(Z->HasV);
  EXPECT_TRUE(Z->HasZve);
  EXPECT_EQ(Z->ELen, 32u);
}

} // namespace
