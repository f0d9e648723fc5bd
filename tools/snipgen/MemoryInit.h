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
//   runtime              code at the start of the entry function (before the
//                        registers are set, so -init-regs-in-elf is needed)
//                        writes the SplitMix32 words of the memory seed
//                        (-memory-seed; none: the instructions seed, with a
//                        warning) into each section; the sections stay
//                        NOLOAD in the ELF.
//   loads                a routine the snippet calls first (before the
//   loads-with-addresses registers are set, so -init-regs-in-elf is needed)
//                        stores the image of full (memory seed or -seed)
//                        or of full-with-addresses into exactly the bytes
//                        the snippet's loads read; other bytes stay zero
//                        and the sections NOLOAD (Generator/
//                        MemoryInitRoutine.h).
// The contents are in the ELF (runtime, loads: written by the code) and in
// the models.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H

#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Target/Target.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <vector>

namespace snipgen {

class MCEnvironment;
class OptionTable;
class WarningEngine;
struct Layout;

using MemoryFill = GenTarget::RegisterInitRequest::MemoryFill;

/// Checks the mode and -memory-seed / -init-memory-file before anything is
/// generated (prints llvm-snippy's note for a defaulted -init-memory-file).
llvm::Error checkMemoryInitOption(const OptionTable &Opts,
                                  WarningEngine &Warnings);

/// Gives L's data sections their initial contents; for runtime, the ranges
/// the snippet's first code fills (Fills) and what they will hold
/// (SectionDesc::RuntimeContents).
llvm::Error applyMemoryInit(Layout &L, const OptionTable &Opts, uint64_t Seed,
                            const MCEnvironment &Env, WarningEngine &Warnings,
                            std::vector<MemoryFill> &Fills);

/// -init-memory=loads or loads-with-addresses: the snippet calls the memory-
/// initialisation routine appended after generation.
bool needsMemoryInitRoutine(const OptionTable &Opts);

/// For the model's memory check: is a store the runtime initialisation's
/// (it writes, inside a section, the bytes RuntimeContents holds there)?
/// Null without runtime initialisation. L must outlive the predicate.
MemoryAccessCheck::InitStorePredicate runtimeInitStores(const Layout &L);

} // namespace snipgen

#endif
