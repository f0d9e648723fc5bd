//===- SelfModifyingConfig.h - smcgram and code-layout ----------*- C++ -*-===//
//
// llvm-snippy's self-modifying code keys:
//
//   smcgram:
//     smc-tgt-blocks: 0.5     # share of a function's blocks that rewrite code
//     smc-overwriters: {min: 1, max: 1}  # rewrites per such block
//     smc-mode: immediate     # the rewritten code runs right after FENCE.I
//   code-layout:
//     ranges:                 # where the blocks of code are placed
//       - {start: 0x210000, size: 0x100000, stride: 1,
//          first-offset: 0, last-offset: 0}
//
// smcgram needs code-layout (as in llvm-snippy); code-layout alone places
// every block at a random address in the ranges. What snipgen generates is
// described in Generator/ControlFlow/SelfModifyingCode.h and
// Generator/ControlFlow/CodePlacement.h.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_SELFMODIFYINGCONFIG_H
#define SNIPGEN_CONFIG_SELFMODIFYINGCONFIG_H

#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <vector>

namespace snipgen {

struct CodeLayoutRange {
  uint64_t Start = 0, Size = 0, Stride = 1, FirstOffset = 0, LastOffset = 0;
  llvm::SMLoc Loc;
  /// True if the code byte range [Addr, Addr + Len) lies in the range and
  /// Addr is at an allowed offset of its stride.
  bool allows(uint64_t Addr, uint64_t Len) const {
    if (Addr < Start || Addr + Len > Start + Size)
      return false;
    uint64_t Off = (Addr - Start) % Stride;
    return Off >= FirstOffset && Off <= LastOffset;
  }
};

struct SelfModifyingConfig {
  bool Enabled = false; // smcgram given
  llvm::SMLoc Loc;      // the smcgram key
  double TargetBlocks = 0.5;
  llvm::SMLoc TargetBlocksLoc;
  unsigned MinOverwriters = 1, MaxOverwriters = 1;

  bool HasCodeLayout = false;
  llvm::SMLoc CodeLayoutLoc;
  std::vector<CodeLayoutRange> CodeLayout;
};

} // namespace snipgen

#endif
