//===- D.cpp - D extension: double precision (and C.FLD/C.FSD forms) ------===//
//
// Doubles use all 64 register bits; conversions to and from single box and
// unbox through SingleView.
//===----------------------------------------------------------------------===//
#include "FPHelpers.h"

namespace snipgen::model {

using namespace fp;
using namespace softfloat;
using S = SingleView;
using Dv = DoubleView;

void registerDoubleSemantics(SemanticTable &T) {
  T.add("FADD_D", binaryRounded<Dv, f64Add>);
  T.add("FSUB_D", binaryRounded<Dv, f64Sub>);
  T.add("FMUL_D", binaryRounded<Dv, f64Mul>);
  T.add("FDIV_D", binaryRounded<Dv, f64Div>);
  T.add("FSQRT_D", unaryRounded<Dv, f64Sqrt>);
  T.add("FMADD_D", fusedMulAdd<Dv, f64MulAdd, MulAddKind::Add>);
  T.add("FMSUB_D", fusedMulAdd<Dv, f64MulAdd, MulAddKind::Sub>);
  T.add("FNMSUB_D", fusedMulAdd<Dv, f64MulAdd, MulAddKind::NegProduct>);
  T.add("FNMADD_D", fusedMulAdd<Dv, f64MulAdd, MulAddKind::NegBoth>);

  T.add("FMIN_D", binaryExact<Dv, f64Min>);
  T.add("FMAX_D", binaryExact<Dv, f64Max>);
  T.add("FSGNJ_D", signInject<Dv, SignSource::Copy>);
  T.add("FSGNJN_D", signInject<Dv, SignSource::Negate>);
  T.add("FSGNJX_D", signInject<Dv, SignSource::Xor>);
  T.add("FEQ_D", compare<Dv, f64Eq>);
  T.add("FLT_D", compare<Dv, f64Lt>);
  T.add("FLE_D", compare<Dv, f64Le>);
  T.add("FCLASS_D", classify<Dv, f64Classify>);

  T.add("FCVT_S_D", convertFloat<S, Dv, f64ToF32>);
  T.add("FCVT_D_S", convertFloat<Dv, S, f32ToF64>);
  T.add("FCVT_W_D", convertToInt<Dv, int32_t, f64ToI32>);
  T.add("FCVT_WU_D", convertToInt<Dv, uint32_t, f64ToU32>);
  T.add("FCVT_L_D", convertToInt<Dv, int64_t, f64ToI64>);
  T.add("FCVT_LU_D", convertToInt<Dv, uint64_t, f64ToU64>);
  T.add("FCVT_D_W", convertFromInt<Dv, int32_t, i32ToF64>);
  T.add("FCVT_D_WU", convertFromInt<Dv, uint32_t, u32ToF64>);
  T.add("FCVT_D_L", convertFromInt<Dv, int64_t, i64ToF64>);
  T.add("FCVT_D_LU", convertFromInt<Dv, uint64_t, u64ToF64>);

  T.add("FMV_X_D", moveToInt<uint64_t>);
  T.add("FMV_D_X", moveFromInt<Dv>);

  T.add("FLD", load<Dv>);
  T.add("FSD", store<Dv>);
  // C extension forms, same operand order (rd|rs2, rs1|sp, imm).
  T.add("C_FLD", load<Dv>);
  T.add("C_FLDSP", load<Dv>);
  T.add("C_FSD", store<Dv>);
  T.add("C_FSDSP", store<Dv>);
}

} // namespace snipgen::model
