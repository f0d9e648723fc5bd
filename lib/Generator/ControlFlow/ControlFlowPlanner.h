//===- ControlFlowPlanner.h - Where every branch of a function goes -*- C++
//-*-===//
//
// A function's blocks are cut at its control-flow opcodes: block i ends with
// the i-th one; the last block falls through to the epilogue (index
// NumBlocks, a valid forward target: "the end"). The planner picks each
// branch's target (llvm-snippy's permutation): blocks are visited in random
// order, and each conditional branch becomes a loop latch (target at or
// before itself) with probability loop-ratio, or else a forward branch;
// unconditional ones are always forward, and skip at most one block unless
// distance.blocks is given (what they skip never runs).
//
// The regions this creates never cross, so every program terminates and
// every loop runs exactly its planned count:
//   * loops [first, latch] nest strictly (a shared first block is fine;
//     one loop's latch may not be another's first block);
//   * a forward branch [from, to] never enters a loop except at its first
//     block (whose start re-initialises the counter) and never leaves one;
//   * forward branches nest with each other (shared targets are fine).
// max-depth.if counts the forward regions around a block, max-depth.loop
// the loops; distance.blocks bounds the skipped blocks of a forward branch
// and the blocks of a loop. A branch with no legal target goes to the next
// block.
//
// consecutive-loops (one-block loops only, see BranchesKey.cpp): every
// conditional branch closes a loop around its own block, jumps go to the
// next block, and a loop right after another loop joins its chain (up to
// N loops after the first; all: one chain) with its counter set up before
// the chain's first loop.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_CONTROLFLOWPLANNER_H
#define SNIPGEN_LIB_GENERATOR_CONTROLFLOWPLANNER_H

#include "llvm/ADT/ArrayRef.h"
#include <cstdint>
#include <vector>

namespace snipgen {

class RandomEngine;
struct BranchesConfig;

enum class SlotKind : uint8_t {
  None,   // the block falls through (or ends with a call)
  Cond,   // conditional branch: forward or loop latch
  Uncond, // unconditional jump: forward only
};

struct PlannedLoop {
  unsigned First = 0, Latch = 0;
  unsigned Depth = 1; // 1 = outermost
  /// The block whose entry sets the counter up: First, or for a loop of a
  /// consecutive chain (consecutive-loops) the chain's first loop, so that
  /// nothing but the previous loop's latch comes before it.
  unsigned Head = 0;
};

struct BranchPlan {
  /// Per block: the target block of its branch (NumBlocks = the end). A
  /// target at or before the block means a loop latch. Blocks without a
  /// branch slot get Index + 1.
  std::vector<unsigned> Target;
  /// Outer loops before inner ones (by first block, then longest first).
  std::vector<PlannedLoop> Loops;
  /// Per block: the number of enclosing loops.
  std::vector<unsigned> LoopDepth;
};

/// Default bound on the block distance when distance.blocks.max is not
/// given: about how many blocks of this size a short conditional branch
/// reaches, so that most branches keep their shortest form.
unsigned autoMaxBlockDistance(uint64_t NumInstrs, unsigned NumBlocks,
                              double LoopRatio);

/// MaxLoopBlocks bounds the blocks of a loop further (distance.pc: each
/// block adds at least its branch to the loop's byte size).
BranchPlan planBranches(llvm::ArrayRef<SlotKind> Slots, const BranchesConfig &B,
                        unsigned MaxBlockDistance, RandomEngine &RNG,
                        unsigned MaxLoopBlocks = ~0u);

} // namespace snipgen

#endif
