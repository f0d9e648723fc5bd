//===- MulDiv.cpp - Multiplication and division ---------------------------===//
#include "Pack.h"

namespace snipgen::softfloat {
namespace detail {
namespace {

template <class F>
typename F::Bits multiply(typename F::Bits A, typename F::Bits B,
                          FPEnv &Env) {
  Unpacked UA = unpack<F>(A);
  Unpacked UB = unpack<F>(B);
  bool Sign = UA.Sign != UB.Sign;
  if (UA.isNaN() || UB.isNaN())
    return nanResult<F>(Env, UA.isSignalingNaN() || UB.isSignalingNaN());
  if (UA.K == Kind::Infinity || UB.K == Kind::Infinity) {
    if (UA.K == Kind::Zero || UB.K == Kind::Zero)
      return nanResult<F>(Env, true); // inf * 0
    return infinity<F>(Sign);
  }
  if (UA.K == Kind::Zero || UB.K == Kind::Zero)
    return zero<F>(Sign);

  // The exact product has its leading one at bit 124 or 125; keep the top 64
  // bits with everything below jammed into bit 0.
  uint128 Product = uint128(UA.Sig) * UB.Sig;
  uint64_t High = uint64_t(Product >> 62);
  uint64_t Sticky = (uint64_t(Product) & ((uint64_t(1) << 62) - 1)) != 0;
  return normaliseRoundPack<F>(Sign, UA.Exp + UB.Exp, High | Sticky, Env);
}

template <class F>
typename F::Bits divide(typename F::Bits A, typename F::Bits B, FPEnv &Env) {
  Unpacked UA = unpack<F>(A);
  Unpacked UB = unpack<F>(B);
  bool Sign = UA.Sign != UB.Sign;
  if (UA.isNaN() || UB.isNaN())
    return nanResult<F>(Env, UA.isSignalingNaN() || UB.isSignalingNaN());
  if (UA.K == Kind::Infinity) {
    if (UB.K == Kind::Infinity)
      return nanResult<F>(Env, true); // inf / inf
    return infinity<F>(Sign);
  }
  if (UB.K == Kind::Infinity)
    return zero<F>(Sign);
  if (UB.K == Kind::Zero) {
    if (UA.K == Kind::Zero)
      return nanResult<F>(Env, true); // 0 / 0
    Env.Flags |= flags::DivByZero;
    return infinity<F>(Sign);
  }
  if (UA.K == Kind::Zero)
    return zero<F>(Sign);

  // Scale the dividend so the quotient lands with its leading one at bit 62;
  // a non-zero remainder becomes the sticky bit.
  int32_t Exp = UA.Exp - UB.Exp;
  bool DividendSmaller = UA.Sig < UB.Sig;
  if (DividendSmaller)
    --Exp;
  if constexpr (F::Precision <= 24) {
    // Narrow formats fit a 64-bit division: a 24-bit dividend shifted by 39
    // still gives a quotient with Precision + 14 bits.
    uint64_t Dividend = (UA.Sig >> F::RoundBits) << (DividendSmaller ? 40 : 39);
    uint64_t Divisor = UB.Sig >> F::RoundBits;
    uint64_t Quotient = Dividend / Divisor;
    uint64_t Sticky = Quotient * Divisor != Dividend;
    // Quotient's leading one is at bit 39; move it to bit 62.
    return roundPack<F>(Sign, Exp, (Quotient << 23) | Sticky, Env);
  } else {
    uint128 Dividend = uint128(UA.Sig) << (DividendSmaller ? 63 : 62);
    uint64_t Quotient = uint64_t(Dividend / UB.Sig);
    uint64_t Sticky = uint128(Quotient) * UB.Sig != Dividend;
    return roundPack<F>(Sign, Exp, Quotient | Sticky, Env);
  }
}

} // namespace
} // namespace detail

using namespace detail;

uint16_t f16Mul(uint16_t A, uint16_t B, FPEnv &Env) {
  return multiply<Half>(A, B, Env);
}
uint32_t f32Mul(uint32_t A, uint32_t B, FPEnv &Env) {
  return multiply<Single>(A, B, Env);
}
uint64_t f64Mul(uint64_t A, uint64_t B, FPEnv &Env) {
  return multiply<Double>(A, B, Env);
}
uint16_t f16Div(uint16_t A, uint16_t B, FPEnv &Env) {
  return divide<Half>(A, B, Env);
}
uint32_t f32Div(uint32_t A, uint32_t B, FPEnv &Env) {
  return divide<Single>(A, B, Env);
}
uint64_t f64Div(uint64_t A, uint64_t B, FPEnv &Env) {
  return divide<Double>(A, B, Env);
}

} // namespace snipgen::softfloat
