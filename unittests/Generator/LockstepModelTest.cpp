//===- LockstepModelTest.cpp - The model that runs during generation ------===//
//
// Code emitted into a CodeBuffer runs on the lockstep model as it grows;
// register values are read back, and "known" tells which of them depend on
// the snippet alone (not on initial registers or memory it never wrote).
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/LockstepModel.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

struct LockstepFixture {
  std::unique_ptr<MCEnvironment> Env;
  Layout L;
  BasicBlock Block;
  std::unique_ptr<CodeBuffer> Out;
  explicit LockstepFixture(StringRef Features = "+m", bool WritableCode = false) {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = Features.str();
    Sel.ABI = "lp64";
    Sel.ISAString = "rv64i2p1_m2p0";
    Env = cantFail(MCEnvironment::create(Sel));
    SectionDesc Code, Data;
    Code.Name = "1", Code.VMA = 0x10000, Code.Size = 0x1000;
    Code.Access.R = Code.Access.X = true;
    Code.Access.W = WritableCode;
    Data.Name = "2", Data.VMA = 0x20000, Data.Size = 0x1000;
    Data.Access.R = Data.Access.W = true;
    L.Sections = {Code, Data};
    Out = std::make_unique<CodeBuffer>(*Env, Block);
  }
  unsigned x(unsigned N) { return Env->findRegister(("X" + Twine(N)).str()); }
  void emit(StringRef Name, std::initializer_list<MCOperand> Ops) {
    MCInst I;
    I.setOpcode(Env->findOpcode(Name));
    for (const MCOperand &O : Ops)
      I.addOperand(O);
    Out->emit(I);
  }
  MCOperand r(unsigned N) { return MCOperand::createReg(x(N)); }
  MCOperand i(int64_t V) { return MCOperand::createImm(V); }
};

TEST(LockstepModelTest, ValuesAndKnowledgeFollowTheCode) {
  LockstepFixture F;
  auto LM = cantFail(LockstepModel::create(*F.Env, F.L, 0));
  F.emit("LUI", {F.r(5), F.i(0x20)});           // x5 = 0x20000
  F.emit("ADDI", {F.r(6), F.r(0), F.i(7)});     // x6 = 7
  ASSERT_FALSE(LM->catchUp(F.Block.Code));
  EXPECT_EQ(LM->value(F.x(5)), 0x20000u);
  EXPECT_TRUE(LM->isKnown(F.x(5)));
  EXPECT_FALSE(LM->isKnown(F.x(8))); // an initial register

  F.emit("SW", {F.r(6), F.r(5), F.i(0)});       // [0x20000] = 7
  F.emit("LW", {F.r(7), F.r(5), F.i(0)});       // x7 = 7: stored by us
  F.emit("LW", {F.r(8), F.r(5), F.i(4)});       // never written: unknown
  F.emit("ADD", {F.r(9), F.r(7), F.r(8)});      // unknown input
  F.emit("ADD", {F.r(10), F.r(7), F.r(6)});     // 14, known
  F.emit("ADD", {F.r(8), F.r(0), F.r(0)});      // x8 known again
  ASSERT_FALSE(LM->catchUp(F.Block.Code));
  EXPECT_EQ(LM->executedInstructions(), 8u);
  EXPECT_EQ(LM->position(), F.Block.Code.size());
  EXPECT_TRUE(LM->isKnown(F.x(7)));
  EXPECT_FALSE(LM->isKnown(F.x(9)));
  EXPECT_TRUE(LM->isKnown(F.x(10)));
  EXPECT_EQ(LM->value(F.x(10)), 14u);
  EXPECT_TRUE(LM->isKnown(F.x(8)));

  // Mirroring another initial state: a known register set by the caller.
  LM->setRegister(F.x(11), 0x1234, /*Known=*/true);
  F.emit("ADDI", {F.r(12), F.r(11), F.i(1)});
  ASSERT_FALSE(LM->catchUp(F.Block.Code));
  EXPECT_EQ(LM->value(F.x(12)), 0x1235u);
  EXPECT_TRUE(LM->isKnown(F.x(12)));
}

TEST(LockstepModelTest, AFaultIsAnError) {
  LockstepFixture F;
  auto LM = cantFail(LockstepModel::create(*F.Env, F.L, 0));
  F.emit("LW", {F.r(7), F.r(0), F.i(8)}); // address 8: no memory there
  Error E = LM->catchUp(F.Block.Code);
  ASSERT_TRUE(bool(E));
  std::string Msg = toString(std::move(E));
  EXPECT_NE(Msg.find("lockstep model: 'lw"), std::string::npos) << Msg;
  EXPECT_NE(Msg.find("at 0x10000 did not execute"), std::string::npos) << Msg;
}

// smcgram: code that stores over code ahead of it, then FENCE.I, runs what
// it stored, not the bytes the generator appended (the lockstep model once
// wrote every instruction's bytes over memory right before running it).
TEST(LockstepModelTest, RunsCodeRewrittenAhead) {
  LockstepFixture F("+m,+zifencei", /*WritableCode=*/true);
  auto LM = cantFail(LockstepModel::create(*F.Env, F.L, 0));
  // New code at offset 20: addi x7, x0, 42 = 0x02a00393.
  F.emit("AUIPC", {F.r(5), F.i(0)});            // 0: x5 = code start
  F.emit("LUI", {F.r(6), F.i(0x02a00)});        // 4
  F.emit("ADDI", {F.r(6), F.r(6), F.i(0x393)}); // 8: x6 = 0x02a00393
  F.emit("SW", {F.r(6), F.r(5), F.i(20)});      // 12: store over offset 20
  F.emit("FENCE_I", {});                        // 16
  F.emit("ADDI", {F.r(7), F.r(0), F.i(1)});     // 20: old code, x7 = 1
  F.emit("ADDI", {F.r(8), F.r(7), F.i(1)});     // 24: x8 = x7 + 1
  ASSERT_FALSE(LM->catchUp(F.Block.Code));
  EXPECT_EQ(LM->value(F.x(7)), 42u);
  EXPECT_EQ(LM->value(F.x(8)), 43u);
  EXPECT_EQ(LM->lastInstruction().getOpcode(), F.Env->findOpcode("ADDI"));
  EXPECT_EQ(LM->position(), F.Block.Code.size());
}

} // namespace
