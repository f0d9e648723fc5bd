//===- Mask.cpp - RVV: mask logical ops, vcpop, vfirst, vmsbf.., viota, vid ===//
//
// Spec 15. Mask-register logical instructions work on bits [vstart, vl)
// (unmasked, tail-agnostic); vcpop.m, vfirst.m, vmsbf/vmsif/vmsof.m and
// viota.m raise illegal when vstart != 0; vmsbf/vmsif/vmsof and viota may
// not overlap their source (nor v0 when masked); vid.v is an ordinary
// element-wise instruction.
//===----------------------------------------------------------------------===//
#include "IntHelpers.h"
#include "VectorSemantics.h"

namespace snipgen::model {
namespace vec {
namespace {

/// vm<op>.mm vd, vs2, vs1: Ops = {vd, vs2, vs1}.
template <unsigned Kind> StepStatus maskLogical(Hart &H, const Decoded &D) {
  if (!configOk(H))
    return illegal(H, D);
  VectorState &V = H.V;
  unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]),
           Vs1 = unsigned(D.Ops[2]);
  forEachMaskBit(H, Vd, false, [&](uint64_t I) {
    bool A = V.bit(Vs2, I), B = V.bit(Vs1, I);
    switch (Kind) {
    case 0: return A && B;       // vmand
    case 1: return A && !B;      // vmandn
    case 2: return A || B;       // vmor
    case 3: return A != B;       // vmxor
    case 4: return A || !B;      // vmorn
    case 5: return !(A && B);    // vmnand
    case 6: return !(A || B);    // vmnor
    default: return A == B;      // vmxnor
    }
  });
  return finish(H, D);
}

/// vcpop.m rd, vs2 (Ops = {rd, vs2, vm}): active set bits in [0, vl).
/// vfirst.m: index of the first active set bit, or -1.
template <bool First> StepStatus countBits(Hart &H, const Decoded &D) {
  VectorState &V = H.V;
  if (!configOk(H) || V.VStart != 0)
    return illegal(H, D);
  unsigned Vs2 = unsigned(D.Ops[1]);
  bool M = masked(D);
  uint64_t Count = 0;
  int64_t FirstIdx = -1;
  for (uint64_t I = 0; I < V.VL; ++I)
    if (V.active(M, I) && V.bit(Vs2, I)) {
      if (First) {
        FirstIdx = int64_t(I);
        break;
      }
      ++Count;
    }
  H.writeX(D.Ops[0], First ? uint64_t(FirstIdx) : Count);
  return H.next(D);
}

/// vmsbf.m (Kind 0), vmsif.m (1), vmsof.m (2): Ops = {vd, vs2, vm}.
template <unsigned Kind> StepStatus setFirst(Hart &H, const Decoded &D) {
  VectorState &V = H.V;
  unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
  if (!configOk(H) || V.VStart != 0 || Vd == Vs2 || !maskOk(D, Vd))
    return illegal(H, D);
  bool Found = false;
  forEachMaskBit(H, Vd, masked(D), [&](uint64_t I) {
    bool Bit = V.bit(Vs2, I);
    bool R = Kind == 0   ? !Found && !Bit
             : Kind == 1 ? !Found
                         : !Found && Bit;
    Found = Found || Bit;
    return R;
  });
  return finish(H, D);
}

/// viota.m vd, vs2 (Ops = {vd, vs2, vm}): vd[i] = number of set bits of
/// vs2 among the active elements below i.
struct Iota {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]), Vs2 = unsigned(D.Ops[1]);
    int L = V.LmulLog2;
    if (V.VStart != 0 || !groupOk(Vd, L) ||
        groupsOverlap(Vd, regsOf(L), Vs2, 1) || !maskOk(D, Vd))
      return illegal(H, D);
    T Count = 0;
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) {
                        bool Bit = V.bit(Vs2, I);
                        V.set<T>(Vd, I, Count);
                        Count = T(Count + Bit);
                      });
    return finish(H, D);
  }
};

/// vid.v vd (Ops = {vd, vm}): vd[i] = i.
struct Id {
  template <typename T> static StepStatus run(Hart &H, const Decoded &D) {
    VectorState &V = H.V;
    unsigned Vd = unsigned(D.Ops[0]);
    int L = V.LmulLog2;
    if (!groupOk(Vd, L) || !maskOk(D, Vd))
      return illegal(H, D);
    forEachElement<T>(H, Vd, masked(D), V.groupElements(Bits<T>, L),
                      [&](uint64_t I) { V.set<T>(Vd, I, T(I)); });
    return finish(H, D);
  }
};

} // namespace
} // namespace vec

using namespace vec;

void registerVectorMaskSemantics(SemanticTable &T) {
  T.add("VMAND_MM", maskLogical<0>);
  T.add("VMANDN_MM", maskLogical<1>);
  T.add("VMOR_MM", maskLogical<2>);
  T.add("VMXOR_MM", maskLogical<3>);
  T.add("VMORN_MM", maskLogical<4>);
  T.add("VMNAND_MM", maskLogical<5>);
  T.add("VMNOR_MM", maskLogical<6>);
  T.add("VMXNOR_MM", maskLogical<7>);
  T.add("VCPOP_M", countBits<false>);
  T.add("VFIRST_M", countBits<true>);
  T.add("VMSBF_M", setFirst<0>);
  T.add("VMSIF_M", setFirst<1>);
  T.add("VMSOF_M", setFirst<2>);
  T.add("VIOTA_M", bySew<Iota>);
  T.add("VID_V", bySew<Id>);
}

} // namespace snipgen::model
