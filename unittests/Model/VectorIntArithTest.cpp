//===- VectorIntArithTest.cpp - RVV single-width integer ops, policies ----===//
#include "VectorIntTestUtil.h"

using namespace snipgen::test::vec;

namespace {

TEST(VectorIntArith, AddFormsEverySew) {
  for (unsigned Sew : {8u, 16u, 32u, 64u}) {
    auto T = VMachine::create(R"(
      vadd.vv v4, v2, v3
      vadd.vx v5, v2, a0
      vadd.vi v6, v2, -16
      vrsub.vi v7, v2, 3
      vsub.vx v8, v2, a0
    )");
    ASSERT_TRUE(T);
    T->config(Sew, 0, 2);
    T->h().X[10] = 5;
    uint64_t Max = Sew == 64 ? ~0ull : (1ull << Sew) - 1;
    auto SetE = [&](unsigned R, uint64_t I, uint64_t X) {
      switch (Sew) {
      case 8: T->v().set<uint8_t>(R, I, uint8_t(X)); break;
      case 16: T->v().set<uint16_t>(R, I, uint16_t(X)); break;
      case 32: T->v().set<uint32_t>(R, I, uint32_t(X)); break;
      default: T->v().set<uint64_t>(R, I, X);
      }
    };
    auto GetE = [&](unsigned R, uint64_t I) -> uint64_t {
      switch (Sew) {
      case 8: return T->v().get<uint8_t>(R, I);
      case 16: return T->v().get<uint16_t>(R, I);
      case 32: return T->v().get<uint32_t>(R, I);
      default: return T->v().get<uint64_t>(R, I);
      }
    };
    SetE(2, 0, Max); // -1
    SetE(2, 1, 10);
    SetE(3, 0, 1);
    SetE(3, 1, 20);
    RUN_OK(T);
    EXPECT_EQ(GetE(4, 0), 0u) << Sew;       // wraps
    EXPECT_EQ(GetE(4, 1), 30u) << Sew;
    EXPECT_EQ(GetE(5, 0), 4u) << Sew;
    EXPECT_EQ(GetE(6, 1), (10 - 16) & Max) << Sew;
    EXPECT_EQ(GetE(7, 0), 4u) << Sew;       // 3 - (-1)
    EXPECT_EQ(GetE(7, 1), (3 - 10) & Max) << Sew;
    EXPECT_EQ(GetE(8, 0), (Max - 5) & Max) << Sew;
  }
}

TEST(VectorIntArith, MaskedOffAndTailUndisturbed) {
  auto T = VMachine::create("vadd.vi v4, v2, 1, v0.t");
  T->config(8, 0, 4);
  T->fill(4, 1, 0x55);
  T->set<uint8_t>(2, {10, 20, 30, 40, 50});
  T->setMask(0, 0b0101);
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 6), V<uint8_t>({11, 0x55, 31, 0x55, 0x55, 0x55}));
}

TEST(VectorIntArith, AgnosticOnesPolicy) {
  // ta/ma with the all-ones option: masked-off and tail elements become
  // all ones; ta/ma without it stay undisturbed.
  for (bool Ones : {false, true}) {
    auto T = VMachine::create("vadd.vi v4, v2, 1, v0.t");
    T->v().AgnosticOnes = Ones;
    T->config(16, 0, 3, /*Ta=*/true, /*Ma=*/true);
    T->fill(4, 1, 0x11);
    T->set<uint16_t>(2, {1, 2, 3});
    T->setMask(0, 0b110);
    RUN_OK(T);
    uint16_t F = Ones ? 0xffff : 0x1111;
    EXPECT_EQ(T->elems<uint16_t>(4, 8), V<uint16_t>({F, 3, 4, F, F, F, F, F}));
  }
  // tu/mu keeps them even with the option.
  auto T = VMachine::create("vadd.vi v4, v2, 1, v0.t");
  T->v().AgnosticOnes = true;
  T->config(16, 0, 3, false, false);
  T->fill(4, 1, 0x11);
  T->setMask(0, 0b110);
  RUN_OK(T);
  EXPECT_EQ(T->get<uint16_t>(4, 0), 0x1111);
  EXPECT_EQ(T->get<uint16_t>(4, 5), 0x1111);
}

TEST(VectorIntArith, TailAgnosticOnlyTail) {
  // ta with mu: the tail is filled, masked-off elements are kept.
  auto T = VMachine::create("vadd.vi v4, v2, 1, v0.t");
  T->v().AgnosticOnes = true;
  T->config(8, 0, 2, /*Ta=*/true, /*Ma=*/false);
  T->fill(4, 1, 0x22);
  T->setMask(0, 0b10);
  RUN_OK(T);
  EXPECT_EQ(T->get<uint8_t>(4, 0), 0x22);
  EXPECT_EQ(T->get<uint8_t>(4, 1), 1);
  EXPECT_EQ(T->get<uint8_t>(4, 2), 0xff);
  EXPECT_EQ(T->get<uint8_t>(4, 15), 0xff);
}

TEST(VectorIntArith, VstartSkipsLeadingElementsAndIsCleared) {
  auto T = VMachine::create("vadd.vi v4, v2, 1");
  T->config(32, 0, 4);
  T->fill(4, 1, 0);
  T->set<uint32_t>(2, {1, 2, 3, 4});
  T->v().VStart = 2;
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint32_t>(4, 4), V<uint32_t>({0, 0, 4, 5}));
  EXPECT_EQ(T->v().VStart, 0u);
}

TEST(VectorIntArith, VstartAtOrPastVlWritesNothing) {
  auto T = VMachine::create("vadd.vi v4, v2, 1");
  T->v().AgnosticOnes = true;
  T->config(8, 0, 2, true, true);
  T->fill(4, 1, 0x33);
  T->v().VStart = 2;
  RUN_OK(T);
  EXPECT_EQ(T->get<uint8_t>(4, 0), 0x33);
  EXPECT_EQ(T->get<uint8_t>(4, 5), 0x33); // not even the tail
  EXPECT_EQ(T->v().VStart, 0u);
}

TEST(VectorIntArith, VlZeroWritesNothing) {
  auto T = VMachine::create("vadd.vv v4, v2, v3");
  T->config(8, 0, 0);
  T->fill(4, 1, 0x44);
  RUN_OK(T);
  EXPECT_EQ(T->get<uint8_t>(4, 0), 0x44);
}

TEST(VectorIntArith, LmulGroupsAndAlignment) {
  auto T = VMachine::create("vadd.vv v4, v8, v12");
  T->config(64, 2, 8); // m4: 8 elements of 64 bits
  for (unsigned I = 0; I < 8; ++I) {
    T->v().set<uint64_t>(8, I, I);
    T->v().set<uint64_t>(12, I, 100 * I);
  }
  RUN_OK(T);
  EXPECT_EQ(T->get<uint64_t>(4, 7), 707u);
  EXPECT_EQ(T->get<uint64_t>(7, 1), 707u); // same element, register 7

  for (const char *Bad : {"vadd.vv v2, v8, v12", "vadd.vv v4, v9, v12",
                          "vadd.vv v4, v8, v13", "vadd.vx v6, v8, a0"}) {
    auto B = VMachine::create(Bad);
    B->config(64, 2, 8);
    RUN_ILLEGAL(B);
  }
}

TEST(VectorIntArith, MaskedWriteOfV0IsIllegal) {
  auto T = VMachine::create(".4byte 0x00218057 # vadd.vv v0, v2, v3, v0.t");
  RUN_ILLEGAL(T);
  auto U = VMachine::create("vadd.vv v0, v2, v3");
  RUN_OK(U);
}

TEST(VectorIntArith, VillOrVsOffTraps) {
  auto T = VMachine::create("vadd.vv v1, v2, v3");
  T->v().setVType(1ull << 63 | 0xff, 64);
  RUN_ILLEGAL(T);
  auto U = VMachine::create("vadd.vv v1, v2, v3");
  U->h().Mstatus &= ~(3ull << 9);
  RUN_ILLEGAL(U);
}

TEST(VectorIntArith, ShiftsUseLowLog2SewBits) {
  auto T = VMachine::create(R"(
    vsll.vx v4, v2, a0
    vsrl.vi v5, v2, 31
    vsra.vv v6, v2, v3
  )");
  T->config(16, 0, 2);
  T->h().X[10] = 17; // 17 & 15 = 1
  T->set<uint16_t>(2, {0x8001, 0x4000});
  T->set<uint16_t>(3, {0x10f, 0x22}); // 15, 2
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint16_t>(4, 2), V<uint16_t>({0x0002, 0x8000}));
  EXPECT_EQ(T->elems<uint16_t>(5, 2), V<uint16_t>({0x0001, 0x0000}));
  EXPECT_EQ(T->elems<uint16_t>(6, 2), V<uint16_t>({0xffff, 0x1000}));
}

TEST(VectorIntArith, MinMaxLogic) {
  auto T = VMachine::create(R"(
    vminu.vv v4, v2, v3
    vmin.vv v5, v2, v3
    vmaxu.vx v6, v2, a0
    vmax.vx v7, v2, a0
    vand.vi v8, v2, -2
    vor.vx v9, v2, a0
    vxor.vv v10, v2, v3
  )");
  T->config(8, 0, 2);
  T->h().X[10] = 0x80; // -128 as SEW 8
  T->set<uint8_t>(2, {0xff, 3});
  T->set<uint8_t>(3, {1, 0x90});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 2), V<uint8_t>({1, 3}));
  EXPECT_EQ(T->elems<uint8_t>(5, 2), V<uint8_t>({0xff, 0x90}));
  EXPECT_EQ(T->elems<uint8_t>(6, 2), V<uint8_t>({0xff, 0x80}));
  EXPECT_EQ(T->elems<uint8_t>(7, 2), V<uint8_t>({0xff, 3}));
  EXPECT_EQ(T->elems<uint8_t>(8, 2), V<uint8_t>({0xfe, 2}));
  EXPECT_EQ(T->elems<uint8_t>(9, 2), V<uint8_t>({0xff, 0x83}));
  EXPECT_EQ(T->elems<uint8_t>(10, 2), V<uint8_t>({0xfe, 0x93}));
}

TEST(VectorIntArith, ScalarOperandSignExtendsOnRV32AtSew64) {
  auto T = VMachine::create("vadd.vx v4, v2, a0", "rv32gcv");
  T->config(64, 0, 1);
  T->h().X[10] = uint64_t(int64_t(-2)); // stored sign-extended
  T->set<uint64_t>(2, {5});
  RUN_OK(T);
  EXPECT_EQ(T->get<uint64_t>(4, 0), 3u);
}

TEST(VectorIntArith, MergeAndMove) {
  auto T = VMachine::create(R"(
    vmerge.vvm v4, v2, v3, v0
    vmerge.vim v5, v2, -1, v0
    vmv.v.x v6, a0
    vmv.v.i v7, 7
    vmv.v.v v8, v3
  )");
  T->config(8, 0, 4);
  T->h().X[10] = 0x1234;
  T->set<uint8_t>(2, {1, 2, 3, 4});
  T->set<uint8_t>(3, {11, 12, 13, 14});
  T->setMask(0, 0b1010);
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 4), V<uint8_t>({1, 12, 3, 14}));
  EXPECT_EQ(T->elems<uint8_t>(5, 4), V<uint8_t>({1, 0xff, 3, 0xff}));
  EXPECT_EQ(T->elems<uint8_t>(6, 4), V<uint8_t>({0x34, 0x34, 0x34, 0x34}));
  EXPECT_EQ(T->elems<uint8_t>(7, 4), V<uint8_t>({7, 7, 7, 7}));
  EXPECT_EQ(T->elems<uint8_t>(8, 4), V<uint8_t>({11, 12, 13, 14}));
  auto B = VMachine::create(".4byte 0x5c218057 # vmerge.vvm v0, v2, v3, v0");
  RUN_ILLEGAL(B);
}

TEST(VectorIntArith, ScalarMoves) {
  auto T = VMachine::create(R"(
    vmv.x.s a0, v2
    vmv.s.x v3, a1
  )");
  T->config(16, 3, 0); // vl = 0: vmv.x.s still reads, vmv.s.x writes nothing
  T->set<uint16_t>(2, {0x8001});
  T->fill(3, 1, 0x77);
  T->h().X[11] = 5;
  RUN_OK(T);
  EXPECT_EQ(T->h().X[10], 0xffffffffffff8001ull);
  EXPECT_EQ(T->get<uint16_t>(3, 0), 0x7777);

  auto U = VMachine::create("vmv.s.x v3, a1");
  U->config(64, 0, 1);
  U->fill(3, 1, 0x77);
  U->h().X[11] = 5;
  RUN_OK(U);
  EXPECT_EQ(U->get<uint64_t>(3, 0), 5u);
  EXPECT_EQ(U->get<uint64_t>(3, 1), 0x7777777777777777ull);

  auto W = VMachine::create("vmv.x.s a0, v2", "rv32gcv");
  W->config(64, 0, 1);
  W->set<uint64_t>(2, {0x123456789abcdef0ull});
  RUN_OK(W);
  EXPECT_EQ(uint32_t(W->h().X[10]), 0x9abcdef0u); // truncated to XLEN
}

} // namespace

namespace {

// Spec 5.2: no register provides operands of two EEWs. v0 read as the mask
// (EEW 1) cannot also be a data source; wide and narrow sources cannot
// overlap. QEMU 10 raises illegal instruction for all of these.
TEST(VectorIntArith, NoSourceWithTwoEews) {
  for (const char *Asm : {"vadd.vv v4, v0, v8, v0.t", "vadd.vv v4, v8, v0, v0.t",
                          "vmerge.vvm v4, v8, v0, v0", "vslidedown.vi v4, v0, 1, v0.t",
                          "vwmacc.vv v4, v0, v8, v0.t", "vrgather.vv v4, v8, v0, v0.t",
                          "vadd.vx v4, v0, a0, v0.t", "vwadd.wv v4, v8, v0, v0.t"}) {
    auto T = VMachine::create(Asm);
    RUN_ILLEGAL(T);
  }
  auto Wide = VMachine::create(opv(0x35, 2, 4, 6, 7)); // vwadd.wv v4, v6, v7
  RUN_ILLEGAL(Wide);
  auto Narrow = VMachine::create(opv(0x2c, 0, 4, 2, 3)); // vnsrl.wv v4, v2, v3
  RUN_ILLEGAL(Narrow);
  auto Unmasked = VMachine::create("vadd.vv v4, v0, v8");
  RUN_OK(Unmasked);
  // A mask source (EEW 1) may be v0 while v0 masks.
  auto Iota = VMachine::create("viota.m v4, v0, v0.t");
  RUN_OK(Iota);
  // Reserved by the same rule, but executed by QEMU 10 and so by the model.
  for (const char *Asm : {"vadc.vvm v4, v0, v8, v0", "vmsbc.vvm v4, v0, v8, v0",
                          "vmseq.vv v4, v0, v8, v0.t", "vredsum.vs v4, v0, v8, v0.t",
                          "vwredsum.vs v4, v0, v8, v0.t"}) {
    auto T = VMachine::create(Asm);
    RUN_OK(T);
  }
}

TEST(VectorIntArith, MaskResultTailAndInactiveBitsUnderAgnosticOnes) {
  auto T = VMachine::create("vmseq.vi v4, v2, 0, v0.t");
  T->v().AgnosticOnes = true;
  T->config(8, 0, 4, /*Ta=*/false, /*Ma=*/true);
  T->fill(2, 1, 0);
  T->setMask(4, 0);
  T->setMask(0, 0b0011);
  RUN_OK(T);
  // Active bits 0, 1 computed (1); inactive 2, 3 all ones (vma); mask
  // results are always tail-agnostic: bits 4.. become ones.
  EXPECT_EQ(T->mask(4), ~0ull);
  auto U = VMachine::create("vmseq.vi v4, v2, 1, v0.t");
  U->config(8, 0, 4, true, true); // option off: undisturbed
  U->fill(2, 1, 0);
  U->setMask(4, 0xf0f0);
  U->setMask(0, 0b0011);
  RUN_OK(U);
  EXPECT_EQ(U->mask(4), 0xf0f0u);
}

} // namespace
