#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

static std::unique_ptr<MCEnvironment> rv64() {
  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64");
  Sel.CPU = "generic-rv64";
  Sel.Features = "+c";
  Sel.ABI = "lp64";
  return cantFail(MCEnvironment::create(Sel));
}

TEST(CodeBufferTest, GoodInstructionsRoundTrip) {
  auto Env = rv64();
  BasicBlock B;
  CodeBuffer Out(*Env, B);
  MCInst I;
  I.setOpcode(Env->findOpcode("ADDI"));
  I.addOperand(MCOperand::createReg(Env->findRegister("X5")));
  I.addOperand(MCOperand::createReg(Env->findRegister("X6")));
  I.addOperand(MCOperand::createImm(-7));
  Out.emit(I);
  EXPECT_FALSE(bool(Out.takeError()));
  EXPECT_EQ(B.Code.size(), 4u);
}

// An instruction whose bytes decode as something else is an internal error,
// never silent output: ADDI's immediate does not fit in 12 bits.
TEST(CodeBufferTest, MismatchIsAnInternalError) {
  auto Env = rv64();
  BasicBlock B;
  CodeBuffer Out(*Env, B);
  MCInst I;
  I.setOpcode(Env->findOpcode("ADDI"));
  I.addOperand(MCOperand::createReg(Env->findRegister("X5")));
  I.addOperand(MCOperand::createReg(Env->findRegister("X6")));
  I.addOperand(MCOperand::createImm(5000));
  Out.emit(I);
  Error E = Out.takeError();
  ASSERT_TRUE(bool(E));
  std::string Msg = toString(std::move(E));
  EXPECT_NE(Msg.find("internal error: instruction 'addi t0, t1, 5000' does not "
                     "round-trip: its encoding decodes as 'addi t0, t1, 904'"),
            std::string::npos)
      << Msg;
}
