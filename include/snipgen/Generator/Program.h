//===- Program.h - The generated program in memory --------------*- C++ -*-===//
//
// Instructions are encoded (and verified by decoding) as they are generated,
// so a block holds bytes, not MCInsts: a million instructions stay a few
// megabytes. Control flow (later) lives in block terminators.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_PROGRAM_H
#define SNIPGEN_GENERATOR_PROGRAM_H

#include "llvm/ADT/SmallVector.h"
#include <cstdint>
#include <string>
#include <vector>

namespace snipgen {

struct BasicBlock {
  std::vector<uint8_t> Code;
  uint64_t NumInstrs = 0;
};

struct Function {
  std::string Name;
  bool IsGlobal = true;
  std::vector<BasicBlock> Blocks;
  uint64_t codeSize() const {
    uint64_t S = 0;
    for (const BasicBlock &B : Blocks)
      S += B.Code.size();
    return S;
  }
};

struct GenerationStats {
  uint64_t PrimaryInstrs = 0;
  uint64_t AncillaryInstrs = 0;
  uint64_t MemoryAccesses = 0;
};

struct Program {
  /// Index into Layout.Sections of the section that holds the code.
  unsigned CodeSection = 0;
  std::vector<Function> Functions; // Functions[0] is the entry point
  GenerationStats Stats;
  uint64_t codeSize() const {
    uint64_t S = 0;
    for (const Function &F : Functions)
      S += F.codeSize();
    return S;
  }
};

} // namespace snipgen

#endif
