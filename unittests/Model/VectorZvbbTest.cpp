//===- VectorZvbbTest.cpp - RVV Zvbb and Zvbc ------------------------------===//
#include "VectorFpTestUtil.h"

using namespace snipgen;
using namespace snipgen::test::vtest;

namespace {

constexpr const char *Isa = "rv64gcv_zvbb_zvbc";

TEST(VectorZvbb, BitOpsPerElementWidth) {
  auto T = VMachine::create(R"(
    vandn.vv v1, v2, v3
    vbrev.v v4, v2
    vbrev8.v v5, v2
    vrev8.v v6, v2
    vclz.v v7, v2
    vctz.v v8, v2
    vcpop.v v9, v2
    vandn.vx v10, v2, a0
  )", Isa);
  ASSERT_TRUE(T);
  T->config(16, 0, 2);
  T->fill<uint16_t>(2, {0x0102, 0x0000});
  T->fill<uint16_t>(3, {0x0100, 0xffff});
  T->h().X[10] = 0xffff0002; // truncated to SEW: 0x0002
  T->runOk();
  EXPECT_EQ(T->get<uint16_t>(1, 0), 0x0002);
  EXPECT_EQ(T->get<uint16_t>(4, 0), 0x4080);
  EXPECT_EQ(T->get<uint16_t>(5, 0), 0x8040);
  EXPECT_EQ(T->get<uint16_t>(6, 0), 0x0201);
  EXPECT_EQ(T->get<uint16_t>(7, 0), 7);
  EXPECT_EQ(T->get<uint16_t>(7, 1), 16); // clz(0) = SEW
  EXPECT_EQ(T->get<uint16_t>(8, 0), 1);
  EXPECT_EQ(T->get<uint16_t>(8, 1), 16);
  EXPECT_EQ(T->get<uint16_t>(9, 0), 2);
  EXPECT_EQ(T->get<uint16_t>(10, 0), 0x0100);
}

TEST(VectorZvbb, RotatesUseLowBitsOfTheAmount) {
  auto T = VMachine::create(R"(
    vror.vi v1, v2, 33
    vrol.vx v3, v2, a0
    vror.vv v4, v2, v5, v0.t
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 2);
  T->fill<uint32_t>(2, {0x80000001, 0x12345678});
  T->fill<uint32_t>(4, {0xdead, 0xbeef});
  T->fill<uint32_t>(5, {4, 36});
  T->fill<uint8_t>(0, {0b10});
  T->h().X[10] = 65; // 65 mod 32 = 1
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), 0xc0000000u);
  EXPECT_EQ(T->get<uint32_t>(3, 0), 0x00000003u);
  EXPECT_EQ(T->get<uint32_t>(4, 0), 0xdeadu); // masked off
  EXPECT_EQ(T->get<uint32_t>(4, 1), 0x81234567u);
}

TEST(VectorZvbb, WideningShiftLeft) {
  auto T = VMachine::create(R"(
    vwsll.vi v2, v1, 31
    vwsll.vx v4, v1, a0
  )", Isa);
  ASSERT_TRUE(T);
  T->config(16, 0, 2);
  T->fill<uint16_t>(1, {0xffff, 0x0001});
  T->h().X[10] = 33; // 33 mod 32 = 1
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(2, 0), 0x80000000u);
  EXPECT_EQ(T->get<uint32_t>(2, 1), 0x80000000u);
  EXPECT_EQ(T->get<uint32_t>(4, 0), 0x1fffeu);

  auto U = VMachine::create("vwsll.vi v2, v1, 1", Isa);
  ASSERT_TRUE(U);
  U->config(64, 0, 1);
  U->runIllegal(); // 2*SEW > ELEN
  auto W = VMachine::create(withVd("vwsll.vi v2, v1, 1", Isa, 1), Isa);
  ASSERT_TRUE(W);
  W->config(16, 0, 1);
  W->runIllegal(); // misaligned wide destination
}

TEST(VectorZvbc, CarrylessMultiplyAtSew64Only) {
  auto T = VMachine::create(R"(
    vclmul.vv v1, v2, v3
    vclmulh.vv v4, v2, v3
    vclmul.vx v5, v2, a0
  )", Isa);
  ASSERT_TRUE(T);
  T->config(64, 0, 2);
  T->fill<uint64_t>(2, {0x8000000000000003ull, 3});
  T->fill<uint64_t>(3, {0x8000000000000003ull, 5});
  T->h().X[10] = 2;
  T->runOk();
  // (x^63 + x + 1)^2 = x^126 + x^2 + 1.
  EXPECT_EQ(T->get<uint64_t>(1, 0), 5u);
  EXPECT_EQ(T->get<uint64_t>(4, 0), 0x4000000000000000ull);
  EXPECT_EQ(T->get<uint64_t>(1, 1), 15u); // 3 clmul 5 = 0b1111
  EXPECT_EQ(T->get<uint64_t>(4, 1), 0u);
  EXPECT_EQ(T->get<uint64_t>(5, 0), 6u);

  auto U = VMachine::create("vclmul.vv v1, v2, v3", Isa);
  ASSERT_TRUE(U);
  U->config(32, 0, 1);
  U->runIllegal();
}

} // namespace
