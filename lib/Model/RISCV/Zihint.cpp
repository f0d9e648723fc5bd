//===- Zihint.cpp - Zihintntl, Zihintpause, Zicbop: hints -------------------===//
//
// Hints have no architectural effect, but they must decode and retire.
// * Zihintntl: NTL.P1/PALL/S1/ALL are `add x0, x0, x2..x5` and C.NTL.* are
//   `c.add x0, x2..x5`; LLVM decodes them as ADD and C_ADD with rd = x0,
//   whose handlers (I.cpp, C.cpp) already leave x0 at zero.
// * Zihintpause: PAUSE is `fence w, 0`; LLVM decodes it as FENCE, a no-op
//   on this single in-order hart (Zicsr.cpp).
// * Zicbop: PREFETCH.I/R/W offset(rs1) are `ori x0, rs1, offset` hints with
//   their own LLVM opcodes; no memory is accessed and no exception is raised
//   (the Zicbop spec: they do not raise exceptions, even for an address that
//   could not be accessed). Registered here, next to the other hints.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

StepStatus execHint(Hart &H, const Decoded &D) { return H.next(D); }

} // namespace

void registerHintSemantics(SemanticTable &T) {
  T.add("PREFETCH_I", execHint);
  T.add("PREFETCH_R", execHint);
  T.add("PREFETCH_W", execHint);
}

} // namespace snipgen::model
