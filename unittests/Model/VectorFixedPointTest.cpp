//===- VectorFixedPointTest.cpp - RVV fixed-point: vxrm, vxsat ------------===//
#include "VectorIntTestUtil.h"

using namespace snipgen::test::vec;

namespace {

struct ModeCase {
  unsigned Rm;
  std::vector<uint8_t> Avg, Shift, Clipu;
  bool ClipuSat;
};

TEST(VectorFixedPoint, EveryRoundingMode) {
  // vaaddu: (5+2)/2, (4+1)/2; vssrl by 2: 14, 10, 9; vnclipu by 4:
  // 0x0fff (rounds past 0xff in rnu/rne: saturates), 0x0128.
  const ModeCase Cases[] = {
      {0, {4, 3}, {4, 3, 2}, {0xff, 0x13}, true},  // rnu
      {1, {4, 2}, {4, 2, 2}, {0xff, 0x12}, true},  // rne
      {2, {3, 2}, {3, 2, 2}, {0xff, 0x12}, false}, // rdn
      {3, {3, 3}, {3, 3, 3}, {0xff, 0x13}, false}, // rod
  };
  for (const ModeCase &C : Cases) {
    auto T = VMachine::create(R"(
      vaaddu.vv v4, v2, v3
      vssrl.vi v5, v6, 2
      vnclipu.wi v7, v8, 4
    )");
    T->config(8, 0, 3);
    T->v().Vxrm = uint8_t(C.Rm);
    T->set<uint8_t>(2, {5, 4});
    T->set<uint8_t>(3, {2, 1});
    T->set<uint8_t>(6, {14, 10, 9});
    T->set<uint16_t>(8, {0x0fff, 0x0128, 0});
    RUN_OK(T);
    EXPECT_EQ(T->elems<uint8_t>(4, 2), C.Avg) << "vxrm " << C.Rm;
    EXPECT_EQ(T->elems<uint8_t>(5, 3), C.Shift) << "vxrm " << C.Rm;
    EXPECT_EQ(T->elems<uint8_t>(7, 2), C.Clipu) << "vxrm " << C.Rm;
    EXPECT_EQ(T->v().Vxsat, C.ClipuSat ? 1 : 0) << "vxrm " << C.Rm;
  }
}

TEST(VectorFixedPoint, SignedClipSaturatesInEveryMode) {
  for (unsigned Rm = 0; Rm < 4; ++Rm) {
    auto T = VMachine::create(R"(
      vnclip.wi v4, v2, 4
      vnclip.wv v5, v2, v6
    )");
    T->config(8, 0, 3);
    T->v().Vxrm = uint8_t(Rm);
    T->set<uint16_t>(2, {0xf0ff, 0x7fff, 0x0128});
    T->set<uint8_t>(6, {0, 16 + 0, 4}); // shift amounts mod 16
    RUN_OK(T);
    EXPECT_EQ(T->get<uint8_t>(4, 0), 0x80) << Rm;
    EXPECT_EQ(T->get<uint8_t>(4, 1), 0x7f) << Rm;
    EXPECT_EQ(T->get<uint8_t>(5, 1), 0x7f) << Rm;
    EXPECT_EQ(T->get<uint8_t>(5, 2), Rm == 0 || Rm == 3 ? 0x13 : 0x12) << Rm;
    EXPECT_EQ(T->v().Vxsat, 1) << Rm;
  }
}

TEST(VectorFixedPoint, SaturatingAddSub) {
  auto T = VMachine::create(R"(
    vsaddu.vi v4, v2, 1
    vsadd.vx v5, v2, a0
    vssubu.vv v6, v3, v2
    vssub.vx v7, v3, a0
  )");
  T->config(8, 0, 2);
  T->h().X[10] = 1;
  T->set<uint8_t>(2, {0xff, 0x7f});
  T->set<uint8_t>(3, {0x80, 0x00});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 2), V<uint8_t>({0xff, 0x80}));
  EXPECT_EQ(T->elems<uint8_t>(5, 2), V<uint8_t>({0x00, 0x7f}));
  EXPECT_EQ(T->elems<uint8_t>(6, 2), V<uint8_t>({0x00, 0x00}));
  EXPECT_EQ(T->elems<uint8_t>(7, 2), V<uint8_t>({0x80, 0xff}));
  EXPECT_EQ(T->v().Vxsat, 1);
}

TEST(VectorFixedPoint, NoSaturationLeavesVxsat) {
  auto T = VMachine::create("vsadd.vv v4, v2, v3");
  T->config(32, 0, 2);
  T->set<uint32_t>(2, {1, 0x7ffffffe});
  T->set<uint32_t>(3, {2, 1});
  RUN_OK(T);
  EXPECT_EQ(T->v().Vxsat, 0);
  // Saturation of a masked-off element does not count.
  auto U = VMachine::create("vsaddu.vv v4, v2, v3, v0.t");
  U->config(8, 0, 2);
  U->set<uint8_t>(2, {0xff, 1});
  U->set<uint8_t>(3, {0xff, 1});
  U->setMask(0, 0b10);
  RUN_OK(U);
  EXPECT_EQ(U->v().Vxsat, 0);
}

TEST(VectorFixedPoint, FractionalMultiply) {
  auto T = VMachine::create("vsmul.vv v4, v2, v3");
  T->config(8, 0, 3);
  T->set<uint8_t>(2, {0x80, 0x40, 0x81});
  T->set<uint8_t>(3, {0x80, 0x40, 0x7f});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 3), V<uint8_t>({0x7f, 0x20, 0x82}));
  EXPECT_EQ(T->v().Vxsat, 1);
  auto U = VMachine::create("vsmul.vv v4, v2, v3");
  U->config(64, 0, 1);
  U->set<uint64_t>(2, {0x8000000000000000ull});
  U->set<uint64_t>(3, {0x8000000000000000ull});
  RUN_OK(U);
  EXPECT_EQ(U->get<uint64_t>(4, 0), 0x7fffffffffffffffull);
}

TEST(VectorFixedPoint, AveragingSubtractAndSignedShift) {
  auto T = VMachine::create(R"(
    vasubu.vv v4, v2, v3
    vasub.vv v5, v2, v3
    vssra.vi v6, v7, 1
  )");
  T->config(8, 0, 2);
  T->v().Vxrm = 0; // rnu
  T->set<uint8_t>(2, {1, 0x80});
  T->set<uint8_t>(3, {4, 0x7f});
  T->set<uint8_t>(7, {0xfd, 0x03}); // -3, 3
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 2), V<uint8_t>({0xff, 0x01})); // -1.5 -> -1; 0.5 -> 1
  EXPECT_EQ(T->elems<uint8_t>(5, 2), V<uint8_t>({0xff, 0x81})); // -1.5 -> -1; -127.5 -> -127
  EXPECT_EQ(T->elems<uint8_t>(6, 2), V<uint8_t>({0xff, 0x02})); // -1.5 -> -1; 1.5 -> 2
}

} // namespace
