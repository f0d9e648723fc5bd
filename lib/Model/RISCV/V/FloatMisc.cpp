//===- FloatMisc.cpp - RVV FP merge, scalar moves and slide1 --------------===//
//
// vfmerge.vfm (vd, vs2, rs1, v0), vfmv.v.f (vd, rs1), vfmv.f.s (rd, vs2),
// vfmv.s.f (vd, vd, rs1), vfslide1up.vf / vfslide1down.vf (vd, vs2, rs1, vm).
// Scalar operands are read at SEW with the NaN-boxing check; vfmv.f.s
// NaN-boxes SEW < FLEN results into the f register.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model::vec {
namespace {

// vd[i] = v0[i] ? f[rs1] : vs2[i] over [vstart, vl).
StepStatus vfmergeVFM(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || Vd == 0 || Vs2 == 0)
      return illegal(H, D);
    B S = F::scalar(H, D.Ops[2]);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, false, V.groupElements(F::W, L), [&](uint64_t I) {
      V.set<B>(Vd, I, V.bit(0, I) ? S : V.get<B>(Vs2, I));
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

StepStatus vfmvVF(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L))
      return illegal(H, D);
    B S = F::scalar(H, D.Ops[1]);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, false, V.groupElements(F::W, L),
                      [&](uint64_t I) { V.set<B>(Vd, I, S); });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

// f[rd] = vs2[0], whatever vl and vstart are.
StepStatus vfmvFS(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env; // frm is checked here too, as QEMU does.
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W))
      return illegal(H, D);
    H.writeF(D.Ops[0], F::box(H.V.get<B>(unsigned(D.Ops[1]), 0)));
    H.V.VStart = 0;
    return H.next(D);
  });
}

// vd[0] = f[rs1] when vstart < vl.
StepStatus vfmvSF(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env; // frm is checked here too, as QEMU does.
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W))
      return illegal(H, D);
    unsigned Vd = unsigned(D.Ops[0]);
    VectorState &V = H.V;
    // The other elements are tail; like QEMU 10 (also with
    // rvv_ta_all_1s) they stay undisturbed whatever the policy.
    if (V.VStart < V.VL)
      V.set<B>(Vd, 0, F::scalar(H, D.Ops[2]));
    V.VStart = 0;
    noteVWrite(H, Vd, 1);
    return H.next(D);
  });
}

// vd[0] = f, vd[i] = vs2[i - 1]; vd may not overlap vs2.
StepStatus vfslide1up(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    unsigned Regs = VectorState::groupRegs(L);
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || !maskOk(Masked, Vd) || !srcOk(Masked, Vs2) ||
        groupsOverlap(Vd, Regs, Vs2, Regs))
      return illegal(H, D);
    B S = F::scalar(H, D.Ops[2]);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      V.set<B>(Vd, I, I == 0 ? S : V.get<B>(Vs2, I - 1));
    });
    return fpFinish(H, D, Env, Vd, Regs);
  });
}

// vd[i] = vs2[i + 1] for i < vl - 1, vd[vl - 1] = f.
StepStatus vfslide1down(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
      return illegal(H, D);
    B S = F::scalar(H, D.Ops[2]);
    VectorState &V = H.V;
    uint64_t Last = V.VL - 1;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      V.set<B>(Vd, I, I == Last ? S : V.get<B>(Vs2, I + 1));
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

} // namespace

void registerVectorFloatMisc(SemanticTable &T) {
  T.add("VFMERGE_VFM", vfmergeVFM);
  T.add("VFMV_V_F", vfmvVF);
  T.add("VFMV_F_S", vfmvFS);
  T.add("VFMV_S_F", vfmvSF);
  T.add("VFSLIDE1UP_VF", vfslide1up);
  T.add("VFSLIDE1DOWN_VF", vfslide1down);
}

} // namespace snipgen::model::vec
