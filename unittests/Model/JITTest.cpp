//===- JITTest.cpp - The compiled tier: corner cases and run control ------===//
//
// Each test runs a program on an interpreting machine and on one that
// compiles every block on its first arrival, checks that both agree, and
// checks the expected values where the spec fixes them.
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"

#include <algorithm>

using namespace snipgen;
using namespace snipgen::test;
using namespace snipgen::test::jit;

namespace {

struct TwoTiers {
  std::unique_ptr<model::Machine> Interp, Jit;
  int ResultInterp = -1, ResultJit = -1;

  TwoTiers(llvm::StringRef Asm, llvm::StringRef Isa, uint64_t Base = CodeBase,
           bool AllowMisaligned = true) {
    Interp = makeMachine(Asm, Isa, {false, 0, AllowMisaligned}, Base);
    Jit = makeMachine(Asm, Isa, {true, 0, AllowMisaligned}, Base);
  }
  bool ok() const { return Interp && Jit; }
  /// Runs both to the end; true if they agree.
  void run(uint64_t MaxSteps = 10000000) {
    ResultInterp = Interp->run(MaxSteps, nullptr);
    ResultJit = Jit->run(MaxSteps, nullptr);
  }
  void expectSame() {
    EXPECT_EQ(ResultInterp, ResultJit);
    EXPECT_EQ(differences(*Interp, *Jit), "");
    EXPECT_EQ(Jit->jit()->stats().Error, "");
  }
  uint64_t x(unsigned R) const { return Jit->H.X[R]; }
  const model::JITStats &stats() const { return Jit->jit()->stats(); }
};

#define RUN_BOTH(T)                                                            \
  do {                                                                         \
    ASSERT_TRUE((T).ok());                                                     \
    (T).run();                                                                 \
    ASSERT_EQ((T).ResultInterp, SNIPGEN_STEP_STOP_PC)                          \
        << (T).Interp->stopInfo().message;                                     \
    (T).expectSame();                                                          \
  } while (0)

constexpr uint64_t Ones = ~0ull, Min64 = 0x8000000000000000ull,
                   Min32 = 0xffffffff80000000ull;

// Every division form on the corner operands, inside a loop so that the
// second and later iterations run compiled; results go to registers and the
// last iteration's survive.
TEST(JIT, DivisionCornerCasesRV64) {
  TwoTiers T(R"(
    li s1, 50
  loop:
    li t0, 7
    li t1, 1
    slli t1, t1, 63        # INT64_MIN
    li t2, -1
    li t3, 0x80000000      # low word INT32_MIN
    div a0, t0, zero       # -1
    divu a1, t0, zero      # all ones
    rem a2, t0, zero       # 7
    remu a3, t0, zero      # 7
    div a4, t1, t2         # INT64_MIN
    rem a5, t1, t2         # 0
    divw a6, t3, t2        # sext(INT32_MIN)
    remw a7, t3, t2        # 0
    divw s2, t0, zero      # -1
    divuw s3, t3, zero     # -1
    remw s4, t3, zero      # sext(INT32_MIN)
    remuw s5, t3, zero     # sext(0x80000000)
    divu s6, t1, t2        # 0 (2^63 / (2^64-1))
    remu s7, t1, t2        # INT64_MIN
    div s8, t2, t0         # 0 (rounds toward zero)
    rem s9, t2, t0         # -1
    mulh s10, t1, t2       # 0  (INT64_MIN * -1 = 2^63)
    mulhsu s11, t2, t2     # -1
    addi s1, s1, -1
    bnez s1, loop
  )", "rv64gc");
  RUN_BOTH(T);
  EXPECT_GT(T.stats().NativeInstructions, 1000u);
  const uint64_t Expected[][2] = {
      {10, Ones}, {11, Ones}, {12, 7}, {13, 7}, {14, Min64}, {15, 0},
      {16, Min32}, {17, 0}, {18, Ones}, {19, Ones}, {20, Min32}, {21, Min32},
      {22, 0}, {23, Min64}, {24, 0}, {25, Ones}, {26, 0}, {27, Ones}};
  for (auto [Reg, Value] : Expected)
    EXPECT_EQ(T.x(unsigned(Reg)), Value) << "x" << Reg;
}

TEST(JIT, DivisionCornerCasesRV32) {
  TwoTiers T(R"(
    li s1, 50
  loop:
    li t0, 7
    li t1, 0x80000000      # INT32_MIN
    li t2, -1
    div a0, t1, t2         # INT32_MIN
    rem a1, t1, t2         # 0
    div a2, t0, zero       # -1
    divu a3, t1, zero      # 0xffffffff
    remu a4, t1, zero      # 0x80000000
    rem a5, t0, zero       # 7
    divu a6, t1, t2        # 0
    remu a7, t2, t1        # 0x7fffffff
    mulh s2, t1, t2        # 0 (2^31 fits in 64 bits: high word 0)
    mulhu s3, t2, t2       # 0xfffffffe
    mulhsu s4, t2, t2      # -1
    mul s5, t1, t2         # INT32_MIN
    addi s1, s1, -1
    bnez s1, loop
  )", "rv32gc");
  RUN_BOTH(T);
  EXPECT_GT(T.stats().NativeInstructions, 500u);
  const uint64_t Expected[][2] = {
      {10, Min32}, {11, 0}, {12, Ones}, {13, Ones}, {14, Min32}, {15, 7},
      {16, 0}, {17, 0x7fffffff}, {18, 0}, {19, 0xfffffffffffffffeull},
      {20, Ones}, {21, Min32}};
  // Hart registers hold RV32 values sign-extended to 64 bits.
  for (auto [Reg, Value] : Expected)
    EXPECT_EQ(T.x(unsigned(Reg)), Value) << "x" << Reg;
}

// RV32 values stay sign-extended through the compiled tier: word results
// with bit 31 set, shifts that move bits across bit 31, upper immediates.
TEST(JIT, RV32KeepsRegistersSignExtended) {
  TwoTiers T(R"(
    li s1, 40
  loop:
    li t0, 0x7fffffff
    addi a0, t0, 1         # 0x80000000 -> sext
    slli a1, t0, 1         # 0xfffffffe -> sext
    srli a2, a0, 31        # 1 (logical on the 32-bit view)
    srai a3, a0, 31        # -1
    lui a4, 0x80000        # sext
    rori a5, t0, 31        # 0xfffffffe
    rev8 a6, t0            # 0xffffff7f
    bseti a7, zero, 31     # 0x80000000
    bexti s2, a0, 31       # 1
    clz s3, a0             # 0
    cpop s4, t0            # 31
    sltu s5, t0, a0        # 1
    addi s1, s1, -1
    bnez s1, loop
  )", "rv32gc_zbb_zbs");
  RUN_BOTH(T);
  EXPECT_GT(T.stats().NativeInstructions, 400u);
  EXPECT_EQ(T.x(10), Min32);
  EXPECT_EQ(T.x(11), 0xfffffffffffffffeull);
  EXPECT_EQ(T.x(12), 1u);
  EXPECT_EQ(T.x(13), Ones);
  EXPECT_EQ(T.x(14), Min32);
  EXPECT_EQ(T.x(15), 0xfffffffffffffffeull);
  EXPECT_EQ(T.x(16), 0xffffffffffffff7full);
  EXPECT_EQ(T.x(17), Min32);
  EXPECT_EQ(T.x(18), 1u);
  EXPECT_EQ(T.x(19), 0u);
  EXPECT_EQ(T.x(20), 31u);
  EXPECT_EQ(T.x(21), 1u);
}

// The loop rewrites an instruction of its own hot block: the store (to an
// executable region, so interpreted) drops the compiled block and the next
// iterations must run the new instruction.
TEST(JIT, SelfModifyingCodeDropsCompiledBlocks) {
  const char *Asm = R"(
    li a2, 200
    li a3, 100
    li t1, 0x00350513      # addi a0, a0, 3
  loop:
    auipc t2, 0
    addi a0, a0, 1         # at t2 + 4, rewritten in iteration 100
    addi a1, a1, 1
    bne a1, a3, 1f
    sw t1, 4(t2)
  1:
    blt a1, a2, loop
  )";
  TwoTiers T(Asm, "rv64gc", RwxBase);
  RUN_BOTH(T);
  EXPECT_EQ(T.x(10), 100u * 1 + 100u * 3);
  EXPECT_GE(T.stats().BlocksDropped, 1u);
  EXPECT_GT(T.stats().NativeInstructions, 500u);
}

// The same with fence.i after the store, which flushes every block.
TEST(JIT, FenceIFlushesCompiledBlocks) {
  const char *Asm = R"(
    li a2, 200
    li a3, 100
    li t1, 0x00350513      # addi a0, a0, 3
  loop:
    auipc t2, 0
    addi a0, a0, 1
    addi a1, a1, 1
    bne a1, a3, 1f
    sw t1, 4(t2)
    fence.i
  1:
    blt a1, a2, loop
  )";
  TwoTiers T(Asm, "rv64gc", RwxBase);
  RUN_BOTH(T);
  EXPECT_EQ(T.x(10), 400u);
  EXPECT_GE(T.stats().BlocksDropped, 1u);
}

// Code changed from outside (the debugger interface) between two runs.
TEST(JIT, WriteMemoryDropsCompiledBlocks) {
  const char *Asm = R"(
    li a2, 100
  loop:
    addi a0, a0, 1
    addi a1, a1, 1
    blt a1, a2, loop
  )";
  TwoTiers T(Asm, "rv64gc");
  ASSERT_TRUE(T.ok());
  T.run();
  T.expectSame();
  ASSERT_GT(T.stats().BlocksCompiled, 0u);
  // Rewrite "addi a0, a0, 1" (after the 4-byte li) to add 3, and go again.
  uint32_t Add3 = 0x00350513;
  for (auto *M : {T.Interp.get(), T.Jit.get()}) {
    M->writeMemory(CodeBase + 4, &Add3, 4);
    M->H.X[11] = 0;
    M->H.PC = CodeBase + 4;
  }
  T.run();
  T.expectSame();
  EXPECT_EQ(T.x(10), 100u + 300u);
  EXPECT_GE(T.stats().BlocksDropped, 1u);
}

// A stop pc placed inside a compiled block after it was compiled: the run
// must stop exactly there.
TEST(JIT, StopPCInsideACompiledBlock) {
  const char *Asm = R"(
    li a2, 1000
  loop:
    addi a0, a0, 1
    addi a1, a1, 1
    addi a3, a3, 2
    blt a1, a2, loop
  )";
  TwoTiers T(Asm, "rv64gc");
  ASSERT_TRUE(T.ok());
  for (auto *M : {T.Interp.get(), T.Jit.get()})
    M->run(500, nullptr); // Hot and compiled by now.
  ASSERT_GT(T.stats().BlocksCompiled, 0u);
  for (auto *M : {T.Interp.get(), T.Jit.get()})
    M->setStopPC(CodeBase + 8, true); // The second addi.
  T.run();
  EXPECT_EQ(T.ResultJit, SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(T.Jit->H.PC, CodeBase + 8);
  T.expectSame();
}

// Traps in hot code (without C, a misaligned JALR target) go to the
// handler, which skips the instruction.
TEST(JIT, TrapsInHotCodeReachTheHandler) {
  const char *Asm = R"(
    jal t0, 1f
  handler:
    csrr t1, mepc
    addi t1, t1, 8
    csrw mepc, t1
    addi s2, s2, 1
    mret
  1:
    csrw mtvec, t0
    li a2, 100
  loop:
    addi a1, a1, 1
    auipc t2, 0
    jalr ra, 6(t2)         # target not 4-byte aligned: traps
    addi a0, a0, 1         # skipped by the handler (mepc + 8)
    addi a0, a0, 2
    blt a1, a2, loop
  )";
  TwoTiers T(Asm, "rv64im_zicsr");
  RUN_BOTH(T);
  EXPECT_EQ(T.x(18), 100u); // Traps taken.
  EXPECT_EQ(T.x(10), 200u);
  EXPECT_GT(T.stats().SideExits, 0u);
}

// Loads and stores run compiled inside the access windows; stepping past a
// region's edge or into rodata falls back to the interpreter's checks.
TEST(JIT, MemoryAccessesAndFaultsMatchTheInterpreter) {
  const char *Asm = R"(
    li s0, 0x40000
    li a2, 300
  loop:
    sd a1, 8(s0)
    ld a3, 8(s0)
    add a4, a4, a3
    lw a5, 12(s0)
    addi a1, a1, 7
    sb a1, 0(s0)
    lbu a6, 0(s0)
    addi a7, a7, 1
    blt a7, a2, loop
    li s0, 0x40ffc
    ld a0, 0(s0)           # crosses the region's end: load access fault
  )";
  TwoTiers T(Asm, "rv64gc");
  ASSERT_TRUE(T.ok());
  T.run();
  EXPECT_EQ(T.ResultJit, SNIPGEN_STEP_UNHANDLED_TRAP);
  T.expectSame();
  EXPECT_GT(T.stats().NativeInstructions, 2000u);
  EXPECT_STREQ(T.Jit->stopInfo().message, T.Interp->stopInfo().message);
}

// Observers want every instruction, single steps want one: no compiled code
// runs for either, and both see the same instructions as the interpreter.
TEST(JIT, ObserversAndSingleStepsStayInterpreted) {
  const char *Asm = R"(
    li a2, 200
  loop:
    addi a0, a0, 3
    addi a1, a1, 1
    blt a1, a2, loop
  )";
  auto M = makeMachine(Asm, "rv64gc", {true, 0, true});
  ASSERT_TRUE(M);
  uint64_t Retires = 0;
  snipgen_model_observer Obs = {};
  Obs.user = &Retires;
  Obs.on_retire = [](void *U, uint64_t, uint32_t, uint32_t, uint64_t) {
    ++*static_cast<uint64_t *>(U);
  };
  M->setObserver(&Obs);
  uint64_t Retired = 0;
  EXPECT_EQ(M->run(1000000, &Retired), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(Retires, Retired);
  EXPECT_EQ(M->jit()->stats().NativeInstructions, 0u);
  EXPECT_EQ(M->H.X[10], 600u);

  auto S = makeMachine(Asm, "rv64gc", {true, 0, true});
  ASSERT_TRUE(S);
  int R;
  unsigned Steps = 0;
  while ((R = S->step()) == SNIPGEN_STEP_OK)
    ++Steps;
  EXPECT_EQ(R, SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(Steps, Retired);
  EXPECT_EQ(S->jit()->stats().NativeInstructions, 0u);
  EXPECT_EQ(S->H.X[10], 600u);
}

// A block that branches back to itself iterates inside compiled code, but
// never past the step limit, and leaves at a side exit in a later
// iteration with the right instruction count.
TEST(JIT, SelfLoopsStopAtTheStepLimitAndSideExits) {
  const char *Asm = R"(
    li s0, 0x40000
    li a2, 1000
  loop:
    addi a0, a0, 1
    sd a0, 0(s0)           # leaves the block once s0 moves out of data
    addi a1, a1, 1
    bne a1, a2, 1f
    li s0, 0x20000         # unmapped: the next sd faults (side exit)
  1:
    blt a1, a2, loop
  )";
  for (uint64_t Limit : {1, 7, 100, 777, 3003, 100000}) {
    TwoTiers T(Asm, "rv64gc");
    ASSERT_TRUE(T.ok());
    T.run(Limit);
    T.expectSame();
    EXPECT_EQ(T.Jit->H.InstRet, T.Interp->H.InstRet) << Limit;
  }
  const char *Tight = R"(
    li a2, 100000
  loop:
    addi a1, a1, 1
    blt a1, a2, loop
  )";
  for (uint64_t Limit : {5, 1001, 150000, 1000000}) {
    TwoTiers T(Tight, "rv64gc");
    ASSERT_TRUE(T.ok());
    T.run(Limit);
    T.expectSame();
    if (Limit > 1000) { // The program retires 200001 instructions.
      EXPECT_GT(T.stats().NativeInstructions, std::min<uint64_t>(Limit, 200001) / 2)
          << Limit;
    }
  }
}

// A loop of several blocks (an inner branch) runs block after block in
// compiled code (chaining, JITEngine::execute) and still stops exactly at
// any step limit; a jump to another page goes back through the run loop.
TEST(JIT, BlocksChainWithinAPage) {
  const char *Asm = R"(
    li a2, 3000
  loop:
    addi a0, a0, 3
    xor a3, a3, a0
    andi t0, a1, 1
    beqz t0, 1f
    slli a4, a0, 2
    sub a3, a3, a4
  1:
    add a5, a5, a3
    addi a1, a1, 1
    blt a1, a2, loop
  )";
  for (uint64_t Limit : {1, 4, 9, 1000, 7777, 1000000}) {
    TwoTiers T(Asm, "rv64gc");
    ASSERT_TRUE(T.ok());
    T.run(Limit);
    T.expectSame();
    EXPECT_EQ(T.Jit->H.InstRet, T.Interp->H.InstRet) << Limit;
    EXPECT_EQ(T.Jit->H.PC, T.Interp->H.PC) << Limit;
    if (Limit >= 7777) {
      EXPECT_GT(T.stats().Chained, 1000u) << Limit;
      EXPECT_LT(T.stats().Chained, T.stats().BlockRuns) << Limit;
    }
  }
}

// The threshold counts arrivals at a block; short blocks need
// proportionally more (JITEngine::hotEnough), and disabling the tier leaves
// no engine at all.
// The loop counters step by a register (add, not addi), so the loop count
// cannot be forecast (JITForecastTest.cpp) and only arrivals decide.
TEST(JIT, ThresholdCountsArrivals) {
  std::string Long = "li a2, 400\nli a3, 1\nloop:\n";
  for (int I = 0; I < 300; ++I)
    Long += "addi a0, a0, 1\n";
  Long += "add a1, a1, a3\nblt a1, a2, loop\n";
  auto M = makeMachine(Long, "rv64gc", {true, 10, true});
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(M->jit()->stats().BlocksCompiled, 1u);
  // 399 arrivals through the branch back, compiled on the eleventh: 389
  // iterations compiled, all in one call (the block loops by itself).
  EXPECT_EQ(M->jit()->stats().NativeInstructions, 389u * 302);
  EXPECT_EQ(M->jit()->stats().BlockRuns, 1u);
  EXPECT_EQ(M->jit()->stats().Forecast, 0u);
  EXPECT_EQ(M->H.X[10], 400u * 300);

  // A 3-instruction loop needs 10 + 10 x 32 / 3 = 116 arrivals: compiled on
  // the 116th of 1999, then 1884 iterations run compiled.
  const char *Short = "li a2, 2000\nli a3, 1\nloop:\naddi a0, a0, 1\n"
                      "add a1, a1, a3\nblt a1, a2, loop\n";
  auto S = makeMachine(Short, "rv64gc", {true, 10, true});
  ASSERT_TRUE(S);
  EXPECT_EQ(S->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(S->jit()->stats().BlocksCompiled, 1u);
  EXPECT_EQ(S->jit()->stats().NativeInstructions, 1884u * 3);

  auto Off = makeMachine(Short, "rv64gc", {false, 0, true});
  ASSERT_TRUE(Off);
  EXPECT_EQ(Off->jit(), nullptr);
}

// Blocks shorter than JITEngine's minimum (8) that do not loop by
// themselves cost more compiled than interpreted: with a threshold they
// stay interpreted; threshold 0 (tests) still compiles them.
TEST(JIT, ShortBlocksStayInterpreted) {
  std::string Cut = "li a2, 20000\nloop:\n";
  for (int I = 0; I < 4; ++I)
    Cut += "addi a0, a0, 1\nxor a3, a3, a0\ncsrr t6, mscratch\n";
  Cut += "addi a1, a1, 1\nblt a1, a2, loop\n";
  auto M = makeMachine(Cut, "rv64gc", {true, 1, true});
  ASSERT_TRUE(M);
  EXPECT_EQ(M->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(M->jit()->stats().BlocksCompiled, 0u);
  EXPECT_EQ(M->H.X[10], 4u * 20000);

  auto All = makeMachine(Cut, "rv64gc", {true, 0, true});
  ASSERT_TRUE(All);
  EXPECT_EQ(All->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_GE(All->jit()->stats().BlocksCompiled, 4u);
  EXPECT_EQ(All->H.X[10], 4u * 20000);
  EXPECT_EQ(All->H.X[13], M->H.X[13]);
}

} // namespace
