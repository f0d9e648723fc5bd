//===- ValueKeysTest.cpp - Parsing the register and value keys ------------===//
#include "LayoutTestUtil.h"
#include "gtest/gtest.h"

using namespace snipgen;
using namespace llvm;

namespace {

class ValueKeysTest : public LayoutFilesTest {};

TEST_F(ValueKeysTest, RegisterReservation) {
  auto L = loadText(std::string(kSections) + kHistogram + R"(
register-reservation:
  - X1: [RW]
  - X2: [R, W]
  - "X1[0-7]": [SR, SW]
  - X9: []
  - F4_D: [SRW]
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  const auto &R = L->Values.Reservations;
  ASSERT_EQ(R.size(), 5u);
  EXPECT_EQ(R[0].Bits, unsigned(ReserveRead | ReserveWrite));
  EXPECT_EQ(R[1].Bits, unsigned(ReserveRead | ReserveWrite));
  EXPECT_EQ(R[2].Pattern, "X1[0-7]");
  EXPECT_EQ(R[2].Bits, unsigned(ReserveSoftRead | ReserveSoftWrite));
  EXPECT_EQ(R[3].Bits, 0u);
  EXPECT_EQ(R[4].Bits, unsigned(ReserveSoftRead | ReserveSoftWrite));
}

TEST_F(ValueKeysTest, OperandsReinitialization) {
  auto L = loadText(std::string(kSections) + kHistogram + R"(
operands-reinitialization:
  - type: valuegram
    weight: 2.0
    opcodes:
      - "FADD_S":
          - type: uniform
          - type: operands
            weight: 3.0
            values: [0x1.0p-1f, -inff]
      - "FADD_D":
          - [uniform, 0.5]
          - type: operands
            values:
              - - [1.0d, 1.0]
                - [-nan, 1.0]
              - uniform
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  const auto &S = L->Values.OperandsReinit;
  ASSERT_EQ(S.size(), 1u);
  EXPECT_EQ(S[0].Weight, 2.0);
  ASSERT_EQ(S[0].Rules.size(), 2u);
  const OpcodeValueSetting &Ops = S[0].Rules[0].Settings[1];
  EXPECT_EQ(Ops.Weight, 3.0);
  ASSERT_EQ(Ops.Values.size(), 2u);
  EXPECT_EQ(Ops.Values[0].Value.Bits, 0x3f000000u);
  EXPECT_EQ(Ops.Values[1].Value.Bits, 0xff800000u);
  const OpcodeValueRule &D = S[0].Rules[1];
  EXPECT_EQ(D.Settings[0].K, OpcodeValueSetting::Kind::Uniform);
  EXPECT_EQ(D.Settings[0].Weight, 0.5);
  EXPECT_EQ(D.Settings[1].Values[0].K, OperandValueSpec::Kind::Valuegram);
  EXPECT_EQ(D.Settings[1].Values[0].VG.Entries[1].Value.Bits,
            0xfff8000000000000u);
  EXPECT_EQ(D.Settings[1].Values[1].K, OperandValueSpec::Kind::Uniform);
}

TEST_F(ValueKeysTest, FPUConfig) {
  auto L = loadText(std::string(kSections) + kHistogram + R"(
fpu-config:
  overwrite:
    range: {min: -5, max: 5, weight: 2.0, rounding-mode: toward-positive}
    ieee-half:
      valuegram: [[0x7c00, 1.0]]
    mode: if-model-detected-nan
    nan-rewrite-ratio: 0.25
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  const FPUOverwriteConfig &C = *L->Values.FPUOverwrite;
  EXPECT_EQ(C.Range->Min, -5);
  EXPECT_EQ(C.Range->Weight, 2.0);
  EXPECT_EQ(C.Range->RM, FPRoundingMode::RUP);
  EXPECT_EQ(C.Half->Entries[0].Value.Bits, 0x7c00u);
  EXPECT_EQ(C.Mode, NaNOverwriteMode::IfModelDetectedNaN);
  EXPECT_EQ(C.NaNRewriteRatio, 0.25);
}

TEST_F(ValueKeysTest, ImmHistForms) {
  auto L = loadText(std::string(kSections) + kHistogram + R"(
imm-hist:
  opcodes:
    - "ADDI": [[1, 1.0], [2, 1.0]]
    - ".+": uniform
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  const ImmHistConfig &C = *L->Values.ImmHist;
  EXPECT_TRUE(C.PerOpcode);
  ASSERT_EQ(C.Rules.size(), 2u);
  EXPECT_EQ(C.Rules[0].Seq.Values, (std::vector<int64_t>{1, 2}));
  EXPECT_TRUE(C.Rules[1].Uniform);
}

TEST_F(ValueKeysTest, PreprocessKeepsValueKeys) {
  auto L = loadText(std::string(kSections) + kHistogram + R"(
histograms:
  - reg-type: X
    values: [[0xffff, 1.0], [bitpattern, 1.0]]
)");
  ASSERT_TRUE(bool(L)) << toString(L.takeError());
  EXPECT_NE(L->Preprocessed.find("histograms:"), std::string::npos);
  auto Again = loadText(L->Preprocessed);
  ASSERT_TRUE(bool(Again)) << toString(Again.takeError());
  EXPECT_EQ(Again->Values.InitialValuegrams->Histograms[0].Values.Entries.size(),
            2u);
}

} // namespace
