//===- Config.cpp - RVV: vsetvli, vsetivli, vsetvl -------------------------===//
//
// AVL rules (spec 6.2), as QEMU 10 implements them:
//   rs1 != x0           AVL = x[rs1] (XLEN bits, unsigned)
//   rs1 == x0, rd != x0 AVL = ~0, so vl = VLMAX
//   rs1 == x0, rd == x0 AVL = the current vl (keep vl; if the new VLMAX is
//                       smaller, vl becomes VLMAX: QEMU does not set vill
//                       for this reserved case, nor do we)
// vl = min(AVL, VLMAX) (the spec also allows ceil(AVL/2) for VLMAX < AVL <
// 2*VLMAX; QEMU picks VLMAX). An unsupported vtype sets vill, vl = 0 and
// rd = 0. vstart is cleared either way.
//===----------------------------------------------------------------------===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {
namespace {

StepStatus setVL(Hart &H, const Decoded &D, int64_t Rd, uint64_t AVL,
                 uint64_t VType) {
  if (!vec::vsEnabled(H))
    return vec::illegal(H, D);
  VectorState &V = H.V;
  uint64_t VL = 0;
  if (V.setVType(VType, H.XLen)) {
    uint64_t Max = V.vlmax();
    VL = AVL < Max ? AVL : Max;
  }
  V.VL = VL;
  V.VStart = 0;
  vec::markDirty(H);
  H.writeX(Rd, VL);
  return H.next(D);
}

// rd, rs1, vtypei
StepStatus handleVSETVLI(Hart &H, const Decoded &D) {
  int64_t Rd = D.Ops[0], Rs1 = D.Ops[1];
  uint64_t AVL = Rs1 != 0 ? H.xu(Rs1) : Rd != 0 ? ~0ull : H.V.VL;
  return setVL(H, D, Rd, AVL, uint64_t(D.Ops[2]));
}

// rd, uimm, vtypei
StepStatus handleVSETIVLI(Hart &H, const Decoded &D) {
  return setVL(H, D, D.Ops[0], uint64_t(D.Ops[1]), uint64_t(D.Ops[2]));
}

// rd, rs1, rs2
StepStatus handleVSETVL(Hart &H, const Decoded &D) {
  int64_t Rd = D.Ops[0], Rs1 = D.Ops[1];
  uint64_t AVL = Rs1 != 0 ? H.xu(Rs1) : Rd != 0 ? ~0ull : H.V.VL;
  return setVL(H, D, Rd, AVL, H.xu(D.Ops[2]));
}

} // namespace

void registerVectorConfigSemantics(SemanticTable &T) {
  T.add("VSETVLI", handleVSETVLI);
  T.add("VSETIVLI", handleVSETIVLI);
  T.add("VSETVL", handleVSETVL);
}

} // namespace snipgen::model
