//===- FPUOverwrite.cpp - Keeping NaNs out of FP operands -----------------===//
#include "snipgen/Generator/FPUOverwrite.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/LockstepModel.h"
#include "snipgen/Generator/OperandInit.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/APFloat.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

bool isNaNBits(uint64_t V, unsigned Bits) {
  switch (Bits) {
  case 16:
    return ((V >> 10) & 0x1f) == 0x1f && (V & 0x3ff) != 0;
  case 32:
    return ((V >> 23) & 0xff) == 0xff && (V & 0x7fffff) != 0;
  default:
    return ((V >> 52) & 0x7ff) == 0x7ff && (V & 0xfffffffffffffull) != 0;
  }
}

static bool isInfBits(uint64_t V, unsigned Bits) {
  switch (Bits) {
  case 16:
    return (V & 0x7fff) == 0x7c00;
  case 32:
    return (V & 0x7fffffff) == 0x7f800000;
  default:
    return (V & 0x7fffffffffffffffull) == 0x7ff0000000000000ull;
  }
}

bool readsAsNaN(uint64_t Raw, unsigned FLen, unsigned Bits) {
  if (Bits > FLen)
    return true; // no such view: nothing sensible can be read
  if (Bits < FLen && (Raw >> Bits) != lowBitsMask(FLen - Bits))
    return true; // not NaN-boxed: reads as the canonical NaN
  return isNaNBits(Raw & lowBitsMask(Bits), Bits);
}

static const fltSemantics &semanticsOf(unsigned Bits) {
  return Bits == 16   ? APFloat::IEEEhalf()
         : Bits == 32 ? APFloat::IEEEsingle()
                      : APFloat::IEEEdouble();
}

static RoundingMode llvmRounding(FPRoundingMode RM) {
  switch (RM) {
  case FPRoundingMode::RNE: return RoundingMode::NearestTiesToEven;
  case FPRoundingMode::RTZ: return RoundingMode::TowardZero;
  case FPRoundingMode::RDN: return RoundingMode::TowardNegative;
  case FPRoundingMode::RUP: return RoundingMode::TowardPositive;
  case FPRoundingMode::RMM: return RoundingMode::NearestTiesToAway;
  }
  return RoundingMode::NearestTiesToEven;
}

// An integer of the overwrite range as a value of the precision.
static std::pair<uint64_t, APFloat::opStatus>
convertInteger(int64_t V, unsigned Bits, FPRoundingMode RM) {
  APFloat F(semanticsOf(Bits));
  APFloat::opStatus St =
      F.convertFromAPInt(APInt(64, (uint64_t)V, /*isSigned=*/true),
                         /*IsSigned=*/true, llvmRounding(RM));
  return {F.bitcastToAPInt().getZExtValue(), St};
}

FPUOverwrite::~FPUOverwrite() = default;

Expected<std::unique_ptr<FPUOverwrite>> FPUOverwrite::create(Setup Init) {
  std::unique_ptr<FPUOverwrite> O(new FPUOverwrite());
  O->S = std::move(Init);
  const FPUOverwriteConfig &C = *O->S.Config;
  for (unsigned View = 0; View < 3; ++View) {
    const std::optional<Valuegram> &VG =
        View == 0 ? C.Half : View == 1 ? C.Single : C.Double;
    std::vector<double> Weights;
    Weights.push_back(C.Range ? C.Range->Weight : 0.0);
    if (VG) {
      O->Samplers[View].emplace(*VG);
      for (const ValuegramEntry &E : VG->Entries)
        Weights.push_back(E.Weight);
    }
    O->SourceChoice[View].reset(Weights);
  }
  for (unsigned I = 0; I < 32; ++I)
    O->setRaw(I, I < O->S.InitialF.size() ? O->S.InitialF[I] : ~0ull);
  unsigned NumRegs = O->S.Env->regInfo().getNumRegs();
  O->FPIndex.assign(NumRegs, 0);
  for (unsigned R = 1; R < NumRegs; ++R) {
    GenTarget::RegisterFacts F = O->S.Target->describeRegister(*O->S.Env, R);
    if (F.K == GenTarget::RegisterFacts::FPR)
      O->FPIndex[R] = F.Index;
  }
  if (C.Mode == NaNOverwriteMode::IfModelDetectedNaN) {
    const Layout &L = *O->S.L;
    unsigned Code = lowestCodeSection(L);
    if (Code == L.Sections.size())
      return makeError("the layout has no executable (rx) section for the code");
    auto LM = LockstepModel::create(*O->S.Env, L, Code);
    if (!LM)
      return LM.takeError();
    O->Model = std::move(*LM);
    const MCEnvironment &Env = *O->S.Env;
    for (unsigned I = 1; I < 32 && I < O->S.InitialX.size(); ++I)
      O->Model->setRegister(Env.findRegister(("X" + Twine(I)).str()),
                            O->S.InitialX[I], /*Known=*/false);
    const char *Suffix = O->S.FLen == 64 ? "_D" : "_F";
    for (unsigned I = 0; I < 32 && I < O->S.InitialF.size(); ++I)
      if (unsigned R = Env.findRegister(("F" + Twine(I) + Suffix).str())) {
        uint64_t V = O->S.InitialF[I];
        if (O->S.FLen == 32) // the model's 64-bit storage holds boxed singles
          V = 0xffffffff00000000ull | (V & 0xffffffffull);
        O->Model->setRegister(R, V, /*Known=*/false);
      }
  }
  return O;
}

void FPUOverwrite::setRaw(unsigned Index, uint64_t Raw) {
  uint8_t Mask = 0, Inf = 0;
  for (unsigned View = 0; View < 3; ++View) {
    if (readsAsNaN(Raw, S.FLen, bitsOf(View)))
      Mask |= 1u << View;
    else if (isInfBits(Raw & lowBitsMask(bitsOf(View)), bitsOf(View)))
      Inf |= 1u << View;
  }
  NaNViews[Index] = Mask;
  InfViews[Index] = Inf;
}

Error FPUOverwrite::checkRange(unsigned View) const {
  const std::optional<FPOverwriteRange> &R = S.Config->Range;
  if (!R || RangeChecked[View])
    return Error::success();
  for (int64_t V : {R->Min, R->Max})
    if (convertInteger(V, bitsOf(View), R->RM).second & APFloat::opOverflow)
      return makeError(*S.SM, R->Loc,
                       "converting " + Twine(V) + " from 'range' to " +
                           (View == 0   ? "half"
                            : View == 1 ? "single"
                                        : "double") +
                           " precision overflows; narrow the range (half "
                           "precision holds at most +-65504)");
  return Error::success();
}

// The register facts of an operand: those of any legal register (they share
// the class).
static std::optional<GenTarget::RegisterFacts>
operandFacts(const OpcodeDesc &Op, unsigned Idx, const MCEnvironment &Env,
             const GenTarget &Target) {
  for (unsigned R : Op.Operands[Idx].LegalRegs)
    if (R)
      return Target.describeRegister(Env, R);
  return std::nullopt;
}

Error FPUOverwrite::prepare(const OpcodeDesc &Op) {
  if (Infos.count(&Op))
    return Error::success();
  OpInfo Info;
  for (unsigned I = 0; I < Op.Operands.size(); ++I) {
    const OperandDesc &OD = Op.Operands[I];
    if (!OD.isReg())
      continue;
    auto F = operandFacts(Op, I, *S.Env, *S.Target);
    if (!F || F->K != GenTarget::RegisterFacts::FPR)
      continue;
    unsigned View = viewOf(F->Bits);
    if (OD.IsDef)
      Info.Defs.push_back({I, View});
    else if (OD.TiedTo < 0)
      Info.Inputs.push_back({I, View});
  }
  // Memory accesses and FMV.X.* move bits; everything else with FP inputs
  // computes.
  Info.Operation = !Info.Inputs.empty() && !Op.isMemoryAccess() &&
                   !Op.Name.starts_with("FMV_X_");
  Info.RawResult = Info.Inputs.empty() &&
                   (Op.isMemoryAccess() || Op.Name.starts_with("FMV_") ||
                    Op.Name.starts_with("FLI_"));
  // How the operation can create a NaN or an infinity from inputs that are
  // neither (IEEE 754 7.2 invalid operation, 7.4 overflow).
  StringRef N = Op.Name;
  if (N.starts_with("FDIV_") || N.starts_with("FSQRT_"))
    Info.Creates = OpInfo::NaNAlways; // 0/0, inf/inf, sqrt(-x)
  else if (N.starts_with("FMUL_") || N.starts_with("FMADD_") ||
           N.starts_with("FMSUB_") || N.starts_with("FNMADD_") ||
           N.starts_with("FNMSUB_"))
    Info.Creates = OpInfo::NaNIfAnyInf; // 0 * inf, inf - inf
  else if (N.starts_with("FADD_") || N.starts_with("FSUB_"))
    Info.Creates = OpInfo::NaNIfTwoInf; // inf - inf
  else if (N.starts_with("FCVT_"))
    Info.Creates = OpInfo::InfOnly; // narrowing overflows to inf
  else
    Info.Creates = OpInfo::Nothing; // moves, sign injection, min/max, ...
  if (Info.Operation && S.Config->Mode != NaNOverwriteMode::Disabled)
    for (auto [OpIdx, View] : Info.Inputs)
      if (Error E = checkRange(View))
        return E;
  for (auto [OpIdx, View] : Info.Inputs)
    RangeChecked[View] = RangeChecked[View] || Info.Operation;
  Infos[&Op] = std::move(Info);
  return Error::success();
}

bool FPUOverwrite::modelUsable(CodeBuffer &Out) {
  if (!Model || ModelBroken)
    return false;
  // The model follows one straight-line block (Generator/LockstepModel.h).
  if (!ModelBlock)
    ModelBlock = &Out.block();
  if (ModelBlock != &Out.block()) {
    ModelBroken = true;
    return false;
  }
  if (Error E = Model->catchUp(Out.block().Code)) {
    consumeError(std::move(E));
    ModelBroken = true;
    return false;
  }
  return true;
}

bool FPUOverwrite::inputIsNaN(unsigned Reg, unsigned View,
                              bool FromModel) const {
  if (FromModel)
    return readsAsNaN(Model->value(Reg), 64, bitsOf(View));
  return NaNViews[FPIndex[Reg]] & (1u << View);
}

bool FPUOverwrite::thresholdReached(unsigned View, bool FromModel) {
  double Ratio = S.Config->NaNRewriteRatio;
  if (Ratio <= 0)
    return true;
  unsigned Count = 0;
  const char *Suffix = View == 0 ? "_H" : View == 1 ? "_F" : "_D";
  for (unsigned I = 0; I < 32; ++I) {
    if (FromModel) {
      unsigned R = S.Env->findRegister(("F" + Twine(I) + Suffix).str());
      Count += R && readsAsNaN(Model->value(R), 64, bitsOf(View));
    } else {
      Count += (NaNViews[I] >> View) & 1;
    }
  }
  return Count >= Ratio * 32;
}

void FPUOverwrite::beforePrimary(const OpcodeDesc &Op, const MCInst &I,
                                 RegisterWriter &W, CodeBuffer &Out,
                                 RandomEngine &RNG,
                                 SmallVectorImpl<unsigned> &Written) {
  const OpInfo &Info = Infos.find(&Op)->second;
  if (!Info.Operation || S.Config->Mode == NaNOverwriteMode::Disabled)
    return;
  bool FromModel = S.Config->Mode == NaNOverwriteMode::IfModelDetectedNaN &&
                   modelUsable(Out);
  for (auto [OpIdx, View] : Info.Inputs) {
    unsigned Reg = I.getOperand(OpIdx).getReg().id();
    if (is_contained(Written, Reg) || !inputIsNaN(Reg, View, FromModel) ||
        !thresholdReached(View, FromModel) || !W.canWrite(Reg))
      continue;
    unsigned Bits = bitsOf(View);
    uint64_t V;
    size_t Source = SourceChoice[View].empty()
                        ? ~size_t(0)
                        : SourceChoice[View].choose(RNG);
    if (Source == ~size_t(0))
      V = RNG.next() & lowBitsMask(Bits);
    else if (Source == 0) {
      const FPOverwriteRange &R = *S.Config->Range;
      V = convertInteger(RNG.inRange(R.Min, R.Max), Bits, R.RM).first;
    } else {
      V = drawValuegramEntry(Samplers[View]->valuegram().Entries[Source - 1],
                             Bits, RNG);
    }
    if (W.write(Reg, V, I, Out, Written)) {
      noteWrite(Reg, V, W);
      ++Overwrites;
    }
  }
}

void FPUOverwrite::noteWrite(unsigned Reg, uint64_t Value, RegisterWriter &W) {
  const GenTarget::RegisterFacts &F = W.facts(Reg);
  if (F.K != GenTarget::RegisterFacts::FPR)
    return;
  uint64_t Raw = Value & lowBitsMask(F.Bits);
  if (F.Bits < S.FLen) // written NaN-boxed
    Raw |= lowBitsMask(S.FLen) & ~lowBitsMask(F.Bits);
  setRaw(F.Index, Raw);
}

void FPUOverwrite::afterPrimary(const OpcodeDesc &Op, const MCInst &I) {
  const OpInfo &Info = Infos.find(&Op)->second;
  if (Info.Defs.empty())
    return;
  bool Any = false, All = !Info.Inputs.empty();
  unsigned InfInputs = 0;
  for (auto [OpIdx, View] : Info.Inputs) {
    unsigned Index = FPIndex[I.getOperand(OpIdx).getReg().id()];
    bool NaN = NaNViews[Index] & (1u << View);
    Any |= NaN;
    All &= NaN;
    InfInputs += NaN || (InfViews[Index] & (1u << View));
  }
  bool Created = false, ResultInf = InfInputs > 0;
  switch (Info.Creates) {
  case OpInfo::NaNAlways:
    Created = ResultInf = true;
    break;
  case OpInfo::NaNIfAnyInf:
    Created = InfInputs >= 1;
    ResultInf = true;
    break;
  case OpInfo::NaNIfTwoInf:
    Created = InfInputs >= 2;
    ResultInf = true;
    break;
  case OpInfo::InfOnly:
    ResultInf = true;
    break;
  case OpInfo::Nothing:
    break;
  }
  bool ResultNaN =
      Info.Inputs.empty()
          ? Info.RawResult
          : Created ||
                (S.Config->Mode == NaNOverwriteMode::IfAllOperands ? All
                                                                   : Any);
  if (Info.Inputs.empty())
    ResultInf = Info.RawResult || Info.Creates == OpInfo::InfOnly;
  for (auto [OpIdx, View] : Info.Defs) {
    unsigned Index = FPIndex[I.getOperand(OpIdx).getReg().id()];
    // The other views of a freshly written register do not hold a value of
    // their precision (a double is no boxed single and vice versa).
    NaNViews[Index] = uint8_t(0x7 & ~(1u << View)) |
                      uint8_t(ResultNaN ? 1u << View : 0);
    InfViews[Index] = uint8_t(ResultInf ? 1u << View : 0);
  }
}

} // namespace snipgen
