//===- Sqrt.cpp - Square root ---------------------------------------------===//
#include "Pack.h"
#include <cmath>

namespace snipgen::softfloat {
namespace detail {
namespace {

/// floor(sqrt(N)) for 2^124 <= N < 2^126. The host's double square root only
/// seeds the estimate; one integer Newton step and an exact correction make
/// the result independent of the host's rounding mode and accuracy.
uint64_t integerSqrt(uint128 N) {
  uint64_t Estimate = uint64_t(std::sqrt(double(uint64_t(N >> 64))) * 0x1p32);
  if (Estimate < (uint64_t(1) << 62))
    Estimate = uint64_t(1) << 62;
  // Integer Newton never undershoots floor(sqrt(N)) (AM-GM).
  uint64_t Root = uint64_t((uint128(Estimate) + N / Estimate) >> 1);
  while (uint128(Root) * Root > N)
    --Root;
  while (uint128(Root + 1) * (Root + 1) <= N)
    ++Root;
  return Root;
}

template <class F>
typename F::Bits squareRoot(typename F::Bits A, FPEnv &Env) {
  Unpacked UA = unpack<F>(A);
  if (UA.isNaN())
    return nanResult<F>(Env, UA.isSignalingNaN());
  if (UA.K == Kind::Zero)
    return A; // sqrt(-0) = -0
  if (UA.Sign)
    return nanResult<F>(Env, true);
  if (UA.K == Kind::Infinity)
    return A;

  // Make the exponent even so it halves exactly: Sig * 2^(Exp-62) is
  // N * 2^(Exp - 124) or N * 2^(Exp - 125) with N below 2^126, and its root
  // has the leading one at bit 62 with exponent floor(Exp / 2).
  bool OddExp = UA.Exp & 1;
  uint128 N = uint128(UA.Sig) << (OddExp ? 63 : 62);
  uint64_t Root = integerSqrt(N);
  uint64_t Sticky = uint128(Root) * Root != N;
  return roundPack<F>(false, UA.Exp >> 1, Root | Sticky, Env);
}

} // namespace
} // namespace detail

using namespace detail;

uint16_t f16Sqrt(uint16_t A, FPEnv &Env) { return squareRoot<Half>(A, Env); }
uint32_t f32Sqrt(uint32_t A, FPEnv &Env) { return squareRoot<Single>(A, Env); }
uint64_t f64Sqrt(uint64_t A, FPEnv &Env) { return squareRoot<Double>(A, Env); }

} // namespace snipgen::softfloat
