//===- Zfh.cpp - Zfh / Zfhmin: half precision -----------------------------===//
//
// Zfhmin is the loads/stores, moves and conversions to and from S and D;
// Zfh adds arithmetic, compares and integer conversions. The decoder only
// yields what the selected ISA has, so both register here.
//===----------------------------------------------------------------------===//
#include "FPHelpers.h"

namespace snipgen::model {

using namespace fp;
using namespace softfloat;
using Hv = HalfView;
using S = SingleView;
using Dv = DoubleView;

void registerHalfSemantics(SemanticTable &T) {
  // Zfhmin.
  T.add("FLH", load<Hv>);
  T.add("FSH", store<Hv>);
  T.add("FMV_X_H", moveToInt<uint16_t>);
  T.add("FMV_H_X", moveFromInt<Hv>);
  T.add("FCVT_S_H", convertFloat<S, Hv, f16ToF32>);
  T.add("FCVT_H_S", convertFloat<Hv, S, f32ToF16>);
  T.add("FCVT_D_H", convertFloat<Dv, Hv, f16ToF64>);
  T.add("FCVT_H_D", convertFloat<Hv, Dv, f64ToF16>);

  // Zfh.
  T.add("FADD_H", binaryRounded<Hv, f16Add>);
  T.add("FSUB_H", binaryRounded<Hv, f16Sub>);
  T.add("FMUL_H", binaryRounded<Hv, f16Mul>);
  T.add("FDIV_H", binaryRounded<Hv, f16Div>);
  T.add("FSQRT_H", unaryRounded<Hv, f16Sqrt>);
  T.add("FMADD_H", fusedMulAdd<Hv, f16MulAdd, MulAddKind::Add>);
  T.add("FMSUB_H", fusedMulAdd<Hv, f16MulAdd, MulAddKind::Sub>);
  T.add("FNMSUB_H", fusedMulAdd<Hv, f16MulAdd, MulAddKind::NegProduct>);
  T.add("FNMADD_H", fusedMulAdd<Hv, f16MulAdd, MulAddKind::NegBoth>);

  T.add("FMIN_H", binaryExact<Hv, f16Min>);
  T.add("FMAX_H", binaryExact<Hv, f16Max>);
  T.add("FSGNJ_H", signInject<Hv, SignSource::Copy>);
  T.add("FSGNJN_H", signInject<Hv, SignSource::Negate>);
  T.add("FSGNJX_H", signInject<Hv, SignSource::Xor>);
  T.add("FEQ_H", compare<Hv, f16Eq>);
  T.add("FLT_H", compare<Hv, f16Lt>);
  T.add("FLE_H", compare<Hv, f16Le>);
  T.add("FCLASS_H", classify<Hv, f16Classify>);

  T.add("FCVT_W_H", convertToInt<Hv, int32_t, f16ToI32>);
  T.add("FCVT_WU_H", convertToInt<Hv, uint32_t, f16ToU32>);
  T.add("FCVT_L_H", convertToInt<Hv, int64_t, f16ToI64>);
  T.add("FCVT_LU_H", convertToInt<Hv, uint64_t, f16ToU64>);
  T.add("FCVT_H_W", convertFromInt<Hv, int32_t, i32ToF16>);
  T.add("FCVT_H_WU", convertFromInt<Hv, uint32_t, u32ToF16>);
  T.add("FCVT_H_L", convertFromInt<Hv, int64_t, i64ToF16>);
  T.add("FCVT_H_LU", convertFromInt<Hv, uint64_t, u64ToF16>);
}

} // namespace snipgen::model
