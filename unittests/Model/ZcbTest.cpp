//===- ZcbTest.cpp - Zcb compressed instructions ----------------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Zcb, LoadsAndStores) {
  auto T = TestMachine::create(R"(
    li s0, 0x10000
    li a0, 0x80
    c.sb a0, 3(s0)
    li a0, -2
    c.sh a0, 2(s0)           # overwrites bytes 2..3
    c.lbu a1, 3(s0)
    c.lhu a2, 2(s0)
    c.lh a3, 2(s0)
    li a0, 0x81
    c.sb a0, 1(s0)
    c.lbu a4, 1(s0)
  )", "rv64gc_zcb");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 0xffu);
  EXPECT_EQ(T->x(a2), 0xfffeu);
  EXPECT_EQ(T->x(a3), uint64_t(-2));
  EXPECT_EQ(T->x(a4), 0x81u);
  EXPECT_EQ(T->load64(0x10000), 0xfffe8100u);
}

TEST(Zcb, LoadFaultReportsAddress) {
  auto T = TestMachine::create(R"(
    li s0, 0x30000
    c.lhu a0, 2(s0)
  )", "rv64gc_zcb");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 5u);
  EXPECT_EQ(T->M->stopInfo().tval, 0x30002u);
}

TEST(Zcb, UnaryAndMulOnRV64) {
  auto T = TestMachine::create(R"(
    li a0, 0x123456789abcdef0
    mv a1, a0
    mv a2, a0
    mv a3, a0
    mv a4, a0
    mv a5, a0
    mv s0, a0
    c.zext.b a0
    c.sext.b a1
    c.zext.h a2
    c.sext.h a3
    c.zext.w a4
    c.not a5
    li s1, -3
    c.mul s0, s1
  )", "rv64gc_zcb_zbb_zba");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0xf0u);
  EXPECT_EQ(T->x(a1), uint64_t(-16));
  EXPECT_EQ(T->x(a2), 0xdef0u);
  EXPECT_EQ(T->x(a3), uint64_t(int64_t(int16_t(0xdef0))));
  EXPECT_EQ(T->x(a4), 0x9abcdef0u);
  EXPECT_EQ(T->x(a5), ~0x123456789abcdef0ull);
  EXPECT_EQ(T->x(s0), 0x123456789abcdef0ull * uint64_t(-3));
}

TEST(Zcb, UnaryAndMulOnRV32) {
  auto T = TestMachine::create(R"(
    li a0, 0x8000ff80
    mv a1, a0
    mv a3, a0
    mv a5, a0
    c.sext.b a1
    c.sext.h a3
    c.not a5
    li s0, 0x10001
    li s1, 0x10001
    c.mul s0, s1
  )", "rv32gc_zcb_zbb");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 0xffffff80u);
  EXPECT_EQ(T->x(a3), 0xffffff80u);
  EXPECT_EQ(T->x(a5), 0x7fff007fu);
  EXPECT_EQ(T->x(s0), 0x00020001u); // 0x100020001 truncated to 32 bits
}

} // namespace
