//===- CodePlacement.h - code-layout: blocks at random addresses -*- C++ -*-===//
//
// llvm-snippy's `code-layout` key (also without `smcgram`):
//
//   code-layout:
//     ranges:
//       - {start: 0x210000, size: 0x100000, stride: 1,
//          first-offset: 0, last-offset: 0}
//
// places every basic block of every function at its own random address
// inside the ranges: a block starts at an address of a range whose offset
// within its stride lies in [first-offset, last-offset], aligned to the
// instruction alignment, and no two blocks overlap. Ranges are drawn in
// proportion to their sizes. Only ranges that lie inside one executable
// (rx) section are used; each other range draws the warning "Possibly wrong
// code layout: Following scheme permits code generation outside of all RX
// sections (It will be ignored)" (category memory-access), and when none is
// left the blocks go anywhere in the rx sections. A block that fits nowhere
// is the error "Code layout schemes cannot fit Basic Block ... Try larger
// code layout address ranges".
//
// Blocks no longer follow each other, so wherever execution would fall
// through into the next block (after a fall-through, a conditional branch
// not taken, a loop latch that exits, a call that returns) a jump to it
// follows the terminator (llvm-snippy's fall-through eraser). Every block
// is placed with room for the longest form of its terminator and of that
// jump; once all addresses are known each takes the shortest form that
// reaches (JAL reaches +-1 MiB; farther, AUIPC+JALR through the block's
// scratch register, which ControlFlowGenerator draws for every block under
// code-layout from the registers ancillary code may write there, as
// llvm-snippy's jump lengthener takes one from its register pool; beyond
// AUIPC's +-2 GiB on RV64, the target address built in that register:
// ControlFlowTarget::buildAbsoluteTerminator, with room reserved for it
// when the rx sections span 2 GiB or more).
// The function's symbol marks its first block, the entry point.
//
// With -chained-rx-sections-fill the chain decides each block's section and
// code-layout where in it: a block goes to the ranges of its section (to
// anywhere in the section when none lies in it).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_CODEPLACEMENT_H
#define SNIPGEN_LIB_GENERATOR_CODEPLACEMENT_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <map>
#include <memory>
#include <vector>

namespace snipgen {

class ControlFlowTarget;
class MCEnvironment;
class RandomEngine;
class WarningEngine;
struct Layout;
struct Program;
struct RelaxationRequest;

class CodePlacer {
public:
  /// Null when the layout has no code-layout key.
  static llvm::Expected<std::unique_ptr<CodePlacer>>
  create(const Layout &L, WarningEngine *Warnings);

  /// A free address for Size bytes aligned to Align; the bytes are taken.
  /// Section >= 0: only in that layout section (its ranges, or anywhere in
  /// it when it has none).
  llvm::Expected<uint64_t> place(uint64_t Size, uint64_t Align,
                                 RandomEngine &RNG, int Section = -1);
  /// The layout section holding Addr (an rx section).
  int sectionOf(uint64_t Addr) const;
  /// Bytes from the lowest to the highest address a block may take (the
  /// rx sections' extent).
  uint64_t span() const;

  struct Range {
    uint64_t Start = 0, Size = 0, Stride = 1, First = 0, Last = 0;
    unsigned Section = 0;
  };
  const std::vector<Range> &ranges() const { return Ranges; }

private:
  explicit CodePlacer(const Layout &L) : L(L) {}
  bool isFree(uint64_t A, uint64_t Size) const;
  /// The first allowed, aligned, free start >= From in R (0 if none).
  bool scan(const Range &R, uint64_t Size, uint64_t Align,
            uint64_t &Out) const;

  const Layout &L;
  std::vector<Range> Ranges;
  std::map<uint64_t, uint64_t> Taken; // start -> end of placed blocks
};

/// Lays out P with every block at a random address from R.Placer, picks the
/// shortest terminator forms, adds the jumps to next blocks and encodes
/// everything (the code-layout counterpart of BranchRelaxation's layout).
llvm::Error layOutScattered(Program &P, const RelaxationRequest &R,
                            const MCEnvironment &Env,
                            const ControlFlowTarget &CFT);

} // namespace snipgen

#endif
