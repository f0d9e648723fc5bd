//===- IntegerTest.cpp - RV32I/RV64I and M corner cases -------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr uint64_t Min64 = 0x8000000000000000ull;

TEST(Integer, BasicAluAndUpperImmediates) {
  auto T = TestMachine::create(R"(
    li a0, 5
    addi a1, a0, -7        # -2
    slt a2, a1, a0         # 1
    sltu a3, a1, a0        # 0 (-2 is huge unsigned)
    lui a4, 0xfffff        # sign-extended on RV64
    auipc a5, 0
    srai t0, a1, 1         # -1
    srli t1, a1, 60        # 0xf
    addiw t2, a0, 0x7ff
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), uint64_t(-2));
  EXPECT_EQ(T->x(a2), 1u);
  EXPECT_EQ(T->x(a3), 0u);
  EXPECT_EQ(T->x(a4), 0xfffffffffffff000ull);
  EXPECT_EQ(T->x(a5), CodeBase + 5 * 4);
  EXPECT_EQ(T->x(t0), ~0ull);
  EXPECT_EQ(T->x(t1), 0xfu);
  EXPECT_EQ(T->x(t2), 5u + 0x7ff);
}

TEST(Integer, WordOpsSignExtend) {
  auto T = TestMachine::create(R"(
    li a0, 0x7fffffff
    addiw a1, a0, 1        # 0xffffffff80000000
    sllw a2, a0, a0        # shift by 31 (low 5 bits)
    srlw a3, a1, zero      # low word sign-extended
    sraiw a4, a1, 31       # -1
    srliw a5, a1, 31       # 1
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 0xffffffff80000000ull);
  EXPECT_EQ(T->x(a2), 0xffffffff80000000ull);
  EXPECT_EQ(T->x(a3), 0xffffffff80000000ull);
  EXPECT_EQ(T->x(a4), ~0ull);
  EXPECT_EQ(T->x(a5), 1u);
}

TEST(Integer, BranchesJumpsAndLinks) {
  auto T = TestMachine::create(R"(
    li a0, -1
    li a1, 1
    blt a0, a1, 1f         # signed: taken
    li a2, 99
  1:
    bltu a0, a1, 2f        # unsigned: not taken
    li a3, 7
  2:
    jal ra, 3f
    li a4, 11              # return address lands here
    j 4f
  3:
    jalr zero, 0(ra)
  4:
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a3), 7u);
  EXPECT_EQ(T->x(a4), 11u);
}

TEST(Integer, JalrClearsBitZeroAndReadsRs1BeforeWritingRd) {
  auto T = TestMachine::create(R"(
    li ra, 0x1011          # odd target: bit 0 is dropped -> 0x1010
    jalr ra, 0(ra)
    nop
    nop
  )"); // 0x1000: li (2 instrs with C? no: exact-asm), see below
  ASSERT_TRUE(T);
  // li ra, 0x1011 is lui+addi (8 bytes); jalr at 0x1008; target 0x1010 is the
  // second nop.
  RUN_TO_END(T);
  EXPECT_EQ(T->x(ra), CodeBase + 0xc);
}

TEST(Integer, LoadsAndStoresOfEverySize) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li a0, -2
    sd a0, 0(s0)
    lb a1, 0(s0)
    lbu a2, 0(s0)
    lh a3, 0(s0)
    lhu a4, 0(s0)
    lw a5, 0(s0)
    lwu t0, 0(s0)
    ld t1, 0(s0)
    sb zero, 1(s0)
    lhu t2, 0(s0)
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), uint64_t(-2));
  EXPECT_EQ(T->x(a2), 0xfeu);
  EXPECT_EQ(T->x(a3), uint64_t(-2));
  EXPECT_EQ(T->x(a4), 0xfffeu);
  EXPECT_EQ(T->x(a5), uint64_t(-2));
  EXPECT_EQ(T->x(t0), 0xfffffffeu);
  EXPECT_EQ(T->x(t1), uint64_t(-2));
  EXPECT_EQ(T->x(t2), 0x00feu);
}

TEST(Integer, X0StaysZero) {
  auto T = TestMachine::create(R"(
    addi zero, zero, 5
    lui zero, 1
    add a0, zero, zero
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(zero), 0u);
  EXPECT_EQ(T->x(a0), 0u);
}

TEST(MulDiv, DivisionByZeroAndOverflowRV64) {
  auto T = TestMachine::create(R"(
    li a0, 7
    div a1, a0, zero       # -1
    divu a2, a0, zero      # all ones
    rem a3, a0, zero       # 7
    remu a4, a0, zero      # 7
    li t0, 1
    slli t0, t0, 63        # INT64_MIN
    li t1, -1
    div a5, t0, t1         # INT64_MIN
    rem s1, t0, t1         # 0
    divw t2, t0, zero      # -1
    li s0, 0x80000000
    divw s0, s0, t1        # low word INT32_MIN / -1 = INT32_MIN
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), ~0ull);
  EXPECT_EQ(T->x(a2), ~0ull);
  EXPECT_EQ(T->x(a3), 7u);
  EXPECT_EQ(T->x(a4), 7u);
  EXPECT_EQ(T->x(a5), Min64);
  EXPECT_EQ(T->x(s1), 0u);
  EXPECT_EQ(T->x(t2), ~0ull);
  EXPECT_EQ(T->x(s0), 0xffffffff80000000ull);
}

TEST(MulDiv, WordFormsRV64) {
  auto T = TestMachine::create(R"(
    li t0, 0x80000000      # low word INT32_MIN
    li t1, -1
    remw a0, t0, t1        # 0
    divuw a1, t0, zero     # -1
    remuw a2, t0, zero     # sext(0x80000000)
    remw a3, t0, zero      # sext(INT32_MIN)
    li t2, 0x100000003     # low word 3
    li s0, 2
    divuw a4, t2, s0       # 1
    mulw a5, t1, t1        # 1
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), ~0ull);
  EXPECT_EQ(T->x(a2), 0xffffffff80000000ull);
  EXPECT_EQ(T->x(a3), 0xffffffff80000000ull);
  EXPECT_EQ(T->x(a4), 1u);
  EXPECT_EQ(T->x(a5), 1u);
}

TEST(MulDiv, HighMultipliesRV64) {
  auto T = TestMachine::create(R"(
    li t0, -1
    li t1, 2
    mulh a0, t0, t1        # -2 >> 64 = -1
    mulhu a1, t0, t1       # (2^64-1)*2 >> 64 = 1
    mulhsu a2, t0, t1      # -1 * 2 (unsigned) >> 64 = -1
    mulhsu a3, t1, t0      # 2 * (2^64-1) >> 64 = 1
    mul a4, t0, t1         # -2
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), ~0ull);
  EXPECT_EQ(T->x(a1), 1u);
  EXPECT_EQ(T->x(a2), ~0ull);
  EXPECT_EQ(T->x(a3), 1u);
  EXPECT_EQ(T->x(a4), uint64_t(-2));
}

TEST(MulDiv, CornerCasesRV32) {
  auto T = TestMachine::create(R"(
    li t0, 0x80000000      # INT32_MIN
    li t1, -1
    div a0, t0, t1         # INT32_MIN
    rem a1, t0, t1         # 0
    div a2, t0, zero       # -1
    divu a3, t0, zero      # 0xffffffff
    remu a4, t0, zero      # 0x80000000
    mulh a5, t0, t0        # 2^62 >> 32 = 0x40000000
    mulhu s0, t1, t1       # 0xfffffffe
    mulhsu s1, t1, t1      # -1 * 0xffffffff >> 32 = 0xffffffff
    sra t2, t0, t1         # shift by 31 -> -1
    srl a6, t0, t1         # 1
  )", "rv32gc");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x80000000u);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 0xffffffffu);
  EXPECT_EQ(T->x(a3), 0xffffffffu);
  EXPECT_EQ(T->x(a4), 0x80000000u);
  EXPECT_EQ(T->x(a5), 0x40000000u);
  EXPECT_EQ(T->x(s0), 0xfffffffeu);
  EXPECT_EQ(T->x(s1), 0xffffffffu);
  EXPECT_EQ(T->x(t2), 0xffffffffu);
  EXPECT_EQ(T->x(16), 1u);
}

TEST(Integer, RV32AddressesWrapAndCompareUnsigned) {
  auto T = TestMachine::create(R"(
    li a0, 0x80000000
    li a1, 1
    sltu a2, a1, a0        # 1 < 0x80000000 unsigned
    slt a3, a1, a0         # 1 > INT32_MIN signed -> 0
    li s0, 0x10000
    li t0, 0x12345678
    sw t0, 4(s0)
    lw t1, 4(s0)
    add a4, a0, a0         # wraps to 0
  )", "rv32gc");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a2), 1u);
  EXPECT_EQ(T->x(a3), 0u);
  EXPECT_EQ(T->x(6), 0x12345678u);
  EXPECT_EQ(T->x(a4), 0u);
}

} // namespace
