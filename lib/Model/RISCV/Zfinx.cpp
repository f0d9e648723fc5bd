//===- Zfinx.cpp - Zfinx, Zdinx, Zhinx, Zhinxmin: FP in integer registers ---===//
//
// The F, D and Zfh instructions minus their transfer instructions (loads,
// stores, FMV), operating on the X registers: the FPHelpers.h templates with
// the X-register views of XRegViews.h. LLVM names the forms *_INX (single
// and half everywhere, double on RV64) and *_IN32X (RV32 double, register
// pairs).
//
// FCVT_D_H_IN32X and FCVT_H_D_IN32X (RV32 Zdinx + Zhinx[min]) are registered
// but LLVM 22's disassembler reports their encodings as invalid, so on the
// model they trap as illegal instructions and the generator never lists them.
//===----------------------------------------------------------------------===//
#include "XRegViews.h"
#include <iterator>

namespace snipgen::model {

using namespace fp;
using namespace softfloat;

namespace {
using XH = XHalfView;
using XS = XSingleView;
using XD = XDoubleView;
using XP = XPairView;

void registerZfinx(SemanticTable &T) {
  T.add("FADD_S_INX", binaryRounded<XS, f32Add>);
  T.add("FSUB_S_INX", binaryRounded<XS, f32Sub>);
  T.add("FMUL_S_INX", binaryRounded<XS, f32Mul>);
  T.add("FDIV_S_INX", binaryRounded<XS, f32Div>);
  T.add("FSQRT_S_INX", unaryRounded<XS, f32Sqrt>);
  T.add("FMADD_S_INX", fusedMulAdd<XS, f32MulAdd, MulAddKind::Add>);
  T.add("FMSUB_S_INX", fusedMulAdd<XS, f32MulAdd, MulAddKind::Sub>);
  T.add("FNMSUB_S_INX", fusedMulAdd<XS, f32MulAdd, MulAddKind::NegProduct>);
  T.add("FNMADD_S_INX", fusedMulAdd<XS, f32MulAdd, MulAddKind::NegBoth>);
  T.add("FMIN_S_INX", binaryExact<XS, f32Min>);
  T.add("FMAX_S_INX", binaryExact<XS, f32Max>);
  T.add("FSGNJ_S_INX", signInject<XS, SignSource::Copy>);
  T.add("FSGNJN_S_INX", signInject<XS, SignSource::Negate>);
  T.add("FSGNJX_S_INX", signInject<XS, SignSource::Xor>);
  T.add("FEQ_S_INX", compare<XS, f32Eq>);
  T.add("FLT_S_INX", compare<XS, f32Lt>);
  T.add("FLE_S_INX", compare<XS, f32Le>);
  T.add("FCLASS_S_INX", classify<XS, f32Classify>);
  T.add("FCVT_W_S_INX", convertToInt<XS, int32_t, f32ToI32>);
  T.add("FCVT_WU_S_INX", convertToInt<XS, uint32_t, f32ToU32>);
  T.add("FCVT_L_S_INX", convertToInt<XS, int64_t, f32ToI64>);
  T.add("FCVT_LU_S_INX", convertToInt<XS, uint64_t, f32ToU64>);
  T.add("FCVT_S_W_INX", convertFromInt<XS, int32_t, i32ToF32>);
  T.add("FCVT_S_WU_INX", convertFromInt<XS, uint32_t, u32ToF32>);
  T.add("FCVT_S_L_INX", convertFromInt<XS, int64_t, i64ToF32>);
  T.add("FCVT_S_LU_INX", convertFromInt<XS, uint64_t, u64ToF32>);
}

/// Zdinx on RV64 (XD) and RV32 (XP); Names lists the opcode names in the
/// order used below.
template <class Dx> struct DoubleNames;
template <> struct DoubleNames<XD> {
  static constexpr const char *N[] = {
      "FADD_D_INX",    "FSUB_D_INX",    "FMUL_D_INX",     "FDIV_D_INX",
      "FSQRT_D_INX",   "FMADD_D_INX",   "FMSUB_D_INX",    "FNMSUB_D_INX",
      "FNMADD_D_INX",  "FMIN_D_INX",    "FMAX_D_INX",     "FSGNJ_D_INX",
      "FSGNJN_D_INX",  "FSGNJX_D_INX",  "FEQ_D_INX",      "FLT_D_INX",
      "FLE_D_INX",     "FCLASS_D_INX",  "FCVT_S_D_INX",   "FCVT_D_S_INX",
      "FCVT_W_D_INX",  "FCVT_WU_D_INX", "FCVT_D_W_INX",   "FCVT_D_WU_INX"};
};
template <> struct DoubleNames<XP> {
  static constexpr const char *N[] = {
      "FADD_D_IN32X",   "FSUB_D_IN32X",   "FMUL_D_IN32X",   "FDIV_D_IN32X",
      "FSQRT_D_IN32X",  "FMADD_D_IN32X",  "FMSUB_D_IN32X",  "FNMSUB_D_IN32X",
      "FNMADD_D_IN32X", "FMIN_D_IN32X",   "FMAX_D_IN32X",   "FSGNJ_D_IN32X",
      "FSGNJN_D_IN32X", "FSGNJX_D_IN32X", "FEQ_D_IN32X",    "FLT_D_IN32X",
      "FLE_D_IN32X",    "FCLASS_D_IN32X", "FCVT_S_D_IN32X", "FCVT_D_S_IN32X",
      "FCVT_W_D_IN32X", "FCVT_WU_D_IN32X", "FCVT_D_W_IN32X",
      "FCVT_D_WU_IN32X"};
};

template <class Dx> void registerZdinx(SemanticTable &T) {
  const char *const *N = DoubleNames<Dx>::N;
  static_assert(std::size(DoubleNames<Dx>::N) == 24);
  T.add(N[0], binaryRounded<Dx, f64Add>);
  T.add(N[1], binaryRounded<Dx, f64Sub>);
  T.add(N[2], binaryRounded<Dx, f64Mul>);
  T.add(N[3], binaryRounded<Dx, f64Div>);
  T.add(N[4], unaryRounded<Dx, f64Sqrt>);
  T.add(N[5], fusedMulAdd<Dx, f64MulAdd, MulAddKind::Add>);
  T.add(N[6], fusedMulAdd<Dx, f64MulAdd, MulAddKind::Sub>);
  T.add(N[7], fusedMulAdd<Dx, f64MulAdd, MulAddKind::NegProduct>);
  T.add(N[8], fusedMulAdd<Dx, f64MulAdd, MulAddKind::NegBoth>);
  T.add(N[9], binaryExact<Dx, f64Min>);
  T.add(N[10], binaryExact<Dx, f64Max>);
  T.add(N[11], signInject<Dx, SignSource::Copy>);
  T.add(N[12], signInject<Dx, SignSource::Negate>);
  T.add(N[13], signInject<Dx, SignSource::Xor>);
  T.add(N[14], compare<Dx, f64Eq>);
  T.add(N[15], compare<Dx, f64Lt>);
  T.add(N[16], compare<Dx, f64Le>);
  T.add(N[17], classify<Dx, f64Classify>);
  T.add(N[18], convertFloat<XS, Dx, f64ToF32>);
  T.add(N[19], convertFloat<Dx, XS, f32ToF64>);
  T.add(N[20], convertToInt<Dx, int32_t, f64ToI32>);
  T.add(N[21], convertToInt<Dx, uint32_t, f64ToU32>);
  T.add(N[22], convertFromInt<Dx, int32_t, i32ToF64>);
  T.add(N[23], convertFromInt<Dx, uint32_t, u32ToF64>);
}

void registerZdinx64Only(SemanticTable &T) {
  T.add("FCVT_L_D_INX", convertToInt<XD, int64_t, f64ToI64>);
  T.add("FCVT_LU_D_INX", convertToInt<XD, uint64_t, f64ToU64>);
  T.add("FCVT_D_L_INX", convertFromInt<XD, int64_t, i64ToF64>);
  T.add("FCVT_D_LU_INX", convertFromInt<XD, uint64_t, u64ToF64>);
}

void registerZhinx(SemanticTable &T) {
  // Zhinxmin (FCVT.D.H/FCVT.H.D with Zdinx).
  T.add("FCVT_S_H_INX", convertFloat<XS, XH, f16ToF32>);
  T.add("FCVT_H_S_INX", convertFloat<XH, XS, f32ToF16>);
  T.add("FCVT_D_H_INX", convertFloat<XD, XH, f16ToF64>);
  T.add("FCVT_H_D_INX", convertFloat<XH, XD, f64ToF16>);
  T.add("FCVT_D_H_IN32X", convertFloat<XP, XH, f16ToF64>);
  T.add("FCVT_H_D_IN32X", convertFloat<XH, XP, f64ToF16>);

  // Zhinx.
  T.add("FADD_H_INX", binaryRounded<XH, f16Add>);
  T.add("FSUB_H_INX", binaryRounded<XH, f16Sub>);
  T.add("FMUL_H_INX", binaryRounded<XH, f16Mul>);
  T.add("FDIV_H_INX", binaryRounded<XH, f16Div>);
  T.add("FSQRT_H_INX", unaryRounded<XH, f16Sqrt>);
  T.add("FMADD_H_INX", fusedMulAdd<XH, f16MulAdd, MulAddKind::Add>);
  T.add("FMSUB_H_INX", fusedMulAdd<XH, f16MulAdd, MulAddKind::Sub>);
  T.add("FNMSUB_H_INX", fusedMulAdd<XH, f16MulAdd, MulAddKind::NegProduct>);
  T.add("FNMADD_H_INX", fusedMulAdd<XH, f16MulAdd, MulAddKind::NegBoth>);
  T.add("FMIN_H_INX", binaryExact<XH, f16Min>);
  T.add("FMAX_H_INX", binaryExact<XH, f16Max>);
  T.add("FSGNJ_H_INX", signInject<XH, SignSource::Copy>);
  T.add("FSGNJN_H_INX", signInject<XH, SignSource::Negate>);
  T.add("FSGNJX_H_INX", signInject<XH, SignSource::Xor>);
  T.add("FEQ_H_INX", compare<XH, f16Eq>);
  T.add("FLT_H_INX", compare<XH, f16Lt>);
  T.add("FLE_H_INX", compare<XH, f16Le>);
  T.add("FCLASS_H_INX", classify<XH, f16Classify>);
  T.add("FCVT_W_H_INX", convertToInt<XH, int32_t, f16ToI32>);
  T.add("FCVT_WU_H_INX", convertToInt<XH, uint32_t, f16ToU32>);
  T.add("FCVT_L_H_INX", convertToInt<XH, int64_t, f16ToI64>);
  T.add("FCVT_LU_H_INX", convertToInt<XH, uint64_t, f16ToU64>);
  T.add("FCVT_H_W_INX", convertFromInt<XH, int32_t, i32ToF16>);
  T.add("FCVT_H_WU_INX", convertFromInt<XH, uint32_t, u32ToF16>);
  T.add("FCVT_H_L_INX", convertFromInt<XH, int64_t, i64ToF16>);
  T.add("FCVT_H_LU_INX", convertFromInt<XH, uint64_t, u64ToF16>);
}
} // namespace

void registerZfinxSemantics(SemanticTable &T) {
  registerZfinx(T);
  registerZdinx<XD>(T);
  registerZdinx<XP>(T);
  registerZdinx64Only(T);
  registerZhinx(T);
}

} // namespace snipgen::model
