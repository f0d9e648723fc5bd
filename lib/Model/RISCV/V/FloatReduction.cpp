//===- FloatReduction.cpp - RVV FP reductions -----------------------------===//
//
// vfredosum/vfredusum/vfredmin/vfredmax.vs and vfwredosum/vfwredusum.vs:
// vd[0] = vs1[0] op vs2[active elements in [0, vl)]. Operands: vd, vs2,
// vs1, vm.
//
// Ordered sums add strictly in element order. The unordered forms may use
// any order; the model uses the same element order as the ordered ones,
// which is what QEMU 10 does (GEN_VEXT_FRED folds element by element), so
// results and flags agree with it bit for bit.
//
// vl = 0: nothing is written (spec 14). vstart != 0: illegal instruction.
// vd and vs1 are single registers (any number, v0 included even when
// masked: the result is a scalar); vs2 is a group aligned to LMUL. Like
// QEMU 10, no overlap rule applies among vd, vs1, vs2 and v0. Elements
// 1.. of vd are tail elements.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model::vec {
namespace {

enum class ROp { Sum, Min, Max };

template <ROp Op> StepStatus reduce(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    bool Masked = isMasked(D);
    VectorState &V = H.V;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || V.VStart != 0 ||
        !groupOk(Vs2, V.LmulLog2))
      return illegal(H, D);
    V.VStart = 0;
    if (V.VL == 0) // No operation: vd is not written (spec 14).
      return H.next(D);
    {
      B Acc = V.get<B>(Vs1, 0);
      for (uint64_t I = 0; I < V.VL; ++I) {
        if (!V.active(Masked, I))
          continue;
        B X = V.get<B>(Vs2, I);
        Acc = Op == ROp::Sum   ? F::add(Acc, X, Env)
              : Op == ROp::Min ? F::min(Acc, X, Env)
                               : F::max(Acc, X, Env);
      }
      V.set<B>(Vd, 0, Acc);
      if (V.AgnosticOnes && V.Vta)
        for (uint64_t I = 1, E = V.groupElements(F::W, 0); I < E; ++I)
          fillAgnostic<B>(V, Vd, I);
    }
    return fpFinish(H, D, Env, Vd, 1);
  });
}

// vd[0] (2*SEW) = vs1[0] (2*SEW) + widen(vs2[i]) in element order.
StepStatus reduceWide(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    if constexpr (F::W == 64) {
      return illegal(H, D);
    } else {
      using B = typename F::B;
      using WF = FT<2 * F::W>;
      using WB = typename WF::B;
      FPEnv Env;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
               Vs1 = unsigned(D.Ops[2]);
      bool Masked = isMasked(D);
      VectorState &V = H.V;
      if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) ||
          !fpWidthOk(H, WF::W) || V.VStart != 0 ||
          !groupOk(Vs2, V.LmulLog2))
        return illegal(H, D);
      V.VStart = 0;
      if (V.VL == 0)
        return H.next(D);
      {
        WB Acc = V.get<WB>(Vs1, 0);
        for (uint64_t I = 0; I < V.VL; ++I)
          if (V.active(Masked, I))
            Acc = WF::add(Acc, F::widen(V.get<B>(Vs2, I), Env), Env);
        V.set<WB>(Vd, 0, Acc);
        if (V.AgnosticOnes && V.Vta)
          for (uint64_t I = 1, E = V.groupElements(WF::W, 0); I < E; ++I)
            fillAgnostic<WB>(V, Vd, I);
      }
      return fpFinish(H, D, Env, Vd, 1);
    }
  });
}

} // namespace

void registerVectorFloatReduction(SemanticTable &T) {
  T.add("VFREDOSUM_VS", reduce<ROp::Sum>);
  T.add("VFREDUSUM_VS", reduce<ROp::Sum>);
  T.add("VFREDMIN_VS", reduce<ROp::Min>);
  T.add("VFREDMAX_VS", reduce<ROp::Max>);
  T.add("VFWREDOSUM_VS", reduceWide);
  T.add("VFWREDUSUM_VS", reduceWide);
}

} // namespace snipgen::model::vec
