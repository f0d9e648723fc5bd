//===- ZfaOps.cpp - Zfa: round to integral, minimum/maximum, quiet compares,
//                  modular conversion ---------------------------------------===//
#include "Pack.h"

namespace snipgen::softfloat {
namespace detail {
namespace {

template <class F> bool isNaNBits(typename F::Bits A) {
  return (A & ~F::SignMask) > F::Infinity;
}
template <class F> bool isSignalingBits(typename F::Bits A) {
  return isNaNBits<F>(A) && !(A & F::QuietBit);
}

/// Splits a finite value Sig * 2^(Exp - 62) with Exp < 62 into its integer
/// part and a 64-bit binary fraction (sticky below bit 0).
inline void splitInteger(const Unpacked &U, uint64_t &Integer,
                         uint64_t &Fraction) {
  if (U.Exp >= 0) {
    unsigned Shift = unsigned(LeadingBit - U.Exp); // 1..62
    Integer = U.Sig >> Shift;
    Fraction = U.Sig << (64 - Shift);
    return;
  }
  Integer = 0;
  unsigned Shift = unsigned(LeadingBit - U.Exp); // >= 63
  Fraction = Shift <= 64 ? U.Sig << (64 - Shift)
                         : shiftRightJam(U.Sig, Shift - 64);
}

template <class F>
typename F::Bits roundToInt(typename F::Bits A, bool Exact, FPEnv &Env) {
  Unpacked U = unpack<F>(A);
  if (U.isNaN())
    return nanResult<F>(Env, U.isSignalingNaN());
  // Zeros, infinities and values without fraction bits are integers already.
  if (U.K != Kind::Finite || U.Exp >= int32_t(F::FracBits))
    return A;
  uint64_t Integer, Fraction;
  splitInteger(U, Integer, Fraction);
  if (Fraction == 0)
    return A;
  if (Exact)
    Env.Flags |= flags::Inexact;
  if (roundsUp(Env.Rounding, U.Sign, Integer & 1, Fraction,
               uint64_t(1) << 63))
    ++Integer;
  if (Integer == 0)
    return zero<F>(U.Sign); // the sign survives (-0.25 -> -0)
  // At most 2^FracBits: representable, so packing rounds nothing.
  FPEnv ExactEnv;
  return normaliseRoundPack<F>(U.Sign, LeadingBit, Integer, ExactEnv);
}

template <class F>
typename F::Bits minMaxPropagating(typename F::Bits A, typename F::Bits B,
                                   bool IsMax, FPEnv &Env) {
  if (isNaNBits<F>(A) || isNaNBits<F>(B))
    return nanResult<F>(Env, isSignalingBits<F>(A) || isSignalingBits<F>(B));
  bool SignA = A & F::SignMask, SignB = B & F::SignMask;
  bool ALess = SignA != SignB ? SignA : (SignA ? A > B : A < B);
  return ALess != IsMax ? A : B;
}

/// Quiet ordered compare: NaN operands compare false, and only a signaling
/// one raises invalid; otherwise the signaling compare raises nothing.
template <class F, bool (*Signaling)(typename F::Bits, typename F::Bits,
                                     FPEnv &)>
bool quietCompare(typename F::Bits A, typename F::Bits B, FPEnv &Env) {
  if (isNaNBits<F>(A) || isNaNBits<F>(B)) {
    if (isSignalingBits<F>(A) || isSignalingBits<F>(B))
      Env.Flags |= flags::Invalid;
    return false;
  }
  return Signaling(A, B, Env);
}

} // namespace
} // namespace detail

using namespace detail;

uint16_t f16RoundToInt(uint16_t A, FPEnv &Env) {
  return roundToInt<Half>(A, false, Env);
}
uint32_t f32RoundToInt(uint32_t A, FPEnv &Env) {
  return roundToInt<Single>(A, false, Env);
}
uint64_t f64RoundToInt(uint64_t A, FPEnv &Env) {
  return roundToInt<Double>(A, false, Env);
}
uint16_t f16RoundToIntExact(uint16_t A, FPEnv &Env) {
  return roundToInt<Half>(A, true, Env);
}
uint32_t f32RoundToIntExact(uint32_t A, FPEnv &Env) {
  return roundToInt<Single>(A, true, Env);
}
uint64_t f64RoundToIntExact(uint64_t A, FPEnv &Env) {
  return roundToInt<Double>(A, true, Env);
}

uint16_t f16Minimum(uint16_t A, uint16_t B, FPEnv &Env) {
  return minMaxPropagating<Half>(A, B, false, Env);
}
uint16_t f16Maximum(uint16_t A, uint16_t B, FPEnv &Env) {
  return minMaxPropagating<Half>(A, B, true, Env);
}
uint32_t f32Minimum(uint32_t A, uint32_t B, FPEnv &Env) {
  return minMaxPropagating<Single>(A, B, false, Env);
}
uint32_t f32Maximum(uint32_t A, uint32_t B, FPEnv &Env) {
  return minMaxPropagating<Single>(A, B, true, Env);
}
uint64_t f64Minimum(uint64_t A, uint64_t B, FPEnv &Env) {
  return minMaxPropagating<Double>(A, B, false, Env);
}
uint64_t f64Maximum(uint64_t A, uint64_t B, FPEnv &Env) {
  return minMaxPropagating<Double>(A, B, true, Env);
}

bool f16LtQuiet(uint16_t A, uint16_t B, FPEnv &Env) {
  return quietCompare<Half, f16Lt>(A, B, Env);
}
bool f16LeQuiet(uint16_t A, uint16_t B, FPEnv &Env) {
  return quietCompare<Half, f16Le>(A, B, Env);
}
bool f32LtQuiet(uint32_t A, uint32_t B, FPEnv &Env) {
  return quietCompare<Single, f32Lt>(A, B, Env);
}
bool f32LeQuiet(uint32_t A, uint32_t B, FPEnv &Env) {
  return quietCompare<Single, f32Le>(A, B, Env);
}
bool f64LtQuiet(uint64_t A, uint64_t B, FPEnv &Env) {
  return quietCompare<Double, f64Lt>(A, B, Env);
}
bool f64LeQuiet(uint64_t A, uint64_t B, FPEnv &Env) {
  return quietCompare<Double, f64Le>(A, B, Env);
}

int32_t f64ToI32Modular(uint64_t A, FPEnv &Env) {
  Unpacked U = unpack<Double>(A);
  if (U.K == Kind::Zero)
    return 0;
  if (U.K != Kind::Finite) { // infinities and NaNs
    Env.Flags |= flags::Invalid;
    return 0;
  }
  uint64_t Low; // bits 63:0 of the truncated magnitude
  bool InRange, Inexact = false;
  if (U.Exp >= int32_t(LeadingBit)) {
    unsigned Shift = unsigned(U.Exp - int32_t(LeadingBit));
    Low = Shift < 64 ? U.Sig << Shift : 0;
    InRange = false; // |A| >= 2^62
  } else {
    uint64_t Fraction;
    splitInteger(U, Low, Fraction);
    Inexact = Fraction != 0;
    InRange = Low <= (U.Sign ? 0x80000000ull : 0x7fffffffull);
  }
  if (!InRange)
    Env.Flags |= flags::Invalid; // as FCVT.W.D: invalid replaces inexact
  else if (Inexact)
    Env.Flags |= flags::Inexact;
  uint64_t Value = U.Sign ? uint64_t(0) - Low : Low;
  return int32_t(uint32_t(Value));
}

} // namespace snipgen::softfloat
