//===- ConsecutiveLoopsCheckTest.cpp - -verify-consecutive-loops ----------===//
//
// The verifier on hand-made layouts: a chain it accepts, and each way a
// program can violate the branchegram's consecutive-loops.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Generator/ConsecutiveLoopsCheck.h"
#include "snipgen/Generator/Program.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

// prologue, NumLoops one-block loops (4 bytes of body, 4 of latch), the
// last block, the epilogue. Chained: loop I > 0 starts right after I - 1,
// its counter set up in the first loop's block.
Function chain(unsigned NumLoops, bool Chained) {
  Function F;
  F.Name = "f";
  F.Blocks.resize(NumLoops + 3);
  for (unsigned I = 0; I < NumLoops; ++I) {
    LoopInfo L;
    L.First = L.Latch = I + 1;
    L.Iterations = 2;
    F.Loops.push_back(L);
    BasicBlock &B = F.Blocks[I + 1];
    B.Code.assign(4, 0);
    B.Term.Kind = TerminatorKind::LoopLatch;
    B.Term.Target = I;
    B.Term.Resolved.Bytes.assign(4, 0);
    LoopEntry E;
    E.Loop = I;
    if (!Chained || I == 0)
      E.Init.Bytes.assign(2, 0);
    B.LoopEntries.push_back(E);
  }
  if (Chained)
    for (unsigned I = 1; I < NumLoops; ++I) {
      LoopEntry E;
      E.Loop = I;
      E.StartsLoop = false;
      E.Init.Bytes.assign(2, 0);
      auto &Entries = F.Blocks[1].LoopEntries;
      Entries.insert(Entries.begin(), E);
    }
  uint64_t A = 0x1000;
  for (BasicBlock &B : F.Blocks) {
    B.Address = A;
    for (LoopEntry &E : B.LoopEntries)
      if (E.StartsLoop)
        F.Loops[E.Loop].StartAddress = A + B.bodyOffset();
    A += B.size();
  }
  return F;
}

BranchesConfig consecutive(BranchesConfig::Consecutive M, unsigned N = 0) {
  BranchesConfig B;
  B.LoopRatio = 1;
  B.MaxLoopDepth = 1;
  B.ConsecutiveLoops = M;
  B.ConsecutiveN = N;
  return B;
}

// "" on success, else the error's message.
std::string check(const Program &P, const BranchesConfig &B) {
  Error E = verifyConsecutiveLoops(P, B);
  return E ? toString(std::move(E)) : std::string();
}

} // namespace

TEST(ConsecutiveLoopsCheckTest, ChainsAgainstTheBranchegram) {
  using C = BranchesConfig::Consecutive;
  Program P;
  P.Functions.push_back(chain(4, true)); // one chain: 3 followers
  EXPECT_EQ(check(P, consecutive(C::All)), "");
  EXPECT_EQ(check(P, consecutive(C::Some, 3)), "");
  EXPECT_NE(check(P, consecutive(C::Some, 2)).find("too many consecutive loops were generated: 3 after the loop at"), std::string::npos);
  EXPECT_NE(check(P, BranchesConfig()).find("No consecutive loops expected to be generated, "
                        "generated 3"), std::string::npos);

  P.Functions[0] = chain(4, false); // loops with their own set-up
  EXPECT_EQ(check(P, BranchesConfig()), "");
  EXPECT_EQ(check(P, consecutive(C::Some, 1)), "");
  EXPECT_NE(check(P, consecutive(C::All)).find("only consecutive loops chain expected, found 4"), std::string::npos);

  // A follower whose counter nobody set up.
  P.Functions[0] = chain(3, true);
  P.Functions[0].Blocks[1].LoopEntries.erase(
      P.Functions[0].Blocks[1].LoopEntries.begin());
  EXPECT_NE(check(P, consecutive(C::All)).find("is not set up before its chain"), std::string::npos);

  // all: a block that is not a loop.
  P.Functions[0] = chain(3, true);
  P.Functions[0].Blocks.insert(P.Functions[0].Blocks.begin() + 4,
                               BasicBlock());
  EXPECT_NE(check(P, consecutive(C::All)).find("all blocks expected to be consecutive loops"), std::string::npos);

  // Nested loops.
  P.Functions[0] = chain(3, true);
  P.Functions[0].Loops[1].Depth = 2;
  EXPECT_NE(check(P, consecutive(C::Some, 5)).find("loop depth > 1 is not allowed"), std::string::npos);
}
