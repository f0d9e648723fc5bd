//===- AddSub.cpp - Addition and subtraction ------------------------------===//
#include "Pack.h"
#include <utility>

namespace snipgen::softfloat {
namespace detail {
namespace {

/// A + (NegateB ? -B : B), rounded once.
template <class F>
typename F::Bits addOrSub(typename F::Bits A, typename F::Bits B,
                          bool NegateB, FPEnv &Env) {
  Unpacked UA = unpack<F>(A);
  Unpacked UB = unpack<F>(B);
  UB.Sign ^= NegateB;
  if (UA.isNaN() || UB.isNaN())
    return nanResult<F>(Env, UA.isSignalingNaN() || UB.isSignalingNaN());
  if (UA.K == Kind::Infinity) {
    if (UB.K == Kind::Infinity && UA.Sign != UB.Sign)
      return nanResult<F>(Env, true); // inf - inf
    return infinity<F>(UA.Sign);
  }
  if (UB.K == Kind::Infinity)
    return infinity<F>(UB.Sign);
  if (UB.K == Kind::Zero) {
    if (UA.K != Kind::Zero)
      return A;
    // x + y of two zeros: equal signs keep it; otherwise +0, or -0 in RDN.
    bool Sign = UA.Sign == UB.Sign ? UA.Sign
                                   : Env.Rounding == RoundingMode::Down;
    return zero<F>(Sign);
  }
  if (UA.K == Kind::Zero)
    return B ^ signBit<F>(NegateB);

  // Make UA the operand of larger magnitude.
  if (UA.Exp < UB.Exp || (UA.Exp == UB.Exp && UA.Sig < UB.Sig))
    std::swap(UA, UB);
  int32_t Exp = UA.Exp;
  uint64_t SigB = shiftRightJam(UB.Sig, uint32_t(UA.Exp - UB.Exp));
  if (UA.Sign == UB.Sign) {
    uint64_t Sum = UA.Sig + SigB; // below 2^64: both are below 2^63
    return normaliseRoundPack<F>(UA.Sign, Exp, Sum, Env);
  }
  uint64_t Difference = UA.Sig - SigB;
  if (Difference == 0) // exact cancellation: +0, or -0 when rounding down
    return zero<F>(Env.Rounding == RoundingMode::Down);
  return normaliseRoundPack<F>(UA.Sign, Exp, Difference, Env);
}

} // namespace
} // namespace detail

using namespace detail;

uint16_t f16Add(uint16_t A, uint16_t B, FPEnv &Env) {
  return addOrSub<Half>(A, B, false, Env);
}
uint16_t f16Sub(uint16_t A, uint16_t B, FPEnv &Env) {
  return addOrSub<Half>(A, B, true, Env);
}
uint32_t f32Add(uint32_t A, uint32_t B, FPEnv &Env) {
  return addOrSub<Single>(A, B, false, Env);
}
uint32_t f32Sub(uint32_t A, uint32_t B, FPEnv &Env) {
  return addOrSub<Single>(A, B, true, Env);
}
uint64_t f64Add(uint64_t A, uint64_t B, FPEnv &Env) {
  return addOrSub<Double>(A, B, false, Env);
}
uint64_t f64Sub(uint64_t A, uint64_t B, FPEnv &Env) {
  return addOrSub<Double>(A, B, true, Env);
}

} // namespace snipgen::softfloat
