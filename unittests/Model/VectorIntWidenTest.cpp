//===- VectorIntWidenTest.cpp - RVV widening, narrowing, extension --------===//
#include "VectorIntTestUtil.h"

using namespace snipgen::test::vec;

namespace {

TEST(VectorIntWiden, AddSubOverflowIntoWideResult) {
  auto T = VMachine::create(R"(
    vwaddu.vv v4, v2, v3
    vwadd.vv v6, v2, v3
    vwsubu.vv v8, v10, v2
    vwadd.wv v12, v14, v3
    vwaddu.wx v16, v14, a0
    vwsub.vx v18, v2, a0
  )");
  T->config(8, 0, 2);
  T->set<uint8_t>(2, {0xff, 0x80});
  T->set<uint8_t>(3, {0xff, 0x80});
  T->set<uint8_t>(10, {0, 1});
  T->set<uint16_t>(14, {0x7fff, 0xffff});
  T->h().X[10] = 0x1ff; // truncated to SEW: 0xff
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint16_t>(4, 2), V<uint16_t>({0x1fe, 0x100}));
  EXPECT_EQ(T->elems<uint16_t>(6, 2), V<uint16_t>({0xfffe, 0xff00}));
  EXPECT_EQ(T->elems<uint16_t>(8, 2), V<uint16_t>({0xff01, 0xff81}));
  EXPECT_EQ(T->elems<uint16_t>(12, 2), V<uint16_t>({0x7ffe, 0xff7f}));
  EXPECT_EQ(T->elems<uint16_t>(16, 2), V<uint16_t>({0x80fe, 0x00fe}));
  EXPECT_EQ(T->elems<uint16_t>(18, 2), V<uint16_t>({0x0000, 0xff81}));
}

TEST(VectorIntWiden, Sew32To64) {
  auto T = VMachine::create(R"(
    vwmul.vv v4, v2, v3
    vwmulu.vv v6, v2, v3
    vwmulsu.vv v8, v2, v3
  )");
  T->config(32, 0, 2);
  T->set<uint32_t>(2, {0x80000000, 0xffffffff});
  T->set<uint32_t>(3, {0x80000000, 0xffffffff});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint64_t>(4, 2), V<uint64_t>({0x4000000000000000ull, 1}));
  EXPECT_EQ(T->elems<uint64_t>(6, 2),
            V<uint64_t>({0x4000000000000000ull, 0xfffffffe00000001ull}));
  EXPECT_EQ(T->elems<uint64_t>(8, 2),
            V<uint64_t>({0xc000000000000000ull, 0xffffffff00000001ull}));
}

TEST(VectorIntWiden, OverlapOnlyInHighestPart) {
  // vwaddu.vv = funct6 110000, OPMVV. LMUL 1: vd = v2..v3.
  auto Ok = VMachine::create(opv(0x30, 2, 2, 3, 6)); // vs2 = v3: highest part
  Ok->config(8, 0, 16);
  Ok->set<uint8_t>(3, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  Ok->fill(6, 1, 1);
  RUN_OK(Ok);
  EXPECT_EQ(Ok->get<uint16_t>(2, 0), 2);
  EXPECT_EQ(Ok->get<uint16_t>(2, 15), 17);
  auto Low = VMachine::create(opv(0x30, 2, 2, 2, 6)); // lowest part
  RUN_ILLEGAL(Low);
  auto Vs1 = VMachine::create(opv(0x30, 2, 2, 6, 2)); // vs1 in lowest part
  RUN_ILLEGAL(Vs1);
  // Fractional source EMUL: no overlap at all.
  auto Frac = VMachine::create(opv(0x30, 2, 2, 2, 6));
  Frac->config(8, -1, 4);
  RUN_ILLEGAL(Frac);
  auto FracOk = VMachine::create(opv(0x30, 2, 2, 3, 6));
  FracOk->config(8, -1, 4);
  RUN_OK(FracOk);
}

TEST(VectorIntWiden, IllegalConfigurations) {
  auto Sew64 = VMachine::create("vwadd.vv v4, v2, v3");
  Sew64->config(64, 0, 1);
  RUN_ILLEGAL(Sew64);
  auto M8 = VMachine::create("vwadd.vv v8, v16, v24");
  M8->config(8, 3, 1);
  RUN_ILLEGAL(M8);
  auto Odd = VMachine::create(opv(0x31, 2, 3, 8, 9)); // vd v3 with EMUL 2
  RUN_ILLEGAL(Odd);
  auto WideOdd = VMachine::create(opv(0x35, 2, 4, 3, 8)); // vwadd.wv vs2 = v3
  RUN_ILLEGAL(WideOdd);
}

TEST(VectorIntWiden, NarrowingShifts) {
  auto T = VMachine::create(R"(
    vnsrl.wi v4, v2, 4
    vnsra.wv v5, v2, v6
    vnsrl.wx v7, v2, a0
  )");
  T->config(8, 0, 2);
  T->set<uint16_t>(2, {0x8123, 0x0456});
  T->set<uint8_t>(6, {8, 0x13}); // 0x13 & 15 = 3
  T->h().X[10] = 16 + 1;         // 17 & 15 = 1
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 2), V<uint8_t>({0x12, 0x45}));
  EXPECT_EQ(T->elems<uint8_t>(5, 2), V<uint8_t>({0x81, 0x8a}));
  EXPECT_EQ(T->elems<uint8_t>(7, 2), V<uint8_t>({0x91, 0x2b}));
}

TEST(VectorIntWiden, NarrowingOverlapOnlyInLowestPart) {
  // vnsrl.wi = funct6 101100, OPIVI.
  auto Same = VMachine::create(opv(0x2c, 3, 2, 2, 4));
  Same->config(16, 0, 8);
  for (unsigned I = 0; I < 8; ++I)
    Same->v().set<uint32_t>(2, I, 0x10000 * (I + 1) + I);
  RUN_OK(Same);
  for (unsigned I = 0; I < 8; ++I)
    EXPECT_EQ(Same->get<uint16_t>(2, I), uint16_t((0x10000 * (I + 1) + I) >> 4)) << I;
  auto High = VMachine::create(opv(0x2c, 3, 3, 2, 4));
  RUN_ILLEGAL(High);
  auto Sew64 = VMachine::create("vnsrl.wi v4, v2, 1");
  Sew64->config(64, 0, 1);
  RUN_ILLEGAL(Sew64);
}

TEST(VectorIntWiden, Extensions) {
  auto T = VMachine::create(R"(
    vsext.vf2 v4, v2
    vzext.vf2 v5, v2
  )");
  T->config(16, 0, 2);
  T->set<uint8_t>(2, {0x80, 0x7f});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint16_t>(4, 2), V<uint16_t>({0xff80, 0x7f}));
  EXPECT_EQ(T->elems<uint16_t>(5, 2), V<uint16_t>({0x80, 0x7f}));

  auto U = VMachine::create(R"(
    vsext.vf8 v8, v2
    vzext.vf4 v16, v3
  )");
  U->config(64, 1, 3);
  U->set<uint8_t>(2, {0x80, 1, 0xff});
  U->set<uint16_t>(3, {0x8000, 2, 0xffff});
  RUN_OK(U);
  EXPECT_EQ(U->elems<uint64_t>(8, 3),
            V<uint64_t>({0xffffffffffffff80ull, 1, ~0ull}));
  EXPECT_EQ(U->elems<uint64_t>(16, 3), V<uint64_t>({0x8000, 2, 0xffff}));

  auto Eew = VMachine::create("vzext.vf2 v4, v2");
  Eew->config(8, 0, 1); // source EEW 4
  RUN_ILLEGAL(Eew);
  auto Eew8 = VMachine::create("vsext.vf8 v4, v2");
  Eew8->config(32, 0, 1);
  RUN_ILLEGAL(Eew8);
  // vzext.vf2 (funct6 010010, OPMVV, vs1 = 6): vd v4..v5 (m2), vs2 = v5
  // (EMUL 1) is in the highest part: legal; vs2 = v4 is not.
  auto Hi = VMachine::create(opv(0x12, 2, 4, 5, 6));
  Hi->config(16, 1, 4);
  RUN_OK(Hi);
  auto Lo = VMachine::create(opv(0x12, 2, 4, 4, 6));
  Lo->config(16, 1, 4);
  RUN_ILLEGAL(Lo);
}

} // namespace
