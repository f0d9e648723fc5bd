#include "snipgen/Generator/ProgramListing.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

static std::string failure(Expected<uint64_t> N) {
  if (N)
    return "succeeded";
  return toString(N.takeError());
}

static std::unique_ptr<MCEnvironment> rv64c() {
  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64");
  Sel.CPU = "generic-rv64";
  Sel.Features = "+c";
  Sel.ABI = "lp64";
  return cantFail(MCEnvironment::create(Sel));
}

// A function of ADDI, ADDI, BNE(offset): the branch's target is chosen by
// the test.
static Program program(const MCEnvironment &Env, int64_t BranchOffset) {
  Program P;
  P.Functions.emplace_back();
  Function &F = P.Functions.back();
  F.Name = "f";
  F.Address = 0x1000;
  F.Blocks.emplace_back();
  BasicBlock &B = F.Blocks.back();
  B.Address = 0x1000;
  CodeBuffer Out(Env, B);
  MCInst I;
  I.setOpcode(Env.findOpcode("ADDI"));
  I.addOperand(MCOperand::createReg(Env.findRegister("X5")));
  I.addOperand(MCOperand::createReg(Env.findRegister("X6")));
  I.addOperand(MCOperand::createImm(3));
  Out.emit(I);
  Out.emit(I);
  MCInst Br;
  Br.setOpcode(Env.findOpcode("BNE"));
  Br.addOperand(MCOperand::createReg(Env.findRegister("X5")));
  Br.addOperand(MCOperand::createReg(Env.findRegister("X6")));
  Br.addOperand(MCOperand::createImm(BranchOffset));
  Out.emit(Br);
  cantFail(Out.takeError());
  return P;
}

TEST(ProgramListingTest, VerifiesGoodCode) {
  auto Env = rv64c();
  Program P = program(*Env, -8); // back to the first ADDI
  Expected<uint64_t> N = verifyProgramCode(P, *Env);
  ASSERT_TRUE(bool(N)) << toString(N.takeError());
  EXPECT_EQ(*N, 3u);
}

TEST(ProgramListingTest, BranchIntoTheMiddleOfNothingFails) {
  auto Env = rv64c();
  Program P = program(*Env, 64); // past the end of the program
  EXPECT_NE(failure(verifyProgramCode(P, *Env)).find(
      "the BNE at 0x1008 in function 'f' targets 0x1048, which is not "
          "the start of an instruction"),
            std::string::npos)
      << failure(verifyProgramCode(P, *Env));
}

TEST(ProgramListingTest, BodyCountMismatchFails) {
  auto Env = rv64c();
  Program P = program(*Env, -8);
  P.Functions[0].Blocks[0].NumInstrs = 4;
  EXPECT_NE(failure(verifyProgramCode(P, *Env)).find(
      "3 instructions decode from a body that 4 were "
                           "emitted into"),
            std::string::npos)
      << failure(verifyProgramCode(P, *Env));
}

TEST(ProgramListingTest, UndecodableBytesFail) {
  auto Env = rv64c();
  Program P = program(*Env, -8);
  // Low bits 1111111: a reserved (>= 80-bit) encoding, decoded by nothing.
  P.Functions[0].Blocks[0].Code.insert(
      P.Functions[0].Blocks[0].Code.begin(), {0xff, 0xff, 0xff, 0xff});
  EXPECT_NE(failure(verifyProgramCode(P, *Env)).find(
      "bytes at 0x1000 do not decode"),
            std::string::npos)
      << failure(verifyProgramCode(P, *Env));
}

TEST(ProgramListingTest, ListsBlocksAndInstructions) {
  auto Env = rv64c();
  Program P = program(*Env, -8);
  std::string S;
  raw_string_ostream OS(S);
  ASSERT_FALSE(bool(listProgram(P, *Env, /*Blocks=*/true, OS)));
  EXPECT_NE(S.find("# Function: f (0x1000, 12 bytes)"), std::string::npos) << S;
  EXPECT_NE(S.find("bb.0:"), std::string::npos) << S;
  EXPECT_NE(S.find("0x00001008:"), std::string::npos) << S;
  EXPECT_NE(S.find("# BNE"), std::string::npos) << S;
}
