//===- BitManipTest.cpp - Zba, Zbb, Zbc, Zbs and Zicond corner cases ------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

constexpr const char *Isa64 = "rv64gc_zba_zbb_zbc_zbs_zicond";
constexpr const char *Isa32 = "rv32gc_zba_zbb_zbc_zbs_zicond";

TEST(BitManip, CountsOfZeroAndAllOnes) {
  auto T = TestMachine::create(R"(
    clz a0, zero           # 64
    ctz a1, zero           # 64
    cpop a2, zero          # 0
    li t0, -1
    clzw a3, zero          # 32
    ctzw a4, t0            # 0
    cpopw a5, t0           # 32
    cpop s0, t0            # 64
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 64u);
  EXPECT_EQ(T->x(a1), 64u);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a3), 32u);
  EXPECT_EQ(T->x(a4), 0u);
  EXPECT_EQ(T->x(a5), 32u);
  EXPECT_EQ(T->x(s0), 64u);
}

TEST(BitManip, Rev8OrcbSextZext) {
  auto T = TestMachine::create(R"(
    li t0, 0x0102030405060708
    rev8 a0, t0
    li t1, 0x0100ff0000000010
    orc.b a1, t1
    li t2, 0x80
    sext.b a2, t2
    li s0, 0x18000
    sext.h a3, s0
    zext.h a4, s0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x0807060504030201ull);
  EXPECT_EQ(T->x(a1), 0xff00ff00000000ffull);
  EXPECT_EQ(T->x(a2), 0xffffffffffffff80ull);
  EXPECT_EQ(T->x(a3), 0xffffffffffff8000ull);
  EXPECT_EQ(T->x(a4), 0x8000u);
}

TEST(BitManip, RotatesAndLogic) {
  auto T = TestMachine::create(R"(
    li t0, 0x8000000000000001
    rori a0, t0, 1         # 0xc000000000000000
    li t1, 65              # amount is taken mod 64
    rol a1, t0, t1         # 0x0000000000000003
    li t2, 0x80000001
    roriw a2, t2, 1        # low word 0xc0000000, sign-extended
    rolw a3, t2, t1        # low word 0x00000003
    andn a4, t0, t0        # 0
    orn a5, zero, zero     # -1
    xnor s0, t0, t0        # -1
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xc000000000000000ull);
  EXPECT_EQ(T->x(a1), 3u);
  EXPECT_EQ(T->x(a2), 0xffffffffc0000000ull);
  EXPECT_EQ(T->x(a3), 3u);
  EXPECT_EQ(T->x(a4), 0u);
  EXPECT_EQ(T->x(a5), ~0ull);
  EXPECT_EQ(T->x(s0), ~0ull);
}

TEST(BitManip, MinMax) {
  auto T = TestMachine::create(R"(
    li t0, -1
    li t1, 1
    min a0, t0, t1
    max a1, t0, t1
    minu a2, t0, t1
    maxu a3, t0, t1
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), ~0ull);
  EXPECT_EQ(T->x(a1), 1u);
  EXPECT_EQ(T->x(a2), 1u);
  EXPECT_EQ(T->x(a3), ~0ull);
}

TEST(BitManip, ShiftAddsAndUnsignedWords) {
  auto T = TestMachine::create(R"(
    li t0, -1              # low word 0xffffffff
    li t1, 1
    sh1add a0, t1, t1      # 3
    sh2add a1, t1, t1      # 5
    sh3add a2, t1, t1      # 9
    add.uw a3, t0, t1      # 0x100000000
    sh1add.uw a4, t0, zero # 0x1fffffffe
    sh3add.uw a5, t0, zero # 0x7fffffff8
    slli.uw s0, t0, 4      # 0xffffffff0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 3u);
  EXPECT_EQ(T->x(a1), 5u);
  EXPECT_EQ(T->x(a2), 9u);
  EXPECT_EQ(T->x(a3), 0x100000000ull);
  EXPECT_EQ(T->x(a4), 0x1fffffffeull);
  EXPECT_EQ(T->x(a5), 0x7fffffff8ull);
  EXPECT_EQ(T->x(s0), 0xffffffff0ull);
}

TEST(BitManip, CarrylessMultiplies) {
  auto T = TestMachine::create(R"(
    li t0, -1
    li t1, 3
    clmul a0, t0, t1       # all-ones ^ (all-ones << 1) = 1 (low 64)
    clmulh a1, t0, t1      # high half: 1
    clmulr a2, t0, t1      # bits 126..63 of the product
    li t2, 0x8000000000000000
    clmulh a3, t2, t2      # 2^126 -> high half 2^62
    clmul a4, t2, t2       # 0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 1u);
  EXPECT_EQ(T->x(a1), 1u);
  EXPECT_EQ(T->x(a2), (T->x(a1) << 1) | (T->x(a0) >> 63));
  EXPECT_EQ(T->x(a3), 1ull << 62);
  EXPECT_EQ(T->x(a4), 0u);
}

TEST(BitManip, SingleBitOpsMaskTheIndex) {
  auto T = TestMachine::create(R"(
    li t0, 67              # index 67 & 63 = 3
    bset a0, zero, t0      # 8
    bclr a1, a0, t0        # 0
    binv a2, zero, t0      # 8
    bext a3, a0, t0        # 1
    bseti a4, zero, 63
    bexti a5, a4, 63       # 1
    binvi s0, a4, 63       # 0
    bclri s1, a4, 63       # 0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 8u);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 8u);
  EXPECT_EQ(T->x(a3), 1u);
  EXPECT_EQ(T->x(a4), 0x8000000000000000ull);
  EXPECT_EQ(T->x(a5), 1u);
  EXPECT_EQ(T->x(s0), 0u);
  EXPECT_EQ(T->x(s1), 0u);
}

TEST(BitManip, RV32Forms) {
  auto T = TestMachine::create(R"(
    li t0, 0x12345678
    rev8 a0, t0            # 0x78563412
    clz a1, zero           # 32
    li t1, 35              # index 35 & 31 = 3
    bset a2, zero, t1      # 8
    li t2, 0x80000001
    rori a3, t2, 1         # 0xc0000000
    li s0, -1
    li s1, 3
    clmulh a4, s0, s1      # 1
    zext.h a5, s0          # 0xffff
    cpop t0, s0            # 32
  )", Isa32);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x78563412u);
  EXPECT_EQ(T->x(a1), 32u);
  EXPECT_EQ(T->x(a2), 8u);
  EXPECT_EQ(T->x(a3), 0xc0000000u);
  EXPECT_EQ(T->x(a4), 1u);
  EXPECT_EQ(T->x(a5), 0xffffu);
  EXPECT_EQ(T->x(t0), 32u);
}

TEST(Zicond, ConditionalZero) {
  auto T = TestMachine::create(R"(
    li t0, 42
    li t1, 7
    czero.eqz a0, t0, zero # 0
    czero.eqz a1, t0, t1   # 42
    czero.nez a2, t0, zero # 42
    czero.nez a3, t0, t1   # 0
  )", Isa64);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 42u);
  EXPECT_EQ(T->x(a2), 42u);
  EXPECT_EQ(T->x(a3), 0u);
}

} // namespace
