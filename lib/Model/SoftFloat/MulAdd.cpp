//===- MulAdd.cpp - Fused multiply-add with a single rounding -------------===//
#include "Pack.h"
#include <utility>

namespace snipgen::softfloat {
namespace detail {
namespace {

/// Position of the leading one in the 128-bit frame where the exact product
/// and the addend are aligned; bits 126 and 127 leave room for a carry.
constexpr unsigned FrameLead = 125;

int leadingBit128(uint128 X) {
  uint64_t High = uint64_t(X >> 64);
  if (High)
    return 127 - std::countl_zero(High);
  return 63 - std::countl_zero(uint64_t(X));
}

template <class F>
typename F::Bits mulAdd(typename F::Bits A, typename F::Bits B,
                        typename F::Bits C, MulAddKind KindOf, FPEnv &Env) {
  bool NegateProduct = KindOf == MulAddKind::NegProduct ||
                       KindOf == MulAddKind::NegBoth;
  bool NegateAddend = KindOf == MulAddKind::Sub || KindOf == MulAddKind::NegBoth;
  Unpacked UA = unpack<F>(A);
  Unpacked UB = unpack<F>(B);
  Unpacked UC = unpack<F>(C);
  bool ProductSign = (UA.Sign != UB.Sign) != NegateProduct;
  bool AddendSign = UC.Sign != NegateAddend;
  bool ProductIsInfTimesZero =
      (UA.K == Kind::Infinity && UB.K == Kind::Zero) ||
      (UA.K == Kind::Zero && UB.K == Kind::Infinity);

  // RISC-V: inf * 0 is invalid even when the addend is a quiet NaN.
  if (UA.isNaN() || UB.isNaN() || UC.isNaN())
    return nanResult<F>(Env, UA.isSignalingNaN() || UB.isSignalingNaN() ||
                                 UC.isSignalingNaN() || ProductIsInfTimesZero);
  if (ProductIsInfTimesZero)
    return nanResult<F>(Env, true);
  if (UA.K == Kind::Infinity || UB.K == Kind::Infinity) {
    if (UC.K == Kind::Infinity && AddendSign != ProductSign)
      return nanResult<F>(Env, true); // inf - inf
    return infinity<F>(ProductSign);
  }
  if (UC.K == Kind::Infinity)
    return infinity<F>(AddendSign);
  if (UA.K == Kind::Zero || UB.K == Kind::Zero) {
    if (UC.K != Kind::Zero)
      return C ^ signBit<F>(NegateAddend); // exact: x + 0
    bool Sign = ProductSign == AddendSign
                    ? ProductSign
                    : Env.Rounding == RoundingMode::Down;
    return zero<F>(Sign);
  }

  // Exact product, leading one at bit 124 or 125, as Product * 2^(Exp - 125).
  uint128 Product = uint128(UA.Sig) * UB.Sig;
  int32_t ProductExp = UA.Exp + UB.Exp + 1;
  if (UC.K == Kind::Zero) {
    // Nothing to add, and a non-zero exact product keeps its own sign.
    uint64_t High = uint64_t(Product >> 62);
    uint64_t Sticky = (uint64_t(Product) & ((uint64_t(1) << 62) - 1)) != 0;
    return normaliseRoundPack<F>(ProductSign, UA.Exp + UB.Exp, High | Sticky,
                                 Env);
  }
  if (!(Product >> FrameLead)) {
    Product <<= 1;
    --ProductExp;
  }

  // Align both terms in the frame; the smaller one is jammed. Only an
  // exponent gap of 0 or 1 can cancel many leading bits, and then the shift
  // is exact because both terms have far fewer than 125 significant bits.
  uint128 Addend = uint128(UC.Sig) << (FrameLead - LeadingBit);
  int32_t Exp = ProductExp;
  bool LargeSign = ProductSign, SmallSign = AddendSign;
  uint128 Large = Product, Small = Addend;
  if (UC.Exp > ProductExp ||
      (UC.Exp == ProductExp && Addend > Product)) {
    std::swap(Large, Small);
    std::swap(LargeSign, SmallSign);
    Exp = UC.Exp;
    Small = shiftRightJam128(Small, uint32_t(UC.Exp - ProductExp));
  } else {
    Small = shiftRightJam128(Small, uint32_t(ProductExp - UC.Exp));
  }

  uint128 Result;
  if (LargeSign == SmallSign) {
    Result = Large + Small;
  } else {
    Result = Large - Small;
    if (Result == 0) // exact cancellation
      return zero<F>(Env.Rounding == RoundingMode::Down);
  }
  // Value is Result * 2^(Exp - 125). Bring the leading one to bit 126 so the
  // high half holds it at bit 62, and jam the low half.
  int Lead = leadingBit128(Result);
  Exp += Lead - int(FrameLead);
  if (Lead <= 126)
    Result <<= (126 - Lead);
  else
    Result = shiftRightJam128(Result, uint32_t(Lead - 126));
  uint64_t Sig = uint64_t(Result >> 64) | (uint64_t(Result) != 0);
  return roundPack<F>(LargeSign, Exp, Sig, Env);
}

} // namespace
} // namespace detail

using namespace detail;

uint16_t f16MulAdd(uint16_t A, uint16_t B, uint16_t C, FPEnv &Env,
                   MulAddKind Kind) {
  return mulAdd<Half>(A, B, C, Kind, Env);
}
uint32_t f32MulAdd(uint32_t A, uint32_t B, uint32_t C, FPEnv &Env,
                   MulAddKind Kind) {
  return mulAdd<Single>(A, B, C, Kind, Env);
}
uint64_t f64MulAdd(uint64_t A, uint64_t B, uint64_t C, FPEnv &Env,
                   MulAddKind Kind) {
  return mulAdd<Double>(A, B, C, Kind, Env);
}

} // namespace snipgen::softfloat
