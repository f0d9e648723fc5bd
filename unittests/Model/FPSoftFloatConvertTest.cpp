//===- FPSoftFloatConvertTest.cpp - binary32/64 conversions vs the host ---===//
//
// float <-> float and int -> float against the host's SSE conversions; float
// -> int against a reference built from the host's rint (exact integer
// rounding) plus RISC-V's saturation rule, because x86's cvt* instructions
// return the "integer indefinite" value instead of saturating.
//===----------------------------------------------------------------------===//
#include "FPTestUtil.h"
#include <cmath>

using namespace fptest;

namespace {

constexpr unsigned CasesPerMode = 25000;

TEST(FPSoftFloatConvert, F32ToF64AndBack) {
  RandomEngine R(101);
  MismatchLog Widen("f32ToF64"), Narrow("f64ToF32");
  for (RoundingMode RM : HostModes) {
    for (unsigned I = 0; I < CasesPerMode; ++I) {
      uint32_t A = F32Desc::operand(R);
      volatile float HA = std::bit_cast<float>(A);
      uint8_t HostFlags;
      double Wide = runOnHost<double>(hostRounding(RM), HostFlags,
                                      [&] { return double(HA); });
      FPEnv Env{RM, 0};
      uint64_t Ours = f32ToF64(A, Env);
      uint64_t Host = std::bit_cast<uint64_t>(Wide);
      bool Same = F64Desc::isNaN(Host) ? Ours == F64CanonicalNaN : Ours == Host;
      Widen.check(Same && Env.Flags == HostFlags,
                  hex(A) + " ours=" + hex(Ours) + " " + flagString(Env.Flags) +
                      " host=" + hex(Host) + " " + flagString(HostFlags));

      // Narrowing: doubles spread over the whole range, biased towards the
      // float range and its subnormal edge.
      uint64_t B = F64Desc::operand(R);
      if (R.chance(0.6))
        B = F64Desc::make(R.chance(0.5), 1023 - 160 + R.below(300), R.next());
      volatile double HB = std::bit_cast<double>(B);
      float NarrowHost = runOnHost<float>(hostRounding(RM), HostFlags,
                                          [&] { return float(HB); });
      FPEnv Env2{RM, 0};
      uint32_t Ours32 = f64ToF32(B, Env2);
      uint32_t Host32 = std::bit_cast<uint32_t>(NarrowHost);
      bool Same32 =
          F32Desc::isNaN(Host32) ? Ours32 == F32CanonicalNaN : Ours32 == Host32;
      Narrow.check(Same32 && Env2.Flags == HostFlags,
                   std::string(modeName(RM)) + " " + hex(B) + " ours=" +
                       hex(Ours32) + " " + flagString(Env2.Flags) + " host=" +
                       hex(Host32) + " " + flagString(HostFlags));
    }
  }
}

enum class IntKind { I32, U32, I64, U64 };

/// RISC-V's answer built from the host's exact integer rounding.
template <typename FloatT>
uint64_t referenceToInt(FloatT X, RoundingMode RM, IntKind K, uint8_t &Flags) {
  long double Min, Max;
  uint64_t OnPositive, OnNegative;
  switch (K) {
  case IntKind::I32:
    Min = -2147483648.0L, Max = 2147483647.0L;
    OnPositive = 0x7fffffff, OnNegative = 0xffffffff80000000;
    break;
  case IntKind::U32:
    Min = 0, Max = 4294967295.0L, OnPositive = 0xffffffff, OnNegative = 0;
    break;
  case IntKind::I64:
    Min = -9223372036854775808.0L, Max = 9223372036854775807.0L;
    OnPositive = 0x7fffffffffffffff, OnNegative = 0x8000000000000000;
    break;
  case IntKind::U64:
  default:
    Min = 0, Max = 18446744073709551615.0L;
    OnPositive = ~uint64_t(0), OnNegative = 0;
    break;
  }
  Flags = 0;
  if (std::isnan(X)) {
    Flags = flags::Invalid;
    return OnPositive;
  }
  volatile FloatT HX = X;
  uint8_t Ignored;
  FloatT Rounded =
      RM == RoundingMode::NearestMaxMagnitude
          ? std::round(X) // ties away from zero
          : runOnHost<FloatT>(hostRounding(RM), Ignored,
                              [&] { return std::rint(HX); });
  long double Exact = Rounded;
  if (Exact > Max || Exact < Min) {
    Flags = flags::Invalid;
    return std::signbit(X) ? OnNegative : OnPositive;
  }
  if (Rounded != X)
    Flags = flags::Inexact;
  if (Exact < 0)
    return uint64_t(int64_t(Exact));
  return uint64_t(Exact);
}

template <typename Bits> uint64_t toIntWithSoftFloat(Bits A, IntKind K,
                                                     FPEnv &Env) {
  if constexpr (sizeof(Bits) == 4) {
    switch (K) {
    case IntKind::I32:
      return uint64_t(int64_t(f32ToI32(A, Env)));
    case IntKind::U32:
      return uint64_t(int64_t(int32_t(f32ToU32(A, Env))));
    case IntKind::I64:
      return uint64_t(f32ToI64(A, Env));
    default:
      return f32ToU64(A, Env);
    }
  } else {
    switch (K) {
    case IntKind::I32:
      return uint64_t(int64_t(f64ToI32(A, Env)));
    case IntKind::U32:
      return uint64_t(int64_t(int32_t(f64ToU32(A, Env))));
    case IntKind::I64:
      return uint64_t(f64ToI64(A, Env));
    default:
      return f64ToU64(A, Env);
    }
  }
}

template <class Desc, typename FloatT> void checkToInt(uint64_t Seed) {
  using Bits = typename Desc::Bits;
  RandomEngine R(Seed);
  MismatchLog Log(sizeof(Bits) == 4 ? "f32ToInt" : "f64ToInt");
  const RoundingMode AllModes[] = {
      RoundingMode::NearestEven, RoundingMode::TowardZero, RoundingMode::Down,
      RoundingMode::Up, RoundingMode::NearestMaxMagnitude};
  const int Bias = int(Desc::MaxExp / 2);
  for (IntKind K : {IntKind::I32, IntKind::U32, IntKind::I64, IntKind::U64}) {
    for (RoundingMode RM : AllModes) {
      for (unsigned I = 0; I < CasesPerMode / 4; ++I) {
        Bits A = Desc::operand(R);
        if (R.chance(0.6)) {
          // Integers and halves near every bit length up to 65, and the
          // exact boundaries 2^31, 2^32, 2^63, 2^64 with ulp neighbours.
          uint64_t E = uint64_t(Bias - 2 + int(R.below(68)));
          A = Desc::make(R.chance(0.5), E, R.next() << R.below(Desc::FracBits));
        }
        FloatT X = std::bit_cast<FloatT>(A);
        uint8_t RefFlags;
        uint64_t Expected = referenceToInt(X, RM, K, RefFlags);
        if (K == IntKind::I32 || K == IntKind::U32)
          Expected = uint64_t(int64_t(int32_t(Expected)));
        FPEnv Env{RM, 0};
        uint64_t Ours = toIntWithSoftFloat(A, K, Env);
        Log.check(Ours == Expected && Env.Flags == RefFlags,
                  std::string(modeName(RM)) + " kind=" +
                      std::to_string(int(K)) + " a=" + hex(A) + " ours=" +
                      hex(Ours) + " " + flagString(Env.Flags) + " ref=" +
                      hex(Expected) + " " + flagString(RefFlags));
      }
    }
  }
}

TEST(FPSoftFloatConvert, F32ToInt) { checkToInt<F32Desc, float>(102); }
TEST(FPSoftFloatConvert, F64ToInt) { checkToInt<F64Desc, double>(103); }

/// Integers of every bit length, with runs of ones and exact ties.
uint64_t randomInteger(RandomEngine &R) {
  uint64_t X = R.next() >> R.below(64);
  switch (R.below(4)) {
  case 0:
    return X;
  case 1:
    return ~X; // negative as a signed value
  case 2: {
    // Exactly a tie for the float or double rounding point.
    unsigned Len = 20 + unsigned(R.below(44));
    uint64_t Top = uint64_t(1) << (Len - 1);
    unsigned Drop = Len - (R.chance(0.5) ? 24 : 53);
    if (Len <= 24 || Drop == 0 || Drop >= 64)
      return Top | 1;
    return Top | (uint64_t(1) << (Drop - 1)) | ((R.next() & 1) << Drop);
  }
  default:
    return R.next();
  }
}

/// Host reference for unsigned 64-bit sources: SSE converts signed only, so
/// halve with a sticky low bit (exact for rounding) and double the result.
template <typename FloatT> FloatT hostFromU64(uint64_t X) {
  if (int64_t(X) >= 0)
    return FloatT(int64_t(X));
  volatile int64_t Half = int64_t((X >> 1) | (X & 1));
  FloatT Y = FloatT(Half);
  return Y + Y;
}

TEST(FPSoftFloatConvert, IntToFloat) {
  RandomEngine R(104);
  MismatchLog Log("intToFloat");
  for (RoundingMode RM : HostModes) {
    for (unsigned I = 0; I < CasesPerMode; ++I) {
      uint64_t X = randomInteger(R);
      volatile int64_t S64 = int64_t(X);
      volatile int32_t S32 = int32_t(X);
      volatile uint32_t U32 = uint32_t(X);
      int Mode = hostRounding(RM);
      for (int Which = 0; Which < 8; ++Which) {
        uint8_t HostFlags;
        uint64_t Host, Ours;
        FPEnv Env{RM, 0};
        switch (Which) {
        case 0:
          Host = std::bit_cast<uint32_t>(runOnHost<float>(
              Mode, HostFlags, [&] { return float(S32); }));
          Ours = i32ToF32(S32, Env);
          break;
        case 1:
          Host = std::bit_cast<uint32_t>(runOnHost<float>(
              Mode, HostFlags, [&] { return float(int64_t(U32)); }));
          Ours = u32ToF32(U32, Env);
          break;
        case 2:
          Host = std::bit_cast<uint32_t>(runOnHost<float>(
              Mode, HostFlags, [&] { return float(S64); }));
          Ours = i64ToF32(S64, Env);
          break;
        case 3:
          Host = std::bit_cast<uint32_t>(runOnHost<float>(
              Mode, HostFlags, [&] { return hostFromU64<float>(S64); }));
          Ours = u64ToF32(uint64_t(S64), Env);
          break;
        case 4:
          Host = std::bit_cast<uint64_t>(runOnHost<double>(
              Mode, HostFlags, [&] { return double(S32); }));
          Ours = i32ToF64(S32, Env);
          break;
        case 5:
          Host = std::bit_cast<uint64_t>(runOnHost<double>(
              Mode, HostFlags, [&] { return double(U32); }));
          Ours = u32ToF64(U32, Env);
          break;
        case 6:
          Host = std::bit_cast<uint64_t>(runOnHost<double>(
              Mode, HostFlags, [&] { return double(S64); }));
          Ours = i64ToF64(S64, Env);
          break;
        default:
          Host = std::bit_cast<uint64_t>(runOnHost<double>(
              Mode, HostFlags, [&] { return hostFromU64<double>(S64); }));
          Ours = u64ToF64(uint64_t(S64), Env);
          break;
        }
        Log.check(Ours == Host && Env.Flags == HostFlags,
                  std::string(modeName(RM)) + " form=" +
                      std::to_string(Which) + " x=" + hex(X) + " ours=" +
                      hex(Ours) + " " + flagString(Env.Flags) + " host=" +
                      hex(Host) + " " + flagString(HostFlags));
      }
    }
  }
}

} // namespace
