//===- FloatWidening.cpp - RVV widening FP arithmetic and FMA -------------===//
//
// vfwadd/vfwsub (.vv .vf .wv .wf), vfwmul (.vv .vf), vfwmacc/vfwnmacc/
// vfwmsac/vfwnmsac (.vv .vf) and Zvfbfwma's vfwmaccbf16 (.vv .vf).
// Narrow operands are widened exactly to 2*SEW (a signaling NaN raises
// invalid there), then the operation rounds once at 2*SEW - as the spec
// defines it and QEMU computes it. The widening happens per active element,
// so flags appear only when some element is computed.
//
// Legality: SEW and 2*SEW both FP widths of the ISA, LMUL <= 4, vd aligned
// to 2*LMUL, narrow sources aligned to LMUL and overlapping vd only in its
// highest half (spec 5.2), wide sources aligned to 2*LMUL.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model::vec {
namespace {

enum class WOp { Add, Sub, Mul };

/// Widening legality shared by every form. WideVs2: vs2 holds 2*SEW
/// elements (.wv/.wf); Vs1Vector: the second source is a narrow vector.
bool wideningOk(const Hart &H, unsigned Vd, unsigned Vs2, bool WideVs2,
                unsigned Vs1, bool Vs1Vector, bool Masked,
                bool VdIsSource = false) {
  int L = H.V.LmulLog2;
  if (L > 2 || !groupOk(Vd, L + 1) || !maskOk(Masked, Vd) ||
      !srcOk(Masked, Vs2) || (Vs1Vector && !srcOk(Masked, Vs1)))
    return false;
  if (WideVs2 ? !groupOk(Vs2, L + 1)
              : !groupOk(Vs2, L) || !wideDestOk(Vd, L, Vs2))
    return false;
  if (Vs1Vector) {
    if (!groupOk(Vs1, L) || !wideDestOk(Vd, L, Vs1))
      return false;
    // One register read at two element widths is reserved (spec 5.2).
    if (WideVs2 && groupsOverlap(Vs2, VectorState::groupRegs(L + 1), Vs1,
                                 VectorState::groupRegs(L)))
      return false;
  }
  // FMA: vd is also read, at 2*SEW, so it may not overlap a narrow source
  // at all (one register read at two EEWs).
  if (VdIsSource) {
    unsigned DN = VectorState::groupRegs(L + 1), SN = VectorState::groupRegs(L);
    if (groupsOverlap(Vd, DN, Vs2, SN) ||
        (Vs1Vector && groupsOverlap(Vd, DN, Vs1, SN)))
      return false;
  }
  return true;
}

// vd, vs2, vs1|rs1, vm.
template <WOp Op, bool WideVs2, bool Scalar>
StepStatus wideBinary(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    if constexpr (F::W == 64) {
      return illegal(H, D);
    } else {
      using B = typename F::B;
      using WF = FT<2 * F::W>;
      using WB = typename WF::B;
      FPEnv Env;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
      int64_t Src = D.Ops[2];
      bool Masked = isMasked(D);
      int L = H.V.LmulLog2;
      if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) ||
          !fpWidthOk(H, WF::W) ||
          !wideningOk(H, Vd, Vs2, WideVs2, unsigned(Src), !Scalar, Masked))
        return illegal(H, D);
      B S = Scalar ? F::scalar(H, Src) : B(0);
      VectorState &V = H.V;
      forEachElement<WB>(
          H, Vd, Masked, V.groupElements(WF::W, L + 1), [&](uint64_t I) {
            WB A = WideVs2 ? V.get<WB>(Vs2, I) : F::widen(V.get<B>(Vs2, I), Env);
            WB C = F::widen(Scalar ? S : V.get<B>(unsigned(Src), I), Env);
            WB R = Op == WOp::Add   ? WF::add(A, C, Env)
                   : Op == WOp::Sub ? WF::sub(A, C, Env)
                                    : WF::mul(A, C, Env);
            V.set<WB>(Vd, I, R);
          });
      return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L + 1));
    }
  });
}

// vd, vd, vs1|rs1, vs2, vm: vd = +-(x * vs2) +- vd at 2*SEW.
template <MulAddKind Kind, bool Scalar>
StepStatus wideFma(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    if constexpr (F::W == 64) {
      return illegal(H, D);
    } else {
      using B = typename F::B;
      using WF = FT<2 * F::W>;
      using WB = typename WF::B;
      FPEnv Env;
      unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[3]);
      int64_t Src = D.Ops[2];
      bool Masked = isMasked(D);
      int L = H.V.LmulLog2;
      if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) ||
          !fpWidthOk(H, WF::W) ||
          !wideningOk(H, Vd, Vs2, false, unsigned(Src), !Scalar, Masked,
                      /*VdIsSource=*/true))
        return illegal(H, D);
      B S = Scalar ? F::scalar(H, Src) : B(0);
      VectorState &V = H.V;
      forEachElement<WB>(
          H, Vd, Masked, V.groupElements(WF::W, L + 1), [&](uint64_t I) {
            WB X = F::widen(Scalar ? S : V.get<B>(unsigned(Src), I), Env);
            WB S2 = F::widen(V.get<B>(Vs2, I), Env);
            V.set<WB>(Vd, I, WF::mulAdd(X, S2, V.get<WB>(Vd, I), Env, Kind));
          });
      return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L + 1));
    }
  });
}

// Zvfbfwma: vd(f32) += bf16(x) * bf16(vs2); SEW must be 16.
template <bool Scalar> StepStatus wideFmaBF16(Hart &H, const Decoded &D) {
  FPEnv Env;
  unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[3]);
  int64_t Src = D.Ops[2];
  bool Masked = isMasked(D);
  int L = H.V.LmulLog2;
  if (!fpPrologue(H, Env) || H.V.Sew != 16 ||
      !wideningOk(H, Vd, Vs2, false, unsigned(Src), !Scalar, Masked,
                      /*VdIsSource=*/true))
    return illegal(H, D);
  // A BF16 scalar is NaN-boxed like a half.
  uint16_t S = Scalar ? H.halfOf(Src) : 0;
  VectorState &V = H.V;
  forEachElement<uint32_t>(
      H, Vd, Masked, V.groupElements(32, L + 1), [&](uint64_t I) {
        uint32_t X = bf16ToF32(Scalar ? S : V.get<uint16_t>(unsigned(Src), I),
                               Env);
        uint32_t S2 = bf16ToF32(V.get<uint16_t>(Vs2, I), Env);
        V.set<uint32_t>(Vd, I,
                        softfloat::f32MulAdd(X, S2, V.get<uint32_t>(Vd, I), Env,
                                             MulAddKind::Add));
      });
  return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L + 1));
}

} // namespace

void registerVectorFloatWidening(SemanticTable &T) {
  T.add("VFWADD_VV", wideBinary<WOp::Add, false, false>);
  T.add("VFWADD_VF", wideBinary<WOp::Add, false, true>);
  T.add("VFWADD_WV", wideBinary<WOp::Add, true, false>);
  T.add("VFWADD_WF", wideBinary<WOp::Add, true, true>);
  T.add("VFWSUB_VV", wideBinary<WOp::Sub, false, false>);
  T.add("VFWSUB_VF", wideBinary<WOp::Sub, false, true>);
  T.add("VFWSUB_WV", wideBinary<WOp::Sub, true, false>);
  T.add("VFWSUB_WF", wideBinary<WOp::Sub, true, true>);
  T.add("VFWMUL_VV", wideBinary<WOp::Mul, false, false>);
  T.add("VFWMUL_VF", wideBinary<WOp::Mul, false, true>);

  using K = MulAddKind;
  T.add("VFWMACC_VV", wideFma<K::Add, false>);
  T.add("VFWMACC_VF", wideFma<K::Add, true>);
  T.add("VFWNMACC_VV", wideFma<K::NegBoth, false>);
  T.add("VFWNMACC_VF", wideFma<K::NegBoth, true>);
  T.add("VFWMSAC_VV", wideFma<K::Sub, false>);
  T.add("VFWMSAC_VF", wideFma<K::Sub, true>);
  T.add("VFWNMSAC_VV", wideFma<K::NegProduct, false>);
  T.add("VFWNMSAC_VF", wideFma<K::NegProduct, true>);

  T.add("VFWMACCBF16_VV", wideFmaBF16<false>);
  T.add("VFWMACCBF16_VF", wideFmaBF16<true>);
}

} // namespace snipgen::model::vec
