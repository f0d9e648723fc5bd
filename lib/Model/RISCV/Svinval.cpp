//===- Svinval.cpp - Svinval: fine-grained address-translation cache invalidation -===//
//
// SINVAL.VMA rs1, rs2 has the semantics of SFENCE.VMA; SFENCE.W.INVAL and
// SFENCE.INVAL.IR only order it against memory accesses. The privileged spec
// makes them illegal in U-mode (and SINVAL.VMA in S-mode with mstatus.TVM);
// in M-mode, the only mode of this model, they are legal. The model has no
// address translation and no TLB and a single in-order hart, so all three
// retire with no architectural effect.
//
// HINVAL.VVMA and HINVAL.GVMA belong to the hypervisor extension, which the
// model does not implement: they raise illegal instruction (they only decode
// at all when the ISA string names H).
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

StepStatus execNoEffect(Hart &H, const Decoded &D) { return H.next(D); }

StepStatus execNeedsHypervisor(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding,
                 "HINVAL.VVMA/HINVAL.GVMA need the hypervisor extension, "
                 "which the model does not implement");
}

} // namespace

void registerSvinvalSemantics(SemanticTable &T) {
  T.add("SINVAL_VMA", execNoEffect);
  T.add("SFENCE_W_INVAL", execNoEffect);
  T.add("SFENCE_INVAL_IR", execNoEffect);
  T.add("HINVAL_VVMA", execNeedsHypervisor);
  T.add("HINVAL_GVMA", execNeedsHypervisor);
}

} // namespace snipgen::model
