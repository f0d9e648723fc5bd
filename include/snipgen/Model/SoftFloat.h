//===- SoftFloat.h - IEEE 754 binary16/32/64 arithmetic in software -*- C++ -*-===//
//
// Exact, deterministic IEEE 754-2019 arithmetic with RISC-V's choices wherever
// the standard leaves one open:
//   - every NaN result is the canonical quiet NaN (0x7e00 / 0x7fc00000 /
//     0x7ff8000000000000); payloads never propagate;
//   - tininess is detected after rounding;
//   - float -> integer conversions saturate (NaN and +overflow to the largest
//     value, -overflow to the smallest) and then raise only "invalid";
//   - fused multiply-add raises "invalid" for inf * 0 even when the addend is
//     a quiet NaN;
//   - min/max follow minimumNumber/maximumNumber (F spec v2.2): one NaN
//     operand yields the other operand, -0 orders below +0.
//
// Values travel as raw bit patterns. The rounding mode and the accrued flags
// travel in an explicit FPEnv; nothing here reads or writes the host's
// floating-point environment, so results never depend on the host.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_MODEL_SOFTFLOAT_H
#define SNIPGEN_MODEL_SOFTFLOAT_H

#include <cstdint>

namespace snipgen::softfloat {

/// Numbered as RISC-V's rm field, so an instruction's rm passes straight in.
enum class RoundingMode : uint8_t {
  NearestEven = 0,         // RNE
  TowardZero = 1,          // RTZ
  Down = 2,                // RDN, toward -inf
  Up = 3,                  // RUP, toward +inf
  NearestMaxMagnitude = 4, // RMM, ties away from zero
};

/// Exception flags, laid out as RISC-V's fflags.
namespace flags {
constexpr uint8_t Inexact = 1 << 0;   // NX
constexpr uint8_t Underflow = 1 << 1; // UF
constexpr uint8_t Overflow = 1 << 2;  // OF
constexpr uint8_t DivByZero = 1 << 3; // DZ
constexpr uint8_t Invalid = 1 << 4;   // NV
} // namespace flags

/// Rounding mode in, accrued exception flags out (operations only OR flags in).
struct FPEnv {
  RoundingMode Rounding = RoundingMode::NearestEven;
  uint8_t Flags = 0;
};

constexpr uint16_t F16CanonicalNaN = 0x7e00;
constexpr uint32_t F32CanonicalNaN = 0x7fc00000;
constexpr uint64_t F64CanonicalNaN = 0x7ff8000000000000;

/// fclass result bits, as RISC-V's FCLASS instructions number them.
namespace fclass {
constexpr uint16_t NegInfinity = 1 << 0;
constexpr uint16_t NegNormal = 1 << 1;
constexpr uint16_t NegSubnormal = 1 << 2;
constexpr uint16_t NegZero = 1 << 3;
constexpr uint16_t PosZero = 1 << 4;
constexpr uint16_t PosSubnormal = 1 << 5;
constexpr uint16_t PosNormal = 1 << 6;
constexpr uint16_t PosInfinity = 1 << 7;
constexpr uint16_t SignalingNaN = 1 << 8;
constexpr uint16_t QuietNaN = 1 << 9;
} // namespace fclass

// Arithmetic. Each rounds once, in Env.Rounding, and ORs flags into Env.Flags.
uint16_t f16Add(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Sub(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Mul(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Div(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Sqrt(uint16_t A, FPEnv &Env);
uint32_t f32Add(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Sub(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Mul(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Div(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Sqrt(uint32_t A, FPEnv &Env);
uint64_t f64Add(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Sub(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Mul(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Div(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Sqrt(uint64_t A, FPEnv &Env);

/// Fused (+-)(A * B) (+-) C with a single rounding. The four RISC-V forms:
///   FMADD  = MulAdd(A, B, C)              A*B + C
///   FMSUB  = MulAdd(A, B, C, Sub)         A*B - C
///   FNMSUB = MulAdd(A, B, C, NegProduct)  -(A*B) + C
///   FNMADD = MulAdd(A, B, C, NegBoth)     -(A*B) - C
enum class MulAddKind : uint8_t {
  Add = 0,
  Sub = 1,
  NegProduct = 2,
  NegBoth = 3,
};
uint16_t f16MulAdd(uint16_t A, uint16_t B, uint16_t C, FPEnv &Env,
                   MulAddKind Kind = MulAddKind::Add);
uint32_t f32MulAdd(uint32_t A, uint32_t B, uint32_t C, FPEnv &Env,
                   MulAddKind Kind = MulAddKind::Add);
uint64_t f64MulAdd(uint64_t A, uint64_t B, uint64_t C, FPEnv &Env,
                   MulAddKind Kind = MulAddKind::Add);

// Comparisons: Eq is quiet (invalid only for a signaling NaN operand), Lt and
// Le signal (invalid for any NaN operand). Unordered compares false.
bool f16Eq(uint16_t A, uint16_t B, FPEnv &Env);
bool f16Lt(uint16_t A, uint16_t B, FPEnv &Env);
bool f16Le(uint16_t A, uint16_t B, FPEnv &Env);
bool f32Eq(uint32_t A, uint32_t B, FPEnv &Env);
bool f32Lt(uint32_t A, uint32_t B, FPEnv &Env);
bool f32Le(uint32_t A, uint32_t B, FPEnv &Env);
bool f64Eq(uint64_t A, uint64_t B, FPEnv &Env);
bool f64Lt(uint64_t A, uint64_t B, FPEnv &Env);
bool f64Le(uint64_t A, uint64_t B, FPEnv &Env);

// minimumNumber / maximumNumber: invalid for a signaling NaN operand; one NaN
// operand returns the other; two NaNs return the canonical NaN; -0 < +0.
uint16_t f16Min(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Max(uint16_t A, uint16_t B, FPEnv &Env);
uint32_t f32Min(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Max(uint32_t A, uint32_t B, FPEnv &Env);
uint64_t f64Min(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Max(uint64_t A, uint64_t B, FPEnv &Env);

/// One fclass:: bit. Never raises a flag.
uint16_t f16Classify(uint16_t A);
uint16_t f32Classify(uint32_t A);
uint16_t f64Classify(uint64_t A);

inline bool f16IsNaN(uint16_t A) { return (A & 0x7fff) > 0x7c00; }
inline bool f32IsNaN(uint32_t A) { return (A & 0x7fffffff) > 0x7f800000; }
inline bool f64IsNaN(uint64_t A) {
  return (A & 0x7fffffffffffffff) > 0x7ff0000000000000;
}

// Conversions between formats (widening is exact; a NaN becomes canonical,
// signaling NaNs raise invalid).
uint32_t f16ToF32(uint16_t A, FPEnv &Env);
uint64_t f16ToF64(uint16_t A, FPEnv &Env);
uint16_t f32ToF16(uint32_t A, FPEnv &Env);
uint64_t f32ToF64(uint32_t A, FPEnv &Env);
uint16_t f64ToF16(uint64_t A, FPEnv &Env);
uint32_t f64ToF32(uint64_t A, FPEnv &Env);

// Float -> integer, rounding in Env.Rounding. Out-of-range results and NaNs
// saturate as RISC-V specifies (NaN -> largest), raising only invalid; an
// in-range inexact result raises inexact.
int32_t f16ToI32(uint16_t A, FPEnv &Env);
uint32_t f16ToU32(uint16_t A, FPEnv &Env);
int64_t f16ToI64(uint16_t A, FPEnv &Env);
uint64_t f16ToU64(uint16_t A, FPEnv &Env);
int32_t f32ToI32(uint32_t A, FPEnv &Env);
uint32_t f32ToU32(uint32_t A, FPEnv &Env);
int64_t f32ToI64(uint32_t A, FPEnv &Env);
uint64_t f32ToU64(uint32_t A, FPEnv &Env);
int32_t f64ToI32(uint64_t A, FPEnv &Env);
uint32_t f64ToU32(uint64_t A, FPEnv &Env);
int64_t f64ToI64(uint64_t A, FPEnv &Env);
uint64_t f64ToU64(uint64_t A, FPEnv &Env);

// Integer -> float, rounding in Env.Rounding.
uint16_t i32ToF16(int32_t A, FPEnv &Env);
uint16_t u32ToF16(uint32_t A, FPEnv &Env);
uint16_t i64ToF16(int64_t A, FPEnv &Env);
uint16_t u64ToF16(uint64_t A, FPEnv &Env);
uint32_t i32ToF32(int32_t A, FPEnv &Env);
uint32_t u32ToF32(uint32_t A, FPEnv &Env);
uint32_t i64ToF32(int64_t A, FPEnv &Env);
uint32_t u64ToF32(uint64_t A, FPEnv &Env);
uint64_t i32ToF64(int32_t A, FPEnv &Env);
uint64_t u32ToF64(uint32_t A, FPEnv &Env);
uint64_t i64ToF64(int64_t A, FPEnv &Env);
uint64_t u64ToF64(uint64_t A, FPEnv &Env);


// --- Zfa and bfloat16 (ZfaOps.cpp, BFloat16.cpp) -----------------------------

/// roundToIntegral in Env.Rounding: zeros and infinities are returned as
/// they are, a NaN becomes the canonical NaN (invalid for a signaling one).
/// The plain forms raise no other flag (FROUND); the Exact forms also raise
/// inexact when the result differs from the input (FROUNDNX,
/// roundToIntegralExact).
uint16_t f16RoundToInt(uint16_t A, FPEnv &Env);
uint32_t f32RoundToInt(uint32_t A, FPEnv &Env);
uint64_t f64RoundToInt(uint64_t A, FPEnv &Env);
uint16_t f16RoundToIntExact(uint16_t A, FPEnv &Env);
uint32_t f32RoundToIntExact(uint32_t A, FPEnv &Env);
uint64_t f64RoundToIntExact(uint64_t A, FPEnv &Env);

/// IEEE 754-2019 minimum / maximum (FMINM/FMAXM): any NaN operand gives the
/// canonical NaN; invalid for a signaling NaN operand; -0 < +0.
uint16_t f16Minimum(uint16_t A, uint16_t B, FPEnv &Env);
uint16_t f16Maximum(uint16_t A, uint16_t B, FPEnv &Env);
uint32_t f32Minimum(uint32_t A, uint32_t B, FPEnv &Env);
uint32_t f32Maximum(uint32_t A, uint32_t B, FPEnv &Env);
uint64_t f64Minimum(uint64_t A, uint64_t B, FPEnv &Env);
uint64_t f64Maximum(uint64_t A, uint64_t B, FPEnv &Env);

/// Quiet Lt / Le (FLTQ/FLEQ): invalid only for a signaling NaN operand.
bool f16LtQuiet(uint16_t A, uint16_t B, FPEnv &Env);
bool f16LeQuiet(uint16_t A, uint16_t B, FPEnv &Env);
bool f32LtQuiet(uint32_t A, uint32_t B, FPEnv &Env);
bool f32LeQuiet(uint32_t A, uint32_t B, FPEnv &Env);
bool f64LtQuiet(uint64_t A, uint64_t B, FPEnv &Env);
bool f64LeQuiet(uint64_t A, uint64_t B, FPEnv &Env);

/// FCVTMOD.W.D: truncates toward zero (Env.Rounding is ignored) and returns
/// bits 31:0 of the unbounded integer; infinities and NaNs give 0. Flags are
/// those of f64ToI32 in round-toward-zero: invalid for NaN, infinity or a
/// truncated value outside int32, else inexact when a fraction was dropped.
int32_t f64ToI32Modular(uint64_t A, FPEnv &Env);

/// bfloat16 (1 sign, 8 exponent, 7 fraction bits; canonical NaN 0x7fc0).
constexpr uint16_t BF16CanonicalNaN = 0x7fc0;
/// FCVT.BF16.S: rounds in Env.Rounding like any narrowing conversion.
uint16_t f32ToBF16(uint32_t A, FPEnv &Env);
/// FCVT.S.BF16: exact; a NaN becomes canonical (invalid if signaling).
uint32_t bf16ToF32(uint16_t A, FPEnv &Env);

} // namespace snipgen::softfloat

#endif // SNIPGEN_MODEL_SOFTFLOAT_H
