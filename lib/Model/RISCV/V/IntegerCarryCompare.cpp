//===- IntegerCarryCompare.cpp - RVV: add/sub with carry, compares --------===//
//
// vadc/vsbc (vd = vs2 +- op1 +- v0.mask[i]; vd = v0 is reserved), vmadc/
// vmsbc with and without carry-in (vm = 0 means "v0 holds carries"), and
// the integer compares vmseq..vmsgt (spec 11.4, 11.8). Mask results are
// written with forEachMaskBit (always tail-agnostic).
//
// Unlike the other classes, these accept v0 as a data source while v0 also
// holds the carries or the mask (the spec 5.2 "one EEW per register" rule
// makes that reserved; QEMU 10 executes it, and so does the model).
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"

namespace snipgen::model {
namespace vec {
namespace {

/// vadc.v[vxi]m (Sub = false) / vsbc.v[vx]m (Sub = true).
template <Src From, bool Sub> struct AddCarry {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    if (Vd == 0 || !groupOk(Vd, L) || !groupOk(Vs2, L) ||
        (From == Src::V && !groupOk(Vs1, L)))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, 2);
    forEachElement<T>(H, Vd, false, V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        T B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
                        T C = T(V.bit(0, I));
                        T A = V.get<T>(Vs2, I);
                        V.set<T>(Vd, I, Sub ? T(A - B - C) : T(A + B + C));
                      });
    return finish(H, D);
  }
};

/// vmadc / vmsbc: the carry (borrow) out of vs2 + op1 (+ v0.mask[i] when
/// vm = 0), one mask bit per element.
template <Src From, bool Sub> struct CarryOut {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    bool CarryIn = masked(D);
    if (!groupOk(Vs2, L) || !maskDstOk(Vd, Vs2, L) ||
        (From == Src::V && (!groupOk(Vs1, L) || !maskDstOk(Vd, Vs1, L))))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, 2);
    forEachMaskBit(H, Vd, false, [&](uint64_t I) {
      W<T> A = V.get<T>(Vs2, I);
      W<T> B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
      W<T> C = CarryIn ? W<T>(V.bit(0, I)) : 0;
      if (Sub)
        return A < B + C;
      return ((A + B + C) >> Bits<T>) != 0;
    });
    return finish(H, D);
  }
};

#define CMP_OP(NAME, EXPR)                                                     \
  struct NAME {                                                                \
    template <typename T> static bool f(T A, T B) { return EXPR; }             \
  };
CMP_OP(Eq, A == B)
CMP_OP(Ne, A != B)
CMP_OP(Ltu, A < B)
CMP_OP(Lt, S<T>(A) < S<T>(B))
CMP_OP(Leu, A <= B)
CMP_OP(Le, S<T>(A) <= S<T>(B))
CMP_OP(Gtu, A > B)
CMP_OP(Gt, S<T>(A) > S<T>(B))
#undef CMP_OP

/// vms<cmp>.v[vxi]: vd.mask[i] = vs2[i] <cmp> op1. Immediates are simm5
/// sign-extended to SEW, also for the unsigned compares.
template <typename Op, Src From> struct Compare {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
             Vs1 = unsigned(D.Ops[2]);
    int L = V.LmulLog2;
    if (!groupOk(Vs2, L) || !maskDstOk(Vd, Vs2, L) ||
        (From == Src::V && (!groupOk(Vs1, L) || !maskDstOk(Vd, Vs1, L))))
      return illegal(H, D);
    T Scalar = scalarOf<T, From>(H, D, 2);
    forEachMaskBit(H, Vd, masked(D), [&](uint64_t I) {
      T B = From == Src::V ? V.get<T>(Vs1, I) : Scalar;
      return Op::template f<T>(V.get<T>(Vs2, I), B);
    });
    return finish(H, D);
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorIntCarryCmpSemantics(SemanticTable &T) {
  T.add("VADC_VVM", bySew<AddCarry<Src::V, false>>);
  T.add("VADC_VXM", bySew<AddCarry<Src::X, false>>);
  T.add("VADC_VIM", bySew<AddCarry<Src::I, false>>);
  T.add("VSBC_VVM", bySew<AddCarry<Src::V, true>>);
  T.add("VSBC_VXM", bySew<AddCarry<Src::X, true>>);
  // The carry-in forms (…M) have vm = 0; the others vm = 1. One handler
  // each way reads the bit.
  for (const char *N : {"VMADC_VVM", "VMADC_VV"})
    T.add(N, bySew<CarryOut<Src::V, false>>);
  for (const char *N : {"VMADC_VXM", "VMADC_VX"})
    T.add(N, bySew<CarryOut<Src::X, false>>);
  for (const char *N : {"VMADC_VIM", "VMADC_VI"})
    T.add(N, bySew<CarryOut<Src::I, false>>);
  for (const char *N : {"VMSBC_VVM", "VMSBC_VV"})
    T.add(N, bySew<CarryOut<Src::V, true>>);
  for (const char *N : {"VMSBC_VXM", "VMSBC_VX"})
    T.add(N, bySew<CarryOut<Src::X, true>>);
#define CMP(NAME, OP, FORM, SRC) T.add(#NAME "_" #FORM, bySew<Compare<OP, Src::SRC>>);
  CMP(VMSEQ, Eq, VV, V) CMP(VMSEQ, Eq, VX, X) CMP(VMSEQ, Eq, VI, I)
  CMP(VMSNE, Ne, VV, V) CMP(VMSNE, Ne, VX, X) CMP(VMSNE, Ne, VI, I)
  CMP(VMSLTU, Ltu, VV, V) CMP(VMSLTU, Ltu, VX, X)
  CMP(VMSLT, Lt, VV, V) CMP(VMSLT, Lt, VX, X)
  CMP(VMSLEU, Leu, VV, V) CMP(VMSLEU, Leu, VX, X) CMP(VMSLEU, Leu, VI, I)
  CMP(VMSLE, Le, VV, V) CMP(VMSLE, Le, VX, X) CMP(VMSLE, Le, VI, I)
  CMP(VMSGTU, Gtu, VX, X) CMP(VMSGTU, Gtu, VI, I)
  CMP(VMSGT, Gt, VX, X) CMP(VMSGT, Gt, VI, I)
#undef CMP
}

} // namespace snipgen::model
