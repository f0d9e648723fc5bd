//===- LayoutKeys.cpp - The table of top-level layout keys ----------------===//
//
// One line per content key, in the order their finish checks run. `include`
// and `options` are handled by the loader itself (they shape how files are
// merged rather than what the layout contains).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"

namespace snipgen {

static const TopLevelKeyHandler Handlers[] = {
    {"sections", parseSectionsKey, finishSectionsKey},
    {"histogram", parseHistogramKey, finishHistogramKey},
};

llvm::ArrayRef<TopLevelKeyHandler> topLevelKeyHandlers() { return Handlers; }

} // namespace snipgen
