//===- ParityOptions.h - llvm-snippy options beyond its manual ----*- C++ -*-===//
//
// Options llvm-snippy's sources and lit tests use that need a step of their
// own in the driver:
//   -memory-access-mode / -memory-access-burst-group-size: the burst
//     configuration from the command line (an error together with a layout
//     `burst` key, as in llvm-snippy);
//   -dump-layout (also turned on by -verbose): the resolved configuration as
//     YAML, printed before generation;
//   -verbose: -dump-layout, -dump-mf, -dump-mi and the seed line.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_PARITYOPTIONS_H
#define SNIPGEN_TOOLS_SNIPGEN_PARITYOPTIONS_H

#include "llvm/Support/Error.h"
#include <string>

namespace llvm {
class raw_ostream;
}

namespace snipgen {

class OpcodeHistogram;
class OptionTable;
class WarningEngine;
struct Layout;

/// -memory-access-mode and -memory-access-burst-group-size: sets L's burst
/// configuration (mode, min-size = max-size = group size). Both are refused
/// when the layout has a `burst` key.
llvm::Error applyBurstOptions(Layout &L, const OptionTable &Opts);

/// -stack-size=N: without a `stack` section in the layout and without
/// -external-stack, adds an rw section named `stack` of N bytes where
/// llvm-snippy places it: below the first section when that is an rw one and
/// there is room, else after the last when that is rw, else in the first gap
/// big enough next to the rw sections (16-byte aligned). With a `stack`
/// section or -external-stack the option is ignored with an
/// inconsistent-options warning, as in llvm-snippy.
llvm::Error applyStackSize(Layout &L, const OptionTable &Opts,
                           WarningEngine &Warnings);

/// -init-memory=full and full-with-addresses store each data section's
/// contents in the ELF as 16-byte aligned chunks: as in llvm-snippy, a data
/// section (rw, not stack/utility/selfcheck) whose size is not a multiple of
/// 16 is an error.
llvm::Error checkFullInitSectionSizes(const Layout &L, const OptionTable &Opts);

/// -dump-layout or -verbose.
bool wantsLayoutDump(const OptionTable &Opts);

/// The resolved configuration as a layout (YAML): sections with every field,
/// the histogram as the opcodes it resolved to with their weights, the
/// memory schemes, burst, branches with every default filled in, and the
/// call graph. Loading the text as a layout gives the same configuration.
std::string dumpResolvedLayout(const Layout &L, const OpcodeHistogram &H);

} // namespace snipgen

#endif
