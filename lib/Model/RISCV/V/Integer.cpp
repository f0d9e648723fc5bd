//===- Integer.cpp - RVV: single-width integer arithmetic, moves ----------===//
//
// vadd/vsub/vrsub, vand/vor/vxor, vsll/vsrl/vsra, vmin*/vmax*, vmerge,
// vmv.v.*, vmv.x.s and vmv.s.x (spec 11.1, 11.5, 11.6, 11.9, 11.15, 11.16,
// 16.1). The rest of the integer class: IntegerWiden.cpp (widening,
// narrowing, extension), IntegerCarryCompare.cpp (vadc..vmsbc, compares),
// IntegerMulDiv.cpp (multiply, divide, multiply-add).
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model {
namespace vec {
namespace {

#define ELEM_OP(NAME, EXPR)                                                    \
  struct NAME : OpBase {                                                       \
    template <typename T> static T f(Fx &, T A, T B) { return T(EXPR); }       \
  };
ELEM_OP(Add, A + B)
ELEM_OP(Sub, A - B)
ELEM_OP(Rsub, B - A)
ELEM_OP(And, A &B)
ELEM_OP(Or, A | B)
ELEM_OP(Xor, A ^ B)
ELEM_OP(Sll, A << (B & (Bits<T> - 1)))
ELEM_OP(Srl, A >> (B & (Bits<T> - 1)))
ELEM_OP(Sra, S<T>(A) >> (B & (Bits<T> - 1)))
ELEM_OP(Minu, A < B ? A : B)
ELEM_OP(Min, S<T>(A) < S<T>(B) ? A : B)
ELEM_OP(Maxu, A > B ? A : B)
ELEM_OP(Max, S<T>(A) > S<T>(B) ? A : B)
#undef ELEM_OP

/// vmerge.v[vxi]m: vd[i] = v0.mask[i] ? op1 : vs2[i], for every body
/// element (vm = 0 encodes "use v0 as the selector", not masking).
/// vmv.v.[vxi]: vd[i] = op1 (vm = 1, vs2 = v0 by encoding).
template <Src From, bool Merge> struct MergeMove {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    int L = V.LmulLog2;
    unsigned Vd = unsigned(D.Ops[0]);
    unsigned Vs2 = Merge ? unsigned(D.Ops[1]) : 0;
    unsigned OpIdx = Merge ? 2 : 1;
    unsigned Vs1 = unsigned(D.Ops[OpIdx]);
    if (!groupOk(Vd, L) || (Merge && !groupOk(Vs2, L)) ||
        (From == Src::V && !groupOk(Vs1, L)) || (Merge && Vd == 0) ||
        (Merge && !sourcesOk(D, From == Src::V, {Vs2, L, Bits<T>},
                             {Vs1, L, Bits<T>})))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, OpIdx);
    forEachElement<T>(H, Vd, false, V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        T A = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
                        if (Merge && !V.bit(0, I))
                          A = V.get<T>(Vs2, I);
                        V.set<T>(Vd, I, A);
                      });
    return finish(H, D);
  }
};

/// vmv.x.s rd, vs2: element 0, sign-extended (or truncated) to XLEN. It
/// ignores LMUL, vl and vstart (runs even when vstart >= vl or vl = 0) and
/// resets vstart.
struct MoveXS {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    int64_t Value = S<T>(H.V.get<T>(unsigned(D.Ops[1]), 0));
    H.V.VStart = 0;
    markDirty(H);
    H.writeX(D.Ops[0], uint64_t(Value));
    return H.next(D);
  }
};

/// vmv.s.x vd, rs1: element 0 = rs1 (sign-extended if SEW > XLEN) unless
/// vstart >= vl; elements 1.. of the register are tail.
struct MoveSX {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]);
    T Value = T(H.X[D.Ops[2]]);
    if (V.VStart < V.VL) {
      // The tail is agnostic, but like vfmv.s.f (and QEMU 10) the rest of
      // vd stays undisturbed whatever the policy: both are legal, and this
      // choice lets -rvv-agnostic-ones runs agree with QEMU.
      V.set<T>(Vd, 0, Value);
      noteVRegWrites(H, Vd, 1);
    }
    V.VStart = 0;
    return finish(H, D);
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorIntArithSemantics(SemanticTable &T) {
#define VV(NAME, OP) T.add(#NAME "_VV", bySew<Binary<OP, Src::V>>);
#define VX(NAME, OP) T.add(#NAME "_VX", bySew<Binary<OP, Src::X>>);
#define VI(NAME, OP) T.add(#NAME "_VI", bySew<Binary<OP, Src::I>>);
#define VIU(NAME, OP) T.add(#NAME "_VI", bySew<Binary<OP, Src::UI>>);
  VV(VADD, Add) VX(VADD, Add) VI(VADD, Add)
  VV(VSUB, Sub) VX(VSUB, Sub)
  VX(VRSUB, Rsub) VI(VRSUB, Rsub)
  VV(VAND, And) VX(VAND, And) VI(VAND, And)
  VV(VOR, Or) VX(VOR, Or) VI(VOR, Or)
  VV(VXOR, Xor) VX(VXOR, Xor) VI(VXOR, Xor)
  VV(VSLL, Sll) VX(VSLL, Sll) VIU(VSLL, Sll)
  VV(VSRL, Srl) VX(VSRL, Srl) VIU(VSRL, Srl)
  VV(VSRA, Sra) VX(VSRA, Sra) VIU(VSRA, Sra)
  VV(VMINU, Minu) VX(VMINU, Minu)
  VV(VMIN, Min) VX(VMIN, Min)
  VV(VMAXU, Maxu) VX(VMAXU, Maxu)
  VV(VMAX, Max) VX(VMAX, Max)
#undef VV
#undef VX
#undef VI
#undef VIU
  T.add("VMERGE_VVM", bySew<MergeMove<Src::V, true>>);
  T.add("VMERGE_VXM", bySew<MergeMove<Src::X, true>>);
  T.add("VMERGE_VIM", bySew<MergeMove<Src::I, true>>);
  T.add("VMV_V_V", bySew<MergeMove<Src::V, false>>);
  T.add("VMV_V_X", bySew<MergeMove<Src::X, false>>);
  T.add("VMV_V_I", bySew<MergeMove<Src::I, false>>);
  T.add("VMV_X_S", bySew<MoveXS>);
  T.add("VMV_S_X", bySew<MoveSX>);
}

void registerVectorIntegerSemantics(SemanticTable &T) {
  registerVectorIntArithSemantics(T);
  registerVectorIntWidenSemantics(T);
  registerVectorIntCarryCmpSemantics(T);
  registerVectorIntMulDivSemantics(T);
}

} // namespace snipgen::model
