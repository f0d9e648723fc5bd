//===- MemoryAscii.h - llvm-snippy's ASCII memory image ---------*- C++ -*-===//
//
// The text form of memory that -dump-memory-section writes with
// -dump-memory-as-ascii and -init-memory=ascii-file reads
// (-init-memory-file). One block per range:
//
//   Section {data}:
//   0x00:  8e 01 ff 00 12 34 56 78 9a bc de f0 00 11 22 33
//   0x10:  ...
//
// The header names a section (`Range {0xB-0xE}:` for an address range, which
// the reader refuses); each line starts with the offset from the start of the
// block (lowercase hex, consecutive) followed by up to 16 bytes in hex.
// Empty lines are ignored.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYASCII_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYASCII_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"
#include <cstdint>
#include <string>
#include <vector>

namespace snipgen {

/// Writes one block: "Section {Name}:" (IsSection) or "Range {Name}:".
void writeAsciiMemoryBlock(llvm::raw_ostream &OS, llvm::StringRef Name,
                           bool IsSection, llvm::ArrayRef<uint8_t> Bytes);

struct AsciiMemoryBlock {
  std::string Name;
  unsigned Line = 0; // of the header
  std::vector<uint8_t> Bytes;
};

/// Parses a whole file; errors name the file and line.
llvm::Expected<std::vector<AsciiMemoryBlock>>
parseAsciiMemory(llvm::StringRef Text, llvm::StringRef FileName);

} // namespace snipgen

#endif
