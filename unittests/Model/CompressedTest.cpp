//===- CompressedTest.cpp - C extension decoding and semantics ------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Compressed, StackRelativeForms) {
  auto T = TestMachine::create(R"(
    li sp, 0x10100
    c.addi4spn a0, sp, 16  # a0 = sp + 16
    c.li a1, -7
    c.swsp a1, 8(sp)
    c.lwsp a2, 8(sp)
    c.sdsp a1, 16(sp)
    c.ldsp a3, 16(sp)
    c.addi16sp sp, -64
    c.sw a1, 4(a0)
    c.lw a4, 4(a0)
    c.sd a1, 8(a0)
    c.ld a5, 8(a0)
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0x10110u);
  EXPECT_EQ(T->x(a2), uint64_t(-7));
  EXPECT_EQ(T->x(a3), uint64_t(-7));
  EXPECT_EQ(T->x(sp), 0x10100u - 64);
  EXPECT_EQ(T->x(a4), uint64_t(-7));
  EXPECT_EQ(T->x(a5), uint64_t(-7));
}

TEST(Compressed, AluForms) {
  auto T = TestMachine::create(R"(
    c.li a0, 31
    c.lui a1, 0xfffff      # negative 6-bit immediate
    c.mv a2, a0
    c.add a2, a0           # 62
    c.addi a2, -2          # 60
    c.slli a2, 2           # 240
    c.srli a2, 1           # 120
    c.li a3, -16
    c.srai a3, 2           # -4
    c.andi a3, 0x1e        # 0x1c
    c.li a4, 12
    c.li a5, 10
    c.sub a4, a5           # 2
    c.xor a5, a4           # 8
    c.or a5, a4            # 10
    c.and a5, a4           # 2
    c.li s0, -1
    c.addiw s0, 0          # sign-extends the low word: -1
    c.li s1, 1
    c.slli s1, 31
    c.addw s1, s1          # low word 0 -> 0
    c.subw s1, a5          # -2
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 31u);
  EXPECT_EQ(T->x(a1), 0xfffffffffffff000ull);
  EXPECT_EQ(T->x(a2), 120u);
  EXPECT_EQ(T->x(a3), 0x1cu);
  EXPECT_EQ(T->x(a4), 2u);
  EXPECT_EQ(T->x(a5), 2u);
  EXPECT_EQ(T->x(s0), ~0ull);
  EXPECT_EQ(T->x(s1), uint64_t(-2));
}

TEST(Compressed, JumpsAndBranches) {
  auto T = TestMachine::create(R"(
    c.li a0, 0
    c.j 1f
    c.li a0, 1             # skipped
  1:
    c.beqz a0, 2f
    c.li a1, 1             # skipped
  2:
    c.bnez a0, 3f          # not taken
    c.li a2, 2
  3:
    c.li t0, 0
    auipc t0, 0
    c.addi t0, 10          # auipc at +16, so t0 -> label 4 at +26
    c.jalr t0              # ra = next
    c.j 5f
  4:
    c.mv a3, ra
    c.jr ra
  5:
  )");
  ASSERT_TRUE(T);
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 2u);
  EXPECT_EQ(T->x(t0), CodeBase + 26);
  EXPECT_EQ(T->x(a3), CodeBase + 24) << "ra = address after c.jalr";
}

TEST(Compressed, JalrLinksAfterTwoBytesAndReadsTargetFirst) {
  auto T = TestMachine::create(R"(
    auipc ra, 0
    c.addi ra, 8           # ra -> the c.nop below (auipc+4+2+2)
    c.jalr ra              # target read before ra is overwritten
    c.nop
    c.nop
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(ra), CodeBase + 8);
}

TEST(Compressed, HintsAreNoOps) {
  auto T = TestMachine::create(R"(
    c.nop 5                # C.NOP with a non-zero immediate
    c.li zero, 3
    c.lui zero, 1
    c.mv zero, a0
    c.add zero, a0
    c.slli zero, 3
    c.addi a0, 0           # rd != 0, imm == 0 hint
  )");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(zero), 0u);
  EXPECT_EQ(T->x(a0), 0u);
}

TEST(Compressed, UnimpAndEbreak) {
  auto T = TestMachine::create("c.unimp\n");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
  auto U = TestMachine::create("c.ebreak\n");
  ASSERT_TRUE(U);
  EXPECT_EQ(U->run(), SNIPGEN_STEP_EBREAK);
}

TEST(Compressed, RV32CJal) {
  auto T = TestMachine::create(R"(
    c.jal 1f
    c.li a0, 5             # skipped; ra points here
  1:
    c.li a1, 6
  )", "rv32gc");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(ra), CodeBase + 2);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 6u);
}

TEST(Compressed, OddJumpTargetWithoutCIsMisaligned) {
  auto T = TestMachine::create(R"(
    li t0, 0x1012          # 2-byte aligned only
    jr t0
  )", "rv64g");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 0u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x1012u);
}

} // namespace
