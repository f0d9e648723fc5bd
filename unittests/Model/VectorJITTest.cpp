//===- VectorJITTest.cpp - Vector instructions around compiled blocks -----===//
//
// Vector instructions are never compiled (JIT/OpcodeRules.cpp lists scalar
// opcodes only): they end compiled blocks and run in the interpreter. A hot
// loop mixing scalar and vector work must give the same state in both tiers.
//===----------------------------------------------------------------------===//
#include "JITTestUtil.h"

#include <cstring>

using namespace snipgen;
using namespace snipgen::test;
using namespace snipgen::test::jit;

namespace {

TEST(VectorJIT, HotLoopAgreesWithTheInterpreter) {
  std::string Text = R"(
    li s0, 0x40000
    addi s2, s0, 16
    li s1, 3000
    li t1, 4
  loop:
    addi t2, t2, 7
    sw t2, 0(s0)
    vsetvli t0, t1, e32, m1, ta, ma
    vle32.v v1, (s0)
    xor t3, t3, t2
    slli t4, t3, 3
    vse32.v v1, (s2)
    lw t5, 0(s2)
    add t6, t6, t5
    addi s1, s1, -1
    bnez s1, loop
  )";
  auto Interp = makeMachine(Text, "rv64gcv", {false, 0, true});
  auto Jit = makeMachine(Text, "rv64gcv", {true, 0, true});
  ASSERT_TRUE(Interp && Jit);
  EXPECT_EQ(Interp->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(Jit->run(1000000, nullptr), SNIPGEN_STEP_STOP_PC);
  EXPECT_EQ(differences(*Interp, *Jit), "");
  EXPECT_EQ(std::memcmp(Interp->H.V.Bytes, Jit->H.V.Bytes,
                        sizeof(Interp->H.V.Bytes)),
            0);
  EXPECT_EQ(Interp->H.V.VL, Jit->H.V.VL);
  EXPECT_EQ(Interp->H.V.VType, Jit->H.V.VType);
  EXPECT_EQ(Jit->H.X[31], 7ull * 3000 * 3001 / 2) << "t6 sums t2";
  EXPECT_GT(Jit->jit()->stats().BlocksCompiled, 0u)
      << "the scalar parts between vector instructions compile";
  EXPECT_EQ(Jit->jit()->stats().Error, "");
}

} // namespace
