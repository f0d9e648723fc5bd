//===- InputFiles.h - Reading the user's input files safely -----*- C++ -*-===//
//
// Every file snipgen reads on the user's behalf (layouts, included layouts,
// memory-scheme and valuegram files, register files) goes through
// readInputFile, which refuses what cannot be a text input (directories,
// FIFOs, devices such as /dev/zero) and files too large to be one, with one
// clear error instead of a hang or "LLVM ERROR: out of memory".
//
// It also remembers every file it read, so that OutputFiles can refuse to
// overwrite an input (`-o layout.yaml`).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_INPUTFILES_H
#define SNIPGEN_SUPPORT_INPUTFILES_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <memory>
#include <string>
#include <vector>

namespace snipgen {

/// Largest input file accepted (layouts, valuegrams, register files).
inline constexpr uint64_t MaxInputFileBytes = 256ull << 20;

/// Reads Path, a regular file of at most MaxInputFileBytes. Kind names the
/// file in errors ("layout file", "register file"). The error text has no
/// "error: " prefix, so callers can place it after a location.
llvm::ErrorOr<std::unique_ptr<llvm::MemoryBuffer>>
readInputFile(llvm::StringRef Path, std::string &Why);

/// Whether Path refers to a file this process read through readInputFile.
bool isInputFile(llvm::StringRef Path);

} // namespace snipgen

#endif
