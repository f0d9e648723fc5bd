//===- ControlFlowPlannerTest.cpp - Branch targets keep programs sound ----===//
//
// For many random block sequences and branchegrams, the planned branches
// must satisfy the planner's rules, and an abstract execution (forward
// branches taken at random, loops counted) must always reach the end with
// every loop running exactly its count.
//===----------------------------------------------------------------------===//
#include "ControlFlowPlanner.h"
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"
#include <map>

using namespace snipgen;

namespace {

std::vector<SlotKind> randomSlots(RandomEngine &RNG, unsigned N) {
  std::vector<SlotKind> S;
  for (unsigned I = 0; I < N; ++I) {
    unsigned K = RNG.below(10);
    S.push_back(K < 5 ? SlotKind::Cond : K < 7 ? SlotKind::Uncond
                                               : SlotKind::None);
  }
  S.back() = SlotKind::None; // the last block falls into the epilogue
  return S;
}

struct Checker {
  const std::vector<SlotKind> &Slots;
  const BranchPlan &P;
  const BranchesConfig &B;
  unsigned N() const { return Slots.size(); }

  bool isLoop(unsigned Blk) const { return P.Target[Blk] <= Blk; }
  bool isForward(unsigned Blk) const {
    return Slots[Blk] != SlotKind::None && P.Target[Blk] > Blk + 1;
  }

  void structure() const {
    for (unsigned Blk = 0; Blk < N(); ++Blk) {
      if (Slots[Blk] == SlotKind::None)
        EXPECT_EQ(P.Target[Blk], Blk + 1);
      if (Slots[Blk] == SlotKind::Uncond)
        EXPECT_GT(P.Target[Blk], Blk) << "unconditional jumps go forward";
      EXPECT_LE(P.Target[Blk], N());
    }
    for (const PlannedLoop &L : P.Loops) {
      EXPECT_LE(L.First, L.Latch);
      EXPECT_EQ(P.Target[L.Latch], L.First);
      EXPECT_LE(L.Depth, B.MaxLoopDepth);
      for (const PlannedLoop &O : P.Loops) {
        if (&O == &L)
          continue;
        EXPECT_NE(O.Latch, L.Latch);
        bool Disjoint = L.Latch < O.First || O.Latch < L.First;
        bool LInO = O.First <= L.First && L.Latch < O.Latch;
        bool OInL = L.First <= O.First && O.Latch < L.Latch;
        EXPECT_TRUE(Disjoint || LInO || OInL)
            << "loops [" << L.First << "," << L.Latch << "] and ["
            << O.First << "," << O.Latch << "] cross";
      }
      // Forward branches neither enter a loop past its start nor leave it.
      for (unsigned Blk = 0; Blk < N(); ++Blk) {
        if (!isForward(Blk))
          continue;
        unsigned To = P.Target[Blk];
        if (Blk >= L.First && Blk <= L.Latch)
          EXPECT_LE(To, L.Latch) << "branch " << Blk << " leaves a loop";
        else if (Blk < L.First)
          EXPECT_TRUE(To <= L.First || To > L.Latch)
              << "branch " << Blk << "->" << To << " enters loop ["
              << L.First << "," << L.Latch << "]";
      }
    }
    // Forward regions nest.
    for (unsigned A = 0; A < N(); ++A)
      for (unsigned C = A + 1; C < N(); ++C)
        if (isForward(A) && isForward(C)) {
          unsigned TA = P.Target[A], TC = P.Target[C];
          EXPECT_FALSE(C < TA && TA < TC) << A << "->" << TA << " crosses "
                                          << C << "->" << TC;
        }
  }

  // Abstract execution: every run must reach the end, every loop exit
  // must come after exactly the planned iterations.
  void run(RandomEngine &RNG, const std::vector<uint64_t> &Iterations) const {
    std::map<unsigned, unsigned> LoopOfLatch;
    for (unsigned I = 0; I < P.Loops.size(); ++I)
      LoopOfLatch[P.Loops[I].Latch] = I;
    std::vector<uint64_t> Counter(P.Loops.size()), Ran(P.Loops.size());
    unsigned Blk = 0;
    bool ViaBackEdgeOf = false;
    unsigned BackLoop = 0;
    uint64_t Steps = 0;
    while (Blk < N()) {
      ASSERT_LT(++Steps, 10000000u) << "does not terminate";
      // Loop entries at the block start, outer first; a back edge lands
      // after its own loop's entry.
      bool Skip = ViaBackEdgeOf;
      for (unsigned I = 0; I < P.Loops.size(); ++I) {
        if (P.Loops[I].First != Blk)
          continue;
        if (Skip) {
          if (I == BackLoop)
            Skip = false;
          continue;
        }
        Counter[I] = Iterations[I];
        Ran[I] = 0;
      }
      ViaBackEdgeOf = false;
      if (Slots[Blk] == SlotKind::None) {
        ++Blk;
        continue;
      }
      auto It = LoopOfLatch.find(Blk);
      if (It != LoopOfLatch.end()) {
        unsigned I = It->second;
        ++Ran[I];
        if (--Counter[I] != 0) {
          Blk = P.Loops[I].First;
          ViaBackEdgeOf = true;
          BackLoop = I;
        } else {
          EXPECT_EQ(Ran[I], Iterations[I]);
          ++Blk;
        }
        continue;
      }
      bool Taken = Slots[Blk] == SlotKind::Uncond || RNG.chance(0.5);
      Blk = Taken ? P.Target[Blk] : Blk + 1;
    }
    EXPECT_EQ(Blk, N());
  }
};

BranchesConfig config(unsigned Variant) {
  BranchesConfig B;
  switch (Variant % 6) {
  case 0:
    break; // defaults
  case 1:
    B.LoopRatio = 1;
    B.MaxLoopDepth = 2;
    break;
  case 2:
    B.LoopRatio = 0.2;
    B.MaxIfDepth = 1;
    break;
  case 3:
    B.BlockDistance.Min = 1;
    B.BlockDistance.Max = 20;
    B.MaxLoopDepth = 4;
    break;
  case 4:
    B.LoopRatio = 0;
    break;
  case 5:
    B.LoopRatio = 0.8;
    B.MaxIfDepth = 3;
    B.MaxLoopDepth = 1;
    break;
  }
  return B;
}

} // namespace

TEST(ControlFlowPlannerTest, RulesHoldAndEveryRunEnds) {
  for (uint64_t Seed = 1; Seed <= 300; ++Seed) {
    RandomEngine RNG(Seed);
    BranchesConfig B = config(Seed);
    std::vector<SlotKind> Slots = randomSlots(RNG, 2 + RNG.below(120));
    unsigned MaxDist = B.BlockDistance.Max.value_or(1000);
    BranchPlan P = planBranches(Slots, B, MaxDist, RNG);
    Checker C{Slots, P, B};
    C.structure();
    std::vector<uint64_t> Iterations;
    for (size_t I = 0; I < P.Loops.size(); ++I)
      Iterations.push_back(1 + RNG.below(4));
    for (unsigned Run = 0; Run < 5; ++Run)
      C.run(RNG, Iterations);
    if (B.LoopRatio == 0)
      EXPECT_TRUE(P.Loops.empty());
    if (::testing::Test::HasFailure()) {
      ADD_FAILURE() << "seed " << Seed;
      return;
    }
  }
}

TEST(ControlFlowPlannerTest, DepthAndDistanceLimits) {
  for (uint64_t Seed = 1; Seed <= 100; ++Seed) {
    RandomEngine RNG(Seed);
    BranchesConfig B;
    B.MaxIfDepth = 2;
    B.MaxLoopDepth = 2;
    B.BlockDistance.Min = 2;
    B.BlockDistance.Max = 6;
    std::vector<SlotKind> Slots = randomSlots(RNG, 80);
    BranchPlan P = planBranches(Slots, B, 6, RNG);
    std::vector<unsigned> IfDepth(Slots.size(), 0);
    for (unsigned Blk = 0; Blk < Slots.size(); ++Blk) {
      unsigned To = P.Target[Blk];
      if (Slots[Blk] == SlotKind::None || To == Blk + 1)
        continue;
      if (To > Blk) {
        EXPECT_GE(To - Blk - 1, 2u);
        EXPECT_LE(To - Blk - 1, 6u);
        for (unsigned K = Blk + 1; K < To; ++K)
          ++IfDepth[K];
      } else {
        EXPECT_GE(Blk - To + 1, 2u);
        EXPECT_LE(Blk - To + 1, 6u);
      }
    }
    for (unsigned D : IfDepth)
      EXPECT_LE(D, 2u);
    for (unsigned D : P.LoopDepth)
      EXPECT_LE(D, 2u);
  }
}

TEST(ControlFlowPlannerTest, PermutationOffGoesToTheNextBlock) {
  RandomEngine RNG(3);
  BranchesConfig B;
  B.Permutation = false;
  std::vector<SlotKind> Slots = randomSlots(RNG, 40);
  BranchPlan P = planBranches(Slots, B, 100, RNG);
  EXPECT_TRUE(P.Loops.empty());
  for (unsigned Blk = 0; Blk < Slots.size(); ++Blk)
    EXPECT_EQ(P.Target[Blk], Blk + 1);
}

TEST(ControlFlowPlannerTest, SameSeedSamePlan) {
  RandomEngine A(42), B(42);
  BranchesConfig Cfg;
  std::vector<SlotKind> Slots = randomSlots(A, 60);
  randomSlots(B, 60);
  BranchPlan PA = planBranches(Slots, Cfg, 50, A);
  BranchPlan PB = planBranches(Slots, Cfg, 50, B);
  EXPECT_EQ(PA.Target, PB.Target);
  ASSERT_EQ(PA.Loops.size(), PB.Loops.size());
}

// Unconditional jumps always skip what they jump over: without
// distance.blocks they go to the nearest two legal targets (the next block,
// or past the next block or region), so they skip far less than
// conditional branches (issue 13).
TEST(ControlFlowPlannerTest, UnconditionalJumpsSkipLittle) {
  uint64_t UncondSkipped = 0, Unconds = 0, CondSkipped = 0, Conds = 0;
  for (uint64_t Seed = 1; Seed <= 50; ++Seed) {
    RandomEngine RNG(Seed);
    BranchesConfig B;
    B.LoopRatio = 0;
    std::vector<SlotKind> Slots = randomSlots(RNG, 60);
    BranchPlan P = planBranches(Slots, B, 100, RNG);
    for (unsigned Blk = 0; Blk < Slots.size(); ++Blk) {
      uint64_t Skipped = P.Target[Blk] - Blk - 1;
      if (Slots[Blk] == SlotKind::Uncond) {
        UncondSkipped += Skipped;
        ++Unconds;
      } else if (Slots[Blk] == SlotKind::Cond) {
        CondSkipped += Skipped;
        ++Conds;
      }
    }
  }
  ASSERT_GT(Unconds, 0u);
  ASSERT_GT(Conds, 0u);
  double U = double(UncondSkipped) / Unconds, C = double(CondSkipped) / Conds;
  EXPECT_LT(U, 2.0);
  EXPECT_LT(U * 3, C);
}

// consecutive-loops: every conditional branch closes a one-block loop; a
// loop right after another joins its chain while the chain has fewer than N
// followers (all: no bound); jumps go to the next block.
TEST(ControlFlowPlannerTest, ConsecutiveLoopChains) {
  using K = SlotKind;
  std::vector<SlotKind> Slots = {K::Cond, K::Cond, K::Cond, K::Cond,
                                 K::Uncond, K::Cond, K::Cond, K::None};
  BranchesConfig B;
  B.LoopRatio = 1.0;
  B.MaxLoopDepth = 1;
  B.ConsecutiveLoops = BranchesConfig::Consecutive::Some;
  B.ConsecutiveN = 2;
  RandomEngine RNG(7);
  BranchPlan P = planBranches(Slots, B, 100, RNG);
  ASSERT_EQ(P.Loops.size(), 6u);
  std::vector<unsigned> Heads, Firsts;
  for (const PlannedLoop &L : P.Loops) {
    EXPECT_EQ(L.First, L.Latch);
    EXPECT_EQ(L.Depth, 1u);
    EXPECT_EQ(P.Target[L.Latch], L.First);
    Heads.push_back(L.Head);
    Firsts.push_back(L.First);
  }
  EXPECT_EQ(Firsts, (std::vector<unsigned>{0, 1, 2, 3, 5, 6}));
  // 0 <- 1, 2 (two followers), 3 starts a chain, the jump breaks it.
  EXPECT_EQ(Heads, (std::vector<unsigned>{0, 0, 0, 3, 5, 5}));
  EXPECT_EQ(P.Target[4], 5u);

  B.ConsecutiveLoops = BranchesConfig::Consecutive::All;
  P = planBranches(Slots, B, 100, RNG);
  Heads.clear();
  for (const PlannedLoop &L : P.Loops)
    Heads.push_back(L.Head);
  EXPECT_EQ(Heads, (std::vector<unsigned>{0, 0, 0, 0, 5, 5}));
}
