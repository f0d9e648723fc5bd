//===- MemoryInit.h - -init-memory --------------------------------*- C++ -*-===//
//
// llvm-snippy's -init-memory=MODE for the data sections (readable, writable,
// not executable, not stack/utility/selfcheck):
//   no (default)         they start zeroed (NOLOAD);
//   full                 random bytes in the ELF: from -seed, or, with
//                        -memory-seed=N|random, a SplitMix32 stream of 32-bit
//                        words started afresh from that seed in each section;
//   full-with-addresses  XLEN-wide little-endian addresses, each drawn from
//                        the memory schemes for an aligned XLEN-wide access
//                        (so a loaded value is a valid address);
//   ascii-file           the sections -init-memory-file (default
//                        mem_state.bin) lists, in -dump-memory-as-ascii form
//                        (MemoryAscii.h); each listed section whole.
// The contents are in the ELF and in the models (lockstep and final run).
// runtime, loads and loads-with-addresses (code that writes memory at run
// time) are refused as not supported yet, after llvm-snippy's own checks.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H

#include "llvm/Support/Error.h"
#include <cstdint>

namespace snipgen {

class OptionTable;
class WarningEngine;
struct Layout;

/// Checks the mode and -memory-seed / -init-memory-file before anything is
/// generated (prints llvm-snippy's note for a defaulted -init-memory-file).
llvm::Error checkMemoryInitOption(const OptionTable &Opts,
                                  WarningEngine &Warnings);

/// Gives L's data sections their initial contents.
llvm::Error applyMemoryInit(Layout &L, const OptionTable &Opts, uint64_t Seed,
                            unsigned XLen, WarningEngine &Warnings);

} // namespace snipgen

#endif
