//===- BFloat16.cpp - Conversions between bfloat16 and binary32 -----------===//
//
// bfloat16 shares binary32's exponent range, so the generic unpack/roundPack
// shape handles it like any other format: widening is exact, narrowing
// rounds once (including subnormal results, with tininess after rounding).
//===----------------------------------------------------------------------===//
#include "Pack.h"

namespace snipgen::softfloat {
namespace detail {
using BFloat16 = Format<uint16_t, 8, 7>;
static_assert(BFloat16::CanonicalNaN == BF16CanonicalNaN);

namespace {
template <class To, class From>
typename To::Bits convert(typename From::Bits A, FPEnv &Env) {
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
} // namespace
} // namespace detail

using namespace detail;

uint16_t f32ToBF16(uint32_t A, FPEnv &Env) {
  return convert<BFloat16, Single>(A, Env);
}
uint32_t bf16ToF32(uint16_t A, FPEnv &Env) {
  return convert<Single, BFloat16>(A, Env);
}

} // namespace snipgen::softfloat
