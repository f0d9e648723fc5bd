//===- ZihintTest.cpp - Zihintntl, Zihintpause and Svinval ------------------===//
#include "ModelTestUtil.h"

using namespace snipgen;
using namespace snipgen::test;

namespace {

TEST(Zihint, HintsRetireWithoutEffect) {
  auto T = TestMachine::create(R"(
    li sp, 0x1234
    li t0, 5
    ntl.p1
    ntl.pall
    ntl.s1
    ntl.all
    c.ntl.p1
    c.ntl.pall
    c.ntl.s1
    c.ntl.all
    pause
    addi a0, zero, 1
  )", "rv64gc_zihintntl_zihintpause");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(sp), 0x1234u);
  EXPECT_EQ(T->x(a0), 1u);
}

TEST(Svinval, RetiresInMachineMode) {
  auto T = TestMachine::create(R"(
    li a0, 0x1000
    sfence.w.inval
    sinval.vma a0, zero
    sinval.vma zero, zero
    sfence.inval.ir
    li a1, 1
  )", "rv64gc_svinval");
  RUN_TO_END(T);
  EXPECT_EQ(T->x(a1), 1u);
}

TEST(Svinval, HinvalNeedsTheHypervisor) {
  auto T = TestMachine::create(R"(
    hinval.vvma a0, a1
  )", "rv64gch_svinval");
  ASSERT_TRUE(T);
  EXPECT_EQ(T->run(), SNIPGEN_STEP_UNHANDLED_TRAP);
  EXPECT_EQ(T->M->stopInfo().cause, 2u);
  EXPECT_NE(T->message().find("hypervisor"), std::string::npos) << T->message();
}

} // namespace
