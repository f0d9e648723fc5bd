//===- FloatHelpers.h - Shared pieces of the RVV floating-point classes -*- C++ -*-===//
//
// The vector FP files (Float*.cpp, FloatReduction.cpp) and Zvbb.cpp share:
// * isMasked: the vm bit, read from the encoding (LLVM gives v0 and "no
//   register" the same hardware number, so the operand cannot tell them
//   apart);
// * FT<W>: one element format (16/32/64 bits) - its soft-float functions,
//   how its scalar operand is read from an f register (NaN-boxing checked:
//   an improperly boxed value reads as the canonical NaN, spec 10.2 of the
//   V spec / 13.2 of F), and its integer conversions of the same, double and
//   half width;
// * the checks every FP vector instruction makes (VS and FS on, vill clear,
//   frm not reserved, the element width is an FP width of the selected ISA)
//   and the register-group rules of spec 5.2 for widening and narrowing;
// * noteVWrite: marks VS dirty and reports the written registers to the
//   observers.
// Soft-float supplies every result; the host FPU is never used.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_FLOATHELPERS_H
#define SNIPGEN_LIB_MODEL_RISCV_V_FLOATHELPERS_H

#include "ElementLoop.h"
#include "snipgen/Model/SoftFloat.h"

namespace snipgen::model::vec {

using softfloat::FPEnv;
using softfloat::MulAddKind;
using softfloat::RoundingMode;

/// vm (bit 25) clear: the instruction is masked by v0.t (ElementLoop.h).
inline bool isMasked(const Decoded &D) { return masked(D); }

/// Marks VS dirty and logs the Regs registers of the group at Vd.
inline void noteVWrite(Hart &H, unsigned Vd, unsigned Regs) {
  markDirty(H);
  if (LLVM_UNLIKELY(H.Observed))
    for (unsigned R = 0; R < Regs && Vd + R < 32; ++R)
      H.Log.add(StepLog::VReg, uint16_t(Vd + R), 0, 0, 0);
}

// --- ISA features that change legality at run time ------------------------

enum class VFeature : uint8_t { Zvfh, Zvfhmin, Zve64d, Zvfbfmin, Zvfbfwma };
/// Whether the machine's ISA has extension F (FloatCommon.cpp; a bit test in
/// the decoder's subtarget features).
bool hasVFeature(const Hart &H, VFeature F);

/// W is an FP element width the ISA supports for arithmetic (MinOnly: for the
/// Zvfhmin conversions vfwcvt.f.f.v / vfncvt.f.f.w only).
inline bool fpWidthOk(const Hart &H, unsigned W, bool MinOnly = false) {
  switch (W) {
  case 16:
    return hasVFeature(H, MinOnly ? VFeature::Zvfhmin : VFeature::Zvfh);
  case 32:
    return H.V.ELenFp >= 32;
  case 64:
    return H.V.ELenFp >= 64; // V or Zve64d (not Zve64f)
  default:
    return false;
  }
}
/// W is an integer element width the vector unit has (ELEN).
inline bool intWidthOk(const Hart &H, unsigned W) {
  return W >= 8 && W <= H.V.ELen;
}

/// The prologue of every vector FP instruction: VS on, vill clear, FS on,
/// frm not reserved (QEMU and Spike check frm for every vector FP
/// instruction that has an FP result or compares, rounding or not). Fills
/// Env.Rounding from frm.
inline bool fpPrologue(Hart &H, FPEnv &Env) {
  if (!configOk(H) || !H.fpEnabled() || H.Frm > 4)
    return false;
  Env.Rounding = RoundingMode(H.Frm);
  return true;
}

/// The end of a vector FP instruction that wrote the group at Vd.
inline StepStatus fpFinish(Hart &H, const Decoded &D, const FPEnv &Env,
                           unsigned Vd, unsigned Regs) {
  H.accrueFflags(Env.Flags);
  noteVWrite(H, Vd, Regs);
  return H.next(D);
}

// --- Register-group rules (spec 5.2) ---------------------------------------

/// A masked instruction writing a non-mask result may not write v0.
inline bool maskOk(bool Masked, unsigned Vd) { return !Masked || Vd != 0; }
/// Nor may a masked instruction read a vector source group containing v0:
/// v0 would be read at two EEWs, its mask EEW of 1 and the source's
/// (reserved by spec 5.2; QEMU 10 raises illegal instruction).
inline bool srcOk(bool Masked, unsigned Vs) { return !Masked || Vs != 0; }

/// Destination of EMUL 2^(L+1) against a source of EMUL 2^L: overlap only in
/// the highest-numbered part of the destination, and only when the source
/// EMUL is at least 1.
inline bool wideDestOk(unsigned Vd, int L, unsigned Vs) {
  unsigned DN = VectorState::groupRegs(L + 1), SN = VectorState::groupRegs(L);
  if (!groupsOverlap(Vd, DN, Vs, SN))
    return true;
  return L >= 0 && Vs == Vd + DN - SN;
}
/// Destination of EMUL 2^L against a source of EMUL 2^(L+1): overlap only in
/// the lowest-numbered part of the source.
inline bool narrowDestOk(unsigned Vd, int L, unsigned Vs) {
  return Vd == Vs || !groupsOverlap(Vd, VectorState::groupRegs(L), Vs,
                                    VectorState::groupRegs(L + 1));
}
/// A mask destination (one register) against a source group of EMUL 2^L.
inline bool maskDestOk(unsigned Vd, int L, unsigned Vs) {
  return Vd == Vs || !groupsOverlap(Vd, 1, Vs, VectorState::groupRegs(L));
}

// --- Formats ----------------------------------------------------------------

/// Saturates a conversion result computed at a wider integer width (Local
/// holds its flags) to Bits bits: out of range raises invalid alone, as
/// soft-float does for every float -> integer conversion.
int64_t narrowSigned(int64_t V, unsigned Bits, const FPEnv &Local, FPEnv &Env);
uint64_t narrowUnsigned(uint64_t V, unsigned Bits, const FPEnv &Local,
                        FPEnv &Env);

/// Round-to-odd narrowing (vfncvt.rod.f.f.w).
uint16_t f32ToF16Odd(uint32_t A, FPEnv &Env);
uint32_t f64ToF32Odd(uint64_t A, FPEnv &Env);
// BF16 (Zvfbfmin) conversions are soft-float's f32ToBF16 / bf16ToF32, the
// same the scalar Zfbfmin uses.
/// vfrec7 / vfrsqrt7 (the spec's 7-bit tables). ExpBits/FracBits select the
/// format; Env.Rounding matters for vfrec7's overflow.
uint64_t recip7(uint64_t A, unsigned ExpBits, unsigned FracBits, FPEnv &Env);
uint64_t rsqrt7(uint64_t A, unsigned ExpBits, unsigned FracBits, FPEnv &Env);

template <unsigned W> struct FT;

template <> struct FT<16> {
  static constexpr unsigned W = 16, ExpBits = 5, FracBits = 10;
  using B = uint16_t;
  using SInt = int16_t;
  using UInt = uint16_t;
  static constexpr B Sign = 0x8000;
  static B scalar(const Hart &H, int64_t R) { return H.halfOf(R); }
  static uint64_t box(B V) { return Hart::boxHalf(V); }
  static B add(B A, B C, FPEnv &E) { return softfloat::f16Add(A, C, E); }
  static B sub(B A, B C, FPEnv &E) { return softfloat::f16Sub(A, C, E); }
  static B mul(B A, B C, FPEnv &E) { return softfloat::f16Mul(A, C, E); }
  static B div(B A, B C, FPEnv &E) { return softfloat::f16Div(A, C, E); }
  static B sqrt(B A, FPEnv &E) { return softfloat::f16Sqrt(A, E); }
  static B mulAdd(B A, B C, B Add, FPEnv &E, MulAddKind K) {
    return softfloat::f16MulAdd(A, C, Add, E, K);
  }
  static B min(B A, B C, FPEnv &E) { return softfloat::f16Min(A, C, E); }
  static B max(B A, B C, FPEnv &E) { return softfloat::f16Max(A, C, E); }
  static bool eq(B A, B C, FPEnv &E) { return softfloat::f16Eq(A, C, E); }
  static bool lt(B A, B C, FPEnv &E) { return softfloat::f16Lt(A, C, E); }
  static bool le(B A, B C, FPEnv &E) { return softfloat::f16Le(A, C, E); }
  static uint16_t classify(B A) { return softfloat::f16Classify(A); }
  // Same-width integer conversions.
  static int64_t toSInt(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowSigned(softfloat::f16ToI32(A, L), 16, L, E);
  }
  static uint64_t toUInt(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowUnsigned(softfloat::f16ToU32(A, L), 16, L, E);
  }
  static B fromSInt(int64_t V, FPEnv &E) {
    return softfloat::i32ToF16(int32_t(V), E);
  }
  static B fromUInt(uint64_t V, FPEnv &E) {
    return softfloat::u32ToF16(uint32_t(V), E);
  }
  // Half-width integers (vfwcvt.f.x.v SEW=8, vfncvt.x.f.w SEW=8).
  static B fromSIntHalf(int64_t V, FPEnv &E) { return fromSInt(V, E); }
  static B fromUIntHalf(uint64_t V, FPEnv &E) { return fromUInt(V, E); }
  static int64_t toSIntHalf(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowSigned(softfloat::f16ToI32(A, L), 8, L, E);
  }
  static uint64_t toUIntHalf(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowUnsigned(softfloat::f16ToU32(A, L), 8, L, E);
  }
  // Double-width integers (vfwcvt.x.f.v, vfncvt.f.x.w).
  static int64_t toSIntWide(B A, FPEnv &E) { return softfloat::f16ToI32(A, E); }
  static uint64_t toUIntWide(B A, FPEnv &E) {
    return softfloat::f16ToU32(A, E);
  }
  static B fromSIntWide(int64_t V, FPEnv &E) {
    return softfloat::i32ToF16(int32_t(V), E);
  }
  static B fromUIntWide(uint64_t V, FPEnv &E) {
    return softfloat::u32ToF16(uint32_t(V), E);
  }
  // Double-width FP.
  static uint32_t widen(B A, FPEnv &E) { return softfloat::f16ToF32(A, E); }
  static B narrow(uint32_t A, FPEnv &E) { return softfloat::f32ToF16(A, E); }
  static B narrowOdd(uint32_t A, FPEnv &E) { return f32ToF16Odd(A, E); }
};

template <> struct FT<32> {
  static constexpr unsigned W = 32, ExpBits = 8, FracBits = 23;
  using B = uint32_t;
  using SInt = int32_t;
  using UInt = uint32_t;
  static constexpr B Sign = 0x80000000u;
  static B scalar(const Hart &H, int64_t R) { return H.singleOf(R); }
  static uint64_t box(B V) { return Hart::boxSingle(V); }
  static B add(B A, B C, FPEnv &E) { return softfloat::f32Add(A, C, E); }
  static B sub(B A, B C, FPEnv &E) { return softfloat::f32Sub(A, C, E); }
  static B mul(B A, B C, FPEnv &E) { return softfloat::f32Mul(A, C, E); }
  static B div(B A, B C, FPEnv &E) { return softfloat::f32Div(A, C, E); }
  static B sqrt(B A, FPEnv &E) { return softfloat::f32Sqrt(A, E); }
  static B mulAdd(B A, B C, B Add, FPEnv &E, MulAddKind K) {
    return softfloat::f32MulAdd(A, C, Add, E, K);
  }
  static B min(B A, B C, FPEnv &E) { return softfloat::f32Min(A, C, E); }
  static B max(B A, B C, FPEnv &E) { return softfloat::f32Max(A, C, E); }
  static bool eq(B A, B C, FPEnv &E) { return softfloat::f32Eq(A, C, E); }
  static bool lt(B A, B C, FPEnv &E) { return softfloat::f32Lt(A, C, E); }
  static bool le(B A, B C, FPEnv &E) { return softfloat::f32Le(A, C, E); }
  static uint16_t classify(B A) { return softfloat::f32Classify(A); }
  static int64_t toSInt(B A, FPEnv &E) { return softfloat::f32ToI32(A, E); }
  static uint64_t toUInt(B A, FPEnv &E) { return softfloat::f32ToU32(A, E); }
  static B fromSInt(int64_t V, FPEnv &E) {
    return softfloat::i32ToF32(int32_t(V), E);
  }
  static B fromUInt(uint64_t V, FPEnv &E) {
    return softfloat::u32ToF32(uint32_t(V), E);
  }
  static B fromSIntHalf(int64_t V, FPEnv &E) { return fromSInt(V, E); }
  static B fromUIntHalf(uint64_t V, FPEnv &E) { return fromUInt(V, E); }
  static int64_t toSIntHalf(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowSigned(softfloat::f32ToI32(A, L), 16, L, E);
  }
  static uint64_t toUIntHalf(B A, FPEnv &E) {
    FPEnv L{E.Rounding, 0};
    return narrowUnsigned(softfloat::f32ToU32(A, L), 16, L, E);
  }
  static int64_t toSIntWide(B A, FPEnv &E) { return softfloat::f32ToI64(A, E); }
  static uint64_t toUIntWide(B A, FPEnv &E) {
    return softfloat::f32ToU64(A, E);
  }
  static B fromSIntWide(int64_t V, FPEnv &E) {
    return softfloat::i64ToF32(V, E);
  }
  static B fromUIntWide(uint64_t V, FPEnv &E) {
    return softfloat::u64ToF32(V, E);
  }
  static uint64_t widen(B A, FPEnv &E) { return softfloat::f32ToF64(A, E); }
  static B narrow(uint64_t A, FPEnv &E) { return softfloat::f64ToF32(A, E); }
  static B narrowOdd(uint64_t A, FPEnv &E) { return f64ToF32Odd(A, E); }
};

template <> struct FT<64> {
  static constexpr unsigned W = 64, ExpBits = 11, FracBits = 52;
  using B = uint64_t;
  using SInt = int64_t;
  using UInt = uint64_t;
  static constexpr B Sign = 0x8000000000000000ull;
  static B scalar(const Hart &H, int64_t R) { return H.F[R]; }
  static uint64_t box(B V) { return V; }
  static B add(B A, B C, FPEnv &E) { return softfloat::f64Add(A, C, E); }
  static B sub(B A, B C, FPEnv &E) { return softfloat::f64Sub(A, C, E); }
  static B mul(B A, B C, FPEnv &E) { return softfloat::f64Mul(A, C, E); }
  static B div(B A, B C, FPEnv &E) { return softfloat::f64Div(A, C, E); }
  static B sqrt(B A, FPEnv &E) { return softfloat::f64Sqrt(A, E); }
  static B mulAdd(B A, B C, B Add, FPEnv &E, MulAddKind K) {
    return softfloat::f64MulAdd(A, C, Add, E, K);
  }
  static B min(B A, B C, FPEnv &E) { return softfloat::f64Min(A, C, E); }
  static B max(B A, B C, FPEnv &E) { return softfloat::f64Max(A, C, E); }
  static bool eq(B A, B C, FPEnv &E) { return softfloat::f64Eq(A, C, E); }
  static bool lt(B A, B C, FPEnv &E) { return softfloat::f64Lt(A, C, E); }
  static bool le(B A, B C, FPEnv &E) { return softfloat::f64Le(A, C, E); }
  static uint16_t classify(B A) { return softfloat::f64Classify(A); }
  static int64_t toSInt(B A, FPEnv &E) { return softfloat::f64ToI64(A, E); }
  static uint64_t toUInt(B A, FPEnv &E) { return softfloat::f64ToU64(A, E); }
  static B fromSInt(int64_t V, FPEnv &E) { return softfloat::i64ToF64(V, E); }
  static B fromUInt(uint64_t V, FPEnv &E) { return softfloat::u64ToF64(V, E); }
  static B fromSIntHalf(int64_t V, FPEnv &E) { return fromSInt(V, E); }
  static B fromUIntHalf(uint64_t V, FPEnv &E) { return fromUInt(V, E); }
  static int64_t toSIntHalf(B A, FPEnv &E) { return softfloat::f64ToI32(A, E); }
  static uint64_t toUIntHalf(B A, FPEnv &E) {
    return softfloat::f64ToU32(A, E);
  }
};

/// Runs Fn.template operator()<FT<SEW>>() for the current SEW (16/32/64);
/// SEW 8 (or vill) has no FP format: illegal.
template <class Fn>
inline StepStatus bySew(Hart &H, const Decoded &D, Fn &&F) {
  switch (H.V.Sew) {
  case 16:
    return F.template operator()<FT<16>>();
  case 32:
    return F.template operator()<FT<32>>();
  case 64:
    return F.template operator()<FT<64>>();
  default:
    return illegal(H, D);
  }
}

// Registration of the FP class files (Float.cpp calls them all).
void registerVectorFloatArith(SemanticTable &T);     // FloatArith.cpp
void registerVectorFloatMisc(SemanticTable &T);      // FloatMisc.cpp
void registerVectorFloatWidening(SemanticTable &T);  // FloatWidening.cpp
void registerVectorFloatConvert(SemanticTable &T);   // FloatConvert.cpp
void registerVectorFloatReduction(SemanticTable &T); // FloatReduction.cpp

} // namespace snipgen::model::vec

#endif
