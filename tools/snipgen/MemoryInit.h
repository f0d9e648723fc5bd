//===- MemoryInit.h - -init-memory --------------------------------*- C++ -*-===//
//
// llvm-snippy's -init-memory=MODE. `no` (default): writable sections start
// zeroed. `full`: every writable data section (ACCESS rw) is filled with
// random bytes derived from -seed, stored in the ELF and seen by the model
// (and the lockstep model during generation). llvm-snippy's other modes
// (runtime, loads, full-with-addresses, loads-with-addresses, ascii-file)
// are refused as not supported yet.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYINIT_H

#include "llvm/Support/Error.h"
#include <cstdint>

namespace snipgen {

class OptionTable;
struct Layout;

/// Checks the mode before anything is generated.
llvm::Error checkMemoryInitOption(const OptionTable &Opts);

/// Gives L's writable data sections their initial contents.
llvm::Error applyMemoryInit(Layout &L, const OptionTable &Opts, uint64_t Seed);

} // namespace snipgen

#endif
