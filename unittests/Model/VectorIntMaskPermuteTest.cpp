//===- VectorIntMaskPermuteTest.cpp - RVV compares, masks, permutes, reds -===//
#include "VectorIntTestUtil.h"

using namespace snipgen::test::vec;

namespace {

TEST(VectorIntMask, Compares) {
  auto T = VMachine::create(R"(
    vmsltu.vx v8, v2, a0
    vmslt.vx v9, v2, a0
    vmsgtu.vi v10, v2, -16
    vmsleu.vi v11, v2, 4
    vmseq.vv v12, v2, v3
    vmsgt.vx v13, v2, a0, v0.t
  )");
  T->config(8, 0, 4);
  T->h().X[10] = 5;
  T->set<uint8_t>(2, {1, 0xff, 5, 0x80});
  T->set<uint8_t>(3, {1, 0xfe, 5, 0x80});
  for (unsigned R = 8; R <= 13; ++R)
    T->fill(R, 1, 0xf0);
  T->setMask(0, 0b0101);
  RUN_OK(T);
  EXPECT_EQ(T->mask(8) & 0xff, 0xf1u); // tail bits 4..7 undisturbed
  EXPECT_EQ(T->mask(9) & 0xff, 0xfbu);
  EXPECT_EQ(T->mask(10) & 0xff, 0xf2u);
  EXPECT_EQ(T->mask(11) & 0xff, 0xf1u);
  EXPECT_EQ(T->mask(12) & 0xff, 0xfdu);
  EXPECT_EQ(T->mask(13) & 0xff, 0xf0u); // 1 > 5 no, 5 > 5 no; 1, 3 kept 0
}

TEST(VectorIntMask, CompareMayWriteV0AndOverlapLowestSource) {
  auto T = VMachine::create("vmseq.vi v0, v2, 1, v0.t");
  T->config(8, 0, 2);
  T->set<uint8_t>(2, {1, 1});
  T->setMask(0, 0b01);
  RUN_OK(T);
  EXPECT_EQ(T->mask(0) & 3, 1u);
  // vmseq.vv (funct6 011000): vd = v3 inside the m2 group v2..v3: illegal;
  // vd = v2 (its lowest register): legal.
  auto Bad = VMachine::create(opv(0x18, 0, 3, 2, 4));
  Bad->config(8, 1, 4);
  RUN_ILLEGAL(Bad);
  auto Good = VMachine::create(opv(0x18, 0, 2, 2, 4));
  Good->config(8, 1, 4);
  RUN_OK(Good);
}

TEST(VectorIntMask, CarryAndBorrow) {
  auto T = VMachine::create(R"(
    vmadc.vvm v8, v2, v3, v0
    vmadc.vv v9, v2, v3
    vmsbc.vvm v10, v2, v3, v0
    vadc.vvm v11, v2, v3, v0
    vsbc.vvm v12, v2, v3, v0
    vmadc.vi v13, v2, -1
  )");
  T->config(8, 0, 4);
  T->set<uint8_t>(2, {0xff, 0xfe, 1, 0});
  T->set<uint8_t>(3, {0, 1, 1, 0});
  T->setMask(0, 0b1011);
  RUN_OK(T);
  EXPECT_EQ(T->mask(8) & 0xf, 0b0011u);
  EXPECT_EQ(T->mask(9) & 0xf, 0b0000u);
  EXPECT_EQ(T->mask(10) & 0xf, 0b1000u);
  EXPECT_EQ(T->elems<uint8_t>(11, 4), V<uint8_t>({0, 0, 2, 1}));
  EXPECT_EQ(T->elems<uint8_t>(12, 4), V<uint8_t>({0xfe, 0xfc, 0, 0xff}));
  EXPECT_EQ(T->mask(13) & 0xf, 0b0111u);
  // vadc with vd = v0 is reserved (vadc.vvm: funct6 010000, OPIVV, vm 0).
  auto Bad = VMachine::create(opv(0x10, 0, 0, 2, 3, false));
  RUN_ILLEGAL(Bad);
}

TEST(VectorIntMask, LogicalOps) {
  auto T = VMachine::create(R"(
    vmand.mm v8, v2, v3
    vmandn.mm v9, v2, v3
    vmor.mm v10, v2, v3
    vmxor.mm v11, v2, v3
    vmorn.mm v12, v2, v3
    vmnand.mm v13, v2, v3
    vmnor.mm v14, v2, v3
    vmxnor.mm v15, v2, v3
  )");
  T->config(64, 3, 4); // mask ops ignore LMUL; vl = 4 bits
  T->setMask(2, 0b1100);
  T->setMask(3, 0b1010);
  for (unsigned R = 8; R <= 15; ++R)
    T->setMask(R, 0xf0);
  RUN_OK(T);
  const uint64_t Want[] = {0b1000, 0b0100, 0b1110, 0b0110,
                           0b1101, 0b0111, 0b0001, 0b1001};
  for (unsigned R = 8; R <= 15; ++R)
    EXPECT_EQ(T->mask(R), 0xf0 | Want[R - 8]) << "v" << R;
}

TEST(VectorIntMask, PopcountFirstAndSetBeforeFirst) {
  auto T = VMachine::create(R"(
    vcpop.m a0, v2, v0.t
    vfirst.m a1, v2
    vfirst.m a2, v2, v0.t
    vfirst.m a3, v3
    vmsbf.m v8, v4
    vmsif.m v9, v4
    vmsof.m v10, v4
  )");
  T->config(8, 0, 8);
  T->setMask(2, 0b10110110);
  T->setMask(0, 0b11110000);
  T->setMask(3, 0);
  T->setMask(4, 0b00101000);
  RUN_OK(T);
  EXPECT_EQ(T->h().X[10], 3u);
  EXPECT_EQ(T->h().X[11], 1u);
  EXPECT_EQ(T->h().X[12], 4u);
  EXPECT_EQ(T->h().X[13], ~0ull);
  EXPECT_EQ(T->mask(8) & 0xff, 0b00000111u);
  EXPECT_EQ(T->mask(9) & 0xff, 0b00001111u);
  EXPECT_EQ(T->mask(10) & 0xff, 0b00001000u);
  // vstart != 0 is illegal for these; vmsbf may not overlap its source.
  auto V1 = VMachine::create("vcpop.m a0, v2");
  V1->v().VStart = 1;
  RUN_ILLEGAL(V1);
  auto V2 = VMachine::create(opv(0x14, 2, 4, 4, 1)); // vmsbf.m v4, v4
  RUN_ILLEGAL(V2);
}

TEST(VectorIntMask, IotaAndId) {
  // The spec's viota.m example, unmasked and masked (vma = 0).
  auto T = VMachine::create(R"(
    viota.m v4, v2
    viota.m v5, v2, v0.t
    vid.v v6, v0.t
  )");
  T->config(8, 0, 8);
  T->setMask(2, 0b10010001);
  T->setMask(0, 0b11101011);
  T->set<uint8_t>(5, {9, 8, 7, 6, 5, 4, 3, 2});
  T->fill(6, 1, 0x66);
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 8), V<uint8_t>({0, 1, 1, 1, 1, 2, 2, 2}));
  EXPECT_EQ(T->elems<uint8_t>(5, 8), V<uint8_t>({0, 1, 7, 1, 5, 1, 1, 1}));
  EXPECT_EQ(T->elems<uint8_t>(6, 8),
            V<uint8_t>({0, 1, 0x66, 3, 0x66, 5, 6, 7}));
}

TEST(VectorIntPermute, SlidesWithOffsetsPastVl) {
  auto T = VMachine::create(R"(
    vslideup.vi v4, v2, 2
    vslideup.vx v5, v2, a0
    vslidedown.vi v6, v2, 2
    vslidedown.vi v7, v2, 14
    vslidedown.vx v8, v2, a1
    vslide1up.vx v9, v2, a2
    vslide1down.vx v10, v2, a2
  )");
  T->config(8, 0, 4);
  T->h().X[10] = 5;         // >= vl
  T->h().X[11] = 1ull << 63; // >= VLMAX
  T->h().X[12] = 99;
  T->set<uint8_t>(2, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  for (unsigned R = 4; R <= 10; ++R)
    T->fill(R, 1, 0xee);
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 5), V<uint8_t>({0xee, 0xee, 1, 2, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(5, 5), V<uint8_t>({0xee, 0xee, 0xee, 0xee, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(6, 5), V<uint8_t>({3, 4, 5, 6, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(7, 5), V<uint8_t>({15, 16, 0, 0, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(8, 5), V<uint8_t>({0, 0, 0, 0, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(9, 5), V<uint8_t>({99, 1, 2, 3, 0xee}));
  EXPECT_EQ(T->elems<uint8_t>(10, 5), V<uint8_t>({2, 3, 4, 99, 0xee}));
}

TEST(VectorIntPermute, SlideDownReadsZeroPastFractionalVlmax) {
  auto T = VMachine::create("vslidedown.vi v4, v2, 6");
  T->config(8, -1, 4); // mf2: VLMAX 8, though the register holds 16
  T->set<uint8_t>(2, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 4), V<uint8_t>({7, 8, 0, 0}));
}

TEST(VectorIntPermute, SlideUpVstartAndOverlap) {
  auto T = VMachine::create("vslideup.vi v4, v2, 1");
  T->config(16, 0, 4);
  T->set<uint16_t>(2, {1, 2, 3, 4});
  T->fill(4, 1, 0);
  T->v().VStart = 2;
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint16_t>(4, 4), V<uint16_t>({0, 0, 2, 3}));
  // vslideup.vi (funct6 001110, OPIVI) with vd == vs2 is reserved.
  auto Bad = VMachine::create(opv(0x0e, 3, 2, 2, 1));
  RUN_ILLEGAL(Bad);
}

TEST(VectorIntPermute, GatherOutOfRangeIsZero) {
  auto T = VMachine::create(R"(
    vrgather.vv v4, v2, v3
    vrgather.vx v5, v2, a0
    vrgather.vi v6, v2, 1
    vrgatherei16.vv v7, v2, v8
  )");
  T->config(8, 0, 4);
  T->h().X[10] = 16; // == VLMAX
  T->set<uint8_t>(2, {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16});
  T->set<uint8_t>(3, {3, 0, 16, 255});
  T->set<uint16_t>(8, {2, 300, 15, 0});
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint8_t>(4, 4), V<uint8_t>({4, 1, 0, 0}));
  EXPECT_EQ(T->elems<uint8_t>(5, 4), V<uint8_t>({0, 0, 0, 0}));
  EXPECT_EQ(T->elems<uint8_t>(6, 4), V<uint8_t>({2, 2, 2, 2}));
  EXPECT_EQ(T->elems<uint8_t>(7, 4), V<uint8_t>({3, 0, 16, 1}));
  // Index EMUL = 16/8 * 8 = 16 is too big; index group v9 misaligned.
  auto Big = VMachine::create("vrgatherei16.vv v8, v16, v24");
  Big->config(8, 3, 4);
  RUN_ILLEGAL(Big);
  auto Odd = VMachine::create("vrgatherei16.vv v4, v2, v9");
  Odd->config(8, 0, 4);
  RUN_ILLEGAL(Odd);
}

TEST(VectorIntPermute, Compress) {
  auto T = VMachine::create("vcompress.vm v4, v2, v3");
  T->config(32, 0, 4);
  T->set<uint32_t>(2, {1, 2, 3, 4});
  T->setMask(3, 0b1010);
  T->fill(4, 1, 0x55);
  RUN_OK(T);
  EXPECT_EQ(T->elems<uint32_t>(4, 4), V<uint32_t>({2, 4, 0x55555555, 0x55555555}));
  auto A = VMachine::create("vcompress.vm v4, v2, v3");
  A->v().AgnosticOnes = true;
  A->config(32, 0, 2, /*Ta=*/true);
  A->set<uint32_t>(2, {1, 2});
  A->setMask(3, 0b10);
  A->fill(4, 1, 0x55);
  RUN_OK(A);
  EXPECT_EQ(A->elems<uint32_t>(4, 4), V<uint32_t>({2, ~0u, ~0u, ~0u}));
  auto S = VMachine::create("vcompress.vm v4, v2, v3");
  S->v().VStart = 1;
  RUN_ILLEGAL(S);
}

TEST(VectorIntPermute, WholeRegisterMoves) {
  auto T = VMachine::create(R"(
    vmv2r.v v4, v8
    vmv8r.v v16, v24
    vmv1r.v v1, v2
  )");
  T->config(8, 0, 0); // vl = 0 does not matter
  T->fill(8, 2, 0xab);
  T->fill(24, 8, 0xcd);
  T->fill(2, 1, 0x12);
  RUN_OK(T);
  EXPECT_EQ(T->get<uint8_t>(5, 15), 0xab);
  EXPECT_EQ(T->get<uint8_t>(23, 15), 0xcd);
  EXPECT_EQ(T->get<uint8_t>(1, 0), 0x12);
  // vstart counts SEW elements: with SEW 32, vstart 5 skips 20 bytes.
  auto S = VMachine::create("vmv2r.v v4, v8");
  S->config(32, 0, 1);
  S->fill(4, 2, 0);
  S->fill(8, 2, 0xab);
  S->v().VStart = 5;
  RUN_OK(S);
  EXPECT_EQ(S->get<uint8_t>(5, 3), 0);
  EXPECT_EQ(S->get<uint8_t>(5, 4), 0xab);
  EXPECT_EQ(S->v().VStart, 0u);
  // vmv2r.v v3, v8 (funct6 100111, OPIVI, simm5 = 1): misaligned.
  auto Bad = VMachine::create(opv(0x27, 3, 3, 8, 1));
  RUN_ILLEGAL(Bad);
  auto Vill = VMachine::create("vmv1r.v v1, v2");
  Vill->v().setVType(1ull << 63, 64);
  RUN_ILLEGAL(Vill);
}

TEST(VectorIntReduction, SumsMinMaxAndVlZero) {
  auto T = VMachine::create(R"(
    vredsum.vs v8, v2, v4
    vredsum.vs v9, v2, v4, v0.t
    vredmax.vs v10, v2, v5
    vredminu.vs v11, v2, v5
    vwredsum.vs v12, v6, v13
    vwredsumu.vs v14, v6, v13
  )");
  T->config(16, 1, 4); // m2: v2..v3
  T->set<uint16_t>(2, {1, 2, 3, 0xffff});
  T->set<uint16_t>(4, {100, 0x7777});
  T->set<uint16_t>(5, {0});
  T->set<uint16_t>(6, {0xffff, 0xffff, 1, 1});
  T->set<uint32_t>(13, {0});
  T->setMask(0, 0b0101);
  T->fill(8, 1, 0x11);
  RUN_OK(T);
  EXPECT_EQ(T->get<uint16_t>(8, 0), 105);
  EXPECT_EQ(T->get<uint16_t>(8, 1), 0x1111); // rest of vd: tail, kept
  EXPECT_EQ(T->get<uint16_t>(9, 0), 104);
  EXPECT_EQ(T->get<uint16_t>(10, 0), 3);
  EXPECT_EQ(T->get<uint16_t>(11, 0), 0);
  EXPECT_EQ(T->get<uint32_t>(12, 0), 0u);
  EXPECT_EQ(T->get<uint32_t>(14, 0), 0x20000u);

  auto Z = VMachine::create("vredsum.vs v8, v2, v4");
  Z->config(16, 0, 0);
  Z->fill(8, 1, 0x11);
  RUN_OK(Z);
  EXPECT_EQ(Z->get<uint16_t>(8, 0), 0x1111);
  auto S = VMachine::create("vredsum.vs v8, v2, v4");
  S->config(16, 0, 4);
  S->v().VStart = 1;
  RUN_ILLEGAL(S);
  auto W = VMachine::create("vwredsum.vs v8, v2, v4");
  W->config(64, 0, 1);
  RUN_ILLEGAL(W);
}

} // namespace

namespace {

// Observers hear each written vector register exactly once: the element
// walks report them, handlers that write otherwise report themselves.
TEST(VectorIntObserved, EachWrittenRegisterReportedOnce) {
  auto T = VMachine::create(R"(
    vadd.vv v4, v8, v12
    vmv2r.v v16, v20
    vredsum.vs v1, v8, v2
    vmseq.vv v3, v8, v12
    vcompress.vm v24, v8, v2
    vslideup.vi v28, v8, 1
    vmv.s.x v6, a0
  )");
  T->config(32, 1, 4);
  struct Log {
    std::vector<std::vector<unsigned>> PerInsn{{}};
  } L;
  snipgen_model_observer Obs = {};
  Obs.user = &L;
  Obs.on_reg_write = [](void *U, uint32_t File, uint32_t Index, uint64_t) {
    if (File == SNIPGEN_REG_V)
      static_cast<Log *>(U)->PerInsn.back().push_back(Index);
  };
  Obs.on_retire = [](void *U, uint64_t, uint32_t, uint32_t, uint64_t) {
    static_cast<Log *>(U)->PerInsn.emplace_back();
  };
  T->M->setObserver(&Obs);
  RUN_OK(T);
  ASSERT_GE(L.PerInsn.size(), 7u);
  EXPECT_EQ(L.PerInsn[0], (std::vector<unsigned>{4, 5}));
  EXPECT_EQ(L.PerInsn[1], (std::vector<unsigned>{16, 17}));
  EXPECT_EQ(L.PerInsn[2], (std::vector<unsigned>{1}));
  EXPECT_EQ(L.PerInsn[3], (std::vector<unsigned>{3}));
  EXPECT_EQ(L.PerInsn[4], (std::vector<unsigned>{24, 25}));
  EXPECT_EQ(L.PerInsn[5], (std::vector<unsigned>{28, 29}));
  EXPECT_EQ(L.PerInsn[6], (std::vector<unsigned>{6}));
}

} // namespace
