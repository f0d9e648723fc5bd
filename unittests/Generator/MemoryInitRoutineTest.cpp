//===- MemoryInitRoutineTest.cpp - -init-memory=loads' routine ------------===//
//
// The bytes the loads of a program read, the routine that stores the image
// into them, and the call patched to reach it.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/MemoryInitRoutine.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

struct RoutineFixture {
  std::unique_ptr<MCEnvironment> Env;
  const GenTarget *Target = nullptr;
  Layout L;
  Program P;
  GenTarget::RegisterInitRequest::InitCallRegisters Regs;
  uint64_t CallOffset = 0;

  RoutineFixture() {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = "+m";
    Sel.ABI = "lp64";
    Sel.ISAString = "rv64i2p1_m2p0";
    Env = cantFail(MCEnvironment::create(Sel));
    Target = GenTarget::lookup(Sel.TheTriple);
    SectionDesc Code, Data;
    Code.Name = "text", Code.VMA = 0x10000, Code.Size = 0x1000;
    Code.Access.R = Code.Access.X = true;
    Data.Name = "data", Data.VMA = 0x20000, Data.Size = 0x100;
    Data.Access.R = Data.Access.W = true;
    for (unsigned I = 0; I < Data.Size; ++I)
      Data.RuntimeContents.push_back(uint8_t(3 * I + 1));
    L.Sections = {Code, Data};
    Regs = {x(5), x(6), x(7)};

    P.CodeSection = 0;
    P.Functions.emplace_back();
    Function &F = P.Functions.back();
    F.Name = "entry";
    F.Address = 0x10000;
    F.Blocks.emplace_back();
    BasicBlock &B = F.Blocks.back();
    B.Address = 0x10000;
    CodeBuffer Out(*Env, B);
    emit(Out, "ADDI", {r(10), r(0), i(1)});
    CallOffset = B.Code.size();
    Target->emitMemoryInitCall(*Env, Regs.Link, 0, Out);
    // A load of 8 bytes, a store (not read), a load of 4 at an odd half.
    B.MemoryAccesses.push_back({B.Code.size(), 0x20010, 0, 0, 8});
    emit(Out, "LD", {r(11), r(12), i(0)});
    B.MemoryAccesses.push_back({B.Code.size(), 0x20040, 0, 0, 8});
    emit(Out, "SD", {r(11), r(12), i(0)});
    B.MemoryAccesses.push_back({B.Code.size(), 0x20022, 0, 0, 4});
    emit(Out, "LW", {r(13), r(12), i(0)});
    emit(Out, "EBREAK", {});
    cantFail(Out.takeError());
  }
  unsigned x(unsigned N) { return Env->findRegister(("X" + Twine(N)).str()); }
  MCOperand r(unsigned N) { return MCOperand::createReg(x(N)); }
  static MCOperand i(int64_t V) { return MCOperand::createImm(V); }
  void emit(CodeBuffer &Out, StringRef Name,
            std::initializer_list<MCOperand> Ops) {
    MCInst I;
    I.setOpcode(Env->findOpcode(Name));
    for (const MCOperand &O : Ops)
      I.addOperand(O);
    Out.emit(I);
  }
  std::vector<MCInst> decode(ArrayRef<uint8_t> Code) {
    std::vector<MCInst> Out;
    for (uint64_t Off = 0; Off < Code.size();) {
      MCInst I;
      unsigned Size = Env->decode(Code.slice(Off), Off, I);
      EXPECT_NE(Size, 0u);
      if (!Size)
        break;
      Out.push_back(I);
      Off += Size;
    }
    return Out;
  }
};

TEST(MemoryInitRoutineTest, OnlyTheBytesLoadsRead) {
  RoutineFixture F;
  auto Bytes = bytesLoadsRead(F.P, F.L, *F.Env);
  ASSERT_EQ(Bytes.size(), 12u);
  for (unsigned I = 0; I < 8; ++I)
    EXPECT_EQ(Bytes[I], std::make_pair(uint64_t(0x20010 + I),
                                       uint8_t(3 * (0x10 + I) + 1)));
  for (unsigned I = 0; I < 4; ++I)
    EXPECT_EQ(Bytes[8 + I], std::make_pair(uint64_t(0x20022 + I),
                                           uint8_t(3 * (0x22 + I) + 1)));
}

TEST(MemoryInitRoutineTest, AppendsTheRoutineAndPatchesTheCall) {
  RoutineFixture F;
  const uint64_t EntrySize = F.P.Functions[0].codeSize();
  ASSERT_FALSE(appendMemoryInitRoutine(F.P, F.L, *F.Env, *F.Target, F.Regs));
  ASSERT_EQ(F.P.Functions.size(), 2u);
  const Function &R = F.P.Functions[1];
  EXPECT_EQ(R.Name, "snippy_random");
  EXPECT_EQ(R.Address, 0x10000 + EntrySize);

  // AUIPC + JALR reach the routine.
  auto Call = F.decode(ArrayRef<uint8_t>(F.P.Functions[0].Blocks[0].Code)
                           .slice(F.CallOffset, 8));
  ASSERT_EQ(Call.size(), 2u);
  uint64_t PC = 0x10000 + F.CallOffset;
  int64_t Hi = SignExtend64<20>(Call[0].getOperand(1).getImm());
  int64_t Lo = Call[1].getOperand(2).getImm();
  EXPECT_EQ(PC + Hi * 4096 + Lo, R.Address);
  ASSERT_EQ(F.P.Map.Calls.size(), 1u);
  EXPECT_EQ(F.P.Map.Calls[0].LinkPC, PC + 4);
  EXPECT_EQ(F.P.Map.Calls[0].ReturnTo, PC + 8);

  // Stores: SD for the aligned 8 bytes, then SH, SH for the half-aligned 4;
  // the last instruction returns through the link register.
  auto Body = F.decode(R.Blocks[0].Code);
  const MCInstrInfo &II = F.Env->instrInfo();
  std::vector<std::string> Stores;
  for (const MCInst &I : Body)
    if (II.get(I.getOpcode()).mayStore())
      Stores.push_back(II.getName(I.getOpcode()).str());
  EXPECT_EQ(Stores, (std::vector<std::string>{"SD", "SH", "SH"}));
  ASSERT_FALSE(Body.empty());
  EXPECT_EQ(II.getName(Body.back().getOpcode()), "JALR");
  EXPECT_EQ(Body.back().getOperand(1).getReg(), F.Regs.Link);
  ASSERT_EQ(F.P.Map.Returns.size(), 1u);
  EXPECT_EQ(F.P.Map.Returns[0], R.Address + R.Blocks[0].Code.size() - 4);
}

TEST(MemoryInitRoutineTest, RefusesAClashAndAMissingCall) {
  RoutineFixture F;
  F.P.Functions[0].Name = "snippy_random";
  EXPECT_TRUE(errorToBool(
      appendMemoryInitRoutine(F.P, F.L, *F.Env, *F.Target, F.Regs)));
  RoutineFixture G;
  G.Regs.Link = G.x(9); // no call through x9 in the code
  EXPECT_TRUE(errorToBool(
      appendMemoryInitRoutine(G.P, G.L, *G.Env, *G.Target, G.Regs)));
}

} // namespace
