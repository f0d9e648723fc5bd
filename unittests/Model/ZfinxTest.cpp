//===- ZfinxTest.cpp - Zfinx/Zdinx/Zhinx on the built-in model ------------===//
//
// What the X-register views change: operands read from the low bits with the
// rest ignored, results sign-extended, RV32 register pairs (x0 pair reads
// zero, writes dropped, odd pairs reserved), and the privileged side: misa
// F/D clear, mstatus.FS hardwired to 0 yet not gating anything, fcsr present.
//===----------------------------------------------------------------------===//
#include "ModelTestUtil.h"
#include "snipgen/Model/SoftFloat.h"
#include <bit>

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr uint32_t Fflags = 0x001, Mstatus = 0x300, Misa = 0x301;
constexpr uint64_t MstatusFS = 3ull << 13;

TEST(Zfinx, SingleIgnoresUpperBitsAndSignExtends) {
  auto T = TestMachine::create("li a1, 0x123456783f800000\n" // junk : 1.0
                               "li a2, 0x40000000\n"         // 2.0
                               "fsub.s a0, a1, a2\n"         // -1.0
                               "fadd.s a3, a1, a2\n"         // 3.0
                               "fcvt.d.s a4, a0\n",
                               "rv64i_zdinx");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xffffffffbf800000ull);
  EXPECT_EQ(T->x(a3), 0x0000000040400000ull);
  EXPECT_EQ(T->x(a4), std::bit_cast<uint64_t>(-1.0));
}

TEST(Zfinx, HalfSignExtendsOnRv32AndRv64) {
  for (const char *Isa : {"rv64i_zhinx", "rv32i_zhinx"}) {
    auto T = TestMachine::create("li a1, 0x7abc3c00\n" // junk : 1.0
                                 "li a2, 0x4000\n"
                                 "fsub.h a0, a1, a2\n", // -1.0 = 0xbc00
                                 Isa);
    RUN_TO_END(T);
    EXPECT_EQ(T->x(a0) & 0xffffffffull, 0xffffbc00ull) << Isa;
    if (llvm::StringRef(Isa).starts_with("rv64"))
      EXPECT_EQ(T->x(a0), 0xffffffffffffbc00ull);
  }
}

TEST(Zfinx, FsIsHardwiredZeroAndDoesNotGate) {
  auto T = TestMachine::create("li t0, 0x6000\n"
                               "csrs mstatus, t0\n"
                               "li a1, 0x3f800000\n"
                               "fdiv.s a0, a1, zero\n" // DZ
                               "csrr a2, fflags\n"
                               "csrwi frm, 1\n"
                               "csrr a3, fcsr\n"
                               "csrr a4, mstatus\n",
                               "rv64i_zfinx");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x7f800000u);
  EXPECT_EQ(T->x(a2), uint64_t(softfloat::flags::DivByZero));
  EXPECT_EQ(T->x(a3), (1u << 5) | softfloat::flags::DivByZero);
  EXPECT_EQ(T->x(a4) & MstatusFS, 0u);
  EXPECT_EQ(T->x(a4) >> 63, 0u); // SD
  EXPECT_EQ(T->csr(Mstatus) & MstatusFS, 0u);
  EXPECT_EQ(T->csr(Misa) & ((1u << 5) | (1u << 3)), 0u); // F, D
}

TEST(Zdinx, Rv32PairsLowWordInEvenRegister) {
  auto T = TestMachine::create("li a2, 0\n"
                               "li a3, 0x3ff00000\n" // a2:a3 = 1.0
                               "li a4, 0\n"
                               "li a5, 0xc0000000\n" // a4:a5 = -2.0
                               "fadd.d a0, a2, a4\n" // -1.0
                               "fcvt.w.d t0, a4\n"
                               "fclass.d t1, zero\n" // x0 pair reads +0
                               "li ra, 0x55\n"
                               "fadd.d zero, a2, a2\n" // dropped, x1 kept
                               "fcvt.d.w s0, t0\n",  // s0:s1 = -2.0
                               "rv32i_zdinx");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 0xbff00000u);
  EXPECT_EQ(T->x(t0), 0xfffffffeu);
  EXPECT_EQ(T->x(t1), 1u << 4);
  EXPECT_EQ(T->x(ra), 0x55u);
  EXPECT_EQ(T->x(zero), 0u);
  EXPECT_EQ(T->x(s0), 0u);
  EXPECT_EQ(T->x(s1), 0xc0000000u);
}

TEST(Zdinx, Rv32OddPairIsReservedAndTraps) {
  // fadd.d a1, a2, a4 (rd = 11): the decoder rejects odd pairs.
  auto T = TestMachine::create(".word 0x02e675d3\n", "rv32i_zdinx");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
}

TEST(Zdinx, ReservedRoundingModeIsIllegal) {
  auto T = TestMachine::create("csrwi frm, 6\n"
                               "fadd.d a0, a2, a4\n",
                               "rv64i_zdinx");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
}

} // namespace
