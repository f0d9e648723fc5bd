//===- FPSoftFloatCornerTest.cpp - Hand-computed vectors ------------------===//
//
// Exact expectations worked out by hand: RMM ties, ties at 0.5 ulp,
// overflow to infinity or the largest finite value per mode, tininess after
// rounding at the edge of the normal range, signed exact zeros, integer
// saturation, canonical NaNs and the RISC-V-specific invalid cases.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"

using namespace fptest;

namespace {

constexpr RoundingMode RNE = RoundingMode::NearestEven;
constexpr RoundingMode RTZ = RoundingMode::TowardZero;
constexpr RoundingMode RDN = RoundingMode::Down;
constexpr RoundingMode RUP = RoundingMode::Up;
constexpr RoundingMode RMM = RoundingMode::NearestMaxMagnitude;
constexpr uint8_t NX = flags::Inexact, UF = flags::Underflow,
                  OF = flags::Overflow, DZ = flags::DivByZero,
                  NV = flags::Invalid;

uint32_t f32(float V) { return std::bit_cast<uint32_t>(V); }
uint64_t f64(double V) { return std::bit_cast<uint64_t>(V); }

/// Runs Op in RM and checks result bits and flags.
template <typename T, typename OpT>
void expectResult(RoundingMode RM, OpT Op, T Expected, uint8_t ExpectedFlags,
                  const char *What) {
  FPEnv Env{RM, 0};
  T Got = Op(Env);
  EXPECT_EQ(uint64_t(Got), uint64_t(Expected))
      << What << " in " << modeName(RM) << ": got " << hex(uint64_t(Got));
  EXPECT_EQ(Env.Flags, ExpectedFlags)
      << What << " in " << modeName(RM) << ": got " << flagString(Env.Flags)
      << " want " << flagString(ExpectedFlags);
}

TEST(FPSoftFloatCorner, TiesAwayFromZero) {
  // 1 + 2^-24 is exactly halfway between 1 and 1 + 2^-23.
  auto OnePlusHalfUlp = [](FPEnv &E) {
    return f32Add(f32(1.0f), f32(0x1p-24f), E);
  };
  expectResult<uint32_t>(RMM, OnePlusHalfUlp, 0x3f800001, NX, "1+2^-24");
  expectResult<uint32_t>(RNE, OnePlusHalfUlp, 0x3f800000, NX, "1+2^-24");
  auto NegOnePlusHalfUlp = [](FPEnv &E) {
    return f32Sub(f32(-1.0f), f32(0x1p-24f), E);
  };
  expectResult<uint32_t>(RMM, NegOnePlusHalfUlp, 0xbf800001, NX, "-1-2^-24");
  // An odd significand plus half an ulp: RNE and RMM both go up.
  auto OddPlusHalfUlp = [](FPEnv &E) {
    return f32Add(0x3f800001, f32(0x1p-24f), E);
  };
  expectResult<uint32_t>(RMM, OddPlusHalfUlp, 0x3f800002, NX, "odd+half");
  expectResult<uint32_t>(RNE, OddPlusHalfUlp, 0x3f800002, NX, "odd+half");
  expectResult<uint32_t>(RTZ, OddPlusHalfUlp, 0x3f800001, NX, "odd+half");
  // Just below half an ulp: everybody but RUP stays.
  auto BelowHalf = [](FPEnv &E) {
    return f32MulAdd(f32(0x1p-24f), 0x3f7fffff, f32(1.0f), E);
  };
  expectResult<uint32_t>(RMM, BelowHalf, 0x3f800000, NX, "1+2^-24(1-2^-24)");
  expectResult<uint32_t>(RUP, BelowHalf, 0x3f800001, NX, "1+2^-24(1-2^-24)");
  // binary64 and binary16 ties.
  auto D = [](FPEnv &E) { return f64Add(f64(1.0), f64(0x1p-53), E); };
  expectResult<uint64_t>(RMM, D, 0x3ff0000000000001, NX, "1+2^-53");
  expectResult<uint64_t>(RNE, D, 0x3ff0000000000000, NX, "1+2^-53");
  auto Hf = [](FPEnv &E) { return f16Add(0x3c00, 0x1000, E); }; // 1 + 2^-11
  expectResult<uint16_t>(RMM, Hf, 0x3c01, NX, "f16 1+2^-11");
  expectResult<uint16_t>(RNE, Hf, 0x3c00, NX, "f16 1+2^-11");
  // Subnormal ties: 2.5 and 0.5 units of the smallest subnormal.
  auto TwoAndHalf = [](FPEnv &E) { return f32Mul(0x00000005, f32(0.5f), E); };
  expectResult<uint32_t>(RMM, TwoAndHalf, 0x00000003, UF | NX, "2.5 ulp");
  expectResult<uint32_t>(RNE, TwoAndHalf, 0x00000002, UF | NX, "2.5 ulp");
  auto Half = [](FPEnv &E) { return f32Mul(0x80000001, f32(0.5f), E); };
  expectResult<uint32_t>(RMM, Half, 0x80000001, UF | NX, "-0.5 ulp");
  expectResult<uint32_t>(RNE, Half, 0x80000000, UF | NX, "-0.5 ulp");
  expectResult<uint32_t>(RDN, Half, 0x80000001, UF | NX, "-0.5 ulp");
  // Integers.
  auto ToInt = [](float V) {
    return [V](FPEnv &E) { return f32ToI32(f32(V), E); };
  };
  expectResult<int32_t>(RMM, ToInt(2.5f), 3, NX, "2.5");
  expectResult<int32_t>(RMM, ToInt(-2.5f), -3, NX, "-2.5");
  expectResult<int32_t>(RMM, ToInt(0.5f), 1, NX, "0.5");
  expectResult<int32_t>(RNE, ToInt(0.5f), 0, NX, "0.5");
  expectResult<int32_t>(RNE, ToInt(-1.5f), -2, NX, "-1.5");
  auto FromInt = [](FPEnv &E) { return i64ToF32((1 << 24) + 1, E); };
  expectResult<uint32_t>(RMM, FromInt, f32(16777218.0f), NX, "2^24+1");
  expectResult<uint32_t>(RNE, FromInt, f32(16777216.0f), NX, "2^24+1");
}

TEST(FPSoftFloatCorner, OverflowPerMode) {
  const uint32_t Max = 0x7f7fffff, Inf = 0x7f800000, Sign = 0x80000000;
  auto Pos = [&](FPEnv &E) { return f32Mul(Max, f32(2.0f), E); };
  auto Neg = [&](FPEnv &E) { return f32Mul(Max | Sign, f32(2.0f), E); };
  expectResult<uint32_t>(RNE, Pos, Inf, OF | NX, "max*2");
  expectResult<uint32_t>(RMM, Pos, Inf, OF | NX, "max*2");
  expectResult<uint32_t>(RTZ, Pos, Max, OF | NX, "max*2");
  expectResult<uint32_t>(RDN, Pos, Max, OF | NX, "max*2");
  expectResult<uint32_t>(RUP, Pos, Inf, OF | NX, "max*2");
  expectResult<uint32_t>(RNE, Neg, Inf | Sign, OF | NX, "-max*2");
  expectResult<uint32_t>(RTZ, Neg, Max | Sign, OF | NX, "-max*2");
  expectResult<uint32_t>(RDN, Neg, Inf | Sign, OF | NX, "-max*2");
  expectResult<uint32_t>(RUP, Neg, Max | Sign, OF | NX, "-max*2");
  // Rounding up across the top: max + half an ulp overflows only when the
  // rounding goes up; max + a quarter ulp never overflows in RNE.
  auto HalfUlp = [&](FPEnv &E) { return f32Add(Max, 0x73000000, E); };
  expectResult<uint32_t>(RNE, HalfUlp, Inf, OF | NX, "max+ulp/2");
  // RTZ truncates to max: the rounded result is finite, so no overflow.
  expectResult<uint32_t>(RTZ, HalfUlp, Max, NX, "max+ulp/2");
  auto QuarterUlp = [&](FPEnv &E) { return f32Add(Max, 0x72800000, E); };
  expectResult<uint32_t>(RNE, QuarterUlp, Max, NX, "max+ulp/4");
  expectResult<uint32_t>(RUP, QuarterUlp, Inf, OF | NX, "max+ulp/4");
  // binary64 -> binary16 overflow.
  auto Narrow = [](FPEnv &E) { return f64ToF16(f64(65520.0), E); };
  expectResult<uint16_t>(RNE, Narrow, 0x7c00, OF | NX, "65520");
  expectResult<uint16_t>(RTZ, Narrow, 0x7bff, NX, "65520");
}

TEST(FPSoftFloatCorner, TininessAfterRounding) {
  // 2^-126 (1 - 2^-25): rounds to 2^-126 at 24 bits with an unbounded
  // exponent in RNE/RUP/RMM - not tiny, so no underflow; tiny in RTZ/RDN.
  auto Edge = [](FPEnv &E) { return f64ToF32(f64(0x1p-126 * (1 - 0x1p-25)), E); };
  expectResult<uint32_t>(RNE, Edge, 0x00800000, NX, "2^-126(1-2^-25)");
  expectResult<uint32_t>(RMM, Edge, 0x00800000, NX, "2^-126(1-2^-25)");
  expectResult<uint32_t>(RUP, Edge, 0x00800000, NX, "2^-126(1-2^-25)");
  expectResult<uint32_t>(RTZ, Edge, 0x007fffff, UF | NX, "2^-126(1-2^-25)");
  expectResult<uint32_t>(RDN, Edge, 0x007fffff, UF | NX, "2^-126(1-2^-25)");
  // 2^-126 (1 - 2^-24) has 24 bits: tiny after rounding in every mode, yet
  // RNE rounds the subnormal tie up to the smallest normal.
  auto Tiny = [](FPEnv &E) { return f64ToF32(f64(0x1p-126 * (1 - 0x1p-24)), E); };
  expectResult<uint32_t>(RNE, Tiny, 0x00800000, UF | NX, "2^-126(1-2^-24)");
  expectResult<uint32_t>(RTZ, Tiny, 0x007fffff, UF | NX, "2^-126(1-2^-24)");
  // Exact subnormal results are not underflows.
  auto Exact = [](FPEnv &E) { return f32Mul(0x00000006, f32(0.5f), E); };
  expectResult<uint32_t>(RNE, Exact, 0x00000003, 0, "exact subnormal");
  // binary16 and binary64 edges.
  auto HalfEdge = [](FPEnv &E) { return f32ToF16(f32(0x1p-14f * (1 - 0x1p-12f)), E); };
  expectResult<uint16_t>(RNE, HalfEdge, 0x0400, NX, "2^-14(1-2^-12)");
  expectResult<uint16_t>(RTZ, HalfEdge, 0x03ff, UF | NX, "2^-14(1-2^-12)");
  // (1 - 2^-53) 2^-1022 is exact at 53 bits: tiny in every mode.
  auto DoubleEdge = [](FPEnv &E) {
    return f64Mul(f64(1 - 0x1p-53), f64(0x1p-1022), E);
  };
  expectResult<uint64_t>(RNE, DoubleEdge, 0x0010000000000000, UF | NX,
                         "f64 edge");
  expectResult<uint64_t>(RTZ, DoubleEdge, 0x000fffffffffffff, UF | NX,
                         "f64 edge");
}

TEST(FPSoftFloatCorner, SignedZeros) {
  const uint32_t PZ = 0, NZ = 0x80000000;
  auto XMinusX = [](FPEnv &E) { return f32Sub(f32(1.5f), f32(1.5f), E); };
  for (RoundingMode RM : {RNE, RTZ, RUP, RMM})
    expectResult<uint32_t>(RM, XMinusX, PZ, 0, "x-x");
  expectResult<uint32_t>(RDN, XMinusX, NZ, 0, "x-x");
  auto ZeroSum = [&](FPEnv &E) { return f32Add(PZ, NZ, E); };
  expectResult<uint32_t>(RNE, ZeroSum, PZ, 0, "+0 + -0");
  expectResult<uint32_t>(RDN, ZeroSum, NZ, 0, "+0 + -0");
  auto NegZeros = [&](FPEnv &E) { return f32Add(NZ, NZ, E); };
  expectResult<uint32_t>(RUP, NegZeros, NZ, 0, "-0 + -0");
  auto SubZeros = [&](FPEnv &E) { return f32Sub(NZ, PZ, E); };
  expectResult<uint32_t>(RNE, SubZeros, NZ, 0, "-0 - +0");
  // FMA: the exact zero product takes part in the sign rule.
  auto Fma = [&](FPEnv &E) { return f32MulAdd(PZ, f32(-3.0f), PZ, E); };
  expectResult<uint32_t>(RNE, Fma, PZ, 0, "+0*-3 + +0");
  expectResult<uint32_t>(RDN, Fma, NZ, 0, "+0*-3 + +0");
  auto FnmaddZeros = [&](FPEnv &E) {
    return f32MulAdd(PZ, f32(3.0f), PZ, E, MulAddKind::NegBoth);
  };
  expectResult<uint32_t>(RNE, FnmaddZeros, NZ, 0, "-(+0*3) - +0");
  // x*y - x*y cancels exactly inside the fma.
  auto Cancel = [](FPEnv &E) {
    return f64MulAdd(f64(0.1), f64(0.3), f64(0.1 * 0.3), E, MulAddKind::Sub);
  };
  FPEnv Env{RNE, 0};
  EXPECT_NE(Cancel(Env), 0u) << "0.1*0.3 is inexact: the fma sees the error";
  // A tiny non-zero result keeps its sign when it rounds to zero.
  auto TinyNeg = [](FPEnv &E) { return f32Mul(0x80000001, f32(0.25f), E); };
  expectResult<uint32_t>(RNE, TinyNeg, NZ, UF | NX, "-tiny");
  expectResult<uint32_t>(RUP, TinyNeg, NZ, UF | NX, "-tiny");
  expectResult<uint32_t>(RDN, TinyNeg, 0x80000001, UF | NX, "-tiny");
  // sqrt(-0) = -0 without a flag.
  expectResult<uint64_t>(RNE, [](FPEnv &E) { return f64Sqrt(f64(-0.0), E); },
                         f64(-0.0), 0, "sqrt(-0)");
}

TEST(FPSoftFloatCorner, IntegerSaturation) {
  const uint32_t QNaN = 0x7fc00000, SNaN = 0x7f800001, Inf = 0x7f800000,
                 NegInf = 0xff800000;
  struct Case {
    uint32_t In;
    RoundingMode RM;
    int32_t I32;
    uint8_t I32Flags;
    uint32_t U32;
    uint8_t U32Flags;
    int64_t I64;
    uint8_t I64Flags;
    uint64_t U64;
    uint8_t U64Flags;
  } Cases[] = {
      {QNaN, RNE, INT32_MAX, NV, UINT32_MAX, NV, INT64_MAX, NV, UINT64_MAX, NV},
      {SNaN | 0x80000000, RNE, INT32_MAX, NV, UINT32_MAX, NV, INT64_MAX, NV,
       UINT64_MAX, NV},
      {Inf, RNE, INT32_MAX, NV, UINT32_MAX, NV, INT64_MAX, NV, UINT64_MAX, NV},
      {NegInf, RNE, INT32_MIN, NV, 0, NV, INT64_MIN, NV, 0, NV},
      {f32(0x1p31f), RNE, INT32_MAX, NV, 0x80000000u, 0, 0x80000000ll, 0,
       0x80000000ull, 0},
      {f32(-0x1p31f), RNE, INT32_MIN, 0, 0, NV, -0x80000000ll, 0, 0, NV},
      {f32(0x1p32f), RNE, INT32_MAX, NV, UINT32_MAX, NV, 0x100000000ll, 0,
       0x100000000ull, 0},
      {f32(0x1p63f), RNE, INT32_MAX, NV, UINT32_MAX, NV, INT64_MAX, NV,
       0x8000000000000000ull, 0},
      {f32(-0x1p63f), RNE, INT32_MIN, NV, 0, NV, INT64_MIN, 0, 0, NV},
      {f32(0x1p64f), RNE, INT32_MAX, NV, UINT32_MAX, NV, INT64_MAX, NV,
       UINT64_MAX, NV},
      {f32(-0.75f), RTZ, 0, NX, 0, NX, 0, NX, 0, NX},
      {f32(-0.75f), RNE, -1, NX, 0, NV, -1, NX, 0, NV},
      {f32(-0.25f), RDN, -1, NX, 0, NV, -1, NX, 0, NV},
      {f32(-0.25f), RUP, 0, NX, 0, NX, 0, NX, 0, NX},
      {0x80000000, RNE, 0, 0, 0, 0, 0, 0, 0, 0},
      {0x00000001, RUP, 1, NX, 1, NX, 1, NX, 1, NX},
  };
  for (const Case &C : Cases) {
    FPEnv E1{C.RM, 0}, E2{C.RM, 0}, E3{C.RM, 0}, E4{C.RM, 0};
    EXPECT_EQ(f32ToI32(C.In, E1), C.I32) << hex(C.In);
    EXPECT_EQ(E1.Flags, C.I32Flags) << hex(C.In);
    EXPECT_EQ(f32ToU32(C.In, E2), C.U32) << hex(C.In);
    EXPECT_EQ(E2.Flags, C.U32Flags) << hex(C.In);
    EXPECT_EQ(f32ToI64(C.In, E3), C.I64) << hex(C.In);
    EXPECT_EQ(E3.Flags, C.I64Flags) << hex(C.In);
    EXPECT_EQ(f32ToU64(C.In, E4), C.U64) << hex(C.In);
    EXPECT_EQ(E4.Flags, C.U64Flags) << hex(C.In);
  }
  // Rounding decides: 2^31 - 0.5 in binary64 rounds up to 2^31 in RNE.
  FPEnv E{RNE, 0};
  EXPECT_EQ(f64ToI32(f64(2147483647.5), E), INT32_MAX);
  EXPECT_EQ(E.Flags, NV);
  E = {RTZ, 0};
  EXPECT_EQ(f64ToI32(f64(2147483647.5), E), INT32_MAX);
  EXPECT_EQ(E.Flags, NX);
  E = {RNE, 0};
  EXPECT_EQ(f64ToI32(f64(-2147483648.5), E), INT32_MIN);
  EXPECT_EQ(E.Flags, NX) << "ties to even: -2^31 is even";
  E = {RMM, 0};
  EXPECT_EQ(f64ToI32(f64(-2147483648.5), E), INT32_MIN);
  EXPECT_EQ(E.Flags, NV);
}

TEST(FPSoftFloatCorner, NaNsAndInvalid) {
  const uint32_t SNaN = 0x7f800001, QNaNPayload = 0xffc12345;
  const uint32_t Inf = 0x7f800000, Canon = F32CanonicalNaN;
  auto Run = [](RoundingMode RM, auto Op, uint64_t Want, uint8_t Flags,
                const char *What) {
    expectResult<uint64_t>(RM, [&](FPEnv &E) { return uint64_t(Op(E)); },
                           Want, Flags, What);
  };
  Run(RNE, [&](FPEnv &E) { return f32Add(SNaN, f32(1.0f), E); }, Canon, NV,
      "sNaN + 1");
  Run(RNE, [&](FPEnv &E) { return f32Add(QNaNPayload, f32(1.0f), E); }, Canon,
      0, "qNaN + 1 (payload dropped)");
  Run(RNE, [&](FPEnv &E) { return f32Sub(Inf, Inf, E); }, Canon, NV, "inf-inf");
  Run(RNE, [&](FPEnv &E) { return f32Mul(Inf, 0, E); }, Canon, NV, "inf*0");
  Run(RNE, [&](FPEnv &E) { return f32Div(0, 0x80000000, E); }, Canon, NV, "0/0");
  Run(RNE, [&](FPEnv &E) { return f32Div(Inf, Inf, E); }, Canon, NV, "inf/inf");
  Run(RNE, [&](FPEnv &E) { return f32Div(f32(-1.0f), 0x80000000, E); }, Inf, DZ,
      "-1/-0");
  Run(RNE, [&](FPEnv &E) { return f32Div(Inf, 0, E); }, Inf, 0, "inf/0");
  Run(RNE, [&](FPEnv &E) { return f32Sqrt(f32(-1.0f), E); }, Canon, NV,
      "sqrt(-1)");
  Run(RNE, [&](FPEnv &E) { return f32Sqrt(0xff800000, E); }, Canon, NV,
      "sqrt(-inf)");
  Run(RNE, [&](FPEnv &E) { return f32MulAdd(Inf, 0, f32(1.0f), E); }, Canon, NV,
      "inf*0+1");
  Run(RNE, [&](FPEnv &E) { return f32MulAdd(0, Inf, Canon, E); }, Canon, NV,
      "0*inf+qNaN (RISC-V: invalid)");
  Run(RNE, [&](FPEnv &E) { return f32MulAdd(Inf, f32(2.0f), 0xff800000, E); },
      Canon, NV, "inf*2-inf");
  Run(RNE, [&](FPEnv &E) { return f32MulAdd(Canon, 0, Inf, E); }, Canon, 0,
      "qNaN*0+inf");
  Run(RNE, [&](FPEnv &E) { return f32MulAdd(f32(1.0f), f32(1.0f), SNaN, E); },
      Canon, NV, "1*1+sNaN");
  Run(RNE, [&](FPEnv &E) { return f32ToF64(QNaNPayload, E); }, F64CanonicalNaN,
      0, "widen qNaN");
  Run(RNE, [&](FPEnv &E) { return f64ToF32(0x7ff0000000000001, E); }, Canon, NV,
      "narrow sNaN");
  Run(RNE, [&](FPEnv &E) { return f32ToF16(SNaN, E); }, F16CanonicalNaN, NV,
      "to half sNaN");
  Run(RNE, [&](FPEnv &E) { return f16ToF64(0x7d00, E); }, F64CanonicalNaN, NV,
      "half sNaN widen");
}

TEST(FPSoftFloatCorner, ClassifyEveryHalf) {
  for (uint32_t H = 0; H < 0x10000; ++H) {
    double V = halfToDouble(uint16_t(H));
    bool Neg = (H >> 15) != 0;
    uint32_t Exp = (H >> 10) & 0x1f, Frac = H & 0x3ff;
    uint16_t Want;
    if (Exp == 0x1f && Frac)
      Want = (Frac & 0x200) ? fclass::QuietNaN : fclass::SignalingNaN;
    else if (Exp == 0x1f)
      Want = Neg ? fclass::NegInfinity : fclass::PosInfinity;
    else if (V == 0)
      Want = Neg ? fclass::NegZero : fclass::PosZero;
    else if (Exp == 0)
      Want = Neg ? fclass::NegSubnormal : fclass::PosSubnormal;
    else
      Want = Neg ? fclass::NegNormal : fclass::PosNormal;
    ASSERT_EQ(f16Classify(uint16_t(H)), Want) << hex(H);
  }
}

} // namespace
