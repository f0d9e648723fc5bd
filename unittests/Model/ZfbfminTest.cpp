//===- ZfbfminTest.cpp - Zfbfmin on the built-in model and in soft-float ---===//
#include "ModelTestUtil.h"
#include "snipgen/Model/SoftFloat.h"
#include <bit>
#include <cstring>

using namespace snipgen;
using namespace snipgen::test;
using namespace snipgen::softfloat;

namespace {

TEST(BF16SoftFloat, WideningIsExactForEveryInput) {
  for (uint32_t B = 0; B <= 0xffff; ++B) {
    FPEnv Env;
    uint32_t R = bf16ToF32(uint16_t(B), Env);
    bool NaN = (B & 0x7fff) > 0x7f80;
    if (NaN) {
      EXPECT_EQ(R, F32CanonicalNaN);
      EXPECT_EQ(Env.Flags, (B & 0x40) ? 0 : flags::Invalid) << B;
    } else {
      EXPECT_EQ(R, B << 16) << B;
      EXPECT_EQ(Env.Flags, 0) << B;
    }
  }
}

// Narrowing, checked against the classic integer formulation of each
// rounding mode on the binary32 bits (bfloat16 is binary32 without its low
// 16 bits, so rounding is an integer rounding of the bit pattern).
uint16_t referenceNarrow(uint32_t B, RoundingMode RM) {
  uint32_t Low = B & 0xffff, Kept = B >> 16;
  bool Sign = B >> 31;
  bool Up = false;
  switch (RM) {
  case RoundingMode::NearestEven:
    Up = Low > 0x8000 || (Low == 0x8000 && (Kept & 1));
    break;
  case RoundingMode::NearestMaxMagnitude: Up = Low >= 0x8000; break;
  case RoundingMode::TowardZero: Up = false; break;
  case RoundingMode::Down: Up = Sign && Low; break;
  case RoundingMode::Up: Up = !Sign && Low; break;
  }
  uint32_t R = Kept + Up; // a carry into the exponent is still right
  if ((R & 0x7fff) == 0x7f80 && (B & 0x7fffffff) < 0x7f800000) {
    // Overflowed to infinity: directed modes may stop at the largest finite.
    bool ToMax = RM == RoundingMode::TowardZero ||
                 (RM == RoundingMode::Down && !Sign) ||
                 (RM == RoundingMode::Up && Sign);
    if (ToMax)
      R = (R & 0x8000) | 0x7f7f;
  }
  return uint16_t(R);
}

TEST(BF16SoftFloat, NarrowingMatchesIntegerRounding) {
  uint64_t Checked = 0;
  for (uint64_t B = 0; B <= 0xffffffffull; B += 0x1003) { // ~1M patterns
    uint32_t Bits = uint32_t(B);
    if ((Bits & 0x7fffffff) > 0x7f800000)
      continue; // NaNs: below
    for (int M = 0; M <= 4; ++M) {
      FPEnv Env;
      Env.Rounding = RoundingMode(M);
      uint16_t R = f32ToBF16(Bits, Env);
      ASSERT_EQ(R, referenceNarrow(Bits, RoundingMode(M)))
          << std::hex << Bits << " mode " << M;
      bool Inexact = (Bits & 0xffff) != 0 && (Bits & 0x7fffffff) != 0x7f800000;
      EXPECT_EQ((Env.Flags & flags::Inexact) != 0, Inexact) << std::hex << Bits;
      ++Checked;
    }
  }
  EXPECT_GT(Checked, 4000000u);
  FPEnv Env;
  EXPECT_EQ(f32ToBF16(0x7f800001, Env), BF16CanonicalNaN);
  EXPECT_EQ(Env.Flags, flags::Invalid);
  // Tininess after rounding: 0x007fffff rounds up to the smallest normal
  // 0x0080 in RNE, which with an unbounded exponent is not tiny: no UF.
  FPEnv E2;
  EXPECT_EQ(f32ToBF16(0x007fffff, E2), 0x0080);
  EXPECT_EQ(E2.Flags, flags::Inexact);
  FPEnv E3;
  EXPECT_EQ(f32ToBF16(0x00008000, E3), 0x0000);
  EXPECT_EQ(E3.Flags, flags::Inexact | flags::Underflow);
}

TEST(Zfbfmin, ConvertsBoxesAndReadsBadBoxesAsBF16NaN) {
  auto T = TestMachine::create("li t0, 0x3f808000\n"
                               "fmv.w.x ft0, t0\n"
                               "fcvt.bf16.s ft1, ft0, rup\n"
                               "fcvt.s.bf16 ft2, ft1\n"
                               "fcvt.s.bf16 ft3, ft0\n", // boxed single
                               "rv64imafd_zfbfmin");
  RUN_TO_END(T);
  EXPECT_EQ(T->M->f(1), 0xffffffffffff3f81ull);
  EXPECT_EQ(T->M->f(2), 0xffffffff3f810000ull);
  // Not a boxed 16-bit value: the bfloat16 canonical NaN (0x7fc0), which
  // widens to the binary32 canonical NaN without raising invalid.
  EXPECT_EQ(T->M->f(3), 0xffffffff7fc00000ull);
  EXPECT_EQ(T->csr(0x001), uint64_t(flags::Inexact));
}

} // namespace
