//===- ControlFlowPlanner.cpp - Branch targets and loops ------------------===//
//
// Incremental bookkeeping keeps each branch's target search linear in the
// window it may reach (see ControlFlowPlanner.h for the rules):
//   Upper[k]/Lower[k]  the farthest forward target / lowest loop start a
//                      branch of block k may use without leaving a region;
//   SkipFrom[s]        the next forward candidate after s when regions start
//                      at s (their inside is out of reach from before s);
//   BackNext[e]        the next loop-start candidate below e when regions
//                      end at e; LatchAt[e]: e ends a multi-block loop, so
//                      it cannot start an enclosing loop;
//   IfDepth/LoopDepth  regions around each block.
//===----------------------------------------------------------------------===//
#include "ControlFlowPlanner.h"
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Support/Random.h"
#include <algorithm>
#include <cmath>
#include <limits>

namespace snipgen {

unsigned autoMaxBlockDistance(uint64_t NumInstrs, unsigned NumBlocks,
                              double LoopRatio) {
  // A short conditional branch reaches about 4 KiB; a block holds its share
  // of the primary instructions (~6 bytes each with address set-up) plus
  // loop counter code in a loop-ratio share of blocks.
  constexpr double Reach = 4094, BytesPerInstr = 6, LoopOverhead = 12;
  double PerBlock =
      double(NumInstrs) / std::max(1u, NumBlocks) * BytesPerInstr +
      LoopOverhead * LoopRatio;
  double D = Reach / std::max(PerBlock, 1.0) - 1;
  return D < 1 ? 1u : unsigned(std::min(D, 1e9));
}

namespace {

class Planner {
public:
  Planner(llvm::ArrayRef<SlotKind> Slots, const BranchesConfig &B,
          unsigned MaxDist, unsigned MaxLoopBlocks, RandomEngine &RNG)
      : Slots(Slots), B(B), N(Slots.size()), MaxDist(MaxDist),
        MaxLoopBlocks(MaxLoopBlocks), RNG(RNG), Upper(N, N), Lower(N, 0),
        SkipFrom(N + 1), BackNext(N + 1), LatchAt(N, false), IfDepth(N + 1, 0),
        LoopDepth(N, 0) {
    for (unsigned I = 0; I <= N; ++I) {
      SkipFrom[I] = I + 1;
      BackNext[I] = int(I) - 1;
    }
    Result.Target.resize(N);
    for (unsigned I = 0; I < N; ++I)
      Result.Target[I] = I + 1;
  }

  BranchPlan run();

private:
  BranchPlan consecutive();
  void forwardCandidates(unsigned From, std::vector<unsigned> &Out) const;
  void loopCandidates(unsigned Latch, std::vector<unsigned> &Out) const;
  void addForward(unsigned From, unsigned To);
  void addLoop(unsigned First, unsigned Latch);
  bool blocksOk(uint64_t Distance) const {
    return Distance >= B.BlockDistance.Min.value_or(0) && Distance <= MaxDist;
  }

  llvm::ArrayRef<SlotKind> Slots;
  const BranchesConfig &B;
  unsigned N;
  unsigned MaxDist;
  unsigned MaxLoopBlocks;
  RandomEngine &RNG;
  std::vector<unsigned> Upper, Lower, SkipFrom;
  std::vector<int> BackNext;
  std::vector<bool> LatchAt;
  std::vector<unsigned> IfDepth, LoopDepth;
  BranchPlan Result;
};

} // namespace

void Planner::forwardCandidates(unsigned From,
                                std::vector<unsigned> &Out) const {
  unsigned MaxIf = B.MaxIfDepth.value_or(std::numeric_limits<unsigned>::max());
  unsigned DeepestInside = 0; // if-depth over the blocks skipped so far
  unsigned Next = From + 1;   // first block not yet counted in DeepestInside
  for (unsigned To = From + 1; To <= Upper[From];) {
    uint64_t Skipped = To - From - 1;
    if (Skipped > MaxDist)
      break;
    for (; Next < To; ++Next)
      DeepestInside = std::max(DeepestInside, IfDepth[Next]);
    if (Skipped && DeepestInside >= MaxIf)
      break; // the skipped blocks would get one region too many
    if (blocksOk(Skipped))
      Out.push_back(To);
    To = To < N ? SkipFrom[To] : To + 1;
  }
}

void Planner::loopCandidates(unsigned Latch, std::vector<unsigned> &Out) const {
  unsigned Deepest = 0;         // loop depth over the blocks inside so far
  int Counted = int(Latch) + 1; // lowest block counted in Deepest
  for (int First = Latch; First >= int(Lower[Latch]);) {
    uint64_t Size = Latch - First + 1;
    if (Size > MaxDist + 2 || Size > MaxLoopBlocks)
      break; // a loop of d+2 blocks spans as far as a branch skipping d
    for (; Counted > First; --Counted)
      Deepest = std::max(Deepest, LoopDepth[Counted - 1]);
    if (Deepest >= B.MaxLoopDepth)
      break;
    bool Ok = First == int(Latch) || !LatchAt[First];
    if (Ok && Size >= B.BlockDistance.Min.value_or(0) &&
        (!B.BlockDistance.Max || Size <= *B.BlockDistance.Max))
      Out.push_back(First);
    First = BackNext[First];
  }
}

void Planner::addForward(unsigned From, unsigned To) {
  if (To == From + 1)
    return; // skips nothing: no region
  SkipFrom[From] = std::max(SkipFrom[From], To);
  BackNext[To] = std::min(BackNext[To], int(From));
  for (unsigned K = From + 1; K < To; ++K) {
    ++IfDepth[K];
    Upper[K] = std::min(Upper[K], To);
    Lower[K] = std::max(Lower[K], From + 1);
  }
}

void Planner::addLoop(unsigned First, unsigned Latch) {
  SkipFrom[First] = std::max(SkipFrom[First], Latch + 1);
  if (First < Latch) {
    BackNext[Latch] = std::min(BackNext[Latch], int(First));
    LatchAt[Latch] = true;
  }
  for (unsigned K = First; K <= Latch; ++K) {
    ++LoopDepth[K];
    Upper[K] = std::min(Upper[K], Latch);
    Lower[K] = std::max(Lower[K], First);
  }
}

BranchPlan Planner::consecutive() {
  using C = BranchesConfig::Consecutive;
  unsigned Head = 0, Followers = 0;
  for (unsigned Blk = 0; Blk < N; ++Blk) {
    if (Slots[Blk] != SlotKind::Cond)
      continue; // jumps go to the next block; the end stays the end
    Result.Target[Blk] = Blk;
    bool Joins = Blk > 0 && Slots[Blk - 1] == SlotKind::Cond &&
                 (B.ConsecutiveLoops == C::All || Followers < B.ConsecutiveN);
    if (Joins) {
      ++Followers;
    } else {
      Head = Blk;
      Followers = 0;
    }
    Result.Loops.push_back({Blk, Blk, 1, Head});
    LoopDepth[Blk] = 1;
  }
  Result.LoopDepth = LoopDepth;
  return Result;
}

BranchPlan Planner::run() {
  if (B.anyConsecutiveLoops())
    return consecutive();
  std::vector<unsigned> Order;
  for (unsigned I = 0; I < N; ++I)
    if (Slots[I] != SlotKind::None)
      Order.push_back(I);
  if (!B.Permutation)
    return Result; // every branch goes to the next block
  for (size_t I = Order.size(); I > 1; --I)
    std::swap(Order[I - 1], Order[RNG.below(I)]);

  bool LoopsAllowed = B.LoopRatio > 0 && B.MaxLoopDepth > 0;
  bool ForwardAllowed = B.LoopRatio < 1 && B.MaxIfDepth.value_or(1) > 0;
  std::vector<unsigned> Fwd, Back;
  for (unsigned Blk : Order) {
    Fwd.clear();
    Back.clear();
    if (ForwardAllowed || Slots[Blk] == SlotKind::Uncond)
      forwardCandidates(Blk, Fwd);
    // An unconditional jump (JAL, JALR, C_JR, ...) always skips what it
    // jumps over: drawn like a branch's, its target made most of a snippet
    // dead code (a run of 900 primaries executed 62). Unless distance.blocks
    // asks for farther ones, it goes to the next block or the one after.
    if (Slots[Blk] == SlotKind::Uncond && !B.BlockDistance.given() &&
        Fwd.size() > 2)
      Fwd.resize(2);
    if (LoopsAllowed && Slots[Blk] == SlotKind::Cond)
      loopCandidates(Blk, Back);
    bool Loop;
    if (Fwd.empty() && Back.empty())
      continue; // stays a branch to the next block
    if (Fwd.empty() || Back.empty())
      Loop = Fwd.empty();
    else
      Loop = RNG.chance(B.LoopRatio);
    if (Loop) {
      unsigned First = Back[RNG.below(Back.size())];
      Result.Target[Blk] = First;
      Result.Loops.push_back({First, Blk, 1, First});
      addLoop(First, Blk);
    } else {
      unsigned To = Fwd[RNG.below(Fwd.size())];
      Result.Target[Blk] = To;
      addForward(Blk, To);
    }
  }
  std::sort(Result.Loops.begin(), Result.Loops.end(),
            [](const PlannedLoop &A, const PlannedLoop &C) {
              return A.First != C.First ? A.First < C.First : A.Latch > C.Latch;
            });
  // Every loop around a latch block contains the whole loop of that latch
  // (loops nest and never share a latch), so its depth is the latch's.
  for (PlannedLoop &L : Result.Loops)
    L.Depth = LoopDepth[L.Latch];
  Result.LoopDepth = LoopDepth;
  return Result;
}

BranchPlan planBranches(llvm::ArrayRef<SlotKind> Slots, const BranchesConfig &B,
                        unsigned MaxBlockDistance, RandomEngine &RNG,
                        unsigned MaxLoopBlocks) {
  return Planner(Slots, B, MaxBlockDistance, MaxLoopBlocks, RNG).run();
}

} // namespace snipgen
