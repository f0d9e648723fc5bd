#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"
#include <cmath>
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

struct Fixture {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
  const GenTarget *Target;
  Layout L;
  Fixture(std::vector<std::pair<std::string, double>> Hist) {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = "+m";
    Sel.ABI = "lp64";
    Sel.ISAString = "rv64i2p1_m2p0";
    Env = cantFail(MCEnvironment::create(Sel));
    Target = GenTarget::lookup(Sel.TheTriple);
    Cat = cantFail(ISACatalogue::build(*Env, *Target));
    L.SM = std::make_shared<SourceMgr>();
    SectionDesc Code, Data;
    Code.Name = "1";
    Code.VMA = 0x10000;
    Code.Size = 0x1000000;
    Code.Access.R = Code.Access.X = true;
    Data.Name = "2";
    Data.VMA = 0x2000000;
    Data.Size = 0x1000;
    Data.Access.R = Data.Access.W = true;
    L.Sections = {Code, Data};
    for (auto &[Name, W] : Hist)
      L.Histogram.push_back({Name, W, SMLoc()});
  }
};

// Counts opcodes in the generated code, by decoding it.
std::map<std::string, unsigned> countOpcodes(const MCEnvironment &Env,
                                             const Program &P) {
  std::map<std::string, unsigned> Counts;
  const std::vector<uint8_t> &Code = P.Functions[0].Blocks[0].Code;
  for (size_t Off = 0; Off < Code.size();) {
    MCInst I;
    unsigned Size = Env.decode(ArrayRef<uint8_t>(Code).slice(Off), Off, I);
    EXPECT_GT(Size, 0u);
    if (!Size)
      break;
    ++Counts[Env.instrInfo().getName(I.getOpcode()).str()];
    Off += Size;
  }
  return Counts;
}

} // namespace

// 100k instructions from a weighted histogram land within statistical
// tolerance (5 standard deviations of a binomial) of the weights.
TEST(DistributionTest, FollowsHistogramWeights) {
  std::vector<std::pair<std::string, double>> Hist = {
      {"ADD", 1.0}, {"SUB", 2.0}, {"XOR", 3.0}, {"MUL", 4.0}, {"LW", 5.0},
      {"SD", 0.5}};
  Fixture F(Hist);
  WarningEngine W;
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.Cat, W));
  auto Schemes = cantFail(MemorySchemeSet::build(F.L, MemoryPolicy(), W));
  RandomEngine RNG(12345);
  GeneratorConfig C;
  C.NumInstrs = 100000;
  RegisterPolicy Regs(*F.Env, *F.Target, C);
  ImmediatePolicy Imms;
  MemoryPlanner Mem(*F.Env, *F.Target, *Schemes, MemoryPlannerOptions());
  HistogramSource Src(H);
  SnippetGenerator Gen(*F.Env, *F.Target, F.L, H, {Regs, Imms, Mem, Src}, RNG, C);
  Program P = cantFail(Gen.generate());
  EXPECT_EQ(P.Stats.PrimaryInstrs, 100000u);
  auto Counts = countOpcodes(*F.Env, P);
  double Total = 0;
  for (auto &[N, Wt] : Hist)
    Total += Wt;
  for (auto &[Name, Wt] : Hist) {
    double Prob = Wt / Total;
    double Mean = 100000 * Prob;
    double Sigma = std::sqrt(100000 * Prob * (1 - Prob));
    EXPECT_NEAR(Counts[Name], Mean, 5 * Sigma) << Name;
  }
  // Ancillary instructions are only the address materialisation.
  for (auto &[Name, N] : Counts)
    EXPECT_TRUE(Name == "LUI" || Name == "ADDIW" || Name == "ADDI" ||
                Name == "SLLI" || Name == "EBREAK" ||
                any_of(Hist, [&](auto &E) { return E.first == Name; }))
        << Name;
}

// Every memory access has a base that ancillary code set up (right before
// it, or earlier and still intact), pointing to an aligned address inside
// the RW section.
TEST(DistributionTest, EveryAccessHasAFreshValidBase) {
  Fixture F({{"LW", 1.0}, {"SD", 1.0}, {"LBU", 1.0}});
  WarningEngine W;
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.Cat, W));
  auto Schemes = cantFail(MemorySchemeSet::build(F.L, MemoryPolicy(), W));
  RandomEngine RNG(7);
  GeneratorConfig C;
  C.NumInstrs = 5000;
  RegisterPolicy Regs(*F.Env, *F.Target, C);
  ImmediatePolicy Imms;
  MemoryPlanner Mem(*F.Env, *F.Target, *Schemes, MemoryPlannerOptions());
  HistogramSource Src(H);
  SnippetGenerator Gen(*F.Env, *F.Target, F.L, H, {Regs, Imms, Mem, Src}, RNG, C);
  Program P = cantFail(Gen.generate());
  const std::vector<uint8_t> &Code = P.Functions[0].Blocks[0].Code;
  // Tiny interpreter for LUI/ADDIW/ADDI/SLLI to track register values.
  std::map<unsigned, int64_t> Known;
  unsigned Accesses = 0;
  for (size_t Off = 0; Off < Code.size();) {
    MCInst I;
    unsigned Size = F.Env->decode(ArrayRef<uint8_t>(Code).slice(Off), Off, I);
    ASSERT_GT(Size, 0u);
    Off += Size;
    StringRef Name = F.Env->instrInfo().getName(I.getOpcode());
    auto Reg = [&](unsigned Idx) { return I.getOperand(Idx).getReg().id(); };
    if (Name == "LUI") {
      Known[Reg(0)] = (int64_t)(int32_t)(uint32_t)(I.getOperand(1).getImm() << 12);
    } else if (Name == "ADDIW") {
      Known[Reg(0)] = (int64_t)(int32_t)(uint32_t)(Known.at(Reg(1)) + I.getOperand(2).getImm());
    } else if (Name == "ADDI") {
      int64_t Src = Reg(1) == F.Env->findRegister("X0") ? 0 : Known.at(Reg(1));
      Known[Reg(0)] = Src + I.getOperand(2).getImm();
    } else if (Name == "SLLI") {
      Known[Reg(0)] = Known.at(Reg(1)) << I.getOperand(2).getImm();
    } else if (Name != "EBREAK") {
      unsigned Size = Name == "SD" ? 8 : Name == "LW" ? 4 : 1;
      ASSERT_TRUE(Known.count(Reg(1))) << "base of " << Name.str() << " not materialised";
      int64_t Addr = Known[Reg(1)] + I.getOperand(2).getImm();
      EXPECT_GE(Addr, 0x2000000);
      EXPECT_LE(Addr + Size, 0x2001000);
      EXPECT_EQ(Addr % Size, 0);
      ++Accesses;
      // The destination of a load is clobbered.
      if (Name != "SD")
        Known.erase(Reg(0));
    }
  }
  EXPECT_EQ(Accesses, 5000u);
}
