//===- ControlFlowTargetTest.cpp - RISC-V terminator forms ----------------===//
//
// Every form encodes and decodes to itself (CodeBuffer), reaches exactly
// as far as the probed offset domains allow, and a target out of a form's
// reach is refused rather than truncated.
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

struct RV64GC {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
  std::unique_ptr<ControlFlowTarget> CFT;
  RV64GC() {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = "+m,+a,+f,+d,+c,+zicsr,+zifencei";
    Sel.ABI = "lp64d";
    Sel.ISAString = "rv64gc";
    Env = cantFail(MCEnvironment::create(Sel));
    const GenTarget *T = GenTarget::lookup(Sel.TheTriple);
    Cat = cantFail(ISACatalogue::build(*Env, *T));
    CFT = T->createControlFlowTarget(*Env, *Cat);
  }
  unsigned reg(StringRef N) const { return Env->findRegister(N); }
  unsigned op(StringRef N) const { return Env->findOpcode(N); }

  Terminator branch(StringRef Name) const {
    Terminator T;
    T.Kind = TerminatorKind::Branch;
    T.Opcode = op(Name);
    T.Inst.setOpcode(T.Opcode);
    T.Inst.addOperand(MCOperand::createReg(reg("X10")));
    if (Name != "C_BEQZ" && Name != "C_BNEZ")
      T.Inst.addOperand(MCOperand::createReg(reg("X11")));
    T.Inst.addOperand(MCOperand::createImm(0));
    T.Scratch = reg("X5");
    return T;
  }

  /// The smallest form that reaches Distance, after checking that its
  /// instructions round-trip; -1 if none does.
  int form(const Terminator &T, int64_t Distance,
           std::vector<std::string> *Names = nullptr) const {
    SmallVector<MCInst, 4> Insts;
    for (unsigned F = 0; F < ControlFlowTarget::NumForms; ++F) {
      if (!CFT->buildTerminator(T, F, Distance, Insts))
        continue;
      BasicBlock B;
      CodeBuffer Out(*Env, B);
      for (const MCInst &I : Insts) {
        Out.emit(I);
        if (Names)
          Names->push_back(Env->instrInfo().getName(I.getOpcode()).str());
      }
      EXPECT_FALSE(bool(Out.takeError()));
      return F;
    }
    return -1;
  }
};

RV64GC &target() {
  static RV64GC T;
  return T;
}

} // namespace

TEST(ControlFlowTargetTest, ConditionalBranchReach) {
  RV64GC &T = target();
  Terminator B = T.branch("BEQ");
  EXPECT_EQ(T.form(B, 4094), 0);
  EXPECT_EQ(T.form(B, -4096), 0);
  std::vector<std::string> Names;
  EXPECT_EQ(T.form(B, 4096, &Names), 1);
  EXPECT_EQ(Names, (std::vector<std::string>{"BNE", "JAL"}));
  Names.clear();
  EXPECT_EQ(T.form(B, 4 << 20, &Names), 2);
  EXPECT_EQ(Names, (std::vector<std::string>{"BNE", "AUIPC", "JALR"}));
  B.Scratch = 0; // no register for the far form: refused, not truncated
  EXPECT_EQ(T.form(B, 4 << 20), -1);
}

TEST(ControlFlowTargetTest, CompressedBranchReach) {
  RV64GC &T = target();
  Terminator B = T.branch("C_BEQZ");
  EXPECT_EQ(T.form(B, 254), 0);
  EXPECT_EQ(T.form(B, -256), 0);
  std::vector<std::string> Names;
  EXPECT_EQ(T.form(B, 256, &Names), 1);
  EXPECT_EQ(Names, (std::vector<std::string>{"C_BNEZ", "JAL"}));
}

TEST(ControlFlowTargetTest, JumpsAndCalls) {
  RV64GC &T = target();
  Terminator J;
  J.Kind = TerminatorKind::Jump;
  J.Opcode = T.op("C_J");
  J.Scratch = T.reg("X6");
  EXPECT_EQ(T.form(J, 2046), 0);
  EXPECT_EQ(T.form(J, 2048), 1);
  EXPECT_EQ(T.form(J, -(1 << 20) - 2), 2);

  Terminator I;
  I.Kind = TerminatorKind::IndirectJump;
  I.Opcode = T.op("C_JR");
  I.Scratch = T.reg("X7");
  std::vector<std::string> Names;
  EXPECT_EQ(T.form(I, 123456, &Names), 0);
  EXPECT_EQ(Names, (std::vector<std::string>{"AUIPC", "ADDI", "C_JR"}));

  Terminator C;
  C.Kind = TerminatorKind::Call;
  C.Opcode = T.op("JAL");
  EXPECT_EQ(T.form(C, (1 << 20) - 2), 1); // form 0 is C.JAL, RV32 only
  Names.clear();
  EXPECT_EQ(T.form(C, 1 << 20, &Names), 2); // through ra itself
  EXPECT_EQ(Names, (std::vector<std::string>{"AUIPC", "JALR"}));
}

TEST(ControlFlowTargetTest, LoopLatch) {
  RV64GC &T = target();
  Terminator L;
  L.Kind = TerminatorKind::LoopLatch;
  L.Counter = T.reg("X9");
  L.Compressed = true;
  L.Scratch = T.reg("X5");
  std::vector<std::string> Names;
  EXPECT_EQ(T.form(L, -100, &Names), 0);
  EXPECT_EQ(Names, (std::vector<std::string>{"C_ADDI", "C_BNEZ"}));
  Names.clear();
  EXPECT_EQ(T.form(L, -1000, &Names), 1);
  EXPECT_EQ(Names, (std::vector<std::string>{"C_ADDI", "C_BEQZ", "JAL"}));
  L.Compressed = false;
  Names.clear();
  EXPECT_EQ(T.form(L, -1000, &Names), 0);
  EXPECT_EQ(Names, (std::vector<std::string>{"ADDI", "BNE"}));
  EXPECT_TRUE(T.CFT->canCompressCounter(T.reg("X9")));
  EXPECT_FALSE(T.CFT->canCompressCounter(T.reg("X20")));
}

// -redefine-ra / -randomize-ra: a call links through Terminator::Link (every
// form, the far one through the link register itself), the callee returns
// through it, and the calls that write ra implicitly refuse another link.
TEST(ControlFlowTargetTest, CallsThroughAnotherLinkRegister) {
  RV64GC &T = target();
  SmallVector<MCInst, 4> Insts;
  Terminator C;
  C.Kind = TerminatorKind::Call;
  C.Opcode = T.op("JAL");
  C.Link = T.reg("X5");
  ASSERT_TRUE(T.CFT->buildTerminator(C, 1, 2048, Insts));
  ASSERT_EQ(Insts.size(), 1u);
  EXPECT_EQ(Insts[0].getOperand(0).getReg(), T.reg("X5"));
  ASSERT_TRUE(T.CFT->buildTerminator(C, 2, 1 << 20, Insts));
  ASSERT_EQ(Insts.size(), 2u);
  EXPECT_EQ(Insts[0].getOperand(0).getReg(), T.reg("X5")); // AUIPC t0
  EXPECT_EQ(Insts[1].getOperand(0).getReg(), T.reg("X5")); // JALR t0, t0
  EXPECT_EQ(Insts[1].getOperand(1).getReg(), T.reg("X5"));

  C.Opcode = T.op("JALR");
  ASSERT_TRUE(T.CFT->buildTerminator(C, 0, 4096, Insts));
  EXPECT_EQ(Insts.back().getOperand(0).getReg(), T.reg("X5"));

  C.Opcode = T.op("C_JALR");
  EXPECT_FALSE(T.CFT->buildTerminator(C, 0, 4096, Insts));
  C.Link = 0; // the ABI's ra
  ASSERT_TRUE(T.CFT->buildTerminator(C, 0, 4096, Insts));
  EXPECT_EQ(T.Env->instrInfo().getName(Insts.back().getOpcode()), "C_JALR");

  MCInst R = T.CFT->returnThrough(T.reg("X7"));
  EXPECT_EQ(T.Env->instrInfo().getName(R.getOpcode()), "JALR");
  EXPECT_EQ(R.getOperand(0).getReg(), T.reg("X0"));
  EXPECT_EQ(R.getOperand(1).getReg(), T.reg("X7"));
  EXPECT_EQ(T.CFT->returnInstr().getOperand(1).getReg(), T.reg("X1"));
  EXPECT_EQ(T.CFT->returnAddress(), T.reg("X1"));
  EXPECT_TRUE(T.CFT->linksOnlyThroughABI(T.op("C_JALR")));
  EXPECT_FALSE(T.CFT->linksOnlyThroughABI(T.op("JAL")));
  std::vector<unsigned> Cands = T.CFT->returnAddressCandidates();
  EXPECT_EQ(Cands.size(), 31u);
  EXPECT_FALSE(is_contained(Cands, T.reg("X0")));
}

// code-layout beyond AUIPC's +-2 GiB (RV64): the absolute form builds the
// target in the terminator's register and jumps through it. Evaluating the
// sequence gives exactly the target, it round-trips, and it never exceeds
// absoluteTerminatorMaxBytes.
TEST(ControlFlowTargetTest, AbsoluteForms) {
  RV64GC &T = target();
  Terminator J;
  J.Kind = TerminatorKind::Jump;
  J.Opcode = 0; // a jump to the next block
  J.Scratch = T.reg("X6");
  Terminator B = T.branch("BLT");
  Terminator C;
  C.Kind = TerminatorKind::Call;
  C.Opcode = T.op("JAL");
  const uint64_t Tos[] = {0x10000000,         0x98000000,
                          0x1B0001234,        0x7fffffff800,
                          0x123456789abcdef0, 0xfffffffffffff802,
                          0x8000000000000ffe, 0x7ff7ff7ff7ff7ffe};
  for (const Terminator *Term : {&J, &B, &C}) {
    uint64_t Max = T.CFT->absoluteTerminatorMaxBytes(*Term);
    ASSERT_GT(Max, 0u);
    for (uint64_t To : Tos) {
      SmallVector<MCInst, 12> Insts;
      ASSERT_TRUE(T.CFT->buildAbsoluteTerminator(*Term, To, Insts));
      BasicBlock BB;
      CodeBuffer Out(*T.Env, BB);
      for (const MCInst &I : Insts)
        Out.emit(I);
      ASSERT_FALSE(bool(Out.takeError()));
      EXPECT_LE(BB.Code.size(), Max) << std::hex << To;
      // Evaluate the register's value up to the JALR (a branch first skips
      // over the whole jump when inverted, so start after it).
      unsigned Reg = Term == &C ? T.reg("X1") : T.reg(Term == &J ? "X6" : "X5");
      uint64_t V = 0;
      size_t K = Term == &B ? 1 : 0;
      if (Term == &B) {
        EXPECT_EQ(T.Env->instrInfo().getName(Insts[0].getOpcode()), "BGE");
        EXPECT_EQ(Insts[0].getOperand(2).getImm(), int64_t(BB.Code.size()));
      }
      for (; K + 1 < Insts.size(); ++K) {
        const MCInst &I = Insts[K];
        StringRef N = T.Env->instrInfo().getName(I.getOpcode());
        ASSERT_EQ(I.getOperand(0).getReg(), Reg) << N.str();
        if (N == "LUI") {
          V = uint64_t(int64_t(int32_t(uint32_t(I.getOperand(1).getImm() << 12))));
          continue;
        }
        uint64_t Src = I.getOperand(1).getReg() == Reg ? V : 0;
        int64_t Imm = I.getOperand(2).getImm();
        if (N == "ADDI")
          V = Src + uint64_t(Imm);
        else if (N == "ADDIW")
          V = uint64_t(int64_t(int32_t(uint32_t(Src + uint64_t(Imm)))));
        else if (N == "SLLI")
          V = Src << Imm;
        else
          FAIL() << "unexpected " << N.str();
      }
      const MCInst &Last = Insts.back();
      ASSERT_EQ(T.Env->instrInfo().getName(Last.getOpcode()), "JALR");
      EXPECT_EQ(Last.getOperand(0).getReg(),
                Term == &C ? T.reg("X1") : T.reg("X0"));
      EXPECT_EQ(Last.getOperand(1).getReg(), Reg);
      EXPECT_EQ(V + uint64_t(Last.getOperand(2).getImm()), To) << std::hex << To;
    }
  }
  // No register: no absolute form.
  J.Scratch = 0;
  SmallVector<MCInst, 12> Insts;
  EXPECT_FALSE(T.CFT->buildAbsoluteTerminator(J, 0x98000000, Insts));
  EXPECT_EQ(T.CFT->absoluteTerminatorMaxBytes(J), 0u);
}
