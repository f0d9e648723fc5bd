//===- VectorFloatTest.cpp - RVV FP: flags, NaNs, rounding, masks, tails --===//
#include "VectorFpTestUtil.h"

using namespace snipgen;
using namespace snipgen::test::vtest;

namespace {

constexpr const char *Isa = "rv64gcv_zvfh_zvfbfmin_zvfbfwma";
constexpr const char *IsaNoZvfh = "rv64gcv";
constexpr const char *IsaZvfhmin = "rv64gcv_zvfhmin";

constexpr uint32_t One = 0x3f800000, Two = 0x40000000, Three = 0x40400000;
constexpr uint32_t QNaN = 0x7fc00000, SNaN = 0x7f800001;

TEST(VectorFloat, AddMaskedAndTailUndisturbed) {
  auto T = VMachine::create("vfadd.vv v1, v2, v3, v0.t", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 3);
  T->fill<uint32_t>(1, {0xaaaa0000, 0xaaaa0001, 0xaaaa0002, 0xaaaa0003});
  T->fill<uint32_t>(2, {One, One, One, One});
  T->fill<uint32_t>(3, {One, Two, Two, Two});
  T->fill<uint8_t>(0, {0b1101});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), Two);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 0xaaaa0001u); // masked off
  EXPECT_EQ(T->get<uint32_t>(1, 2), Three);
  EXPECT_EQ(T->get<uint32_t>(1, 3), 0xaaaa0003u); // tail
  EXPECT_EQ(T->h().Fflags, 0);
  EXPECT_EQ(T->v().VStart, 0u);
  EXPECT_EQ((T->h().Mstatus >> 9) & 3, 3u); // VS dirty
}

TEST(VectorFloat, AgnosticOnesWhenAsked) {
  auto T = VMachine::create("vfadd.vv v1, v2, v3, v0.t", Isa);
  ASSERT_TRUE(T);
  T->v().AgnosticOnes = true;
  T->config(32, 0, 3, /*Ta=*/true, /*Ma=*/true);
  T->fill<uint32_t>(2, {One, One, One, One});
  T->fill<uint32_t>(3, {One, One, One, One});
  T->fill<uint8_t>(0, {0b1101});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), Two);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 0xffffffffu);
  EXPECT_EQ(T->get<uint32_t>(1, 3), 0xffffffffu);
}

TEST(VectorFloat, VstartSkipsLeadingElementsAndIsCleared) {
  auto T = VMachine::create("vfmul.vv v1, v2, v3", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 4, false, false, /*VStart=*/2);
  T->fill<uint32_t>(1, {7, 7, 7, 7});
  T->fill<uint32_t>(2, {Two, Two, Two, Two});
  T->fill<uint32_t>(3, {Two, Two, Two, One});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), 7u);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 7u);
  EXPECT_EQ(T->get<uint32_t>(1, 2), 0x40800000u);
  EXPECT_EQ(T->get<uint32_t>(1, 3), Two);
  EXPECT_EQ(T->v().VStart, 0u);
}

TEST(VectorFloat, EachRoundingModeFromFrm) {
  // 1 + 2^-24 is exactly half an ulp above 1.0f: a tie.
  const uint32_t HalfUlp = 0x33800000;
  const uint32_t Expect[5] = {One, One, One, One + 1, One + 1};
  for (unsigned RM = 0; RM < 5; ++RM) {
    auto T = VMachine::create("vfadd.vf v1, v2, fa0", Isa);
    ASSERT_TRUE(T);
    T->config(32, 0, 2);
    T->h().Frm = uint8_t(RM);
    T->h().F[10] = 0xffffffff00000000ull | HalfUlp;
    T->fill<uint32_t>(2, {One, One | 0x80000000u});
    T->runOk();
    EXPECT_EQ(T->get<uint32_t>(1, 0), Expect[RM]) << "rm " << RM;
    // -1 + 2^-24 = -(1 - 2^-24) is exact.
    EXPECT_EQ(T->get<uint32_t>(1, 1), 0xbf7fffffu) << "rm " << RM;
    EXPECT_EQ(T->h().Fflags, model::FlagNX) << "rm " << RM;
  }
}

TEST(VectorFloat, ReservedFrmIsIllegal) {
  for (unsigned RM : {5u, 6u, 7u}) {
    auto T = VMachine::create("vfadd.vv v1, v2, v3", Isa);
    ASSERT_TRUE(T);
    T->config(32, 0, 2);
    T->h().Frm = uint8_t(RM);
    T->fill<uint32_t>(1, {9, 9});
    T->runIllegal();
    EXPECT_EQ(T->get<uint32_t>(1, 0), 9u);
  }
}

TEST(VectorFloat, FsOffVsOffVillAreIllegal) {
  for (int Case = 0; Case < 3; ++Case) {
    auto T = VMachine::create("vfsub.vv v1, v2, v3", Isa);
    ASSERT_TRUE(T);
    T->config(32, 0, 2);
    if (Case == 0)
      T->h().Mstatus &= ~model::MstatusFS;
    else if (Case == 1)
      T->h().Mstatus &= ~model::MstatusVS;
    else
      T->v().setVType(1ull << 8, 64); // reserved bit: vill
    T->runIllegal();
  }
}

TEST(VectorFloat, NaNsAreCanonicalAndSignalingRaisesInvalid) {
  auto T = VMachine::create(R"(
    vfadd.vv v1, v2, v3
    vfmin.vv v4, v2, v3
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 4);
  T->fill<uint32_t>(2, {SNaN, 0x7fc12345, QNaN, One});
  T->fill<uint32_t>(3, {One, One, QNaN, 0xff812345});
  T->runOk();
  for (unsigned I = 0; I < 4; ++I)
    EXPECT_EQ(T->get<uint32_t>(1, I), QNaN) << I;
  EXPECT_EQ(T->get<uint32_t>(4, 0), One);  // min(sNaN, 1) = 1
  EXPECT_EQ(T->get<uint32_t>(4, 1), One);  // min(qNaN, 1) = 1
  EXPECT_EQ(T->get<uint32_t>(4, 2), QNaN); // min(NaN, NaN) = canonical
  EXPECT_EQ(T->get<uint32_t>(4, 3), One);
  EXPECT_EQ(T->h().Fflags, model::FlagNV);
}

TEST(VectorFloat, ImproperlyBoxedScalarReadsAsCanonicalNaN) {
  auto T = VMachine::create(R"(
    vfadd.vf v1, v2, fa0
    vfmv.v.f v3, fa1
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 1);
  T->h().F[10] = One; // upper half not all ones
  T->h().F[11] = 0xffffffff00000000ull | Three;
  T->fill<uint32_t>(2, {One});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), QNaN);
  EXPECT_EQ(T->get<uint32_t>(3, 0), Three);
  EXPECT_EQ(T->h().Fflags, 0);
}

TEST(VectorFloat, FusedMultiplyAddForms) {
  // vd = 2, vs1 = 3, vs2 = 5 (as f64).
  const uint64_t D2 = 0x4000000000000000, D3 = 0x4008000000000000,
                 D5 = 0x4014000000000000;
  auto f64 = [](double X) {
    uint64_t B;
    std::memcpy(&B, &X, 8);
    return B;
  };
  struct Case {
    const char *Asm;
    double Expect;
  } Cases[] = {
      {"vfmacc.vv v1, v2, v3", 3 * 5 + 2.0},  {"vfnmacc.vv v1, v2, v3", -15 - 2.0},
      {"vfmsac.vv v1, v2, v3", 15 - 2.0},     {"vfnmsac.vv v1, v2, v3", -15 + 2.0},
      {"vfmadd.vv v1, v2, v3", 3 * 2 + 5.0},  {"vfnmadd.vv v1, v2, v3", -6 - 5.0},
      {"vfmsub.vv v1, v2, v3", 6 - 5.0},      {"vfnmsub.vv v1, v2, v3", -6 + 5.0},
  };
  for (const Case &C : Cases) {
    auto T = VMachine::create(C.Asm, Isa);
    ASSERT_TRUE(T);
    T->config(64, 0, 1);
    T->fill<uint64_t>(1, {D2});
    T->fill<uint64_t>(2, {D3});
    T->fill<uint64_t>(3, {D5});
    T->runOk();
    EXPECT_EQ(T->get<uint64_t>(1, 0), f64(C.Expect)) << C.Asm;
  }
}

TEST(VectorFloat, HalfNeedsZvfh) {
  auto T = VMachine::create("vfadd.vv v1, v2, v3", Isa);
  ASSERT_TRUE(T);
  T->config(16, 0, 2);
  T->fill<uint16_t>(2, {0x3c00, 0x4000});
  T->fill<uint16_t>(3, {0x3c00, 0x3c00});
  T->runOk();
  EXPECT_EQ(T->get<uint16_t>(1, 0), 0x4000);
  EXPECT_EQ(T->get<uint16_t>(1, 1), 0x4200);

  auto U = VMachine::create("vfadd.vv v1, v2, v3", IsaNoZvfh);
  ASSERT_TRUE(U);
  U->config(16, 0, 2);
  U->runIllegal();
  auto E8 = VMachine::create("vfadd.vv v1, v2, v3", Isa);
  ASSERT_TRUE(E8);
  E8->config(8, 0, 2);
  E8->runIllegal();
}

TEST(VectorFloat, ZvfhminHasOnlyTheFloatConversions) {
  auto T = VMachine::create(R"(
    vfwcvt.f.f.v v2, v1
    vfncvt.f.f.w v4, v2
  )", IsaZvfhmin);
  ASSERT_TRUE(T);
  T->config(16, 0, 2);
  T->fill<uint16_t>(1, {0x3c00, 0xfc00});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(2, 0), One);
  EXPECT_EQ(T->get<uint32_t>(2, 1), 0xff800000u);
  EXPECT_EQ(T->get<uint16_t>(4, 1), 0xfc00);
  for (const char *Asm : {"vfncvt.rod.f.f.w v4, v2", "vfwcvt.x.f.v v2, v1",
                          "vfmul.vv v1, v2, v3"}) {
    auto U = VMachine::create(Asm, IsaZvfhmin);
    ASSERT_TRUE(U);
    U->config(16, 0, 2);
    U->runIllegal();
  }
}

TEST(VectorFloat, NarrowingConvertsRoundOverflowAndRoundToOdd) {
  // f64 -> f32: 1 + 2^-26 is inexact; RNE gives 1.0, rod gives 1.0 + ulp.
  std::unique_ptr<VMachine> T;
  T = VMachine::create(R"(
    vfncvt.f.f.w v1, v2
    vfncvt.rod.f.f.w v4, v2
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 3);
  T->fill<uint64_t>(2, {0x3ff0000004000000ull, 0x47f0000000000000ull,
                        0x3ff0000000000000ull});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), One);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 0x7f800000u); // overflow -> inf (RNE)
  EXPECT_EQ(T->get<uint32_t>(1, 2), One);
  EXPECT_EQ(T->get<uint32_t>(4, 0), One | 1);
  EXPECT_EQ(T->get<uint32_t>(4, 1), 0x7f7fffffu); // rod: largest finite
  EXPECT_EQ(T->get<uint32_t>(4, 2), One);
  EXPECT_EQ(T->h().Fflags, model::FlagNX | model::FlagOF);
}

TEST(VectorFloat, ConvertsToNarrowIntegersSaturateWithInvalidOnly) {
  // f16 -> int8 (SEW 8): 300.0 -> 127, -300.0 -> -128, 2.5 -> 2 (RNE), NaN -> 127.
  auto T = VMachine::create(R"(
    vfncvt.x.f.w v1, v2
    vfncvt.rtz.xu.f.w v3, v2
  )", Isa);
  ASSERT_TRUE(T);
  T->config(8, -1, 4); // mf2: source f16 at m1
  T->fill<uint16_t>(2, {0x5cb0, 0xdcb0, 0x4100, 0x7e00});
  T->runOk();
  EXPECT_EQ(T->get<uint8_t>(1, 0), 127);
  EXPECT_EQ(T->get<uint8_t>(1, 1), 0x80);
  EXPECT_EQ(T->get<uint8_t>(1, 2), 2);
  EXPECT_EQ(T->get<uint8_t>(1, 3), 127);
  EXPECT_EQ(T->get<uint8_t>(3, 0), 255);
  EXPECT_EQ(T->get<uint8_t>(3, 1), 0);
  EXPECT_EQ(T->get<uint8_t>(3, 2), 2);
  EXPECT_EQ(T->get<uint8_t>(3, 3), 255);
  EXPECT_EQ(T->h().Fflags, model::FlagNV | model::FlagNX);

  // Same-width f16 -> i16 saturates at 16 bits: 65504 -> 32767 (NV only).
  auto U = VMachine::create("vfcvt.x.f.v v1, v2", Isa);
  ASSERT_TRUE(U);
  U->config(16, 0, 1);
  U->fill<uint16_t>(2, {0x7bff});
  U->runOk();
  EXPECT_EQ(U->get<uint16_t>(1, 0), 0x7fff);
  EXPECT_EQ(U->h().Fflags, model::FlagNV);
}

TEST(VectorFloat, WideningConvertsFromIntegersAndToIntegers) {
  auto T = VMachine::create(R"(
    vfwcvt.f.x.v v2, v1
    vfwcvt.f.xu.v v4, v1
  )", Isa);
  ASSERT_TRUE(T);
  T->config(8, -1, 2);
  T->fill<uint8_t>(1, {0xff, 0x02});
  T->runOk();
  EXPECT_EQ(T->get<uint16_t>(2, 0), 0xbc00); // -1.0
  EXPECT_EQ(T->get<uint16_t>(2, 1), 0x4000); // 2.0
  EXPECT_EQ(T->get<uint16_t>(4, 0), 0x5bf8); // 255.0
  auto U = VMachine::create("vfwcvt.rtz.x.f.v v2, v1", Isa);
  ASSERT_TRUE(U);
  U->config(32, 0, 2);
  U->fill<uint32_t>(1, {0xc0300000 /*-2.75*/, 0x5f800000 /*2^64*/});
  U->runOk();
  EXPECT_EQ(U->get<uint64_t>(2, 0), uint64_t(-2));
  EXPECT_EQ(U->get<uint64_t>(2, 1), 0x7fffffffffffffffull);
  EXPECT_EQ(U->h().Fflags, model::FlagNV | model::FlagNX);
}

TEST(VectorFloat, WideningRegisterRules) {
  struct Case {
    const char *Asm;
    int Lmul;
    bool Legal;
    int Vd = -1; // Replaces vd when the assembler refuses the overlap.
  } Cases[] = {
      {"vfwadd.vv v2, v4, v6", 0, true},
      {"vfwadd.vv v3, v4, v6", 0, false},  // vd misaligned for EMUL 2
      {"vfwadd.vv v4, v3, v6", 0, true, 2}, // overlap in the high half
      {"vfwadd.vv v4, v2, v6", 0, false, 2}, // overlap in the low half
      {"vfwadd.vv v4, v2, v6", -1, false, 2}, // fractional: any overlap
      {"vfwadd.vv v8, v16, v24", 3, false}, // LMUL 8
      {"vfwadd.wv v2, v2, v6", 0, true},   // wide source may be vd
      {"vfwadd.wv v2, v4, v5", 0, false},  // vs1 inside wide vs2
      {"vfwadd.vv v2, v4, v6, v0.t", 0, false, 0},
      {"vfncvt.f.f.w v2, v2", 0, true},    // low part of the source
      {"vfncvt.f.f.w v4, v2", 0, false, 3},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Asm);
    std::string Text = C.Vd < 0 ? C.Asm : withVd(C.Asm, Isa, unsigned(C.Vd));
    auto T = VMachine::create(Text, Isa);
    ASSERT_TRUE(T);
    T->config(32, C.Lmul, 1);
    if (C.Legal)
      T->runOk();
    else
      T->runIllegal();
  }
}

TEST(VectorFloat, WideningArithmeticIsExactThenRoundsOnce) {
  // f16 1 + 2^-11 * (tiny) in f32: vfwadd keeps what f16 would round away.
  auto T = VMachine::create(R"(
    vfwadd.vv v2, v4, v5
    vfwmacc.vf v6, fa0, v4
    vfwadd.wf v8, v2, fa0
  )", Isa);
  ASSERT_TRUE(T);
  T->config(16, 0, 1);
  T->h().F[10] = 0xffffffffffff0000ull | 0x1400; // 2^-10
  T->fill<uint16_t>(4, {0x3c00});                // 1.0
  T->fill<uint16_t>(5, {0x0400});                // 2^-14
  T->fill<uint32_t>(6, {One});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(2, 0), 0x3f800200u); // 1 + 2^-14
  EXPECT_EQ(T->get<uint32_t>(6, 0), 0x3f802000u); // 1 + 2^-10
  EXPECT_EQ(T->get<uint32_t>(8, 0), 0x3f802200u); // 1 + 2^-14 + 2^-10
  EXPECT_EQ(T->h().Fflags, 0);
}

TEST(VectorFloat, OrderedReductionFollowsElementOrder) {
  // (((0 + 1) + 2^24) - 2^24) in f32 is 0: 2^24 + 1 rounds to 2^24.
  auto T = VMachine::create(R"(
    vfredosum.vs v1, v2, v3
    vfredusum.vs v4, v2, v3, v0.t
    vfredmax.vs v5, v2, v3
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 3);
  T->fill<uint32_t>(1, {0, 0x11111111});
  T->fill<uint32_t>(2, {One, 0x4b800000, 0xcb800000, 0x7f000000});
  T->fill<uint32_t>(3, {0});
  T->fill<uint8_t>(0, {0b110}); // skip element 0
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), 0u);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 0x11111111u); // tail undisturbed
  EXPECT_EQ(T->get<uint32_t>(4, 0), 0u);          // 2^24 - 2^24
  EXPECT_EQ(T->get<uint32_t>(5, 0), 0x4b800000u); // vl 3 ignores element 3
  EXPECT_EQ(T->h().Fflags, model::FlagNX);
}

TEST(VectorFloat, ReductionWithZeroVlWritesNothingAndVstartIsIllegal) {
  auto T = VMachine::create("vfwredosum.vs v1, v2, v3", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 0);
  T->fill<uint64_t>(1, {0x1234});
  T->fill<uint64_t>(3, {0x3ff0000000000000ull});
  T->runOk();
  EXPECT_EQ(T->get<uint64_t>(1, 0), 0x1234u);

  auto U = VMachine::create("vfredosum.vs v1, v2, v3", Isa);
  ASSERT_TRUE(U);
  U->config(32, 0, 2, false, false, /*VStart=*/1);
  U->runIllegal();
}

TEST(VectorFloat, ComparesWriteMasksAndSignalAsScalarOnes) {
  auto T = VMachine::create(R"(
    vmfeq.vv v1, v2, v3
    vmflt.vv v4, v2, v3
    vmfgt.vf v5, v2, fa0
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 3);
  T->fill<uint8_t>(1, {0xf0});
  T->fill<uint32_t>(2, {One, QNaN, Three, 0});
  T->fill<uint32_t>(3, {One, One, Two, 0});
  T->h().F[10] = 0xffffffff00000000ull | Two;
  T->runOk();
  EXPECT_EQ(T->get<uint8_t>(1, 0), 0xf1); // bit 0; bits >= vl kept
  EXPECT_EQ(T->get<uint8_t>(4, 0) & 7, 0);
  EXPECT_EQ(T->get<uint8_t>(5, 0) & 7, 4);
  EXPECT_EQ(T->h().Fflags, model::FlagNV); // vmflt with a quiet NaN
}

TEST(VectorFloat, EstimatesFollowTheSpecTables) {
  auto T = VMachine::create(R"(
    vfrec7.v v1, v2
    vfrsqrt7.v v3, v2
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 4);
  // 1.0, 4.0, -0.0, smallest subnormal.
  T->fill<uint32_t>(2, {One, 0x40800000, 0x80000000, 0x00000001});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(1, 0), 0x3f7f0000u);
  EXPECT_EQ(T->get<uint32_t>(1, 1), 0x3e7f0000u);
  EXPECT_EQ(T->get<uint32_t>(1, 2), 0xff800000u); // 1/-0 = -inf, DZ
  EXPECT_EQ(T->get<uint32_t>(1, 3), 0x7f800000u); // overflow (RNE) -> inf
  EXPECT_EQ(T->get<uint32_t>(3, 0), 0x3f7f0000u);
  EXPECT_EQ(T->get<uint32_t>(3, 1), 0x3eff0000u);
  EXPECT_EQ(T->get<uint32_t>(3, 2), 0xff800000u);
  EXPECT_EQ(T->h().Fflags, model::FlagDZ | model::FlagOF | model::FlagNX);
}

TEST(VectorFloat, ScalarMovesAndSlides) {
  auto T = VMachine::create(R"(
    vfmv.f.s fa0, v2
    vfmv.s.f v3, fa1
    vfslide1up.vf v4, v2, fa1
    vfslide1down.vf v5, v2, fa1
    vfmerge.vfm v6, v2, fa1, v0
    vfsgnjn.vv v7, v2, v2
    vfclass.v v8, v2
  )", Isa);
  ASSERT_TRUE(T);
  T->config(32, 0, 3);
  T->fill<uint32_t>(2, {One, Two, Three, 0x12345678});
  T->fill<uint32_t>(3, {0, 0x99});
  T->fill<uint8_t>(0, {0b010});
  T->h().F[11] = 0xffffffff00000000ull | 0x41000000; // 8.0
  T->runOk();
  EXPECT_EQ(T->h().F[10], 0xffffffff00000000ull | One);
  EXPECT_EQ(T->get<uint32_t>(3, 0), 0x41000000u);
  EXPECT_EQ(T->get<uint32_t>(3, 1), 0x99u);
  EXPECT_EQ(T->get<uint32_t>(4, 0), 0x41000000u);
  EXPECT_EQ(T->get<uint32_t>(4, 1), One);
  EXPECT_EQ(T->get<uint32_t>(4, 2), Two);
  EXPECT_EQ(T->get<uint32_t>(5, 0), Two);
  EXPECT_EQ(T->get<uint32_t>(5, 1), Three);
  EXPECT_EQ(T->get<uint32_t>(5, 2), 0x41000000u);
  EXPECT_EQ(T->get<uint32_t>(6, 0), One);
  EXPECT_EQ(T->get<uint32_t>(6, 1), 0x41000000u);
  EXPECT_EQ(T->get<uint32_t>(7, 0), One | 0x80000000u);
  EXPECT_EQ(T->get<uint32_t>(8, 0), 1u << 6); // positive normal

  auto U =
      VMachine::create(withVd("vfslide1up.vf v4, v2, fa1", Isa, 2), Isa);
  ASSERT_TRUE(U);
  U->config(32, 0, 3);
  U->runIllegal(); // vd overlaps vs2
}

TEST(VectorFloat, BFloat16ConversionsAndWideningMacc) {
  auto T = VMachine::create(R"(
    vfwcvtbf16.f.f.v v2, v1
    vfncvtbf16.f.f.w v4, v6
    vfwmaccbf16.vv v8, v1, v1
  )", Isa);
  ASSERT_TRUE(T);
  T->config(16, 0, 2);
  T->fill<uint16_t>(1, {0x3fc0 /*1.5*/, 0xff81 /*sNaN*/});
  T->fill<uint32_t>(6, {0x3f808000 /*1 + 2^-8: tie*/, 0x3f818000});
  T->fill<uint32_t>(8, {One, One});
  T->runOk();
  EXPECT_EQ(T->get<uint32_t>(2, 0), 0x3fc00000u);
  EXPECT_EQ(T->get<uint32_t>(2, 1), QNaN);
  EXPECT_EQ(T->get<uint16_t>(4, 0), 0x3f80); // tie to even
  EXPECT_EQ(T->get<uint16_t>(4, 1), 0x3f82); // tie to even (up)
  EXPECT_EQ(T->get<uint32_t>(8, 0), 0x40500000u); // 1 + 1.5 * 1.5 = 3.25
  EXPECT_EQ(T->get<uint32_t>(8, 1), QNaN);
  EXPECT_EQ(T->h().Fflags, model::FlagNV | model::FlagNX);
}

} // namespace

namespace {

// Reserved encodings QEMU 10 rejects, and the model with it.
TEST(VectorFloat, SourcesMayNotIncludeV0WhenMasked) {
  struct Case {
    const char *Asm;
    bool Legal;
  } Cases[] = {
      {"vfadd.vv v8, v0, v24, v0.t", false},
      {"vfadd.vv v8, v16, v0, v0.t", false},
      {"vfadd.vv v8, v0, v24", true},
      {"vfsqrt.v v8, v0, v0.t", false},
      {"vfwcvt.f.f.v v8, v0, v0.t", false},
      {"vfmerge.vfm v8, v0, fa0, v0", false},
      // Mask results and scalar (reduction) results may read v0.
      {"vmfeq.vv v8, v0, v24, v0.t", true},
      {"vfredosum.vs v8, v0, v0, v0.t", true},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Asm);
    auto T = VMachine::create(C.Asm, Isa);
    ASSERT_TRUE(T);
    T->config(32, 0, 2);
    if (C.Legal)
      T->runOk();
    else
      T->runIllegal();
  }
}

TEST(VectorFloat, WideningFmaDestinationMayNotOverlapNarrowSources) {
  // vfwadd may write v8-v9 from v9 (high half); vfwmacc also reads v8-v9 at
  // 2*SEW, so v9 would be read at two element widths.
  auto Ok = VMachine::create(withVd("vfwadd.vv v2, v9, v24", Isa, 8), Isa);
  ASSERT_TRUE(Ok);
  Ok->config(32, 0, 2);
  Ok->runOk();
  auto Bad = VMachine::create(withVd("vfwmacc.vv v2, v24, v9", Isa, 8), Isa);
  ASSERT_TRUE(Bad);
  Bad->config(32, 0, 2);
  Bad->runIllegal();
}

TEST(VectorFloat, EveryFpInstructionChecksFrm) {
  for (const char *Asm : {"vfmv.f.s fa0, v2", "vfmv.s.f v2, fa0",
                          "vfmv.v.f v2, fa0", "vfsgnj.vv v1, v2, v3",
                          "vfclass.v v1, v2", "vfcvt.rtz.x.f.v v1, v2"}) {
    SCOPED_TRACE(Asm);
    auto T = VMachine::create(Asm, Isa);
    ASSERT_TRUE(T);
    T->config(32, 0, 2);
    T->h().Frm = 5;
    T->runIllegal();
  }
}

} // namespace

namespace {

TEST(VectorFloat, Zve64fHasNoDoubleElements) {
  // Zve64f: 64-bit integer elements, 32-bit FP elements only.
  struct Case {
    const char *Asm;
    unsigned Sew;
    bool Legal;
  } Cases[] = {
      {"vfadd.vv v1, v2, v3", 32, true},
      {"vfadd.vv v1, v2, v3", 64, false},
      {"vfwcvt.f.f.v v2, v1", 32, false},  // f64 result
      {"vfwcvt.x.f.v v2, v1", 32, true},   // int64 result
      {"vfncvt.f.x.w v1, v2", 32, true},   // int64 source
      {"vfncvt.f.f.w v1, v2", 32, false},  // f64 source
      {"vfwadd.vv v2, v4, v5", 32, false},
      {"vfwredusum.vs v1, v2, v3", 32, false},
  };
  for (const Case &C : Cases) {
    SCOPED_TRACE(C.Asm);
    auto T = VMachine::create(C.Asm, "rv64gc_zve64f");
    ASSERT_TRUE(T);
    T->config(C.Sew, 0, 1);
    if (C.Legal)
      T->runOk();
    else
      T->runIllegal();
  }
}

} // namespace
