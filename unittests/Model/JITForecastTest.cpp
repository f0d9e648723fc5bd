//===- JITForecastTest.cpp - Counted self-loops compiled early -------------===//
//
// A self-loop block whose exit branch compares counters (registers the body
// steps by a constant, or leaves alone) is compiled once its body is decoded
// (here: entered from the code before it, after the first iteration) when the loop will run at least as many more times as the threshold rule
// would wait for (lib/Model/JIT/LoopForecast.h). Each case runs a loop of
// L = 22 instructions (20 adds, the counter step, the branch) with
// threshold 10, so the rule waits for 10 + 10 x 32 / 22 = 24 arrivals, and
// checks when it was compiled through the instructions the compiled code
// retired, and that the result matches the interpreter's.
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"

using namespace snipgen;
using namespace snipgen::test::jit;

namespace {

constexpr unsigned BodyAdds = 20, LoopLength = BodyAdds + 2;

unsigned loopLength(const char *Step) {
  return BodyAdds + 1 + unsigned(llvm::StringRef(Step).count('\n'));
}

struct LoopCase {
  const char *Name;
  const char *Isa;
  const char *Setup; // Before the loop.
  const char *Step;  // The counter update(s) in the body.
  const char *Branch;
  uint64_t Iterations;        // How often the body runs in all.
  uint64_t CompiledIterations; // Of those, run by compiled code.
  bool Forecast;              // Compiled through the forecast.
};

void runCase(const LoopCase &C) {
  std::string Asm = std::string(C.Setup) + "loop:\n";
  for (unsigned I = 0; I < BodyAdds; ++I)
    Asm += "addi a0, a0, 1\n";
  Asm += std::string(C.Step) + C.Branch + "\n";
  auto J = makeMachine(Asm, C.Isa, {true, 10, true});
  auto I = makeMachine(Asm, C.Isa, {false, 0, true});
  ASSERT_TRUE(J && I);
  EXPECT_EQ(J->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(I->run(10000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(differences(*I, *J), "");
  EXPECT_EQ(I->H.X[10], C.Iterations * BodyAdds);
  const model::JITStats &S = J->jit()->stats();
  EXPECT_EQ(S.NativeInstructions, C.CompiledIterations * loopLength(C.Step));
  EXPECT_EQ(S.Forecast, C.Forecast ? 1u : 0u);
}

class JITForecast : public testing::TestWithParam<LoopCase> {};

TEST_P(JITForecast, CompilesWhenTheCountPays) { runCase(GetParam()); }

const LoopCase Cases[] = {
    // Counting down to zero (c.bnez): 99 more iterations after the first,
    // at least 24: compiled then.
    {"CountDownBnez", "rv64gc", "li a1, 100\n", "addi a1, a1, -1\n",
     "bnez a1, loop", 100, 99, true},
    // Entered by a jump, the loop's first arrival comes before its body is
    // decoded; the second forecasts.
    {"EnteredByAJump", "rv64gc", "li a1, 100\nj loop\n", "addi a1, a1, -1\n",
     "bnez a1, loop", 100, 99, true},
    // 19 more: fewer than the rule waits for, and the loop ends before it
    // is hot: never compiled.
    {"TooFewIterations", "rv64gc", "li a1, 20\n", "addi a1, a1, -1\n",
     "bnez a1, loop", 20, 0, false},
    // Counting up by 3 to a bound in a register (blt): 3k < 1000 until
    // k = 334.
    {"CountUpBlt", "rv64gc", "li a1, 0\nli a2, 1000\n", "addi a1, a1, 3\n",
     "blt a1, a2, loop", 334, 333, true},
    // Down by 2 while >= 10 unsigned: 500 - 2k >= 10 until k = 246.
    {"CountDownBgeu", "rv64gc", "li a1, 500\nli a2, 10\n",
     "addi a1, a1, -2\n", "bgeu a1, a2, loop", 246, 245, true},
    // Both registers step: a1 - a2 shrinks by 3 per iteration (bne), equal
    // after 200.
    {"BothStepBne", "rv64gc", "li a1, 1000\nli a2, 400\n",
     "addi a1, a1, -2\naddi a2, a2, 1\n", "bne a1, a2, loop", 200, 199, true},
    // RV32, unsigned: -100 counting up while below -16 (0xfffffff0).
    {"RV32Unsigned", "rv32gc", "li a1, -100\nli a2, -16\n",
     "addi a1, a1, 1\n", "bltu a1, a2, loop", 84, 83, true},
    // RV64, equality through the wrap-around: 0x7ffffffffffffff0 + k ==
    // 0x8000000000000005 at k = 21 (ordered compares would see the sign
    // flip, equality does not).
    {"NeAcrossTheWrap", "rv64gc",
     "li a1, 0x7fffffffffffffd0\nli a2, 0x8000000000000005\n",
     "addi a1, a1, 1\n", "bne a1, a2, loop", 53, 52, true},
    // Two updates of the counter: not a counter the forecast follows; the
    // arrivals decide (the 23rd, iteration 24 of 100).
    {"CounterWrittenTwice", "rv64gc", "li a1, 200\n",
     "addi a1, a1, -1\naddi a1, a1, -1\n", "bnez a1, loop", 100, 77, false},
    // The counter steps by a register: the same (the 24th arrival,
    // iteration 25).
    {"CounterStepsByARegister", "rv64gc", "li a1, 100\nli a3, -1\n",
     "add a1, a1, a3\n", "bnez a1, loop", 100, 76, false},
};

INSTANTIATE_TEST_SUITE_P(Loops, JITForecast, testing::ValuesIn(Cases),
                         [](const testing::TestParamInfo<LoopCase> &I) {
                           return std::string(I.param.Name);
                         });

// A counter stepping away from its bound never ends the loop (until the
// step limit): compiled after the first iteration, and stopped exactly at the
// limit like the interpreter (runCase compares the two machines).
TEST(JITForecast, CounterSteppingAwayIsUnbounded) {
  const uint64_t Limit = 100000;
  std::string Asm = "li a1, 1\nloop:\n";
  for (unsigned I = 0; I < BodyAdds; ++I)
    Asm += "addi a0, a0, 1\n";
  Asm += "addi a1, a1, 2\nbnez a1, loop\n";
  auto J = makeMachine(Asm, "rv64gc", {true, 10, true});
  auto I = makeMachine(Asm, "rv64gc", {false, 0, true});
  ASSERT_TRUE(J && I);
  EXPECT_EQ(J->run(Limit, nullptr), SNIPGEN_STEP_LIMIT);
  EXPECT_EQ(I->run(Limit, nullptr), SNIPGEN_STEP_LIMIT);
  EXPECT_EQ(differences(*I, *J), "");
  const model::JITStats &S = J->jit()->stats();
  EXPECT_EQ(S.Forecast, 1u);
  // All but the set-up, the first iteration and a tail of at most two
  // iterations (JIT.SelfLoopsStopAtTheStepLimitAndSideExits pins how
  // compiled loops end at a step limit) ran compiled.
  EXPECT_GE(S.NativeInstructions, Limit - 1 - 3 * LoopLength);
}

} // namespace
