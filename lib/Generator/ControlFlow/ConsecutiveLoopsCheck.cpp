//===- ConsecutiveLoopsCheck.cpp - Verifying consecutive loops ------------===//
//
// Works on the final layout only (block addresses, loop entries and
// terminators), not on the planner's intent, so a planning bug shows.
// Messages follow llvm-snippy's verifier.
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/ConsecutiveLoopsCheck.h"
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace snipgen {

namespace {
struct Chain {
  unsigned First = 0;             // loop index of the chain's first loop
  std::vector<unsigned> Followers; // loop indices, in order
};
} // namespace

static const LoopEntry *startEntry(const BasicBlock &B, unsigned Loop) {
  for (const LoopEntry &E : B.LoopEntries)
    if (E.Loop == Loop && E.StartsLoop)
      return &E;
  return nullptr;
}

static bool setsUpCounter(const BasicBlock &B, unsigned Loop) {
  for (const LoopEntry &E : B.LoopEntries)
    if (E.Loop == Loop && !E.Init.Bytes.empty())
      return true;
  return false;
}

// Loop I follows loop I-1 directly: I-1 latches the block just before I's
// first block, and I's block starts the loop with no set-up code (the entry
// holds at most alignment NOPs and is the block's first).
static bool follows(const Function &F, unsigned I, bool Scattered) {
  if (I == 0)
    return false;
  const LoopInfo &Prev = F.Loops[I - 1], &L = F.Loops[I];
  if (Prev.Latch + 1 != L.First)
    return false;
  const BasicBlock &PB = F.Blocks[Prev.Latch];
  if (PB.Term.Kind != TerminatorKind::LoopLatch || PB.Term.Target != I - 1)
    return false;
  const BasicBlock &B = F.Blocks[L.First];
  if (B.LoopEntries.empty() || B.LoopEntries.front().Loop != I ||
      !B.LoopEntries.front().StartsLoop ||
      !B.LoopEntries.front().Init.Bytes.empty())
    return false;
  // code-layout: the latch's block ends with the jump to B instead.
  return Scattered || PB.Address + PB.size() == B.Address;
}

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

Error verifyConsecutiveLoops(const Program &P, const BranchesConfig &B) {
  using C = BranchesConfig::Consecutive;
  for (const Function &F : P.Functions) {
    if (F.IsExternal)
      continue;
    auto Fail = [&](const Twine &Msg) {
      return makeError("consecutive loops verification failed in function '" +
                       F.Name + "': " + Msg);
    };
    std::vector<Chain> Chains;
    unsigned NumFollowers = 0;
    for (unsigned I = 0; I < F.Loops.size(); ++I) {
      if (!follows(F, I, P.Scattered)) {
        Chains.push_back({I, {}});
        continue;
      }
      ++NumFollowers;
      Chains.back().Followers.push_back(I);
      // Its counter is set up before the chain, not in front of the loop.
      const Chain &Ch = Chains.back();
      const BasicBlock &Head = F.Blocks[F.Loops[Ch.First].First];
      if (!setsUpCounter(Head, I))
        return Fail("the counter of the loop at " +
                    hex(F.Loops[I].StartAddress) +
                    " is not set up before its chain (loop at " +
                    hex(F.Loops[Ch.First].StartAddress) + ")");
    }
    if (!B.anyConsecutiveLoops()) {
      if (NumFollowers)
        return Fail("No consecutive loops expected to be generated, "
                    "generated " +
                    Twine(NumFollowers));
      continue;
    }
    for (const LoopInfo &L : F.Loops)
      if (L.Depth > 1)
        return Fail("loop depth > 1 is not allowed with consecutive loops "
                    "(loop at " +
                    hex(L.StartAddress) + ")");
    for (unsigned I = 0; I < F.Loops.size(); ++I)
      if (!startEntry(F.Blocks[F.Loops[I].First], I))
        return Fail("the loop at block " + Twine(F.Loops[I].First) +
                    " has no start");
    if (B.ConsecutiveLoops == C::Some) {
      for (const Chain &Ch : Chains)
        if (Ch.Followers.size() > B.ConsecutiveN)
          return Fail("too many consecutive loops were generated: " +
                      Twine(Ch.Followers.size()) + " after the loop at " +
                      hex(F.Loops[Ch.First].StartAddress) + ", at most " +
                      Twine(B.ConsecutiveN));
      continue;
    }
    // all: blocks are the prologue, the loops, the last block and the
    // epilogue; a function with a single block has no control flow at all.
    if (F.Blocks.size() <= 1)
      continue;
    unsigned Body = F.Blocks.size() - 2; // plan blocks
    if (Body <= 1 && F.Loops.empty())
      continue; // no conditional branch was drawn: nothing to chain
    if (Chains.size() != 1)
      return Fail("only consecutive loops chain expected, found " +
                  Twine(Chains.size()) + " chains");
    if (F.Loops[Chains[0].First].First != 1)
      return Fail("the first block expected to be the first consecutive "
                  "loop");
    if (F.Loops.size() != Body - 1)
      return Fail("all blocks expected to be consecutive loops: " +
                  Twine(F.Loops.size()) + " loops in " + Twine(Body - 1) +
                  " blocks");
  }
  return Error::success();
}

} // namespace snipgen
