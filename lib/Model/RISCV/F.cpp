//===- F.cpp - F extension: single precision (and C.FLW/C.FSW forms) ------===//
//
// Single values live NaN-boxed in the 64-bit F registers: SingleView reads
// an improperly boxed register as the canonical NaN and boxes every result.
// FMV.X.W, FSW and the compressed stores move raw low bits instead.
//===----------------------------------------------------------------------===//
#include "FPHelpers.h"

namespace snipgen::model {

using namespace fp;
using namespace softfloat;
using S = SingleView;

void registerFloatSemantics(SemanticTable &T) {
  T.add("FADD_S", binaryRounded<S, f32Add>);
  T.add("FSUB_S", binaryRounded<S, f32Sub>);
  T.add("FMUL_S", binaryRounded<S, f32Mul>);
  T.add("FDIV_S", binaryRounded<S, f32Div>);
  T.add("FSQRT_S", unaryRounded<S, f32Sqrt>);
  T.add("FMADD_S", fusedMulAdd<S, f32MulAdd, MulAddKind::Add>);
  T.add("FMSUB_S", fusedMulAdd<S, f32MulAdd, MulAddKind::Sub>);
  T.add("FNMSUB_S", fusedMulAdd<S, f32MulAdd, MulAddKind::NegProduct>);
  T.add("FNMADD_S", fusedMulAdd<S, f32MulAdd, MulAddKind::NegBoth>);

  T.add("FMIN_S", binaryExact<S, f32Min>);
  T.add("FMAX_S", binaryExact<S, f32Max>);
  T.add("FSGNJ_S", signInject<S, SignSource::Copy>);
  T.add("FSGNJN_S", signInject<S, SignSource::Negate>);
  T.add("FSGNJX_S", signInject<S, SignSource::Xor>);
  T.add("FEQ_S", compare<S, f32Eq>);
  T.add("FLT_S", compare<S, f32Lt>);
  T.add("FLE_S", compare<S, f32Le>);
  T.add("FCLASS_S", classify<S, f32Classify>);

  T.add("FCVT_W_S", convertToInt<S, int32_t, f32ToI32>);
  T.add("FCVT_WU_S", convertToInt<S, uint32_t, f32ToU32>);
  T.add("FCVT_L_S", convertToInt<S, int64_t, f32ToI64>);
  T.add("FCVT_LU_S", convertToInt<S, uint64_t, f32ToU64>);
  T.add("FCVT_S_W", convertFromInt<S, int32_t, i32ToF32>);
  T.add("FCVT_S_WU", convertFromInt<S, uint32_t, u32ToF32>);
  T.add("FCVT_S_L", convertFromInt<S, int64_t, i64ToF32>);
  T.add("FCVT_S_LU", convertFromInt<S, uint64_t, u64ToF32>);

  T.add("FMV_X_W", moveToInt<uint32_t>);
  // Same encoding as FMV_X_W, with the source typed as a 64-bit register
  // (LLVM uses it when a double register holds the bits); same semantics.
  T.add("FMV_X_W_FPR64", moveToInt<uint32_t>);
  T.add("FMV_W_X", moveFromInt<S>);

  T.add("FLW", load<S>);
  T.add("FSW", store<S>);
  // RV32FC: same operand order as the full forms (rd|rs2, rs1|sp, imm).
  T.add("C_FLW", load<S>);
  T.add("C_FLWSP", load<S>);
  T.add("C_FSW", store<S>);
  T.add("C_FSWSP", store<S>);
}

} // namespace snipgen::model
