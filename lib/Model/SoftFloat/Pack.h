//===- Pack.h - Formats, unpacking and the one rounding routine -*- C++ -*-===//
//
// Every operation unpacks its operands into one common shape, computes an
// exact (or exactly "sticky") significand, and hands it to roundPack, the
// single place where rounding, overflow, underflow and tininess are decided.
//
// Unpacked finite non-zero values are  Sig * 2^(Exp - 62)  with the leading
// one of Sig at bit 62, for all three formats. Bits below the format's last
// significand bit are round bits; bit 0 doubles as the sticky bit ("jamming":
// any discarded non-zero bits set it), which is exact for rounding as long as
// at least two round bits separate it from the last kept bit.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_SOFTFLOAT_PACK_H
#define SNIPGEN_LIB_MODEL_SOFTFLOAT_PACK_H

#include "snipgen/Model/SoftFloat.h"
#include <bit>
#include <cstdint>

namespace snipgen::softfloat::detail {

using uint128 = unsigned __int128;

template <typename BitsT, unsigned ExpBitsV, unsigned FracBitsV>
struct Format {
  using Bits = BitsT;
  static constexpr unsigned ExpBits = ExpBitsV;
  static constexpr unsigned FracBits = FracBitsV;
  static constexpr unsigned Width = 1 + ExpBits + FracBits;
  static constexpr unsigned Precision = FracBits + 1;
  static constexpr int32_t Bias = (1 << (ExpBits - 1)) - 1;
  static constexpr int32_t MaxBiasedExp = (1 << ExpBits) - 1; // Inf and NaN
  static constexpr Bits SignMask = Bits(Bits(1) << (Width - 1));
  static constexpr Bits FracMask = Bits((Bits(1) << FracBits) - 1);
  static constexpr Bits ExpMask = Bits(Bits(MaxBiasedExp) << FracBits);
  static constexpr Bits QuietBit = Bits(Bits(1) << (FracBits - 1));
  static constexpr Bits CanonicalNaN = Bits(ExpMask | QuietBit);
  static constexpr Bits Infinity = ExpMask;
  static constexpr Bits MaxFinite = Bits(ExpMask - 1);
  /// Unpacked significand bits below the last kept bit.
  static constexpr unsigned RoundBits = 63 - Precision;
  static_assert(Width == sizeof(Bits) * 8);
  static_assert(RoundBits >= 3, "jamming needs guard bits to stay exact");
};

using Half = Format<uint16_t, 5, 10>;
using Single = Format<uint32_t, 8, 23>;
using Double = Format<uint64_t, 11, 52>;

enum class Kind : uint8_t { Zero, Finite, Infinity, QuietNaN, SignalingNaN };

struct Unpacked {
  bool Sign;
  Kind K;
  int32_t Exp;  // unbiased exponent of the leading one (Finite only)
  uint64_t Sig; // leading one at bit 62 (Finite only)

  bool isNaN() const { return K >= Kind::QuietNaN; }
  bool isSignalingNaN() const { return K == Kind::SignalingNaN; }
};

constexpr unsigned LeadingBit = 62;

template <class F> inline Unpacked unpack(typename F::Bits X) {
  Unpacked U;
  U.Sign = (X & F::SignMask) != 0;
  uint64_t Frac = X & F::FracMask;
  int32_t Biased = int32_t((X & F::ExpMask) >> F::FracBits);
  U.Exp = 0;
  U.Sig = 0;
  if (Biased == F::MaxBiasedExp) {
    if (Frac == 0)
      U.K = Kind::Infinity;
    else
      U.K = (Frac & F::QuietBit) ? Kind::QuietNaN : Kind::SignalingNaN;
    return U;
  }
  if (Biased == 0) {
    if (Frac == 0) {
      U.K = Kind::Zero;
      return U;
    }
    // Subnormal: normalise so every operation sees the same shape.
    int LeadingZeros = std::countl_zero(Frac);
    U.K = Kind::Finite;
    U.Sig = Frac << (LeadingZeros - 1);
    U.Exp = 64 - F::Bias - int32_t(F::FracBits) - LeadingZeros;
    return U;
  }
  U.K = Kind::Finite;
  U.Sig = (Frac | (uint64_t(1) << F::FracBits)) << (LeadingBit - F::FracBits);
  U.Exp = Biased - F::Bias;
  return U;
}

/// Shifts right, OR-ing every bit shifted out into bit 0.
inline uint64_t shiftRightJam(uint64_t X, uint32_t Shift) {
  if (Shift == 0)
    return X;
  if (Shift >= 64)
    return X != 0;
  return (X >> Shift) | ((X << (64 - Shift)) != 0);
}

inline uint128 shiftRightJam128(uint128 X, uint32_t Shift) {
  if (Shift == 0)
    return X;
  if (Shift >= 128)
    return X != 0;
  return (X >> Shift) | uint128((X << (128 - Shift)) != 0);
}

/// Whether to add one unit in the last place, given the round bits below it.
inline bool roundsUp(RoundingMode RM, bool Sign, bool LastBitOdd,
                     uint64_t RoundBits, uint64_t HalfUnit) {
  switch (RM) {
  case RoundingMode::TowardZero:
    return false;
  case RoundingMode::Down:
    return Sign && RoundBits != 0;
  case RoundingMode::Up:
    return !Sign && RoundBits != 0;
  case RoundingMode::NearestMaxMagnitude:
    return RoundBits >= HalfUnit;
  case RoundingMode::NearestEven:
  default:
    return RoundBits > HalfUnit || (RoundBits == HalfUnit && LastBitOdd);
  }
}

template <class F> constexpr typename F::Bits signBit(bool Sign) {
  return Sign ? F::SignMask : typename F::Bits(0);
}

template <class F> inline typename F::Bits zero(bool Sign) {
  return signBit<F>(Sign);
}

template <class F> inline typename F::Bits infinity(bool Sign) {
  return signBit<F>(Sign) | F::Infinity;
}

/// The canonical NaN, raising invalid when asked to.
template <class F> inline typename F::Bits nanResult(FPEnv &Env, bool Invalid) {
  if (Invalid)
    Env.Flags |= flags::Invalid;
  return F::CanonicalNaN;
}

/// Rounds Sig * 2^(Exp - 62) (leading one of Sig at bit 62, sticky in bit 0)
/// to format F in Env.Rounding, raising inexact/underflow/overflow.
template <class F>
typename F::Bits roundPack(bool Sign, int32_t Exp, uint64_t Sig, FPEnv &Env) {
  using Bits = typename F::Bits;
  constexpr unsigned R = F::RoundBits;
  constexpr uint64_t RoundMask = (uint64_t(1) << R) - 1;
  constexpr uint64_t HalfUnit = uint64_t(1) << (R - 1);
  constexpr uint64_t CarryOut = uint64_t(1) << F::Precision;
  const RoundingMode RM = Env.Rounding;

  int32_t Biased = Exp + F::Bias;
  if (Biased >= 1) {
    uint64_t Kept = Sig >> R;
    uint64_t Rest = Sig & RoundMask;
    if (Rest != 0) {
      Env.Flags |= flags::Inexact;
      if (roundsUp(RM, Sign, Kept & 1, Rest, HalfUnit))
        ++Kept;
    }
    // Kept carries its leading one into the exponent field; a rounding carry
    // (Kept == 2^Precision) bumps the exponent the same way.
    uint64_t Magnitude = (uint64_t(Biased - 1) << F::FracBits) + Kept;
    if (Biased >= F::MaxBiasedExp ||
        Magnitude >= uint64_t(F::Infinity)) {
      Env.Flags |= flags::Overflow | flags::Inexact;
      bool ToMaxFinite = RM == RoundingMode::TowardZero ||
                         (RM == RoundingMode::Down && !Sign) ||
                         (RM == RoundingMode::Up && Sign);
      return signBit<F>(Sign) | (ToMaxFinite ? F::MaxFinite : F::Infinity);
    }
    return signBit<F>(Sign) | Bits(Magnitude);
  }

  // Below the normal range. Tininess is judged after rounding (RISC-V): the
  // value is tiny unless rounding it to full precision with an unbounded
  // exponent would carry it up to the smallest normal number.
  bool Tiny = true;
  if (Biased == 0) {
    uint64_t Kept = Sig >> R;
    uint64_t Rest = Sig & RoundMask;
    if (Rest != 0 && Kept + 1 == CarryOut &&
        roundsUp(RM, Sign, Kept & 1, Rest, HalfUnit))
      Tiny = false;
  }
  Sig = shiftRightJam(Sig, uint32_t(1 - Biased));
  uint64_t Kept = Sig >> R;
  uint64_t Rest = Sig & RoundMask;
  if (Rest != 0) {
    Env.Flags |= flags::Inexact;
    if (Tiny)
      Env.Flags |= flags::Underflow;
    if (roundsUp(RM, Sign, Kept & 1, Rest, HalfUnit))
      ++Kept; // reaching 2^FracBits yields the smallest normal, correctly
  }
  return signBit<F>(Sign) | Bits(Kept);
}

/// Rounds Sig * 2^(Exp - 62) like roundPack, but Sig (non-zero) may have its
/// leading one anywhere.
template <class F>
typename F::Bits normaliseRoundPack(bool Sign, int32_t Exp, uint64_t Sig,
                                    FPEnv &Env) {
  int Shift = std::countl_zero(Sig) - 1;
  if (Shift >= 0)
    return roundPack<F>(Sign, Exp - Shift, Sig << Shift, Env);
  return roundPack<F>(Sign, Exp + 1, (Sig >> 1) | (Sig & 1), Env);
}

/// Converts between two formats. The unpacked shape is format-independent:
/// widening rounds nothing, narrowing rounds once (subnormal results
/// included, with tininess after rounding).
template <class To, class From>
typename To::Bits convertFloat(typename From::Bits A, FPEnv &Env) {
  Unpacked U = unpack<From>(A);
  switch (U.K) {
  case Kind::QuietNaN:
  case Kind::SignalingNaN:
    return nanResult<To>(Env, U.isSignalingNaN());
  case Kind::Infinity:
    return infinity<To>(U.Sign);
  case Kind::Zero:
    return zero<To>(U.Sign);
  case Kind::Finite:
    break;
  }
  return roundPack<To>(U.Sign, U.Exp, U.Sig, Env);
}

} // namespace snipgen::softfloat::detail

#endif // SNIPGEN_LIB_MODEL_SOFTFLOAT_PACK_H
