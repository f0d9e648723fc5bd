//===- ZfaSoftFloatTest.cpp - Zfa's soft-float operations against the host -===//
//
// Round-to-integral and the modular conversion against the host's libm
// (nearbyint under fesetround; round for RMM; trunc/fmod, which are exact),
// over random values spread across all exponents, plus minimum/maximum and
// quiet compares on their corner cases.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/SoftFloat.h"
#include "gtest/gtest.h"
#include <bit>
#include <cfenv>
#include <cmath>
#include <random>

using namespace snipgen::softfloat;

namespace {

// Host reference for roundToIntegral in mode M (no flags).
template <typename T> T hostRound(T X, RoundingMode M) {
  if (M == RoundingMode::NearestMaxMagnitude)
    return std::round(X);
  static const int Modes[] = {FE_TONEAREST, FE_TOWARDZERO, FE_DOWNWARD,
                              FE_UPWARD};
  std::fesetround(Modes[int(M)]);
  volatile T In = X;
  T R = std::nearbyint(In);
  std::fesetround(FE_TONEAREST);
  return R;
}

template <typename T, typename Bits>
void checkRound(Bits (*Plain)(Bits, FPEnv &), Bits (*Exact)(Bits, FPEnv &),
                Bits B) {
  T X = std::bit_cast<T>(B);
  for (int M = 0; M <= 4; ++M) {
    FPEnv E1, E2;
    E1.Rounding = E2.Rounding = RoundingMode(M);
    Bits R1 = Plain(B, E1), R2 = Exact(B, E2);
    ASSERT_EQ(R1, R2);
    if (std::isnan(X)) {
      EXPECT_TRUE(std::isnan(std::bit_cast<T>(R1)));
      continue;
    }
    T Want = hostRound(X, RoundingMode(M));
    ASSERT_EQ(R1, std::bit_cast<Bits>(Want))
        << std::hexfloat << X << " mode " << M;
    EXPECT_EQ(E1.Flags, 0) << std::hexfloat << X;
    EXPECT_EQ(E2.Flags, Want != X ? flags::Inexact : 0) << std::hexfloat << X;
  }
}

TEST(ZfaSoftFloat, RoundToIntMatchesHostInEveryMode) {
  std::mt19937_64 Rng(9);
  for (int I = 0; I < 200000; ++I) {
    uint64_t R = Rng();
    // Bias exponents toward the interesting band around the precision.
    uint32_t S = uint32_t(R);
    S = (S & 0x807fffffu) | (uint32_t(110 + (R >> 40) % 45) << 23);
    if (I % 4 == 0)
      S = uint32_t(R >> 7);
    checkRound<float, uint32_t>(f32RoundToInt, f32RoundToIntExact, S);
    uint64_t D = (R & 0x800fffffffffffffull) |
                 (uint64_t(1000 + (R >> 52) % 70) << 52);
    if (I % 4 == 0)
      D = Rng();
    checkRound<double, uint64_t>(f64RoundToInt, f64RoundToIntExact, D);
  }
  // Signaling NaN: invalid, canonical result, in both forms.
  FPEnv E;
  EXPECT_EQ(f32RoundToIntExact(0x7f800001u, E), F32CanonicalNaN);
  EXPECT_EQ(E.Flags, flags::Invalid);
  FPEnv E2;
  EXPECT_EQ(f16RoundToInt(0x7c01, E2), F16CanonicalNaN);
  EXPECT_EQ(E2.Flags, flags::Invalid);
}

TEST(ZfaSoftFloat, HalfRoundToIntViaSingle) {
  // Every binary16 value: rounding in half equals rounding its exact single
  // widening (the integral result is representable in half when |x| < 2048,
  // and larger halves are integers already).
  for (uint32_t H = 0; H <= 0xffff; ++H) {
    for (int M = 0; M <= 4; ++M) {
      FPEnv EH, ES, EW;
      EH.Rounding = ES.Rounding = RoundingMode(M);
      uint16_t R = f16RoundToIntExact(uint16_t(H), EH);
      uint32_t W = f16ToF32(uint16_t(H), EW);
      uint32_t RS = f32RoundToIntExact(W, ES);
      if ((H & 0x7fff) > 0x7c00) {
        EXPECT_EQ(R, F16CanonicalNaN);
        continue;
      }
      FPEnv EN;
      ASSERT_EQ(f16ToF32(R, EN), RS) << std::hex << H << " mode " << M;
      EXPECT_EQ(EH.Flags, ES.Flags) << std::hex << H;
    }
  }
}

TEST(ZfaSoftFloat, ModularConversionMatchesTruncFmod) {
  std::mt19937_64 Rng(4);
  for (int I = 0; I < 300000; ++I) {
    uint64_t R = Rng();
    uint64_t B = (R & 0x800fffffffffffffull) |
                 (uint64_t(1000 + (R >> 52) % 130) << 52);
    if (I % 8 == 0)
      B = Rng();
    double X = std::bit_cast<double>(B);
    FPEnv E;
    int32_t Got = f64ToI32Modular(B, E);
    if (std::isnan(X) || std::isinf(X)) {
      EXPECT_EQ(Got, 0);
      EXPECT_EQ(E.Flags, flags::Invalid);
      continue;
    }
    double T = std::trunc(X);
    double M = std::fmod(T, 4294967296.0); // exact
    if (M < 0)
      M += 4294967296.0;
    int32_t Want = int32_t(uint32_t(M));
    ASSERT_EQ(Got, Want) << std::hexfloat << X;
    bool InRange = T >= -2147483648.0 && T <= 2147483647.0;
    uint8_t Flags = !InRange ? flags::Invalid : T != X ? flags::Inexact : 0;
    EXPECT_EQ(E.Flags, Flags) << std::hexfloat << X;
    // The same flags as FCVT.W.D in round-toward-zero.
    FPEnv EC;
    EC.Rounding = RoundingMode::TowardZero;
    f64ToI32(B, EC);
    EXPECT_EQ(E.Flags, EC.Flags) << std::hexfloat << X;
  }
}

TEST(ZfaSoftFloat, MinimumMaximumAndQuietCompares) {
  const uint32_t QNaN = 0x7fc00001, SNaN = 0x7f800001, One = 0x3f800000,
                 NegZero = 0x80000000;
  FPEnv E;
  EXPECT_EQ(f32Minimum(One, QNaN, E), F32CanonicalNaN);
  EXPECT_EQ(f32Maximum(QNaN, One, E), F32CanonicalNaN);
  EXPECT_EQ(E.Flags, 0);
  EXPECT_EQ(f32Minimum(SNaN, One, E), F32CanonicalNaN);
  EXPECT_EQ(E.Flags, flags::Invalid);
  FPEnv E2;
  EXPECT_EQ(f32Minimum(0, NegZero, E2), NegZero);
  EXPECT_EQ(f32Maximum(NegZero, 0, E2), 0u);
  EXPECT_EQ(f64Minimum(std::bit_cast<uint64_t>(-2.0),
                       std::bit_cast<uint64_t>(1.0), E2),
            std::bit_cast<uint64_t>(-2.0));
  EXPECT_EQ(f16Maximum(0x3c00, 0x4000, E2), 0x4000);
  EXPECT_FALSE(f32LtQuiet(QNaN, One, E2));
  EXPECT_FALSE(f64LeQuiet(std::bit_cast<uint64_t>(1.0),
                          0x7ff8000000000000ull, E2));
  EXPECT_TRUE(f32LeQuiet(NegZero, 0, E2));
  EXPECT_FALSE(f32LtQuiet(NegZero, 0, E2));
  EXPECT_TRUE(f16LtQuiet(0xbc00, 0x3c00, E2));
  EXPECT_EQ(E2.Flags, 0);
  EXPECT_FALSE(f16LeQuiet(0x7c01, 0x3c00, E2));
  EXPECT_EQ(E2.Flags, flags::Invalid);
}

} // namespace
