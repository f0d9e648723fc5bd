//===- ValuegramTest.cpp - Value literals and valuegram draws -------------===//
#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Generator/Valuegram.h"
#include "snipgen/Support/Random.h"
#include "llvm/Support/Error.h"
#include "gtest/gtest.h"
#include <bit>
#include <cmath>
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

NumericLiteral lit(StringRef S) {
  auto L = parseNumericLiteral(S, "a value");
  if (!L) {
    ADD_FAILURE() << S.str() << ": " << toString(L.takeError());
    return {};
  }
  return *L;
}

std::string errorOf(StringRef S) {
  auto L = parseNumericLiteral(S, "a value");
  if (L) {
    ADD_FAILURE() << S.str() << " was accepted";
    return "";
  }
  return toString(L.takeError());
}

TEST(NumericLiteralTest, Integers) {
  EXPECT_EQ(lit("0xffff").Bits, 0xffffu);
  EXPECT_EQ(lit("0b101").Bits, 5u);
  EXPECT_EQ(lit("0o17").Bits, 15u);
  EXPECT_EQ(lit("0123").Bits, 0123u); // a leading 0 is octal (llvm-snippy)
  EXPECT_EQ(lit("42").Bits, 42u);
  NumericLiteral M = lit("-1");
  EXPECT_TRUE(M.Negative);
  EXPECT_EQ(M.Bits, ~0ull);
  EXPECT_EQ(M.FPBits, 0u);
  EXPECT_EQ(lit("18446744073709551615").Bits, ~0ull);
}

TEST(NumericLiteralTest, FloatingPoint) {
  EXPECT_EQ(lit("1.0").Bits, std::bit_cast<uint64_t>(1.0));
  EXPECT_EQ(lit("1.0").FPBits, 64u);
  EXPECT_EQ(lit("1.0d").Bits, std::bit_cast<uint64_t>(1.0));
  EXPECT_EQ(lit("0x1.0p-1f").Bits, 0x3f000000u);
  EXPECT_EQ(lit("0x1.0p-1f").FPBits, 32u);
  EXPECT_EQ(lit("-1.5f").Bits, 0xbfc00000u);
  EXPECT_EQ(lit("1.0h").Bits, 0x3c00u);
  EXPECT_EQ(lit("1.0h").FPBits, 16u);
  // "inf" ends in f but is double infinity; "-inff" is a single.
  EXPECT_EQ(lit("inf").Bits, 0x7ff0000000000000u);
  EXPECT_EQ(lit("-inf").Bits, 0xfff0000000000000u);
  EXPECT_EQ(lit("-inff").Bits, 0xff800000u);
  EXPECT_EQ(lit("nan").Bits, 0x7ff8000000000000u);
  EXPECT_EQ(lit("-nan").Bits, 0xfff8000000000000u);
  EXPECT_EQ(lit("nanf").Bits, 0x7fc00000u);
}

TEST(NumericLiteralTest, Errors) {
  EXPECT_EQ(errorOf(""), "a value must not be empty");
  EXPECT_EQ(errorOf("-0x10"), "a value '-0x10' is negative but not decimal; "
                              "write negative values in decimal");
  EXPECT_NE(errorOf("12abc").find("is not a number"), std::string::npos);
  EXPECT_NE(errorOf("1.2.3").find("is not a valid floating-point literal"),
            std::string::npos);
  EXPECT_NE(errorOf("18446744073709551616").find("is not a number"),
            std::string::npos);
}

TEST(NumericLiteralTest, WidthAndFit) {
  EXPECT_EQ(lit("0xffff").width(), 16u);
  EXPECT_EQ(lit("0").width(), 1u);
  EXPECT_EQ(lit("-1").width(), 1u);
  EXPECT_EQ(lit("-129").width(), 9u);
  EXPECT_EQ(*lit("-1").fitTo(32), 0xffffffffu); // sign-extended, then cut
  EXPECT_FALSE(lit("0x100000000").fitTo(32));
  EXPECT_EQ(*lit("1.0f").fitTo(64), 0x3f800000u); // zero-extended
  EXPECT_FALSE(lit("1.0d").fitTo(32));
}

TEST(ValuegramDrawTest, BitPatternIsEvenlySpaced) {
  RandomEngine RNG(1);
  for (unsigned Bits : {8u, 32u, 64u})
    for (int I = 0; I < 200; ++I) {
      uint64_t V = drawBitPattern(Bits, RNG);
      ASSERT_NE(V, 0u);
      EXPECT_EQ(V & ~lowBitsMask(Bits), 0u);
      // Distances between consecutive ones are all equal.
      std::vector<unsigned> Ones;
      for (unsigned B = 0; B < Bits; ++B)
        if (V >> B & 1)
          Ones.push_back(B);
      for (size_t K = 2; K < Ones.size(); ++K)
        EXPECT_EQ(Ones[K] - Ones[K - 1], Ones[1] - Ones[0]) << std::hex << V;
    }
}

TEST(ValuegramDrawTest, EntriesFollowWeights) {
  Valuegram VG;
  auto Fixed = [](uint64_t V, double W) {
    ValuegramEntry E;
    E.K = ValuegramEntry::Kind::BitValue;
    E.Value.Bits = V;
    E.Weight = W;
    return E;
  };
  VG.Entries = {Fixed(1, 1.0), Fixed(2, 3.0)};
  ValuegramEntry Range;
  Range.K = ValuegramEntry::Kind::BitRange;
  Range.Min = 100;
  Range.Max = 110;
  Range.Weight = 4.0;
  VG.Entries.push_back(Range);
  ValuegramSampler S(VG);
  RandomEngine RNG(7);
  std::map<std::string, unsigned> Counts;
  const unsigned N = 80000;
  for (unsigned I = 0; I < N; ++I) {
    uint64_t V = S.draw(64, RNG);
    if (V >= 100) {
      ASSERT_LE(V, 110u);
      ++Counts["range"];
    } else {
      ++Counts[std::to_string(V)];
    }
  }
  auto Near = [&](const std::string &K, double P) {
    double Sd = std::sqrt(N * P * (1 - P));
    EXPECT_NEAR(Counts[K], N * P, 5 * Sd) << K;
  };
  Near("1", 1.0 / 8);
  Near("2", 3.0 / 8);
  Near("range", 4.0 / 8);
}

TEST(ValuegramDrawTest, NegativeValuesSignExtend) {
  ValuegramEntry E;
  E.K = ValuegramEntry::Kind::BitValue;
  E.Value = *parseNumericLiteral("-2", "v");
  RandomEngine RNG(1);
  EXPECT_EQ(drawValuegramEntry(E, 64, RNG), 0xfffffffffffffffeu);
  EXPECT_EQ(drawValuegramEntry(E, 32, RNG), 0xfffffffeu);
}

// Whole vector registers (reg-type V): a negative bitvalue fills every
// byte, a positive one only the low ones; uniform draws every part.
TEST(ValuegramTest, WideDraws) {
  RandomEngine RNG(7);
  Valuegram Neg;
  ValuegramEntry E;
  E.K = ValuegramEntry::Kind::BitValue;
  E.Value = lit("-2");
  Neg.Entries.push_back(E);
  std::vector<uint8_t> V = ValuegramSampler(Neg).drawWide(32, RNG);
  ASSERT_EQ(V.size(), 32u);
  EXPECT_EQ(V[0], 0xfe);
  for (unsigned B = 1; B < 32; ++B)
    EXPECT_EQ(V[B], 0xff) << B;
  Valuegram Pos;
  E.Value = lit("0x1234");
  Pos.Entries.push_back(E);
  V = ValuegramSampler(Pos).drawWide(16, RNG);
  EXPECT_EQ(V[0], 0x34);
  EXPECT_EQ(V[1], 0x12);
  for (unsigned B = 2; B < 16; ++B)
    EXPECT_EQ(V[B], 0) << B;
  Valuegram Uni;
  E.K = ValuegramEntry::Kind::Uniform;
  Uni.Entries.push_back(E);
  V = ValuegramSampler(Uni).drawWide(32, RNG);
  unsigned NonZeroHigh = 0;
  for (unsigned B = 16; B < 32; ++B)
    NonZeroHigh += V[B] != 0;
  EXPECT_GT(NonZeroHigh, 8u);
}

} // namespace
