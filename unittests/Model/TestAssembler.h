//===- TestAssembler.h - Assemble RISC-V text in-process for tests -*- C++ -*-===//
//
// Tests write instructions as text; this helper runs LLVM's assembler on them
// and returns the bytes of .text, so test programs stay readable.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_UNITTESTS_MODEL_TESTASSEMBLER_H
#define SNIPGEN_UNITTESTS_MODEL_TESTASSEMBLER_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <vector>

namespace snipgen::test {

/// Assembles Source for the ISA (e.g. "rv64gc") and returns the .text bytes.
/// Local labels are resolved; instructions are emitted exactly as written
/// (no automatic compression).
llvm::Expected<std::vector<uint8_t>> assemble(llvm::StringRef Source,
                                              llvm::StringRef Isa);

} // namespace snipgen::test

#endif
