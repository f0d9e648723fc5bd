//===- BurstSourceTest.cpp - Burst groups from the histogram --------------===//
//
// BurstSource hands out the opcodes of a grouping as runs of min..max, keeps
// the histogram's proportions, and tells the memory planner which member of
// which group every instruction is.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/BurstSource.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

TEST(BurstSourceTest, GroupsAreRunsAndProportionsHold) {
  registerBuiltinTargets();
  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64-unknown-elf");
  Sel.CPU = "generic-rv64";
  Sel.ABI = "lp64";
  Sel.ISAString = "rv64i2p1";
  auto Env = cantFail(MCEnvironment::create(Sel));
  const GenTarget *Target = GenTarget::lookup(Sel.TheTriple);
  auto Cat = cantFail(ISACatalogue::build(*Env, *Target));
  Layout L;
  L.SM = std::make_shared<SourceMgr>();
  SectionDesc Code, Data;
  Code.Name = "1", Code.VMA = 0x10000, Code.Size = 0x1000;
  Code.Access.R = Code.Access.X = true;
  Data.Name = "2", Data.VMA = 0x20000, Data.Size = 0x1000;
  Data.Access.R = Data.Access.W = true;
  L.Sections = {Code, Data};
  L.Histogram = {{"ADD", 2.0, SMLoc()}, {"LW", 1.0, SMLoc()},
                 {"SW", 1.0, SMLoc()}};
  WarningEngine W;
  auto H = cantFail(OpcodeHistogram::resolve(L, *Cat, W));
  auto Schemes = cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
  MemoryPlanner Planner(*Env, *Target, *Schemes, MemoryPlannerOptions());
  unsigned SW = Env->findOpcode("SW");
  BurstSource Src(H, {{SW}}, 3, 5, Env->instrInfo().getNumOpcodes(), Planner);

  RandomEngine RNG(11);
  std::vector<unsigned> Seq;
  for (int I = 0; I < 40000; ++I)
    Seq.push_back(Src.next(RNG).Opcode);
  // Runs of SW: 3..5, or a multiple when groups follow each other.
  unsigned Stores = 0, Run = 0, Runs = 0;
  for (size_t I = 0; I <= Seq.size(); ++I) {
    if (I < Seq.size() && Seq[I] == SW) {
      ++Run, ++Stores;
      continue;
    }
    if (Run && I < Seq.size()) {
      EXPECT_GE(Run, 3u);
      ++Runs;
    }
    Run = 0;
  }
  EXPECT_GT(Runs, 1000u);
  EXPECT_NEAR(Stores / 40000.0, 0.25, 0.02);
}

} // namespace
