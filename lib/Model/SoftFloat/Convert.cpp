//===- Convert.cpp - Conversions between formats and integers -------------===//
#include "Pack.h"

namespace snipgen::softfloat {
namespace detail {
namespace {

/// Integer range of a conversion target, as a sign and magnitude bound.
struct IntRange {
  uint64_t MaxPositive;  // largest result magnitude for a positive input
  uint64_t MaxNegative;  // largest result magnitude for a negative input
  uint64_t OnPositive;   // saturated result (as bits) for +overflow and NaN
  uint64_t OnNegative;   // saturated result (as bits) for -overflow
};

constexpr IntRange Int32Range = {0x7fffffff, 0x80000000, 0x7fffffff,
                                 0xffffffff80000000};
constexpr IntRange UInt32Range = {0xffffffff, 0, 0xffffffff, 0};
constexpr IntRange Int64Range = {0x7fffffffffffffff, 0x8000000000000000,
                                 0x7fffffffffffffff, 0x8000000000000000};
constexpr IntRange UInt64Range = {0xffffffffffffffff, 0, 0xffffffffffffffff,
                                  0};

/// Rounds to an integer in Env.Rounding, then saturates per RISC-V. Returns
/// the two's complement bits of the result, sign-extended to 64.
template <class F>
uint64_t convertToInt(typename F::Bits A, const IntRange &Range,
                      FPEnv &Env) {
  Unpacked U = unpack<F>(A);
  if (U.isNaN()) {
    Env.Flags |= flags::Invalid;
    return Range.OnPositive;
  }
  if (U.K == Kind::Zero)
    return 0;
  auto Saturate = [&]() {
    Env.Flags |= flags::Invalid;
    return U.Sign ? Range.OnNegative : Range.OnPositive;
  };
  if (U.K == Kind::Infinity || U.Exp > 63)
    return Saturate();

  // Split Sig * 2^(Exp - 62) into an integer and a 64-bit binary fraction.
  uint64_t Integer, Fraction;
  if (U.Exp == 63) {
    Integer = U.Sig << 1; // exact: at most 53 significant bits
    Fraction = 0;
  } else if (U.Exp >= 0) {
    unsigned Shift = unsigned(LeadingBit - U.Exp);
    Integer = U.Sig >> Shift;
    Fraction = Shift ? U.Sig << (64 - Shift) : 0;
  } else {
    Integer = 0;
    unsigned Shift = unsigned(LeadingBit - U.Exp); // >= 63
    Fraction = Shift <= 64 ? U.Sig << (64 - Shift)
                           : shiftRightJam(U.Sig, Shift - 64);
  }
  bool Inexact = Fraction != 0;
  if (Inexact && roundsUp(Env.Rounding, U.Sign, Integer & 1, Fraction,
                          uint64_t(1) << 63))
    ++Integer; // cannot wrap: Exp <= 62 here leaves Integer below 2^63

  uint64_t Limit = U.Sign ? Range.MaxNegative : Range.MaxPositive;
  if (Integer > Limit)
    return Saturate(); // invalid replaces inexact
  if (Inexact)
    Env.Flags |= flags::Inexact;
  return U.Sign ? uint64_t(0) - Integer : Integer;
}

template <class F>
typename F::Bits convertFromInt(bool Sign, uint64_t Magnitude, FPEnv &Env) {
  if (Magnitude == 0)
    return zero<F>(false);
  // The leading one of Magnitude sits at bit 63 - clz; as Sig * 2^(Exp - 62)
  // that is Exp = 62 with the leading one allowed anywhere.
  return normaliseRoundPack<F>(Sign, LeadingBit, Magnitude, Env);
}

template <class F> typename F::Bits fromSigned(int64_t A, FPEnv &Env) {
  uint64_t Magnitude = A < 0 ? uint64_t(0) - uint64_t(A) : uint64_t(A);
  return convertFromInt<F>(A < 0, Magnitude, Env);
}

} // namespace
} // namespace detail

using namespace detail;

uint32_t f16ToF32(uint16_t A, FPEnv &Env) {
  return convertFloat<Single, Half>(A, Env);
}
uint64_t f16ToF64(uint16_t A, FPEnv &Env) {
  return convertFloat<Double, Half>(A, Env);
}
uint16_t f32ToF16(uint32_t A, FPEnv &Env) {
  return convertFloat<Half, Single>(A, Env);
}
uint64_t f32ToF64(uint32_t A, FPEnv &Env) {
  return convertFloat<Double, Single>(A, Env);
}
uint16_t f64ToF16(uint64_t A, FPEnv &Env) {
  return convertFloat<Half, Double>(A, Env);
}
uint32_t f64ToF32(uint64_t A, FPEnv &Env) {
  return convertFloat<Single, Double>(A, Env);
}

int32_t f16ToI32(uint16_t A, FPEnv &Env) {
  return int32_t(convertToInt<Half>(A, Int32Range, Env));
}
uint32_t f16ToU32(uint16_t A, FPEnv &Env) {
  return uint32_t(convertToInt<Half>(A, UInt32Range, Env));
}
int64_t f16ToI64(uint16_t A, FPEnv &Env) {
  return int64_t(convertToInt<Half>(A, Int64Range, Env));
}
uint64_t f16ToU64(uint16_t A, FPEnv &Env) {
  return convertToInt<Half>(A, UInt64Range, Env);
}
int32_t f32ToI32(uint32_t A, FPEnv &Env) {
  return int32_t(convertToInt<Single>(A, Int32Range, Env));
}
uint32_t f32ToU32(uint32_t A, FPEnv &Env) {
  return uint32_t(convertToInt<Single>(A, UInt32Range, Env));
}
int64_t f32ToI64(uint32_t A, FPEnv &Env) {
  return int64_t(convertToInt<Single>(A, Int64Range, Env));
}
uint64_t f32ToU64(uint32_t A, FPEnv &Env) {
  return convertToInt<Single>(A, UInt64Range, Env);
}
int32_t f64ToI32(uint64_t A, FPEnv &Env) {
  return int32_t(convertToInt<Double>(A, Int32Range, Env));
}
uint32_t f64ToU32(uint64_t A, FPEnv &Env) {
  return uint32_t(convertToInt<Double>(A, UInt32Range, Env));
}
int64_t f64ToI64(uint64_t A, FPEnv &Env) {
  return int64_t(convertToInt<Double>(A, Int64Range, Env));
}
uint64_t f64ToU64(uint64_t A, FPEnv &Env) {
  return convertToInt<Double>(A, UInt64Range, Env);
}

uint16_t i32ToF16(int32_t A, FPEnv &Env) { return fromSigned<Half>(A, Env); }
uint16_t u32ToF16(uint32_t A, FPEnv &Env) {
  return convertFromInt<Half>(false, A, Env);
}
uint16_t i64ToF16(int64_t A, FPEnv &Env) { return fromSigned<Half>(A, Env); }
uint16_t u64ToF16(uint64_t A, FPEnv &Env) {
  return convertFromInt<Half>(false, A, Env);
}
uint32_t i32ToF32(int32_t A, FPEnv &Env) { return fromSigned<Single>(A, Env); }
uint32_t u32ToF32(uint32_t A, FPEnv &Env) {
  return convertFromInt<Single>(false, A, Env);
}
uint32_t i64ToF32(int64_t A, FPEnv &Env) { return fromSigned<Single>(A, Env); }
uint32_t u64ToF32(uint64_t A, FPEnv &Env) {
  return convertFromInt<Single>(false, A, Env);
}
uint64_t i32ToF64(int32_t A, FPEnv &Env) { return fromSigned<Double>(A, Env); }
uint64_t u32ToF64(uint32_t A, FPEnv &Env) {
  return convertFromInt<Double>(false, A, Env);
}
uint64_t i64ToF64(int64_t A, FPEnv &Env) { return fromSigned<Double>(A, Env); }
uint64_t u64ToF64(uint64_t A, FPEnv &Env) {
  return convertFromInt<Double>(false, A, Env);
}

} // namespace snipgen::softfloat
