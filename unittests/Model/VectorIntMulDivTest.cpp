//===- VectorIntMulDivTest.cpp - RVV multiply, divide, multiply-add -------===//
#include "VectorIntTestUtil.h"

using namespace snipgen::test::vec;

namespace {

TEST(VectorIntMulDiv, DivideByZeroAndOverflow) {
  auto T = VMachine::create(R"(
    vdivu.vv v4, v2, v3
    vremu.vv v5, v2, v3
    vdiv.vv v6, v2, v3
    vrem.vv v7, v2, v3
  )");
  T->config(8, 0, 3);
  T->set<uint8_t>(2, {7, 0x80, 0xf9}); // 7, -128, -7
  T->set<uint8_t>(3, {0, 0xff, 2});    // 0, -1, 2
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 3), V<uint8_t>({0xff, 0, 0x7c}));
  EXPECT_EQ(T->elems<uint8_t>(5, 3), V<uint8_t>({7, 0x80, 1}));
  EXPECT_EQ(T->elems<uint8_t>(6, 3), V<uint8_t>({0xff, 0x80, 0xfd})); // -7/2 = -3
  EXPECT_EQ(T->elems<uint8_t>(7, 3), V<uint8_t>({7, 0, 0xff}));       // rem -1

  auto U = VMachine::create(R"(
    vdiv.vx v4, v2, a0
    vrem.vx v5, v2, a0
    vdivu.vx v6, v2, zero
  )");
  U->config(64, 0, 2);
  U->h().X[10] = ~0ull;
  U->set<uint64_t>(2, {0x8000000000000000ull, 9});
  RUN_OK(U);
  EXPECT_EQ(U->elems<uint64_t>(4, 2), V<uint64_t>({0x8000000000000000ull, uint64_t(-9)}));
  EXPECT_EQ(U->elems<uint64_t>(5, 2), V<uint64_t>({0, 0}));
  EXPECT_EQ(U->elems<uint64_t>(6, 2), V<uint64_t>({~0ull, ~0ull}));
}

TEST(VectorIntMulDiv, HighHalvesAtSew64) {
  auto T = VMachine::create(R"(
    vmulh.vv v4, v2, v3
    vmulhu.vv v5, v2, v3
    vmulhsu.vv v6, v2, v3
    vmul.vv v7, v2, v3
  )");
  T->config(64, 0, 2);
  T->set<uint64_t>(2, {0x8000000000000000ull, ~0ull});
  T->set<uint64_t>(3, {0x8000000000000000ull, ~0ull});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint64_t>(4, 2), V<uint64_t>({0x4000000000000000ull, 0}));
  EXPECT_EQ(T->elems<uint64_t>(5, 2),
            V<uint64_t>({0x4000000000000000ull, 0xfffffffffffffffeull}));
  EXPECT_EQ(T->elems<uint64_t>(6, 2), V<uint64_t>({0xc000000000000000ull, ~0ull}));
  EXPECT_EQ(T->elems<uint64_t>(7, 2), V<uint64_t>({0, 1}));
}

TEST(VectorIntMulDiv, HighHalvesAtSew8) {
  auto T = VMachine::create(R"(
    vmulh.vx v4, v2, a0
    vmulhu.vx v5, v2, a0
    vmulhsu.vx v6, v2, a0
  )");
  T->config(8, 0, 2);
  T->h().X[10] = 0xff;
  T->set<uint8_t>(2, {0xff, 0x10});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 2), V<uint8_t>({0x00, 0xff})); // 1, -16
  EXPECT_EQ(T->elems<uint8_t>(5, 2), V<uint8_t>({0xfe, 0x0f}));
  EXPECT_EQ(T->elems<uint8_t>(6, 2), V<uint8_t>({0xff, 0x0f})); // -255, 4080
}

TEST(VectorIntMulDiv, MultiplyAdd) {
  auto T = VMachine::create(R"(
    vmacc.vv v4, v2, v3
    vnmsac.vv v5, v2, v3
    vmadd.vv v6, v2, v3
    vnmsub.vx v7, a0, v3
  )");
  T->config(16, 0, 1);
  T->set<uint16_t>(2, {3});
  T->set<uint16_t>(3, {4});
  for (unsigned R : {4, 5, 6, 7})
    T->set<uint16_t>(R, {10});
  T->h().X[10] = 3;
  RUN_OK(T);
  EXPECT_EQ(T->get<uint16_t>(4, 0), 22);     // 10 + 3*4
  EXPECT_EQ(T->get<uint16_t>(5, 0), 0xfffe); // 10 - 12
  EXPECT_EQ(T->get<uint16_t>(6, 0), 34);     // 3*10 + 4
  EXPECT_EQ(T->get<uint16_t>(7, 0), 0xffe6); // -(3*10) + 4
}

TEST(VectorIntMulDiv, WideningMultiplyAddSignedness) {
  auto T = VMachine::create(R"(
    vwmaccu.vv v4, v2, v3
    vwmacc.vv v6, v2, v3
    vwmaccsu.vv v8, v2, v3
    vwmaccus.vx v10, a0, v3
  )");
  T->config(8, 0, 1);
  T->set<uint8_t>(2, {0xff});
  T->set<uint8_t>(3, {0xff});
  T->h().X[10] = 0xff;
  RUN_OK(T);
  EXPECT_EQ(T->get<uint16_t>(4, 0), 0xfe01); // 255 * 255
  EXPECT_EQ(T->get<uint16_t>(6, 0), 1);      // -1 * -1
  EXPECT_EQ(T->get<uint16_t>(8, 0), 0xff01); // -1 * 255
  EXPECT_EQ(T->get<uint16_t>(10, 0), 0xff01); // 255 * -1
}

TEST(VectorIntMulDiv, MulhAtSew64NotInZve64x) {
  for (const char *Asm : {"vmulh.vv v4, v2, v3", "vmulhu.vx v4, v2, a0",
                          "vmulhsu.vv v4, v2, v3", "vsmul.vv v4, v2, v3"}) {
    auto T = VMachine::create(Asm, "rv64gc_zve64x");
    T->config(64, 0, 1);
    RUN_ILLEGAL(T);
    auto U = VMachine::create(Asm, "rv64gc_zve64x");
    U->config(32, 0, 1);
    RUN_OK(U);
    auto W = VMachine::create(Asm, "rv64gcv");
    W->config(64, 0, 1);
    RUN_OK(W);
  }
}

TEST(VectorIntMulDiv, WideningNeedsTwiceSewWithinElen) {
  // Zve32x: ELEN 32, so SEW 32 cannot widen; SEW 16 can.
  auto T = VMachine::create("vwmul.vv v4, v2, v3", "rv64gc_zve32x");
  T->config(32, 0, 1);
  RUN_ILLEGAL(T);
  auto U = VMachine::create("vwmul.vv v4, v2, v3", "rv64gc_zve32x");
  U->config(16, 0, 1);
  RUN_OK(U);
}

} // namespace

namespace {

// vwmacc* read vd (EEW 2*SEW), so a narrow source in the highest part of
// vd - legal for vwmul/vwadd - is reserved for them (QEMU 10 traps too).
TEST(VectorIntMulDiv, WideningMaccSourcesMayNotOverlapAccumulator) {
  for (const char *Asm : {"vwmaccu.vv v4, v5, v8", "vwmaccu.vv v4, v8, v5",
                          "vwmaccus.vx v4, a0, v5"}) {
    auto T = VMachine::create(Asm);
    RUN_ILLEGAL(T);
  }
  auto Ok = VMachine::create("vwmul.vv v4, v5, v8");
  RUN_OK(Ok);
}

} // namespace
