//===- MemoryPlannerTest.cpp - Bases, offsets and records -----------------===//
//
// Generates snippets and re-executes their address arithmetic with a tiny
// interpreter: every load/store's base was set by ancillary code (and not
// overwritten since), base + offset is the address recorded for it, which
// lies in the RW section; compressed accesses use their short offsets.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
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
#include "llvm/MC/MCRegisterInfo.h"
#include "gtest/gtest.h"
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

struct PlannerFixture {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
  const GenTarget *Target;
  Layout L;
  PlannerFixture(uint64_t DataVMA,
                 std::vector<std::pair<std::string, double>> Hist) {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = "+m,+c";
    Sel.ABI = "lp64";
    Sel.ISAString = "rv64i2p1_m2p0_c2p0";
    Env = cantFail(MCEnvironment::create(Sel));
    Target = GenTarget::lookup(Sel.TheTriple);
    Cat = cantFail(ISACatalogue::build(*Env, *Target));
    L.SM = std::make_shared<SourceMgr>();
    SectionDesc Code, Data;
    Code.Name = "1", Code.VMA = 0x10000, Code.Size = 0x1000000;
    Code.Access.R = Code.Access.X = true;
    Data.Name = "2", Data.VMA = DataVMA, Data.Size = 0x100000;
    Data.Access.R = Data.Access.W = true;
    L.Sections = {Code, Data};
    for (auto &[Name, W] : Hist)
      L.Histogram.push_back({Name, W, SMLoc()});
  }

  Program generate(uint64_t N, uint64_t Seed) {
    WarningEngine W;
    auto H = cantFail(OpcodeHistogram::resolve(L, *Cat, W));
    auto Schemes = cantFail(MemorySchemeSet::build(L, MemoryPolicy(), W));
    RandomEngine RNG(Seed);
    GeneratorConfig C;
    C.NumInstrs = N;
    RegisterPolicy Regs(*Env, *Target, C);
    ImmediatePolicy Imms;
    MemoryPlanner Mem(*Env, *Target, *Schemes, MemoryPlannerOptions());
    HistogramSource Src(H);
    SnippetGenerator Gen(*Env, *Target, L, H, {Regs, Imms, Mem, Src}, RNG, C);
    return cantFail(Gen.generate());
  }

  // Replays the block: returns the number of checked accesses.
  unsigned replay(const Program &P) {
    const BasicBlock &B = P.Functions[0].Blocks[0];
    std::map<unsigned, uint64_t> Known; // registers set by address code
    std::map<uint64_t, const MemoryAccessRecord *> Records;
    for (const MemoryAccessRecord &R : B.MemoryAccesses)
      Records[R.Offset] = &R;
    unsigned Zero = Env->findRegister("X0");
    unsigned Checked = 0;
    for (size_t Off = 0; Off < B.Code.size();) {
      MCInst I;
      unsigned Size = Env->decode(ArrayRef<uint8_t>(B.Code).slice(Off), Off, I);
      EXPECT_GT(Size, 0u);
      if (!Size)
        return Checked;
      const MCInstrDesc &D = Env->instrInfo().get(I.getOpcode());
      StringRef Name = Env->instrInfo().getName(I.getOpcode());
      auto Reg = [&](unsigned Idx) { return I.getOperand(Idx).getReg().id(); };
      auto Val = [&](unsigned R) -> std::optional<uint64_t> {
        if (R == Zero)
          return 0;
        auto It = Known.find(R);
        return It == Known.end() ? std::nullopt : std::optional(It->second);
      };
      auto It = Records.find(Off);
      if (It != Records.end()) {
        const MemoryAccessRecord &R = *It->second;
        const OpcodeDesc *Op = Cat->lookup(I.getOpcode());
        std::optional<uint64_t> Base = Val(Reg(Op->MemBaseOp));
        EXPECT_TRUE(Base) << Name.str() << " at " << Off;
        int64_t Imm = Op->MemOffsetOp >= 0 ? I.getOperand(Op->MemOffsetOp).getImm() : 0;
        if (Base)
          EXPECT_EQ(*Base + Imm, R.Address) << Name.str() << " at " << Off;
        EXPECT_GE(R.Address, L.Sections[1].VMA);
        EXPECT_LE(R.Address + R.Size, L.Sections[1].end());
        EXPECT_EQ(R.Address % R.Align, 0u);
        ++Checked;
      }
      // Address arithmetic of the planner.
      if (Name == "LUI") {
        Known[Reg(0)] = (uint64_t)(int64_t)(int32_t)(uint32_t)(I.getOperand(1).getImm() << 12);
      } else if (Name == "ADDIW" && Val(Reg(1))) {
        Known[Reg(0)] = (uint64_t)(int64_t)(int32_t)(uint32_t)(*Val(Reg(1)) + I.getOperand(2).getImm());
      } else if (Name == "ADDI" && Val(Reg(1)) && It == Records.end()) {
        Known[Reg(0)] = *Val(Reg(1)) + I.getOperand(2).getImm();
      } else if (Name == "SLLI" && Val(Reg(1))) {
        Known[Reg(0)] = *Val(Reg(1)) << I.getOperand(2).getImm();
      } else if (Name == "ADD" && Val(Reg(1)) && Val(Reg(2))) {
        Known[Reg(0)] = *Val(Reg(1)) + *Val(Reg(2));
      } else {
        // Anything else: its destinations - and every register they
        // overlap, e.g. both halves of a GPR pair - hold unknown values now.
        for (unsigned Idx = 0; Idx < D.getNumDefs(); ++Idx)
          for (MCRegAliasIterator AI(Reg(Idx), &Env->regInfo(), true);
               AI.isValid(); ++AI)
            Known.erase(*AI);
      }
      Off += Size;
    }
    return Checked;
  }
};

TEST(MemoryPlannerTest, BasesAreExactNearAndFar) {
  for (uint64_t DataVMA : {0x2000000ull, 0x80000000ull, 0x200000000ull}) {
    PlannerFixture F(DataVMA, {{"ADD", 1.0}, {"LD", 1.0}, {"SW", 1.0},
                               {"LBU", 1.0}, {"C_LD", 1.0}, {"C_SW", 1.0},
                               {"C_LW", 1.0}});
    Program P = F.generate(3000, DataVMA);
    unsigned Checked = F.replay(P);
    EXPECT_EQ(Checked, P.Stats.MemoryAccesses);
    EXPECT_GT(Checked, 2000u);
  }
}

// Accesses near each other share bases: far fewer ancillary instructions
// than accesses.
TEST(MemoryPlannerTest, KnownBasesAreReused) {
  PlannerFixture F(0x80000000, {{"LW", 1.0}, {"SW", 1.0}});
  F.L.Sections[1].Size = 0x800; // every address within one ADDI's reach
  Program P = F.generate(2000, 3);
  EXPECT_EQ(F.replay(P), 2000u);
  EXPECT_LT(P.Stats.AncillaryInstrs, 400u);
}

} // namespace
