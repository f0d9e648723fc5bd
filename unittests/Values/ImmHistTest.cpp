//===- ImmHistTest.cpp - imm-hist draws and checks ------------------------===//
#include "ValueTestUtil.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/ImmediateHistogram.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/Support/raw_ostream.h"
#include "gtest/gtest.h"
#include <cmath>
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

struct ImmFixture {
  const ValueTestSubtarget &S = valueSubtarget("+m,+f,+d");
  Layout L;
  WarningEngine Warnings;
  std::string WarningText;
  raw_string_ostream WarningOS{WarningText};
  ImmFixture(std::vector<std::string> Ops) {
    L.SM = std::make_shared<SourceMgr>();
    for (const std::string &Op : Ops)
      L.Histogram.push_back({Op, 1.0, SMLoc()});
    Warnings.setStream(WarningOS);
  }
  const OpcodeDesc &op(StringRef Name) const { return *S.Cat->lookup(Name); }
};

ImmHistSequence seq(std::vector<std::pair<int64_t, double>> VW) {
  ImmHistSequence S;
  for (auto [V, W] : VW) {
    S.Values.push_back(V);
    S.Weights.push_back(W);
    S.Locs.push_back(SMLoc());
  }
  return S;
}

TEST(ImmHistTest, GeneralListKeepsLegalValues) {
  ImmFixture F({"ADDI", "SLLI"});
  ImmHistConfig C;
  C.General = seq({{-1, 1.0}, {2, 1.0}, {3, 2.0}});
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.S.Cat, F.Warnings));
  auto P = cantFail(HistogramImmediatePolicy::create(C, *F.L.SM, H, F.Warnings));
  RandomEngine RNG(3);
  std::map<int64_t, unsigned> Addi, Slli;
  const unsigned N = 40000;
  for (unsigned I = 0; I < N; ++I) {
    ++Addi[P->choose(F.op("ADDI"), 2, RNG)];
    ++Slli[P->choose(F.op("SLLI"), 2, RNG)];
  }
  EXPECT_EQ(Addi.size(), 3u);
  EXPECT_EQ(Slli.size(), 2u); // SLLI cannot shift by -1
  auto Near = [&](unsigned Count, double Prob) {
    EXPECT_NEAR(Count, N * Prob, 5 * std::sqrt(N * Prob * (1 - Prob)));
  };
  Near(Addi[3], 0.5);
  Near(Addi[-1], 0.25);
  Near(Slli[3], 2.0 / 3);
}

TEST(ImmHistTest, PerOpcodeFirstMatchAndUniform) {
  ImmFixture F({"ADDI", "XORI", "SLLI"});
  ImmHistConfig C;
  C.PerOpcode = true;
  C.Rules.push_back({"ADDI", false, seq({{1, 1.0}, {2, 1.0}}), SMLoc()});
  C.Rules.push_back({"ADDI?|XORI", false, seq({{3, 1.0}}), SMLoc()});
  C.Rules.push_back({".+", true, {}, SMLoc()});
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.S.Cat, F.Warnings));
  auto P = cantFail(HistogramImmediatePolicy::create(C, *F.L.SM, H, F.Warnings));
  RandomEngine RNG(5);
  std::map<int64_t, unsigned> Addi, Xori, Slli;
  for (unsigned I = 0; I < 2000; ++I) {
    ++Addi[P->choose(F.op("ADDI"), 2, RNG)];
    ++Xori[P->choose(F.op("XORI"), 2, RNG)];
    ++Slli[P->choose(F.op("SLLI"), 2, RNG)];
  }
  EXPECT_EQ(Addi.size(), 2u);
  EXPECT_TRUE(Addi.count(1) && Addi.count(2));
  EXPECT_EQ(Xori.size(), 1u);
  EXPECT_TRUE(Xori.count(3));
  EXPECT_EQ(Slli.size(), 64u); // uniform over 0..63
  EXPECT_EQ(F.WarningText, "");
}

TEST(ImmHistTest, FixedOperandsAreLeftAlone) {
  // The CSR number of a pseudo-instruction has one legal value; imm-hist
  // only steers the written value.
  ImmFixture F({"WriteFRMImm"});
  ImmHistConfig C;
  C.General = seq({{1, 1.0}});
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.S.Cat, F.Warnings));
  auto P = cantFail(HistogramImmediatePolicy::create(C, *F.L.SM, H, F.Warnings));
  const OpcodeDesc &W = *H.entries().front().Op;
  RandomEngine RNG(1);
  EXPECT_EQ(P->choose(W, 1, RNG), 2);  // frm
  EXPECT_EQ(P->choose(W, 2, RNG), 1);  // from imm-hist
}

TEST(ImmHistTest, NoLegalValueIsAnError) {
  ImmFixture F({"SLLI"});
  ImmHistConfig C;
  C.General = seq({{64, 1.0}, {-1, 1.0}});
  auto H = cantFail(OpcodeHistogram::resolve(F.L, *F.S.Cat, F.Warnings));
  auto P = HistogramImmediatePolicy::create(C, *F.L.SM, H, F.Warnings);
  ASSERT_FALSE(P);
  EXPECT_NE(toString(P.takeError())
                .find("no 'imm-hist' value with a positive weight fits "
                      "operand 2 of 'SLLI' (legal: 0..63)"),
            std::string::npos);
}

} // namespace
