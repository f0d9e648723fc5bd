//===- VectorUnitTest.cpp - The RVV configuration bag ---------------------===//
//
// Configurations are drawn with the weights of the riscv-vector-unit key:
// a chi-square test on SEW x LMUL over 10,000 draws, values with zero or no
// weight never drawn, VL rules applied per configuration, and the default
// bag { e64, m1, tu, mu, rnu } with VL = 2 at VLEN 128.
//===----------------------------------------------------------------------===//
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "gtest/gtest.h"
#include <map>

using namespace snipgen;
using namespace llvm;

namespace {

struct VectorFixture {
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Cat;
  const GenTarget *Target;
  Layout L;
  std::unique_ptr<OpcodeHistogram> H;
  VectorFixture() {
    registerBuiltinTargets();
    SubtargetSelection Sel;
    Sel.TheTriple = Triple("riscv64-unknown-elf");
    Sel.CPU = "generic-rv64";
    Sel.Features = "+m,+f,+d,+v";
    Sel.ABI = "lp64d";
    Sel.ISAString = "rv64i2p1_m2p0_f2p2_d2p2_v1p0_zicsr2p0_zve32f1p0_"
                    "zve32x1p0_zve64d1p0_zve64f1p0_zve64x1p0_zvl128b1p0_"
                    "zvl32b1p0_zvl64b1p0";
    Env = cantFail(MCEnvironment::create(Sel));
    Target = GenTarget::lookup(Sel.TheTriple);
    Cat = cantFail(ISACatalogue::build(*Env, *Target));
    L.SM = std::make_shared<SourceMgr>();
    SectionDesc Code;
    Code.Name = "1";
    Code.VMA = 0x10000;
    Code.Size = 0x10000;
    Code.Access.R = Code.Access.X = true;
    L.Sections = {Code};
    for (const char *N : {"VSETVLI", "VADD_VV"}) {
      HistogramEntry E;
      E.Pattern = N;
      E.Weight = 1.0;
      L.Histogram.push_back(E);
    }
    WarningEngine W;
    H = std::make_unique<OpcodeHistogram>(
        cantFail(OpcodeHistogram::resolve(L, *Cat, W)));
  }
  std::unique_ptr<VectorUnit> unit() {
    return cantFail(VectorUnit::create(*Env, *Target, *Cat, L, *H, {}));
  }
};

VectorUnitConfig::Rule rule(VectorUnitConfig::Rule::Kind K, double W,
                            uint64_t V = 0) {
  VectorUnitConfig::Rule R;
  R.K = K;
  R.Weight = W;
  R.Value = V;
  R.Name = "r";
  return R;
}

TEST(VectorUnitTest, SewLmulFollowTheWeights) {
  VectorFixture F;
  VectorUnitConfig C;
  C.SEW = {1, 2, 3, 4};          // e8 e16 e32 e64
  C.LMUL = {0, 0, 1, 1, 2, 0, 0}; // mf2: 1, m1: 1, m2: 2; m4: 0; m8 absent
  C.VXRM = {1, 0, 0, 0};
  C.VMA = {1, 1};
  C.VTA = {1, 0};
  C.VL.push_back(rule(VectorUnitConfig::Rule::MaxEncodable, 1));
  C.VM.push_back(rule(VectorUnitConfig::Rule::AllOnes, 1));
  F.L.VectorUnit = C;
  auto U = F.unit();
  ASSERT_TRUE(U);
  RandomEngine R(42);
  const unsigned N = 10000;
  std::map<std::pair<unsigned, int>, unsigned> Count;
  unsigned MA = 0;
  for (unsigned I = 0; I < N; ++I) {
    VectorConfig Cfg = U->drawConfig(R, true);
    ASSERT_FALSE(Cfg.Vill);
    ++Count[{Cfg.SEW, Cfg.LMULLog2}];
    MA += Cfg.MaskAgnostic;
    EXPECT_FALSE(Cfg.TailAgnostic); // ta has weight 0
    EXPECT_EQ(Cfg.VXRM, 0u);        // only rnu has weight
    EXPECT_NE(Cfg.LMULLog2, 2);     // m4: zero weight
    EXPECT_NE(Cfg.LMULLog2, 3);     // m8: absent
  }
  // Chi-square over the 12 SEW x LMUL cells (11 degrees of freedom; the
  // 0.1% critical value is 31.26).
  double Chi = 0;
  const double PS[4] = {0.1, 0.2, 0.3, 0.4};
  const std::pair<int, double> PL[3] = {{-1, 0.25}, {0, 0.25}, {1, 0.5}};
  for (unsigned S = 0; S < 4; ++S)
    for (auto [L, P] : PL) {
      double Expected = N * PS[S] * P;
      double Observed = Count[{8u << S, L}];
      Chi += (Observed - Expected) * (Observed - Expected) / Expected;
    }
  EXPECT_LT(Chi, 31.26) << "chi-square " << Chi;
  EXPECT_NEAR(double(MA) / N, 0.5, 0.03);
  EXPECT_EQ(Count.size(), 12u);
}

TEST(VectorUnitTest, VLRules) {
  VectorFixture F;
  VectorUnitConfig C;
  C.SEW = {1, 0, 0, 0};
  C.LMUL = {0, 0, 0, 0, 0, 0, 1}; // e8 m8: VLMAX 128
  C.VXRM = {1, 0, 0, 0};
  C.VMA = {1, 0};
  C.VTA = {1, 0};
  C.VL.push_back(rule(VectorUnitConfig::Rule::MaxEncodable, 1));
  C.VL.push_back(rule(VectorUnitConfig::Rule::Imm, 1, 40));
  C.VM.push_back(rule(VectorUnitConfig::Rule::AllOnes, 1));
  F.L.VectorUnit = C;
  auto U = F.unit();
  RandomEngine R(1);
  std::map<uint64_t, unsigned> VLs, IVLs;
  for (unsigned I = 0; I < 1000; ++I) {
    VectorConfig Cfg = U->drawConfig(R, false);
    ASSERT_TRUE(U->drawVL(Cfg, false, R));
    ++VLs[Cfg.VL];
    ASSERT_TRUE(U->drawVL(Cfg, true, R)); // VSETIVLI: at most 31
    ++IVLs[Cfg.VL];
  }
  EXPECT_EQ(VLs.size(), 2u);
  EXPECT_GT(VLs[128], 400u);
  EXPECT_GT(VLs[40], 400u);
  // 40 does not fit VSETIVLI; max_encodable becomes 31.
  EXPECT_EQ(IVLs.size(), 1u);
  EXPECT_EQ(IVLs[31], 1000u);
}

TEST(VectorUnitTest, DefaultConfiguration) {
  VectorFixture F;
  auto U = F.unit();
  ASSERT_TRUE(U);
  EXPECT_EQ(U->vlen(), 128u);
  ASSERT_EQ(U->bag().size(), 1u);
  RandomEngine R(7);
  VectorConfig Cfg = U->drawConfig(R, true);
  ASSERT_TRUE(U->drawVL(Cfg, false, R));
  EXPECT_EQ(Cfg.SEW, 64u);
  EXPECT_EQ(Cfg.LMULLog2, 0);
  EXPECT_FALSE(Cfg.TailAgnostic);
  EXPECT_FALSE(Cfg.MaskAgnostic);
  EXPECT_EQ(Cfg.VXRM, 0u);
  EXPECT_EQ(Cfg.VL, 2u);
}

} // namespace
