//===- ZimopTest.cpp - Zimop and Zcmop may-be-operations --------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Zimop, MopsWriteZero) {
  auto T = TestMachine::create(R"(
    li a0, 1
    li a1, 2
    li a2, 3
    li a3, 4
    mop.r.0 a0, a1
    mop.r.31 a1, a1
    mop.rr.0 a2, a1, a3
    mop.rr.7 a3, a3, a3
  )", "rv64gc_zimop");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a0), 0u);
  EXPECT_EQ(T->x(a1), 0u);
  EXPECT_EQ(T->x(a2), 0u);
  EXPECT_EQ(T->x(a3), 0u);
}

TEST(Zcmop, CMopWritesNoRegister) {
  auto T = TestMachine::create(R"(
    li ra, 11
    li gp, 33
    li t0, 55
    li s1, 99
    li a5, 15
    c.mop.1
    c.mop.3
    c.mop.5
    c.mop.9
    c.mop.15
  )", "rv32gc_zcmop");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(ra), 11u);
  EXPECT_EQ(T->x(3), 33u);
  EXPECT_EQ(T->x(t0), 55u);
  EXPECT_EQ(T->x(s1), 99u);
  EXPECT_EQ(T->x(a5), 15u);
}

} // namespace
