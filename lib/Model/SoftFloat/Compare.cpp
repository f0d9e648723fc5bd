//===- Compare.cpp - Comparisons, min/max and classification --------------===//
#include "Pack.h"

namespace snipgen::softfloat {
namespace detail {
namespace {

template <class F> bool isNaN(typename F::Bits A) {
  return (A & ~F::SignMask) > F::Infinity;
}

template <class F> bool isSignalingNaN(typename F::Bits A) {
  return isNaN<F>(A) && !(A & F::QuietBit);
}

template <class F> bool isZero(typename F::Bits A) {
  return (A & ~F::SignMask) == 0;
}

/// A < B for two non-NaN values, on their bit patterns (sign-magnitude).
template <class F> bool lessOrdered(typename F::Bits A, typename F::Bits B) {
  bool SignA = A & F::SignMask, SignB = B & F::SignMask;
  if (SignA != SignB) // only -0 < +0 is not "less"
    return SignA && !(isZero<F>(A) && isZero<F>(B));
  return SignA ? A > B : A < B;
}

template <class F>
bool equal(typename F::Bits A, typename F::Bits B, FPEnv &Env) {
  if (isNaN<F>(A) || isNaN<F>(B)) {
    if (isSignalingNaN<F>(A) || isSignalingNaN<F>(B))
      Env.Flags |= flags::Invalid; // quiet comparison: only sNaN signals
    return false;
  }
  return A == B || (isZero<F>(A) && isZero<F>(B));
}

template <class F>
bool less(typename F::Bits A, typename F::Bits B, bool OrEqual, FPEnv &Env) {
  if (isNaN<F>(A) || isNaN<F>(B)) {
    Env.Flags |= flags::Invalid; // signaling comparison
    return false;
  }
  if (OrEqual && (A == B || (isZero<F>(A) && isZero<F>(B))))
    return true;
  return lessOrdered<F>(A, B);
}

/// minimumNumber / maximumNumber with -0 < +0.
template <class F>
typename F::Bits minMax(typename F::Bits A, typename F::Bits B, bool IsMax,
                        FPEnv &Env) {
  bool NaNA = isNaN<F>(A), NaNB = isNaN<F>(B);
  if (isSignalingNaN<F>(A) || isSignalingNaN<F>(B))
    Env.Flags |= flags::Invalid;
  if (NaNA && NaNB)
    return F::CanonicalNaN;
  if (NaNA)
    return B;
  if (NaNB)
    return A;
  // Sign-aware ordering on bits makes -0 < +0 without a special case.
  bool SignA = A & F::SignMask, SignB = B & F::SignMask;
  bool ALess = SignA != SignB ? SignA : (SignA ? A > B : A < B);
  return ALess != IsMax ? A : B;
}

template <class F> uint16_t classify(typename F::Bits A) {
  bool Sign = A & F::SignMask;
  typename F::Bits Magnitude = A & ~F::SignMask;
  typename F::Bits Exp = Magnitude & F::ExpMask;
  if (Magnitude > F::Infinity)
    return (A & F::QuietBit) ? fclass::QuietNaN : fclass::SignalingNaN;
  if (Magnitude == F::Infinity)
    return Sign ? fclass::NegInfinity : fclass::PosInfinity;
  if (Magnitude == 0)
    return Sign ? fclass::NegZero : fclass::PosZero;
  if (Exp == 0)
    return Sign ? fclass::NegSubnormal : fclass::PosSubnormal;
  return Sign ? fclass::NegNormal : fclass::PosNormal;
}

} // namespace
} // namespace detail

using namespace detail;

bool f16Eq(uint16_t A, uint16_t B, FPEnv &Env) {
  return equal<Half>(A, B, Env);
}
bool f16Lt(uint16_t A, uint16_t B, FPEnv &Env) {
  return less<Half>(A, B, false, Env);
}
bool f16Le(uint16_t A, uint16_t B, FPEnv &Env) {
  return less<Half>(A, B, true, Env);
}
bool f32Eq(uint32_t A, uint32_t B, FPEnv &Env) {
  return equal<Single>(A, B, Env);
}
bool f32Lt(uint32_t A, uint32_t B, FPEnv &Env) {
  return less<Single>(A, B, false, Env);
}
bool f32Le(uint32_t A, uint32_t B, FPEnv &Env) {
  return less<Single>(A, B, true, Env);
}
bool f64Eq(uint64_t A, uint64_t B, FPEnv &Env) {
  return equal<Double>(A, B, Env);
}
bool f64Lt(uint64_t A, uint64_t B, FPEnv &Env) {
  return less<Double>(A, B, false, Env);
}
bool f64Le(uint64_t A, uint64_t B, FPEnv &Env) {
  return less<Double>(A, B, true, Env);
}

uint16_t f16Min(uint16_t A, uint16_t B, FPEnv &Env) {
  return minMax<Half>(A, B, false, Env);
}
uint16_t f16Max(uint16_t A, uint16_t B, FPEnv &Env) {
  return minMax<Half>(A, B, true, Env);
}
uint32_t f32Min(uint32_t A, uint32_t B, FPEnv &Env) {
  return minMax<Single>(A, B, false, Env);
}
uint32_t f32Max(uint32_t A, uint32_t B, FPEnv &Env) {
  return minMax<Single>(A, B, true, Env);
}
uint64_t f64Min(uint64_t A, uint64_t B, FPEnv &Env) {
  return minMax<Double>(A, B, false, Env);
}
uint64_t f64Max(uint64_t A, uint64_t B, FPEnv &Env) {
  return minMax<Double>(A, B, true, Env);
}

uint16_t f16Classify(uint16_t A) { return classify<Half>(A); }
uint16_t f32Classify(uint32_t A) { return classify<Single>(A); }
uint16_t f64Classify(uint64_t A) { return classify<Double>(A); }

} // namespace snipgen::softfloat
