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
    {"access-ranges", parseAccessSchemeKey, nullptr},
    {"access-evictions", parseAccessSchemeKey, nullptr},
    {"access-addresses", parseAccessSchemeKey, nullptr},
    {"access-groups", parseAccessGroupsKey, nullptr},
    {"restricted-addresses", parseRestrictedAddressesKey, nullptr},
    {"burst", parseBurstKey, nullptr},
    {"branches", parseBranchesKey, nullptr},
    {"call-graph", parseCallGraphKey, nullptr},
    {"function-layers", parseOptionShorthandKey, finishOptionShorthandKey},
    {"function-number", parseOptionShorthandKey, finishOptionShorthandKey},
    {"num-instr-ancil", parseOptionShorthandKey, finishOptionShorthandKey},
    {"randomize-ra", parseOptionShorthandKey, finishOptionShorthandKey},
    {"register-reservation", parseRegisterReservationKey, nullptr},
    {"histograms", parseHistogramsKey, nullptr},
    {"imm-hist", parseImmHistKey, nullptr},
    {"operands-reinitialization", parseOperandsReinitKey, nullptr},
    {"fpu-config", parseFPUConfigKey, nullptr},
    {"riscv-vector-unit", parseVectorUnitKey, nullptr},
    {"code-layout", parseCodeLayoutKey, nullptr},
    {"smcgram", parseSMCGramKey, finishSMCGramKey},
};

llvm::ArrayRef<TopLevelKeyHandler> topLevelKeyHandlers() { return Handlers; }

} // namespace snipgen
