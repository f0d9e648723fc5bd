//===- SelfModifyingCodeKeys.cpp - `smcgram` and `code-layout` -----------===//
//
// llvm-snippy's self-modifying code keys. snipgen does not generate
// self-modifying code yet (the generator would have to plan stores into the
// code section and FENCE.I before the rewritten code runs); a layout that
// asks for it is refused at the key rather than reported as unknown or
// silently ignored.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "snipgen/Support/Error.h"

namespace snipgen {

llvm::Error parseSelfModifyingCodeKey(const YAMLEntry &Entry,
                                      LayoutBuildContext &Ctx) {
  return makeError(Ctx.sm(), Entry.Key.Loc,
                   "layout key '" + Entry.key() +
                       "' (llvm-snippy's self-modifying code) is not "
                       "supported yet: snipgen does not generate "
                       "self-modifying code; remove the key");
}

} // namespace snipgen
