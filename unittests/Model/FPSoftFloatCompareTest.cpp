//===- FPSoftFloatCompareTest.cpp - compares, min/max, classify -----------===//
//
// Compare results against the host's C operators and flags against the
// host's COMISS/UCOMISS (signaling/quiet compares). min/max against a direct
// reading of the F spec's rules; classify against fpclassify.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"
#include <cmath>

using namespace fptest;

namespace {

constexpr unsigned Cases = 50000;

template <class Desc, typename FloatT, class Ops> void checkCompares(
    uint64_t Seed) {
  using Bits = typename Desc::Bits;
  RandomEngine R(Seed);
  MismatchLog Log(sizeof(Bits) == 4 ? "f32 compare" : "f64 compare");
  for (unsigned I = 0; I < Cases; ++I) {
    Bits A = Desc::operand(R), B = Desc::partner(R, A);
    volatile FloatT HA = std::bit_cast<FloatT>(A), HB = std::bit_cast<FloatT>(B);
    uint8_t EqFlags, LtFlags, LeFlags;
    bool HostEq = runOnHost<int>(FE_TONEAREST, EqFlags,
                                 [&] { return Ops::quietEq(HA, HB); });
    bool HostLt = runOnHost<int>(FE_TONEAREST, LtFlags,
                                 [&] { return Ops::signalingLt(HA, HB); });
    bool HostLe = runOnHost<int>(FE_TONEAREST, LeFlags,
                                 [&] { return Ops::signalingLe(HA, HB); });
    FPEnv E1, E2, E3;
    bool Eq = Ops::eq(A, B, E1), Lt = Ops::lt(A, B, E2), Le = Ops::le(A, B, E3);
    Log.check(Eq == HostEq && E1.Flags == EqFlags && Lt == HostLt &&
                  E2.Flags == LtFlags && Le == HostLe && E3.Flags == LeFlags,
              "a=" + hex(A) + " b=" + hex(B) + " eq/lt/le ours=" +
                  std::to_string(Eq) + std::to_string(Lt) + std::to_string(Le) +
                  " host=" + std::to_string(HostEq) + std::to_string(HostLt) +
                  std::to_string(HostLe) + " flags ours=" +
                  flagString(E1.Flags) + flagString(E2.Flags) +
                  flagString(E3.Flags) + " host=" + flagString(EqFlags) +
                  flagString(LtFlags) + flagString(LeFlags));

    // min/max per the F spec (v2.2): minimumNumber/maximumNumber.
    for (bool IsMax : {false, true}) {
      FPEnv E;
      Bits Ours = IsMax ? Ops::max(A, B, E) : Ops::min(A, B, E);
      uint8_t ExpectedFlags =
          Desc::isSignalingNaN(A) || Desc::isSignalingNaN(B) ? flags::Invalid
                                                             : 0;
      Bits Expected;
      FloatT X = std::bit_cast<FloatT>(A), Y = std::bit_cast<FloatT>(B);
      if (std::isnan(X) && std::isnan(Y))
        Expected = Desc::CanonicalNaN;
      else if (std::isnan(X))
        Expected = B;
      else if (std::isnan(Y))
        Expected = A;
      else if (X == Y) // equal values: only zeros can differ (by sign)
        Expected = (std::signbit(X) != IsMax) ? A : B;
      else
        Expected = ((X < Y) != IsMax) ? A : B;
      Log.check(Ours == Expected && E.Flags == ExpectedFlags,
                std::string(IsMax ? "max" : "min") + " a=" + hex(A) + " b=" +
                    hex(B) + " ours=" + hex(Ours) + " expected=" +
                    hex(Expected));
    }

    uint16_t Class = Ops::classify(A);
    FloatT X = std::bit_cast<FloatT>(A);
    bool Neg = std::signbit(X);
    uint16_t ExpectedClass;
    switch (std::fpclassify(X)) {
    case FP_NAN:
      ExpectedClass = Desc::isSignalingNaN(A) ? fclass::SignalingNaN
                                              : fclass::QuietNaN;
      break;
    case FP_INFINITE:
      ExpectedClass = Neg ? fclass::NegInfinity : fclass::PosInfinity;
      break;
    case FP_ZERO:
      ExpectedClass = Neg ? fclass::NegZero : fclass::PosZero;
      break;
    case FP_SUBNORMAL:
      ExpectedClass = Neg ? fclass::NegSubnormal : fclass::PosSubnormal;
      break;
    default:
      ExpectedClass = Neg ? fclass::NegNormal : fclass::PosNormal;
      break;
    }
    Log.check(Class == ExpectedClass, "classify " + hex(A));
  }
}

struct F32Ops {
  static int quietEq(float A, float B) {
    return _mm_ucomieq_ss(_mm_set_ss(A), _mm_set_ss(B)) && A == B;
  }
  static int signalingLt(float A, float B) {
    return _mm_comilt_ss(_mm_set_ss(A), _mm_set_ss(B)) && A < B;
  }
  static int signalingLe(float A, float B) {
    return _mm_comile_ss(_mm_set_ss(A), _mm_set_ss(B)) && A <= B;
  }
  static bool eq(uint32_t A, uint32_t B, FPEnv &E) { return f32Eq(A, B, E); }
  static bool lt(uint32_t A, uint32_t B, FPEnv &E) { return f32Lt(A, B, E); }
  static bool le(uint32_t A, uint32_t B, FPEnv &E) { return f32Le(A, B, E); }
  static uint32_t min(uint32_t A, uint32_t B, FPEnv &E) {
    return f32Min(A, B, E);
  }
  static uint32_t max(uint32_t A, uint32_t B, FPEnv &E) {
    return f32Max(A, B, E);
  }
  static uint16_t classify(uint32_t A) { return f32Classify(A); }
};

struct F64Ops {
  static int quietEq(double A, double B) {
    return _mm_ucomieq_sd(_mm_set_sd(A), _mm_set_sd(B)) && A == B;
  }
  static int signalingLt(double A, double B) {
    return _mm_comilt_sd(_mm_set_sd(A), _mm_set_sd(B)) && A < B;
  }
  static int signalingLe(double A, double B) {
    return _mm_comile_sd(_mm_set_sd(A), _mm_set_sd(B)) && A <= B;
  }
  static bool eq(uint64_t A, uint64_t B, FPEnv &E) { return f64Eq(A, B, E); }
  static bool lt(uint64_t A, uint64_t B, FPEnv &E) { return f64Lt(A, B, E); }
  static bool le(uint64_t A, uint64_t B, FPEnv &E) { return f64Le(A, B, E); }
  static uint64_t min(uint64_t A, uint64_t B, FPEnv &E) {
    return f64Min(A, B, E);
  }
  static uint64_t max(uint64_t A, uint64_t B, FPEnv &E) {
    return f64Max(A, B, E);
  }
  static uint16_t classify(uint64_t A) { return f64Classify(A); }
};

TEST(FPSoftFloatCompare, F32) { checkCompares<F32Desc, float, F32Ops>(401); }
TEST(FPSoftFloatCompare, F64) { checkCompares<F64Desc, double, F64Ops>(402); }

/// binary16 compares and min agree with binary64 ones on the exact values.
TEST(FPSoftFloatCompare, F16AgainstF64) {
  RandomEngine R(403);
  MismatchLog Log("f16 compare");
  for (unsigned I = 0; I < Cases; ++I) {
    uint16_t A = F16Desc::operand(R), B = F16Desc::partner(R, A);
    uint64_t WA = std::bit_cast<uint64_t>(halfToDouble(A));
    uint64_t WB = std::bit_cast<uint64_t>(halfToDouble(B));
    FPEnv H1, H2, H3, D1, D2, D3, HMin, DMin;
    bool Same = f16Eq(A, B, H1) == f64Eq(WA, WB, D1) &&
                f16Lt(A, B, H2) == f64Lt(WA, WB, D2) &&
                f16Le(A, B, H3) == f64Le(WA, WB, D3) && H1.Flags == D1.Flags &&
                H2.Flags == D2.Flags && H3.Flags == D3.Flags;
    uint16_t Min = f16Min(A, B, HMin);
    uint64_t WMin = f64Min(WA, WB, DMin);
    bool MinSame = F16Desc::isNaN(Min)
                       ? WMin == F64CanonicalNaN && Min == F16CanonicalNaN
                       : std::bit_cast<uint64_t>(halfToDouble(Min)) == WMin;
    Log.check(Same && MinSame && HMin.Flags == DMin.Flags,
              "a=" + hex(A) + " b=" + hex(B));
  }
}

} // namespace
