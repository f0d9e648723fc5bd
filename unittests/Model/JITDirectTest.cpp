//===- JITDirectTest.cpp - The direct compiler's choices and its code ------===//
//
// What the direct compiler (lib/Model/JIT/X86) makes of blocks: the
// lowering's folds (constants, identities through copies, LLVM's known-bits
// rules, dead results), which compiler a block goes to, and its code
// against the interpreter where registers run out. Random programs are in
// JITDifferentialTest.cpp.
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"
#include "Decoder.h"
#include "JIT/X86/BlockLowering.h"
#include "JIT/X86/DirectCompiler.h"

using namespace snipgen;
using namespace snipgen::test;
using namespace snipgen::test::jit;
using snipgen::model::jit::x86::Lowered;

namespace {

/// The block of Asm's instructions (RV64, no C), lowered.
struct LoweredBlock {
  std::unique_ptr<model::Machine> M;
  std::vector<model::Decoded> Slots;
  std::vector<Lowered> Out;
};

#define SKIP_WITHOUT_DIRECT_CODE()                                              \
  do {                                                                         \
    std::string Why;                                                           \
    if (!model::jit::directAvailable(Why))                                     \
      GTEST_SKIP() << Why;                                                     \
  } while (false)

LoweredBlock lower(llvm::StringRef Asm) {
  LoweredBlock B;
  B.M = makeMachine(Asm, "rv64gc_zba_zbb", {false, 0, true});
  auto Bytes = assemble(Asm, "rv64g_zba_zbb");
  if (!B.M || !Bytes) {
    ADD_FAILURE() << "cannot assemble " << Asm.str();
    return B;
  }
  B.Slots.resize(Bytes->size() / 4);
  for (size_t I = 0; I < B.Slots.size(); ++I) {
    model::Decoded &D = B.Slots[I];
    llvm::ArrayRef<uint8_t> At(Bytes->data() + 4 * I, 4);
    EXPECT_EQ(B.M->decoder().decode(At, CodeBase + 4 * I, D),
              model::Decoder::Result::Ok);
    D.PC = CodeBase + 4 * I;
  }
  model::jit::BlockPlan Plan;
  for (const model::Decoded &D : B.Slots)
    Plan.Insts.push_back(&D);
  const auto &Rules = model::jit::OpcodeRules::get(B.M->decoder());
  model::jit::TargetInfo T;
  EXPECT_TRUE(model::jit::directCovers(Plan, Rules, T)) << Asm.str();
  B.Out = model::jit::x86::lowerBlock(Plan, Rules, T);
  return B;
}

TEST(JITDirectLowering, IdentitiesFoldToConstantsAndCopies) {
  auto B = lower("sub t0, t1, t1\n"
                 "or t2, t3, t3\n"
                 "addi t4, t5, 0\n"
                 "andi t6, a0, 0\n");
  ASSERT_EQ(B.Out.size(), 4u);
  EXPECT_EQ(B.Out[0].K, Lowered::Constant);
  EXPECT_EQ(B.Out[0].Value, 0u);
  EXPECT_EQ(B.Out[1].K, Lowered::Copy);
  EXPECT_EQ(B.Out[2].K, Lowered::Copy);
  EXPECT_EQ(B.Out[3].K, Lowered::Constant);
}

TEST(JITDirectLowering, CopiesShareTheirValue) {
  // t2 is t1: t1 ^ t2 is 0, and so are the instructions fed by it.
  auto B = lower("addi t2, t1, 0\n"
                 "xor t3, t1, t2\n"
                 "sll t4, t3, a5\n"
                 "addi a0, t4, 7\n");
  ASSERT_EQ(B.Out.size(), 4u);
  EXPECT_EQ(B.Out[1].K, Lowered::Constant);
  EXPECT_EQ(B.Out[2].K, Lowered::Constant);
  EXPECT_EQ(B.Out[3].K, Lowered::Constant);
  EXPECT_EQ(B.Out[3].Value, 7u);
}

TEST(JITDirectLowering, KnownBitsDecideCompares) {
  // a0 is 0 or 1, a1 then 1848 or 1849: a1 < a0 never holds, and a0 < a1
  // always does; a0 & ~1 is 0.
  auto B = lower("slt a0, t3, t4\n"
                 "addi a1, a0, 1848\n"
                 "slt a2, a1, a0\n"
                 "sltu a3, a0, a1\n"
                 "andi a4, a0, -2\n");
  ASSERT_EQ(B.Out.size(), 5u);
  EXPECT_EQ(B.Out[0].K, Lowered::RegReg);
  EXPECT_EQ(B.Out[1].K, Lowered::RegImm);
  EXPECT_EQ(B.Out[2].K, Lowered::Constant);
  EXPECT_EQ(B.Out[2].Value, 0u);
  EXPECT_EQ(B.Out[3].K, Lowered::Constant);
  EXPECT_EQ(B.Out[3].Value, 1u);
  EXPECT_EQ(B.Out[4].K, Lowered::Constant);
  EXPECT_EQ(B.Out[4].Value, 0u);
}

TEST(JITDirectLowering, KnownOperandsBecomeImmediates) {
  auto B = lower("li t0, 5\n"
                 "add t1, t2, t0\n"
                 "sub t3, t2, t0\n"
                 "sllw t4, t2, t0\n"
                 "lui t5, 0x12345\n"
                 "slli t5, t5, 12\n" // Too wide for an immediate.
                 "add t6, t2, t5\n");
  ASSERT_EQ(B.Out.size(), 7u);
  EXPECT_EQ(B.Out[1].K, Lowered::RegImm);
  EXPECT_EQ(B.Out[1].Imm, 5);
  EXPECT_EQ(B.Out[2].K, Lowered::RegImm);
  EXPECT_EQ(B.Out[2].O, model::jit::Op::Add);
  EXPECT_EQ(B.Out[2].Imm, -5);
  EXPECT_EQ(B.Out[3].K, Lowered::RegImm);
  EXPECT_EQ(B.Out[3].O, model::jit::Op::SllW);
  EXPECT_EQ(B.Out[5].K, Lowered::Constant);
  EXPECT_EQ(B.Out[5].Value, 0x12345000000ull);
  EXPECT_EQ(B.Out[6].K, Lowered::RegReg);
}

TEST(JITDirectLowering, DeadResultsAreNotComputed) {
  // t0's first value is overwritten unread; t1's is read first. The last
  // value of each register reaches the hart.
  auto B = lower("add t0, a0, a1\n"
                 "add t1, a2, a3\n"
                 "add t2, t1, a4\n"
                 "add t0, a5, a6\n"
                 "add t1, a5, a6\n");
  ASSERT_EQ(B.Out.size(), 5u);
  EXPECT_EQ(B.Out[0].K, Lowered::Skip);
  EXPECT_EQ(B.Out[1].K, Lowered::RegReg);
  EXPECT_EQ(B.Out[2].K, Lowered::RegReg);
  EXPECT_EQ(B.Out[3].K, Lowered::RegReg);
  EXPECT_EQ(B.Out[4].K, Lowered::RegReg);
}

// A self-loop of integer instructions goes to the direct compiler unless
// LLVM is asked for; both agree with the interpreter.
TEST(JITDirect, IntegerLoopsCompileDirectly) {
  SKIP_WITHOUT_DIRECT_CODE();
  const char *Asm = "li a1, 300\nli a2, 7\nli a3, -3\nloop:\n"
                    "add a2, a2, a3\nslt a4, a2, a3\nsllw a5, a2, a4\n"
                    "xor a3, a3, a5\nsh2add a6, a5, a2\nmax a7, a6, a3\n"
                    "mulw t0, a7, a2\nsub a3, t0, a3\n"
                    "addi a1, a1, -1\nbnez a1, loop\n";
  auto I = makeMachine(Asm, "rv64gc_zba_zbb", {false, 0, true});
  ASSERT_TRUE(I);
  EXPECT_EQ(I->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  for (model::JITCompiler C :
       {model::JITCompiler::Auto, model::JITCompiler::LLVM,
        model::JITCompiler::Direct}) {
    auto J = makeMachine(Asm, "rv64gc_zba_zbb", {true, 0, true, C});
    ASSERT_TRUE(J);
    EXPECT_EQ(J->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
    EXPECT_EQ(differences(*I, *J), "");
    const model::JITStats &S = J->jit()->stats();
    EXPECT_TRUE(S.Error.empty()) << S.Error;
    EXPECT_GE(S.SelfLoops, 1u);
    EXPECT_GT(S.NativeInstructions, 2500u);
    if (C == model::JITCompiler::LLVM)
      EXPECT_EQ(S.DirectBlocks, 0u);
    else
      EXPECT_EQ(S.DirectBlocks, S.BlocksCompiled);
  }
}

// Blocks with what the direct compiler does not cover (a division) go to
// LLVM, or, with the direct compiler alone, stay interpreted.
TEST(JITDirect, OtherBlocksGoToLLVMOrStayInterpreted) {
  SKIP_WITHOUT_DIRECT_CODE();
  std::string Asm = "li a1, 200\nli a2, 1000\nli a3, 7\nloop:\n"
                    "div a4, a2, a3\naddi a2, a2, 13\n"
                    "addi a4, a4, 3\naddi a5, a5, 5\naddi a6, a6, 7\n"
                    "addi a7, a7, 9\naddi t0, t0, 11\n"
                    "addi a1, a1, -1\nbnez a1, loop\n";
  auto I = makeMachine(Asm, "rv64gc", {false, 0, true});
  auto Auto = makeMachine(Asm, "rv64gc", {true, 0, true});
  auto Direct =
      makeMachine(Asm, "rv64gc", {true, 0, true, model::JITCompiler::Direct});
  ASSERT_TRUE(I && Auto && Direct);
  for (auto *M : {I.get(), Auto.get(), Direct.get()})
    EXPECT_EQ(M->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(differences(*I, *Auto), "");
  EXPECT_EQ(differences(*I, *Direct), "");
  EXPECT_GE(Auto->jit()->stats().BlocksCompiled, 1u);
  EXPECT_EQ(Auto->jit()->stats().DirectBlocks, 0u);
  EXPECT_EQ(Direct->jit()->stats().BlocksCompiled, 0u);
}

// Loads and stores run directly compiled inside the access windows and
// leave the block before an access outside them (here: a load from an
// unmapped address on the last iteration, which faults),
// with every register written so far in the hart.
TEST(JITDirect, MemoryAccessesLeaveEarlyOutsideTheWindow) {
  SKIP_WITHOUT_DIRECT_CODE();
  std::string Asm = "li a1, 100\nli a2, " + std::to_string(DataBase) +
                    "\nli s1, 0x100000\nloop:\n"
                    "addi a4, a4, 3\nld a3, 8(a2)\naddi a3, a3, 1\n"
                    "sd a3, 8(a2)\nsw a4, 16(a2)\nlhu a5, 16(a2)\n"
                    "lb a6, 17(a2)\naddi t0, t0, 11\naddi a1, a1, -1\n"
                    "seqz t1, a1\nmul t1, t1, s1\nadd t1, t1, a2\n"
                    "lw t2, 0(t1)\nbnez a1, loop\n";
  auto I = makeMachine(Asm, "rv64gc", {false, 0, true});
  auto J =
      makeMachine(Asm, "rv64gc", {true, 0, true, model::JITCompiler::Direct});
  ASSERT_TRUE(I && J);
  int RI = I->run(1000000, nullptr), RJ = J->run(1000000, nullptr);
  EXPECT_EQ(RI, RJ);
  EXPECT_NE(RI, SNIPGEN_STEP_STOP_PC); // The load from 0x140000 faults.
  EXPECT_EQ(differences(*I, *J), "");
  EXPECT_EQ(I->H.X[13], 100u); // a3: every increment reached memory.
  const model::JITStats &S = J->jit()->stats();
  EXPECT_GE(S.DirectBlocks, 1u);
  EXPECT_GE(S.SideExits, 1u);
  EXPECT_GT(S.NativeInstructions, 500u);
}

// Thirty registers live across a long body: the cache evicts and reloads
// (and stores known values wider than an immediate at the end).
TEST(JITDirect, RegisterPressure) {
  SKIP_WITHOUT_DIRECT_CODE();
  std::string Asm = "li s11, 50\n";
  const char *Regs[] = {"ra", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
                        "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
                        "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9",
                        "s10", "t3", "t4", "t5", "t6"};
  for (unsigned K = 0; K < std::size(Regs); ++K)
    Asm += std::string("li ") + Regs[K] + ", " + std::to_string(K * 977 + 3) +
           "\n";
  Asm += "loop:\n";
  for (unsigned K = 0; K < 3 * std::size(Regs); ++K) {
    const char *D = Regs[K % std::size(Regs)];
    const char *A = Regs[(K * 7 + 3) % std::size(Regs)];
    const char *B = Regs[(K * 13 + 5) % std::size(Regs)];
    static const char *const Ops[] = {"add", "sub", "xor", "sll", "srl",
                                      "subw", "mul", "sltu", "and", "or"};
    Asm += std::string(Ops[K % std::size(Ops)]) + " " + D + ", " + A + ", " +
           B + "\n";
  }
  Asm += "li t6, 0x123456789a\naddi s11, s11, -1\nbnez s11, loop\n";
  auto I = makeMachine(Asm, "rv64gc", {false, 0, true});
  auto J = makeMachine(Asm, "rv64gc", {true, 0, true, model::JITCompiler::Direct});
  ASSERT_TRUE(I && J);
  EXPECT_EQ(I->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(J->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(differences(*I, *J), "");
  EXPECT_EQ(J->jit()->stats().DirectBlocks, 1u);
  EXPECT_GT(J->jit()->stats().NativeInstructions, 40u * 3 * std::size(Regs));
}

} // namespace
