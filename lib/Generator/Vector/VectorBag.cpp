//===- VectorBag.cpp - The configuration bag, VL/VM rules, the dump -------===//
//
// The bag is the cartesian product of the SEW, LMUL, VMA, VTA and VXRM values
// with positive weight, each point weighted by the product of its values'
// probabilities. A point is legal when the model accepts its vtype and some
// VL rule applies to it (a number VL needs VL <= VLMAX); legal points share
// 1 - Pvill, the illegal points (every SEW x LMUL encoding, reserved ones
// included, the model refuses, times VMA, VTA and VXRM) share Pvill. As in
// llvm-snippy: without the key the bag is { e64, m1, tu, mu, rnu } with VL
// max_encodable and VM all_ones; RVV opcodes need VSET* in the histogram
// unless mode-change-bias is given, and the two together are an error.
//===----------------------------------------------------------------------===//
#include "VectorOracle.h"
#include "VectorShape.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

using CfgRule = VectorUnitConfig::Rule;

VectorUnit::VectorUnit(const MCEnvironment &Env, const GenTarget &Target)
    : Env(Env), Target(Target) {}
VectorUnit::~VectorUnit() = default;

static bool isVSetName(StringRef N) {
  return N == "VSETVL" || N == "VSETVLI" || N == "VSETIVLI";
}

Expected<std::unique_ptr<VectorUnit>>
VectorUnit::create(const MCEnvironment &Env, const GenTarget &Target,
                   const ISACatalogue &Cat, const Layout &L,
                   const OpcodeHistogram &Histogram, const Options &O) {
  std::unique_ptr<VectorUnit> U(new VectorUnit(Env, Target));
  U->Opts = O;
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    if (E.Weight > 0 && U->handles(*E.Op))
      U->RVVInHistogram = true;
  if (!U->RVVInHistogram && !L.VectorUnit)
    return nullptr;
  auto Oracle = VectorOracle::create(Env);
  if (!Oracle)
    return Oracle.takeError();
  U->Oracle = std::move(*Oracle);
  U->VLen = U->Oracle->vlen();
  U->XLen = Env.selection().XLen;
  if (!U->VLen) {
    if (L.VectorUnit)
      return makeError(*L.SM, L.VectorUnit->Loc,
                       "RVV configuration file should not be specified for "
                       "targets without RVV (-march " +
                           Env.selection().ISAString + " has no vector unit)");
    return nullptr;
  }
  VectorUnitConfig C;
  if (L.VectorUnit) {
    C = *L.VectorUnit;
  } else {
    C.SEW[3] = 1;  // sew_64
    C.LMUL[3] = 1; // m1
    C.VXRM[0] = 1; // rnu
    C.VMA[0] = 1;  // mu
    C.VTA[0] = 1;  // tu
    CfgRule VL, VM;
    VL.K = CfgRule::MaxEncodable;
    VL.Name = "max_encodable";
    VM.K = CfgRule::AllOnes;
    VM.Name = "all_ones";
    C.VL.push_back(VL);
    C.VM.push_back(VM);
  }
  if (Error E = U->build(Cat, L, Histogram, C))
    return std::move(E);
  // The global constants (initial values, v0 masks) go to the first
  // read-only section.
  for (unsigned I = 0; I < L.Sections.size() && !U->HasReadOnly; ++I) {
    const SectionDesc &S = L.Sections[I];
    if (S.Access.R && !S.Access.W && !S.Access.X) {
      U->HasReadOnly = true;
      U->Consts.Section = I;
      U->Consts.Address = S.VMA;
      // Room is left for -selfcheck-gv's globals, which follow.
      U->ConstCapacity = S.Size > 64 ? S.Size - 64 : 0;
    }
  }
  if (O.InitRegs && (O.InitMode == RVVInitMode::Loads ||
                     O.InitMode == RVVInitMode::Mixed)) {
    bool Found = false;
    for (unsigned I = 0; I < L.Sections.size() && !Found; ++I) {
      const SectionDesc &S = L.Sections[I];
      if (S.Access.R && !S.Access.W && !S.Access.X) {
        Found = true;
        if (S.Size < 32ull * (U->VLen / 8))
          return makeError(*L.SM, S.Loc,
                           "read-only section '" + S.Name +
                               "' is too small for the vector register "
                               "initialisation constants (" +
                               Twine(32 * (U->VLen / 8)) + " bytes)");
      }
    }
    if (!Found)
      return makeError(
          Twine("-rvv-init-mode=") +
          (O.InitMode == RVVInitMode::Loads ? "loads" : "mixed (the default)") +
          " loads vector registers from global constants, which need a "
          "read-only section (ACCESS: r) in the layout (manual: \"Global "
          "Constants\"); add one or use -rvv-init-mode=slides or splats");
  }
  return U;
}

static unsigned sewOf(unsigned Code) { return 8u << Code; }

Error VectorUnit::build(const ISACatalogue &Cat, const Layout &L,
                        const OpcodeHistogram &Histogram,
                        const VectorUnitConfig &C) {
  const SourceMgr &SM = *L.SM;
  Biased = C.Biased;
  P = C.P;
  Pvill = C.Pvill;
  for (const CfgRule &R : C.VL)
    VLRules.push_back({R.K, R.Value, R.Weight, R.Name});
  for (const CfgRule &R : C.VM)
    VMRules.push_back({R.K, R.Value, R.Weight, R.Name});
  for (unsigned I = 0; I < 32; ++I)
    VRegs[I] = Env.findRegister(("V" + Twine(I)).str());
  X0 = Target.zeroRegister(Env);
  static const char *VSetNames[3] = {"VSETVL", "VSETVLI", "VSETIVLI"};
  for (unsigned K = 0; K < 3; ++K)
    VSetOps[K] = Cat.lookup(VSetNames[K]);

  // Mode change policy.
  double Total = 0, VSetW = 0;
  for (const OpcodeHistogram::Entry &E : Histogram.entries()) {
    Total += E.Weight;
    for (unsigned K = 0; K < 3; ++K)
      if (E.Op->Name == VSetNames[K] && E.Weight > 0) {
        VSetWeight[K] += E.Weight;
        VSetW += E.Weight;
        if (Biased)
          return makeError(SM, L.Histogram[E.LayoutIndex].Loc,
                           "It is forbidden to specify RVV mode-changing bias "
                           "and VSET* instructions in histogram "
                           "simultaneously (riscv-vector-unit: "
                           "mode-change-bias)");
      }
  }
  RVVPresent = RVVInHistogram;
  // Without the key the one default configuration is set in the prologue
  // and never changes (the manual's layout-vector-init.yaml has no VSET).
  if (RVVInHistogram && !Biased && VSetW == 0 && L.VectorUnit)
    return makeError(SM, L.HistogramLoc,
                     "No VSET instruction detected in histogram (add VSETVLI, "
                     "VSETIVLI or VSETVL, or give riscv-vector-unit a "
                     "mode-change-bias)");
  if (Biased) {
    double Bias = std::max(P, 1e-300);
    double W = Total * Bias;
    for (unsigned K = 0; K < 3; ++K) {
      VSetWeight[K] = W / 3;
      VSetProb[K] = W / (Total + W) / 3;
      if (!VSetOps[K])
        return makeError(SM, C.BiasLoc,
                         "biased mode needs " + Twine(VSetNames[K]) +
                             ", which -march does not provide");
    }
  } else if (Total > 0) {
    for (unsigned K = 0; K < 3; ++K)
      VSetProb[K] = VSetWeight[K] / Total;
  }

  // Legal SEW x LMUL encodings by the model.
  bool LegalEnc[8][8] = {};
  for (unsigned S = 0; S < 8; ++S)
    for (unsigned M = 0; M < 8; ++M)
      LegalEnc[S][M] = Oracle->vtypeLegal(S << 3 | M);
  unsigned LegalPairs = 0;
  for (unsigned S = 0; S < 8; ++S)
    for (unsigned M = 0; M < 8; ++M)
      if (LegalEnc[S][M]) {
        ++LegalPairs;
      } else if (Opts.NoReservedVill && (S >= 4 || M == 4)) {
        // -riscv-disable-reserved-sew-lmul: reserved encodings are no
        // illegal point.
        ++LegalPairs;
      } else {
        for (unsigned Pol = 0; Pol < 4; ++Pol)
          IllegalVTypes.push_back(uint16_t(S << 3 | M | Pol << 6));
      }
  IllegalPoints = uint64_t(64 - LegalPairs) * 16;

  auto Norm = [](ArrayRef<double> W) {
    double S = 0;
    for (double X : W)
      S += X;
    std::vector<double> R;
    for (double X : W)
      R.push_back(S > 0 ? X / S : 0);
    return R;
  };
  auto PS = Norm(C.SEW), PL = Norm(C.LMUL), PX = Norm(C.VXRM),
       PMA = Norm(C.VMA), PTA = Norm(C.VTA);
  double LegalW = 0;
  for (unsigned S = 0; S < 4; ++S)
    for (unsigned LI = 0; LI < 7; ++LI)
      for (unsigned MA = 0; MA < 2; ++MA)
        for (unsigned TA = 0; TA < 2; ++TA)
          for (unsigned X = 0; X < 4; ++X) {
            double Pr = PS[S] * PL[LI] * PMA[MA] * PTA[TA] * PX[X];
            if (Pr <= 0)
              continue;
            int Lmul = int(LI) - 3;
            if (!LegalEnc[S][unsigned(Lmul) & 7])
              continue;
            VectorBagPoint BP;
            BP.Cfg.SEW = sewOf(S);
            BP.Cfg.LMULLog2 = Lmul;
            BP.Cfg.MaskAgnostic = MA;
            BP.Cfg.TailAgnostic = TA;
            BP.Cfg.VXRM = X;
            BP.MaxVL = BP.Cfg.vlmax(VLen);
            bool AnyVL = any_of(VLRules, [&](const RuleW &R) {
              return R.Weight > 0 &&
                     (R.K != CfgRule::Imm || R.Value <= BP.MaxVL);
            });
            if (!AnyVL) {
              DiscardedCfgs.push_back(BP.Cfg);
              continue;
            }
            BP.P = Pr;
            LegalW += Pr;
            Bag.push_back(BP);
          }
  if (IllegalVTypes.empty() && Biased && Pvill > 0)
    return makeError(SM, C.BiasLoc,
                     "Pvill > 0 but no illegal configuration is left: every "
                     "SEW/LMUL encoding that is not reserved is supported "
                     "(-riscv-disable-reserved-sew-lmul)");
  if (Bag.empty() && Pvill != 1)
    return makeError(SM, L.VectorUnit ? L.VectorUnit->Loc : L.HistogramLoc,
                     "RVV Config: no legal configuration detected and Pvill "
                     "!= 1, aborting. All RVV configurations from the "
                     "riscv-vector-unit are incompatible with all VL "
                     "generators (VLEN is " +
                         Twine(VLen) + ")");
  double Scale = Biased ? 1.0 - Pvill : 1.0;
  for (VectorBagPoint &BP : Bag)
    BP.P = BP.P / LegalW * Scale;
  if (Scale <= 0)
    Bag.clear(); // Pvill = 1: only illegal configurations

  std::stable_sort(Bag.begin(), Bag.end(),
                   [](const VectorBagPoint &A, const VectorBagPoint &B) {
                     return A.P > B.P;
                   });
  for (const VectorBagPoint &BP : Bag)
    BagWeights.push_back(BP.P);
  BagChooser.reset(BagWeights);
  Cur = Bag.empty() ? VectorConfig() : Bag.front().Cfg;
  return Error::success();
}

VectorConfig VectorUnit::drawConfig(RandomEngine &R, bool AllowVill) const {
  if (Bag.empty() || (AllowVill && Biased && Pvill > 0 && R.chance(Pvill))) {
    VectorConfig C;
    C.Vill = true;
    C.VL = 0;
    uint16_t V = IllegalVTypes[R.below(IllegalVTypes.size())];
    // Keep the encoding (SEW/LMUL/policy bits) for the VSET immediate.
    C.SEW = 8;
    C.LMULLog2 = 0;
    C.TailAgnostic = (V >> 6) & 1;
    C.MaskAgnostic = (V >> 7) & 1;
    C.VXRM = unsigned(R.below(4));
    C.RawVType = V;
    return C;
  }
  // Legal points only: their weights sum to 1 - Pvill.
  return Bag[BagChooser.choose(R)].Cfg;
}

bool VectorUnit::drawVL(VectorConfig &C, bool Immediate, RandomEngine &R) const {
  uint64_t Max = C.vlmax(VLen);
  uint64_t Cap = Immediate ? std::min<uint64_t>(Max, 31) : Max;
  std::vector<double> W;
  for (const RuleW &Ru : VLRules)
    W.push_back(Ru.K == CfgRule::Imm && Ru.Value > Cap ? 0.0 : Ru.Weight);
  WeightedChooser Ch(W);
  if (Ch.empty())
    return false;
  const RuleW &Ru = VLRules[Ch.choose(R)];
  switch (Ru.K) {
  case CfgRule::Imm:
    C.VL = Ru.Value;
    break;
  case CfgRule::MaxEncodable:
    C.VL = Cap;
    break;
  case CfgRule::AnyLegal:
    C.VL = R.inRangeU(0, Cap);
    break;
  default: // AnyLegalNonZero
    C.VL = R.inRangeU(std::min<uint64_t>(1, Cap), Cap);
    break;
  }
  return true;
}

static std::string num(double V, unsigned Precision) {
  std::string S;
  raw_string_ostream(S) << format("%.*g", int(Precision), V);
  return S;
}

static std::string confString(const VectorConfig &C) {
  static const char *VX[4] = {"rnu", "rne", "rdn", "ron"};
  std::string S = "{ e" + std::to_string(C.SEW) + ", ";
  S += C.LMULLog2 >= 0 ? "m" + std::to_string(1 << C.LMULLog2)
                       : "mf" + std::to_string(1 << -C.LMULLog2);
  S += C.TailAgnostic ? ", ta" : ", tu";
  S += C.MaskAgnostic ? ", ma" : ", mu";
  S += ", vxrm: ";
  S += VX[C.VXRM & 3];
  return S + " }";
}

// llvm-snippy's rules: a number VL is dropped when it fits no configuration
// of the bag; a number VM when it has more bits than the smallest vl any
// remaining VL rule gives (any_legal 0, any_legal_non_zero 1, max_encodable the smallest
// VLMAX of the bag, a number itself) allows.
void VectorUnit::dumpDiscarded(raw_ostream &OS) const {
  OS << "--- RVV Unit Discarded Info ---\n";
  uint64_t MinMaxVL = ~uint64_t(0);
  for (const VectorBagPoint &BP : Bag)
    MinMaxVL = std::min(MinMaxVL, BP.MaxVL);
  if (Bag.empty())
    MinMaxVL = 0;
  auto MinVL = [&](const RuleW &R) -> uint64_t {
    switch (R.K) {
    case CfgRule::AnyLegal:
      return 0;
    case CfgRule::AnyLegalNonZero:
      return 1;
    case CfgRule::Imm:
      return R.Value;
    default:
      return MinMaxVL;
    }
  };
  auto Bits = [](uint64_t V) {
    unsigned B = 0;
    for (; V; V >>= 1)
      ++B;
    return B;
  };
  auto VLDropped = [&](const RuleW &L) {
    return L.K == CfgRule::Imm && none_of(Bag, [&](const VectorBagPoint &BP) {
             return L.Value <= BP.MaxVL;
           });
  };
  OS << "  - VM Generators:\n";
  for (const RuleW &M : VMRules) {
    if (M.K != CfgRule::Imm)
      continue;
    bool Fits = any_of(VLRules, [&](const RuleW &L) {
      return !VLDropped(L) && Bits(M.Value) <= MinVL(L);
    });
    if (!Fits)
      OS << "    <" << M.Name << ">\n";
  }
  OS << "  - VL Generators:\n";
  for (const RuleW &L : VLRules)
    if (VLDropped(L))
      OS << "    <" << L.Name << ">\n";
  OS << "  - Configuration Bag Listing:\n";
  for (const VectorConfig &C : DiscardedCfgs)
    OS << "    Conf: " << confString(C) << "\n";
  OS << "--- RVV Unit Discarded End  ---\n";
}

void VectorUnit::dump(raw_ostream &OS) const {
  OS << "--- RVV Configuration Info ---\n";
  OS << "  - Derived VLEN: " << VLen << " (VLENB = " << VLen / 8 << ")\n";
  OS << "  - Mode Change Decision Policy: ";
  if (!RVVPresent) {
    OS << "None\n--- RVV Configuration End ---\n";
    return;
  }
  OS << (Biased ? "Configuration Bias" : "Histogram") << "\n";
  OS << "  - Mode Change Probability: "
     << num(VSetProb[0] + VSetProb[1] + VSetProb[2], 3)
     << " (vsetvl/vsetvli/vsetivli=";
  for (unsigned K = 0; K < 3; ++K)
    OS << (K ? "/" : "") << num(VSetProb[K], 3) << "[w:"
       << num(VSetWeight[K], 3) << "]";
  OS << ")\n";
  OS << "    Set Vill Bit Probability: " << num(Biased ? Pvill : 0, 3) << "\n";
  auto Rules = [&](StringRef What, const std::vector<RuleW> &Rs) {
    OS << "  - " << What << " Selection Rules:\n";
    double S = 0;
    for (const RuleW &R : Rs)
      S += R.Weight;
    for (const RuleW &R : Rs)
      if (R.Weight > 0)
        OS << "    P: " << num(R.Weight / S, 5) << " <" << R.Name << ">\n";
  };
  Rules("VL", VLRules);
  Rules("VM", VMRules);
  OS << "  - Configuration Bag Listing:\n";
  uint64_t Cardinality = 0;
  for (const VectorBagPoint &BP : Bag) {
    OS << "    P: " << num(BP.P, 5) << " Conf: " << confString(BP.Cfg)
       << "/MaxVL: " << BP.MaxVL << "\n";
    Cardinality += BP.MaxVL;
  }
  if (Biased && Pvill > 0)
    OS << "    P: " << num(Pvill, 5) << " Conf: { Illegal Configurations: "
       << IllegalPoints << " points }/MaxVL: 0\n";
  OS << "  - Configuration Bag Size: " << Bag.size() << "\n";
  OS << "  - State Cardinality: " << Cardinality << " ~ {MASKS}\n";
  OS << "--- RVV Configuration End ---\n";
}

} // namespace snipgen
