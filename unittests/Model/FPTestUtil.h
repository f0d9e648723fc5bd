//===- FPTestUtil.h - Host references and operand generators for FP tests -===//
//
// The soft-float library is checked against the host's x86-64 SSE arithmetic,
// which is IEEE 754 with tininess detected after rounding, like RISC-V. Host
// NaN results keep payloads where RISC-V canonicalises, so NaN results are
// compared by class and the soft-float NaN must be the canonical one.
//
// Host operations run between fesetround/feclearexcept and fetestexcept with
// volatile operands and results, so the compiler can neither fold them nor
// move them across the environment calls (this file is compiled with
// -frounding-math -fsignaling-nans as well).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_MODEL_FPTESTUTIL_H
#define SNIPGEN_UNITTESTS_MODEL_FPTESTUTIL_H

#include "snipgen/Model/SoftFloat.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"
#include <bit>
#include <cfenv>
#include <cinttypes>
#include <cmath>
#include <cstring>
#include <type_traits>
#include <cstdint>
#include <cstdio>
#include <immintrin.h>
#include <string>

namespace fptest {

using namespace snipgen::softfloat;
using snipgen::RandomEngine;

/// The modes the host can do; RMM is checked separately.
constexpr RoundingMode HostModes[] = {
    RoundingMode::NearestEven, RoundingMode::TowardZero, RoundingMode::Down,
    RoundingMode::Up};

inline const char *modeName(RoundingMode RM) {
  static const char *Names[] = {"RNE", "RTZ", "RDN", "RUP", "RMM"};
  return Names[unsigned(RM) % 5];
}

inline int hostRounding(RoundingMode RM) {
  switch (RM) {
  case RoundingMode::TowardZero:
    return FE_TOWARDZERO;
  case RoundingMode::Down:
    return FE_DOWNWARD;
  case RoundingMode::Up:
    return FE_UPWARD;
  default:
    return FE_TONEAREST;
  }
}

inline uint8_t fromHostFlags(int E) {
  uint8_t F = 0;
  if (E & FE_INEXACT)
    F |= flags::Inexact;
  if (E & FE_UNDERFLOW)
    F |= flags::Underflow;
  if (E & FE_OVERFLOW)
    F |= flags::Overflow;
  if (E & FE_DIVBYZERO)
    F |= flags::DivByZero;
  if (E & FE_INVALID)
    F |= flags::Invalid;
  return F;
}

inline std::string flagString(uint8_t F) {
  std::string S;
  S += (F & flags::Invalid) ? "NV" : "--";
  S += (F & flags::DivByZero) ? "DZ" : "--";
  S += (F & flags::Overflow) ? "OF" : "--";
  S += (F & flags::Underflow) ? "UF" : "--";
  S += (F & flags::Inexact) ? "NX" : "--";
  return S;
}

/// Runs Op (which must read volatile operands) in the host's environment.
template <typename T, typename OpT> T runOnHost(int Rounding, uint8_t &Flags,
                                                 OpT Op) {
  fesetround(Rounding);
  feclearexcept(FE_ALL_EXCEPT);
  volatile T Result = Op();
  int Raised = fetestexcept(FE_ALL_EXCEPT);
  fesetround(FE_TONEAREST);
  Flags = fromHostFlags(Raised);
  return Result;
}

/// Test-side description of a binary format: layout and operand generators.
template <typename BitsT, unsigned ExpBitsV, unsigned FracBitsV>
struct FormatDesc {
  using Bits = BitsT;
  static constexpr unsigned ExpBits = ExpBitsV, FracBits = FracBitsV;
  static constexpr unsigned Width = 1 + ExpBits + FracBits;
  static constexpr uint64_t MaxExp = (uint64_t(1) << ExpBits) - 1;
  static constexpr uint64_t FracMask = (uint64_t(1) << FracBits) - 1;
  static constexpr Bits SignMask = Bits(Bits(1) << (Width - 1));
  static constexpr Bits CanonicalNaN =
      Bits((MaxExp << FracBits) | (uint64_t(1) << (FracBits - 1)));

  static Bits make(bool Sign, uint64_t BiasedExp, uint64_t Frac) {
    return Bits((uint64_t(Sign) << (Width - 1)) | (BiasedExp << FracBits) |
                (Frac & FracMask));
  }
  static bool isNaN(Bits X) {
    return ((X >> FracBits) & MaxExp) == MaxExp && (X & FracMask) != 0;
  }
  static bool isSignalingNaN(Bits X) {
    return isNaN(X) && !((X >> (FracBits - 1)) & 1);
  }
  static uint64_t biasedExp(Bits X) { return (X >> FracBits) & MaxExp; }

  static Bits special(RandomEngine &R) {
    const uint64_t Half = uint64_t(1) << (FracBits - 1);
    const Bits Table[] = {
        make(0, 0, 0),                    // zero
        make(0, 0, 1),                    // smallest subnormal
        make(0, 0, FracMask),             // largest subnormal
        make(0, 0, Half),                 // a subnormal power of two
        make(0, 1, 0),                    // smallest normal
        make(0, 1, 1),                    //
        make(0, MaxExp / 2, 0),           // 1.0
        make(0, MaxExp / 2, 1),           // 1.0 + ulp
        make(0, MaxExp / 2 - 1, FracMask), // 1.0 - ulp/2
        make(0, MaxExp / 2 + 1, Half),    // 3.0
        make(0, MaxExp - 1, FracMask),    // largest finite
        make(0, MaxExp - 1, 0),           //
        make(0, MaxExp, 0),               // infinity
        make(0, MaxExp, Half),            // canonical quiet NaN
        make(0, MaxExp, Half | 5),        // quiet NaN with payload
        make(0, MaxExp, 1),               // signaling NaN
        make(0, MaxExp, Half - 1),        // signaling NaN, full payload
    };
    Bits X = Table[R.below(std::size(Table))];
    return R.chance(0.5) ? Bits(X | SignMask) : X;
  }

  /// A mix that reaches every rounding path: random bits, specials,
  /// subnormals, the edges of the exponent range, and short significands
  /// that make exact ties and exact results common.
  static Bits operand(RandomEngine &R) {
    bool Sign = R.chance(0.5);
    uint64_t Frac = R.next();
    switch (R.below(10)) {
    case 0:
    case 1:
      return Bits(R.next());
    case 2:
      return special(R);
    case 3:
      return make(Sign, 0, Frac >> R.below(FracBits));
    case 4:
      return make(Sign, MaxExp - 1 - R.below(3), Frac);
    case 5:
      return make(Sign, 1 + R.below(4), Frac);
    case 6: {
      unsigned Kept = unsigned(R.below(FracBits + 1));
      uint64_t Short = Kept ? (Frac >> (64 - Kept)) << (FracBits - Kept) : 0;
      return make(Sign, MaxExp / 2 - 8 + R.below(16), Short);
    }
    default:
      return make(Sign, 1 + R.below(MaxExp - 1), Frac);
    }
  }

  /// A second operand related to First: same or adjacent exponent, a few
  /// ulps from +-First (cancellation, exact zeros), or unrelated.
  static Bits partner(RandomEngine &R, Bits First) {
    switch (R.below(6)) {
    case 0: {
      uint64_t E = biasedExp(First);
      int64_t Delta = int64_t(R.below(5)) - 2;
      int64_t NewE = int64_t(E) + Delta;
      if (NewE < 0 || NewE >= int64_t(MaxExp))
        NewE = int64_t(E);
      return make(R.chance(0.5), uint64_t(NewE), R.next());
    }
    case 1: {
      Bits Neighbour = Bits(First + Bits(R.below(5)) - Bits(2));
      return R.chance(0.5) ? Bits(Neighbour ^ SignMask) : Neighbour;
    }
    case 2:
      return R.chance(0.5) ? First : Bits(First ^ SignMask);
    default:
      return operand(R);
    }
  }
};

using F16Desc = FormatDesc<uint16_t, 5, 10>;
using F32Desc = FormatDesc<uint32_t, 8, 23>;
using F64Desc = FormatDesc<uint64_t, 11, 52>;

/// Collects mismatches and prints the first few with their operands.
class MismatchLog {
public:
  explicit MismatchLog(const char *What) : What(What) {}
  ~MismatchLog() {
    EXPECT_EQ(Count, 0u) << What << ": " << Count << " of " << Cases
                         << " cases differ";
  }
  void check(bool Ok, const std::string &Detail) {
    ++Cases;
    if (Ok)
      return;
    if (++Count <= 8)
      ADD_FAILURE() << What << ": " << Detail;
  }
  uint64_t cases() const { return Cases; }

private:
  const char *What;
  uint64_t Count = 0;
  uint64_t Cases = 0;
};

/// Exact binary16 -> binary64 by bit manipulation (keeps signaling NaNs
/// signaling, unlike a host conversion, which would quiet them and signal).
inline double halfToDouble(uint16_t H) {
  uint64_t Sign = uint64_t(H >> 15) << 63;
  uint64_t Exp = (H >> 10) & 0x1f, Frac = H & 0x3ff;
  if (Exp == 0x1f)
    return std::bit_cast<double>(Sign | (uint64_t(0x7ff) << 52) | (Frac << 42));
  if (Exp == 0) { // zero or subnormal: Frac * 2^-24, exact in a double
    double Magnitude = double(Frac) * 0x1p-24;
    return Sign ? -Magnitude : Magnitude;
  }
  return std::bit_cast<double>(Sign | ((Exp - 15 + 1023) << 52) | (Frac << 42));
}

/// binary32 -> binary16 on the host's F16C unit, rounding per MXCSR.
__attribute__((target("f16c"))) inline uint16_t
hostFloatToHalf(float X, int Rounding, uint8_t &Flags) {
  volatile float HX = X;
  fesetround(Rounding);
  feclearexcept(FE_ALL_EXCEPT);
  volatile uint16_t Result = _cvtss_sh(HX, _MM_FROUND_CUR_DIRECTION);
  int Raised = fetestexcept(FE_ALL_EXCEPT);
  fesetround(FE_TONEAREST);
  Flags = fromHostFlags(Raised);
  return Result;
}

/// Runs Op with round-toward-zero and turns the result into round-to-odd
/// (sticky in the last bit). A round-to-odd value with at least two more bits
/// than the final format rounds to the correctly rounded final result in any
/// mode, so it serves as an exact intermediate for narrower references.
template <typename T, typename OpT> T roundToOdd(uint8_t &Flags, OpT Op) {
  T Result = runOnHost<T>(FE_TOWARDZERO, Flags, Op);
  if ((Flags & flags::Inexact) && std::isfinite(Result)) {
    if constexpr (sizeof(T) == 16) { // x87 extended: low 64 bits significand
      uint64_t Words[2];
      std::memcpy(Words, &Result, 10);
      Words[0] |= 1;
      std::memcpy(&Result, Words, 10);
    } else {
      using U = std::conditional_t<sizeof(T) == 8, uint64_t, uint32_t>;
      Result = std::bit_cast<T>(U(std::bit_cast<U>(Result) | 1));
    }
  }
  return Result;
}

/// Rounds X (exact, or round-to-odd with >= Precision + 2 bits) to the
/// format Desc with ties away from zero (RMM), which no host instruction
/// offers. Truncate(X) must give X rounded toward zero in Desc; ToWide is
/// exact. Sets NX/UF/OF as RISC-V would (tininess after rounding).
template <class Desc, typename WideT, typename TruncateT, typename ToWideT>
typename Desc::Bits roundTiesAway(WideT X, uint8_t &Flags, TruncateT Truncate,
                                  ToWideT ToWide) {
  using Bits = typename Desc::Bits;
  Flags = 0;
  if (std::isnan(X))
    return Desc::CanonicalNaN;
  Bits Sign = std::signbit(X) ? Desc::SignMask : Bits(0);
  if (std::isinf(X))
    return Bits(Sign | Desc::make(false, Desc::MaxExp, 0));
  Bits Truncated = Truncate(X);
  WideT TruncatedWide = ToWide(Truncated);
  if (TruncatedWide == X)
    return Truncated;
  Flags |= flags::Inexact;
  Bits Magnitude = Bits(Truncated & ~Desc::SignMask);
  Bits Next = Bits(Truncated + 1); // one ulp away from zero
  WideT Mid;
  if (Magnitude == Desc::make(false, Desc::MaxExp - 1, Desc::FracMask))
    Mid = TruncatedWide + (TruncatedWide - ToWide(Bits(Truncated - 1))) / 2;
  else
    Mid = (TruncatedWide + ToWide(Next)) / 2;
  Bits Result = std::fabs(X) >= std::fabs(Mid) ? Next : Truncated;
  if (Bits(Result & ~Desc::SignMask) == Desc::make(false, Desc::MaxExp, 0))
    Flags |= flags::Overflow;
  // Tiny after rounding: below the smallest normal less a quarter ulp of it.
  WideT MinNormal = ToWide(Desc::make(false, 1, 0));
  WideT TinyBound =
      MinNormal - MinNormal * WideT(std::ldexp(1.0, -int(Desc::FracBits) - 2));
  if (std::fabs(X) < TinyBound)
    Flags |= flags::Underflow;
  return Result;
}

inline std::string hex(uint64_t X) {
  char Buf[24];
  std::snprintf(Buf, sizeof(Buf), "0x%" PRIx64, X);
  return Buf;
}

} // namespace fptest

#endif
