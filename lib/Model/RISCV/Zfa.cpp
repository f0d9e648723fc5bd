//===- Zfa.cpp - Zfa: additional floating-point instructions ----------------===//
//
// FLI (the spec's 32-entry constant table per format), FMINM/FMAXM
// (IEEE 754-2019 minimum/maximum: any NaN gives the canonical NaN),
// FROUND/FROUNDNX (roundToIntegral, inexact only for the NX form), FCVTMOD.W.D
// (modular, round-toward-zero only), FLEQ/FLTQ (quiet compares) and, on RV32
// with D, FMVH.X.D / FMVP.D.X. Everything else comes from the FPHelpers.h
// templates; only FLI, FCVTMOD and the RV32 moves have their own bodies.
//===----------------------------------------------------------------------===//
#include "FPHelpers.h"
#include "ZfaTables.h"

namespace snipgen::model {

using namespace fp;
using namespace softfloat;

namespace {
using Hv = HalfView;
using S = SingleView;
using Dv = DoubleView;

/// FLI.fmt rd, imm: imm is the table index (rs1 field). Never raises flags.
template <class V, const std::array<typename V::Bits, 32> &Table>
StepStatus loadImmediate(Hart &H, const Decoded &D) {
  if (LLVM_UNLIKELY(!H.fpEnabled()))
    return illegal(H, D);
  V::write(H, D.Ops[0], Table[D.Ops[1] & 31]);
  return H.next(D);
}

/// FCVTMOD.W.D rd, rs1, rtz: rm values other than RTZ are reserved.
StepStatus handleFCVTMOD_W_D(Hart &H, const Decoded &D) {
  if (LLVM_UNLIKELY(!H.fpEnabled() || D.Ops[2] != 1))
    return illegal(H, D);
  FPEnv Env;
  int32_t R = f64ToI32Modular(Dv::read(H, D.Ops[1]), Env);
  H.writeX(D.Ops[0], uint64_t(int64_t(R)));
  H.accrueFflags(Env.Flags);
  return H.next(D);
}

/// FMVH.X.D rd, rs1 (RV32): bits 63:32 of f[rs1], sign-extended.
StepStatus handleFMVH_X_D(Hart &H, const Decoded &D) {
  if (LLVM_UNLIKELY(!H.fpEnabled()))
    return illegal(H, D);
  H.writeX(D.Ops[0], uint64_t(int64_t(int32_t(H.F[D.Ops[1]] >> 32))));
  return H.next(D);
}

/// FMVP.D.X rd, rs1, rs2 (RV32): f[rd] = x[rs2][31:0] : x[rs1][31:0].
StepStatus handleFMVP_D_X(Hart &H, const Decoded &D) {
  if (LLVM_UNLIKELY(!H.fpEnabled()))
    return illegal(H, D);
  H.writeF(D.Ops[0], uint64_t(uint32_t(H.X[D.Ops[1]])) |
                         uint64_t(uint32_t(H.X[D.Ops[2]])) << 32);
  return H.next(D);
}
} // namespace

void registerZfaSemantics(SemanticTable &T) {
  T.add("FLI_H", loadImmediate<Hv, zfa::FliHalf>);
  T.add("FLI_S", loadImmediate<S, zfa::FliSingle>);
  T.add("FLI_D", loadImmediate<Dv, zfa::FliDouble>);

  T.add("FMINM_H", binaryExact<Hv, f16Minimum>);
  T.add("FMAXM_H", binaryExact<Hv, f16Maximum>);
  T.add("FMINM_S", binaryExact<S, f32Minimum>);
  T.add("FMAXM_S", binaryExact<S, f32Maximum>);
  T.add("FMINM_D", binaryExact<Dv, f64Minimum>);
  T.add("FMAXM_D", binaryExact<Dv, f64Maximum>);

  T.add("FROUND_H", unaryRounded<Hv, f16RoundToInt>);
  T.add("FROUNDNX_H", unaryRounded<Hv, f16RoundToIntExact>);
  T.add("FROUND_S", unaryRounded<S, f32RoundToInt>);
  T.add("FROUNDNX_S", unaryRounded<S, f32RoundToIntExact>);
  T.add("FROUND_D", unaryRounded<Dv, f64RoundToInt>);
  T.add("FROUNDNX_D", unaryRounded<Dv, f64RoundToIntExact>);

  T.add("FCVTMOD_W_D", handleFCVTMOD_W_D);

  T.add("FLEQ_H", compare<Hv, f16LeQuiet>);
  T.add("FLTQ_H", compare<Hv, f16LtQuiet>);
  T.add("FLEQ_S", compare<S, f32LeQuiet>);
  T.add("FLTQ_S", compare<S, f32LtQuiet>);
  T.add("FLEQ_D", compare<Dv, f64LeQuiet>);
  T.add("FLTQ_D", compare<Dv, f64LtQuiet>);

  T.add("FMVH_X_D", handleFMVH_X_D);
  T.add("FMVP_D_X", handleFMVP_D_X);
}

} // namespace snipgen::model
