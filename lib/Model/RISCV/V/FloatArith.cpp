//===- FloatArith.cpp - RVV single-width FP arithmetic, FMA, compares -----===//
//
// vfadd/vfsub/vfrsub/vfmul/vfdiv/vfrdiv, vfmin/vfmax, sign injection
// (.vv/.vf), the eight fused multiply-adds, vfsqrt/vfrec7/vfrsqrt7/vfclass,
// and the compares into masks (vmfeq/vmfne/vmflt/vmfle/vmfgt/vmfge).
//
// Operands (MCInst order): binary  vd, vs2, vs1|rs1, vm
//                          FMA     vd, vd, vs1|rs1, vs2, vm
//                          unary   vd, vs2, vm
// The .vf forms read f[rs1] at SEW with the NaN-boxing check.
//===----------------------------------------------------------------------===//
#include "FloatHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model::vec {
namespace {

// --- Element operations: Op::apply<F>(vs2 element, vs1 element or scalar) ---

#define SNIPGEN_FP_BINOP(Name, Expr)                                           \
  struct Name {                                                                \
    template <class F>                                                         \
    static typename F::B apply(typename F::B A, typename F::B C, FPEnv &E) {   \
      return Expr;                                                             \
    }                                                                          \
  };
SNIPGEN_FP_BINOP(OpAdd, F::add(A, C, E))
SNIPGEN_FP_BINOP(OpSub, F::sub(A, C, E))
SNIPGEN_FP_BINOP(OpRSub, F::sub(C, A, E))
SNIPGEN_FP_BINOP(OpMul, F::mul(A, C, E))
SNIPGEN_FP_BINOP(OpDiv, F::div(A, C, E))
SNIPGEN_FP_BINOP(OpRDiv, F::div(C, A, E))
SNIPGEN_FP_BINOP(OpMin, F::min(A, C, E))
SNIPGEN_FP_BINOP(OpMax, F::max(A, C, E))
// Sign injection: magnitude of vs2, sign from vs1/rs1. Never raises.
SNIPGEN_FP_BINOP(OpSgnj, typename F::B((A & ~F::Sign) | (C & F::Sign)))
SNIPGEN_FP_BINOP(OpSgnjn, typename F::B((A & ~F::Sign) | (~C & F::Sign)))
SNIPGEN_FP_BINOP(OpSgnjx, typename F::B(A ^ (C & F::Sign)))
#undef SNIPGEN_FP_BINOP

template <class Op, bool Scalar>
StepStatus binary(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int64_t Src = D.Ops[2];
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || (!Scalar && !groupOk(unsigned(Src), L)) ||
        !maskOk(Masked, Vd) || !srcOk(Masked, Vs2) ||
        (!Scalar && !srcOk(Masked, unsigned(Src))))
      return illegal(H, D);
    B S = Scalar ? F::scalar(H, Src) : B(0);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      B C = Scalar ? S : V.get<B>(unsigned(Src), I);
      V.set<B>(Vd, I, Op::template apply<F>(V.get<B>(Vs2, I), C, Env));
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

// --- Fused multiply-add -------------------------------------------------------
// Acc forms (vfmacc...):       vd = +-(x * vs2) +- vd
// Overwrite forms (vfmadd...): vd = +-(x * vd) +- vs2
// with x = vs1[i] or f[rs1]; Kind gives the signs (soft-float's four forms).
template <MulAddKind Kind, bool Overwrite, bool Scalar>
StepStatus fma(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[3]);
    int64_t Src = D.Ops[2];
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || (!Scalar && !groupOk(unsigned(Src), L)) ||
        !maskOk(Masked, Vd) || !srcOk(Masked, Vs2) ||
        (!Scalar && !srcOk(Masked, unsigned(Src))))
      return illegal(H, D);
    B S = Scalar ? F::scalar(H, Src) : B(0);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      B X = Scalar ? S : V.get<B>(unsigned(Src), I);
      B Dv = V.get<B>(Vd, I), S2 = V.get<B>(Vs2, I);
      B R = Overwrite ? F::mulAdd(X, Dv, S2, Env, Kind)
                      : F::mulAdd(X, S2, Dv, Env, Kind);
      V.set<B>(Vd, I, R);
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

// --- Unary ----------------------------------------------------------------------
struct OpSqrt {
  template <class F> static typename F::B apply(typename F::B A, FPEnv &E) {
    return F::sqrt(A, E);
  }
};
struct OpRec7 {
  template <class F> static typename F::B apply(typename F::B A, FPEnv &E) {
    return typename F::B(recip7(A, F::ExpBits, F::FracBits, E));
  }
};
struct OpRsqrt7 {
  template <class F> static typename F::B apply(typename F::B A, FPEnv &E) {
    return typename F::B(rsqrt7(A, F::ExpBits, F::FracBits, E));
  }
};
struct OpClass {
  template <class F> static typename F::B apply(typename F::B A, FPEnv &) {
    return typename F::B(F::classify(A));
  }
};

template <class Op> StepStatus unary(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vd, L) ||
        !groupOk(Vs2, L) || !maskOk(Masked, Vd) || !srcOk(Masked, Vs2))
      return illegal(H, D);
    VectorState &V = H.V;
    forEachElement<B>(H, Vd, Masked, V.groupElements(F::W, L), [&](uint64_t I) {
      V.set<B>(Vd, I, Op::template apply<F>(V.get<B>(Vs2, I), Env));
    });
    return fpFinish(H, D, Env, Vd, VectorState::groupRegs(L));
  });
}

// --- Compares into a mask ---------------------------------------------------------
enum class Cmp { Eq, Ne, Lt, Le, Gt, Ge };

template <Cmp C, class F>
bool compareOne(typename F::B A, typename F::B X, FPEnv &E) {
  switch (C) {
  case Cmp::Eq:
    return F::eq(A, X, E);
  case Cmp::Ne:
    return !F::eq(A, X, E);
  case Cmp::Lt:
    return F::lt(A, X, E);
  case Cmp::Le:
    return F::le(A, X, E);
  case Cmp::Gt:
    return F::lt(X, A, E);
  case Cmp::Ge:
    return F::le(X, A, E);
  }
  return false;
}

// vd (mask), vs2, vs1|rs1, vm: bit i = vs2[i] <cmp> x. Sources may be v0
// even when masked (QEMU 10 accepts it; only non-mask results get srcOk).
template <Cmp C, bool Scalar> StepStatus compare(Hart &H, const Decoded &D) {
  return bySew(H, D, [&]<class F>() {
    using B = typename F::B;
    FPEnv Env;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int64_t Src = D.Ops[2];
    bool Masked = isMasked(D);
    int L = H.V.LmulLog2;
    if (!fpPrologue(H, Env) || !fpWidthOk(H, F::W) || !groupOk(Vs2, L) ||
        !maskDestOk(Vd, L, Vs2) ||
        (!Scalar && (!groupOk(unsigned(Src), L) ||
                     !maskDestOk(Vd, L, unsigned(Src)))))
      return illegal(H, D);
    B S = Scalar ? F::scalar(H, Src) : B(0);
    VectorState &V = H.V;
    forEachMaskBit(H, Vd, Masked, [&](uint64_t I) {
      B X = Scalar ? S : V.get<B>(unsigned(Src), I);
      return compareOne<C, F>(V.get<B>(Vs2, I), X, Env);
    });
    return fpFinish(H, D, Env, Vd, 1);
  });
}

} // namespace

void registerVectorFloatArith(SemanticTable &T) {
  T.add("VFADD_VV", binary<OpAdd, false>);
  T.add("VFADD_VF", binary<OpAdd, true>);
  T.add("VFSUB_VV", binary<OpSub, false>);
  T.add("VFSUB_VF", binary<OpSub, true>);
  T.add("VFRSUB_VF", binary<OpRSub, true>);
  T.add("VFMUL_VV", binary<OpMul, false>);
  T.add("VFMUL_VF", binary<OpMul, true>);
  T.add("VFDIV_VV", binary<OpDiv, false>);
  T.add("VFDIV_VF", binary<OpDiv, true>);
  T.add("VFRDIV_VF", binary<OpRDiv, true>);
  T.add("VFMIN_VV", binary<OpMin, false>);
  T.add("VFMIN_VF", binary<OpMin, true>);
  T.add("VFMAX_VV", binary<OpMax, false>);
  T.add("VFMAX_VF", binary<OpMax, true>);
  T.add("VFSGNJ_VV", binary<OpSgnj, false>);
  T.add("VFSGNJ_VF", binary<OpSgnj, true>);
  T.add("VFSGNJN_VV", binary<OpSgnjn, false>);
  T.add("VFSGNJN_VF", binary<OpSgnjn, true>);
  T.add("VFSGNJX_VV", binary<OpSgnjx, false>);
  T.add("VFSGNJX_VF", binary<OpSgnjx, true>);

  using K = MulAddKind;
  T.add("VFMACC_VV", fma<K::Add, false, false>);
  T.add("VFMACC_VF", fma<K::Add, false, true>);
  T.add("VFNMACC_VV", fma<K::NegBoth, false, false>);
  T.add("VFNMACC_VF", fma<K::NegBoth, false, true>);
  T.add("VFMSAC_VV", fma<K::Sub, false, false>);
  T.add("VFMSAC_VF", fma<K::Sub, false, true>);
  T.add("VFNMSAC_VV", fma<K::NegProduct, false, false>);
  T.add("VFNMSAC_VF", fma<K::NegProduct, false, true>);
  T.add("VFMADD_VV", fma<K::Add, true, false>);
  T.add("VFMADD_VF", fma<K::Add, true, true>);
  T.add("VFNMADD_VV", fma<K::NegBoth, true, false>);
  T.add("VFNMADD_VF", fma<K::NegBoth, true, true>);
  T.add("VFMSUB_VV", fma<K::Sub, true, false>);
  T.add("VFMSUB_VF", fma<K::Sub, true, true>);
  T.add("VFNMSUB_VV", fma<K::NegProduct, true, false>);
  T.add("VFNMSUB_VF", fma<K::NegProduct, true, true>);

  T.add("VFSQRT_V", unary<OpSqrt>);
  T.add("VFREC7_V", unary<OpRec7>);
  T.add("VFRSQRT7_V", unary<OpRsqrt7>);
  T.add("VFCLASS_V", unary<OpClass>);

  T.add("VMFEQ_VV", compare<Cmp::Eq, false>);
  T.add("VMFEQ_VF", compare<Cmp::Eq, true>);
  T.add("VMFNE_VV", compare<Cmp::Ne, false>);
  T.add("VMFNE_VF", compare<Cmp::Ne, true>);
  T.add("VMFLT_VV", compare<Cmp::Lt, false>);
  T.add("VMFLT_VF", compare<Cmp::Lt, true>);
  T.add("VMFLE_VV", compare<Cmp::Le, false>);
  T.add("VMFLE_VF", compare<Cmp::Le, true>);
  T.add("VMFGT_VF", compare<Cmp::Gt, true>);
  T.add("VMFGE_VF", compare<Cmp::Ge, true>);
}

} // namespace snipgen::model::vec
