#include "RISCVTarget.h"
#include "TargetTestUtil.h"
#include "snipgen/Support/Random.h"
#include "gtest/gtest.h"

using namespace snipgen;

// Executes the materialisation steps with RISC-V semantics.
static uint64_t evaluate(const std::vector<MaterializeStep> &Steps,
                         unsigned XLen) {
  auto Wrap = [&](uint64_t V) {
    return XLen == 32 ? (uint64_t)(uint32_t)V : V;
  };
  uint64_t R = 0xdeadbeefdeadbeefULL; // garbage: the first step must not read it
  bool Written = false;
  for (const MaterializeStep &S : Steps) {
    switch (S.Op) {
    case MaterializeStep::LUI:
      R = Wrap((uint64_t)(int64_t)(int32_t)(uint32_t)((uint64_t)S.Imm << 12));
      break;
    case MaterializeStep::ADDI:
      EXPECT_TRUE(S.FromZero || Written);
      R = Wrap((S.FromZero ? 0 : R) + (uint64_t)S.Imm);
      break;
    case MaterializeStep::ADDIW:
      EXPECT_TRUE(Written);
      R = (uint64_t)(int64_t)(int32_t)(uint32_t)(R + (uint64_t)S.Imm);
      break;
    case MaterializeStep::SLLI:
      EXPECT_TRUE(Written);
      EXPECT_LT(S.Imm, (int64_t)XLen);
      R = Wrap(R << S.Imm);
      break;
    }
    if (S.Op == MaterializeStep::LUI || S.Op == MaterializeStep::ADDI)
      EXPECT_TRUE(S.Op != MaterializeStep::LUI || (S.Imm >= 0 && S.Imm < (1 << 20)));
    if (S.Op != MaterializeStep::LUI && S.Op != MaterializeStep::SLLI)
      EXPECT_TRUE(S.Imm >= -2048 && S.Imm <= 2047);
    Written = true;
  }
  return R;
}

static void check(uint64_t V, unsigned XLen) {
  auto Steps = riscvMaterializeSteps(V, XLen);
  uint64_t Expected = XLen == 32 ? (uint64_t)(uint32_t)V : V;
  EXPECT_EQ(evaluate(Steps, XLen), Expected) << std::hex << V << " xlen " << XLen;
  EXPECT_LE(Steps.size(), 8u);
}

TEST(MaterializeTest, EdgeValues) {
  for (unsigned XLen : {32u, 64u})
    for (uint64_t V : {0ULL, 1ULL, 2047ULL, 2048ULL, 0x7ffULL, 0x800ULL,
                       0xfffULL, 0x1000ULL, 0x7ffff800ULL, 0x7fffffffULL,
                       0x80000000ULL, 0xffffffffULL, 0x100000000ULL,
                       0x200000000ULL, 0x7fffffffffffffffULL,
                       0x8000000000000000ULL, 0xffffffffffffffffULL,
                       0xfffffffffffff800ULL, 0x123456789abcdef0ULL,
                       0x80000800ULL, 0xffffffff7ffff800ULL})
      check(V, XLen);
}

TEST(MaterializeTest, RandomValues) {
  RandomEngine RNG(5);
  for (int I = 0; I < 200000; ++I) {
    uint64_t V = RNG.next();
    // Mix in values with long runs of zeros or ones.
    if (I % 3 == 1)
      V >>= RNG.below(64);
    if (I % 3 == 2)
      V = ~(V >> RNG.below(64));
    check(V, 64);
    check(V, 32);
  }
}

TEST(MaterializeTest, SmallValuesAreShort) {
  EXPECT_EQ(riscvMaterializeSteps(5, 64).size(), 1u);
  EXPECT_EQ(riscvMaterializeSteps(0x20000, 64).size(), 1u);
  EXPECT_EQ(riscvMaterializeSteps(0x20004, 64).size(), 2u);
}

// The memory planner compares sequences by materializationCost(), which
// counts the steps without building them: it must agree with the steps.
TEST(MaterializeTest, CostMatchesSteps) {
  RISCVTarget T;
  RandomEngine RNG(9);
  for (unsigned XLen : {32u, 64u}) {
    const TestSubtarget &S =
        getSubtarget(XLen == 64 ? "riscv64-unknown-elf" : "riscv32-unknown-elf",
                     "+m");
    for (int I = 0; I < 20000; ++I) {
      uint64_t V = RNG.next() >> RNG.below(64);
      EXPECT_EQ(T.materializationCost(*S.Env, V),
                riscvMaterializeSteps(V, XLen).size())
          << std::hex << V;
    }
  }
}
