//===- OperandValueSources.cpp - --valuegram-operands-regs, reinit --------===//
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/OperandInit.h"
#include "snipgen/Generator/Valuegram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"
#include <map>

using namespace llvm;

namespace snipgen {

static std::string operandWhat(const OpcodeDesc &Op, const InitOperand &O) {
  return ("the " + Twine(O.Bits) + "-bit operand " + Twine(O.OpIdx) + " of '" +
          Op.Name + "'")
      .str();
}

static std::string hex(uint64_t V) { return "0x" + utohexstr(V, true); }

namespace {

//===-- --valuegram-operands-regs -----------------------------------------===//

class RegisterFileSource final : public OperandValueSource {
public:
  RegisterFileSource(const RegisterValueSource &File, const MCEnvironment &Env,
                     const GenTarget &Target)
      : File(File), Env(Env), Target(Target) {
    if (const RegisterClassValuegram *H = File.histogramFor("X"))
      XSampler.emplace(H->Values);
    if (const RegisterClassValuegram *H = File.histogramFor("F"))
      FSampler.emplace(H->Values);
  }

  bool forVectorOpcodes() const override { return true; }

  Error prepare(const OpcodeDesc &Op, ArrayRef<InitOperand> Operands) override {
    for (const InitOperand &O : Operands) {
      bool IsF = O.K == GenTarget::RegisterFacts::FPR;
      const RegisterClassValuegram *H = File.histogramFor(IsF ? "F" : "X");
      if (H) {
        if (const ValuegramEntry *Wide = H->Values.firstTooWide(O.Bits))
          return makeError(*File.FileSM, Wide->Loc,
                           "this value does not fit " + operandWhat(Op, O));
        continue;
      }
      for (const RegisterValueSource::Fixed &F : File.Registers)
        if (F.Class == (IsF ? 'F' : 'X') &&
            (F.Value & ~lowBitsMask(O.Bits)) != 0)
          return makeError(*File.FileSM, F.Loc,
                           "the value " + hex(F.Value) + " of " + F.Name +
                               " does not fit " + operandWhat(Op, O));
    }
    return Error::success();
  }

  void draw(const OpcodeDesc &, ArrayRef<InitOperand> Operands,
            const MCInst &Inst, RandomEngine &RNG,
            SmallVectorImpl<std::optional<uint64_t>> &Values) override {
    for (const InitOperand &O : Operands) {
      bool IsF = O.K == GenTarget::RegisterFacts::FPR;
      const std::optional<ValuegramSampler> &S = IsF ? FSampler : XSampler;
      if (S) {
        Values.push_back(S->draw(O.Bits, RNG));
        continue;
      }
      unsigned Index =
          Target.describeRegister(Env, Inst.getOperand(O.OpIdx).getReg().id())
              .Index;
      if (const RegisterValueSource::Fixed *F =
              File.fixedFor(IsF ? 'F' : 'X', Index))
        Values.push_back(F->Value);
      else
        Values.push_back(std::nullopt);
    }
  }

private:
  const RegisterValueSource &File;
  const MCEnvironment &Env;
  const GenTarget &Target;
  std::optional<ValuegramSampler> XSampler, FSampler;
};

//===-- operands-reinitialization -----------------------------------------===//

class ReinitSource final : public OperandValueSource {
public:
  ReinitSource(ArrayRef<OperandsReinitSource> Sources, const SourceMgr &SM)
      : Sources(Sources), SM(SM) {
    std::vector<double> W;
    for (const OperandsReinitSource &S : Sources) {
      W.push_back(S.Weight);
      std::vector<Regex> RX;
      for (const OpcodeValueRule &R : S.Rules) {
        RX.emplace_back("^(" + R.Pattern + ")$");
        std::vector<double> SW;
        for (const OpcodeValueSetting &Set : R.Settings) {
          SW.push_back(Set.Weight);
          for (const OperandValueSpec &V : Set.Values)
            if (V.K == OperandValueSpec::Kind::Valuegram)
              Samplers.try_emplace(&V, V.VG);
        }
        SettingChoice.try_emplace(&R, SW);
      }
      Regexes.push_back(std::move(RX));
    }
    SourceChoice.reset(W);
  }

  /// The rule of source S that an opcode named Name takes: its first match.
  const OpcodeValueRule *ruleFor(unsigned S, StringRef Name) const {
    for (unsigned R = 0; R < Sources[S].Rules.size(); ++R)
      if (Regexes[S][R].match(Name))
        return &Sources[S].Rules[R];
    return nullptr;
  }

  Error prepare(const OpcodeDesc &Op, ArrayRef<InitOperand> Operands) override {
    std::vector<const OpcodeValueRule *> Rules;
    for (unsigned S = 0; S < Sources.size(); ++S) {
      const OpcodeValueRule *R = ruleFor(S, Op.Name);
      Rules.push_back(R);
      if (R)
        if (Error E = check(Op, Operands, *R))
          return E;
    }
    RulesOf[&Op] = std::move(Rules);
    return Error::success();
  }

  bool covers(const OpcodeDesc &Op) const override {
    auto It = RulesOf.find(&Op);
    return It != RulesOf.end() &&
           any_of(It->second, [](const OpcodeValueRule *R) { return R; });
  }

  void draw(const OpcodeDesc &Op, ArrayRef<InitOperand> Operands,
            const MCInst &, RandomEngine &RNG,
            SmallVectorImpl<std::optional<uint64_t>> &Values) override {
    const OpcodeValueRule *R = RulesOf.find(&Op)->second[SourceChoice.choose(RNG)];
    if (!R)
      return; // not reinitialised in this data source's context
    const OpcodeValueSetting &Set =
        R->Settings[SettingChoice.find(R)->second.choose(RNG)];
    for (unsigned K = 0; K < Operands.size(); ++K) {
      unsigned Bits = Operands[K].Bits;
      if (Set.K == OpcodeValueSetting::Kind::Uniform) {
        Values.push_back(RNG.next() & lowBitsMask(Bits));
        continue;
      }
      const OperandValueSpec &V = Set.Values[K];
      switch (V.K) {
      case OperandValueSpec::Kind::Uniform:
        Values.push_back(RNG.next() & lowBitsMask(Bits));
        break;
      case OperandValueSpec::Kind::Value:
        Values.push_back(V.Value.fitTo(Bits).value_or(0));
        break;
      case OperandValueSpec::Kind::Valuegram:
        Values.push_back(Samplers.find(&V)->second.draw(Bits, RNG));
        break;
      }
    }
  }

private:
  Error check(const OpcodeDesc &Op, ArrayRef<InitOperand> Operands,
              const OpcodeValueRule &R) const {
    for (const OpcodeValueSetting &Set : R.Settings) {
      if (Set.K != OpcodeValueSetting::Kind::Operands)
        continue;
      if (Set.Values.size() != Operands.size())
        return makeError(SM, Set.Loc,
                         "'" + R.Pattern + "' matches '" + Op.Name +
                             "', which has " + Twine(Operands.size()) +
                             " initialisable operand" +
                             (Operands.size() == 1 ? "" : "s") +
                             ", but this setting gives " +
                             Twine(Set.Values.size()) +
                             " value" + (Set.Values.size() == 1 ? "" : "s") +
                             "; the number of values must equal the number "
                             "of initialisable operands of every opcode the "
                             "regex matches");
      for (unsigned K = 0; K < Operands.size(); ++K) {
        const OperandValueSpec &V = Set.Values[K];
        if (V.K == OperandValueSpec::Kind::Value && !V.Value.fitTo(Operands[K].Bits))
          return makeError(SM, V.Loc,
                           "'" + V.Value.Text + "' (" +
                               Twine(V.Value.width()) +
                               " bits) does not fit " +
                               operandWhat(Op, Operands[K]));
        if (V.K == OperandValueSpec::Kind::Valuegram)
          if (const ValuegramEntry *Wide = V.VG.firstTooWide(Operands[K].Bits))
            return makeError(SM, Wide->Loc,
                             "this value does not fit " +
                                 operandWhat(Op, Operands[K]));
      }
    }
    return Error::success();
  }

  ArrayRef<OperandsReinitSource> Sources;
  const SourceMgr &SM;
  std::vector<std::vector<Regex>> Regexes;
  WeightedChooser SourceChoice;
  DenseMap<const OpcodeValueRule *, WeightedChooser> SettingChoice;
  DenseMap<const OperandValueSpec *, ValuegramSampler> Samplers;
  DenseMap<const OpcodeDesc *, std::vector<const OpcodeValueRule *>> RulesOf;
};

} // namespace

std::unique_ptr<OperandValueSource>
createRegisterFileValueSource(const RegisterValueSource &File,
                              const MCEnvironment &Env,
                              const GenTarget &Target) {
  return std::make_unique<RegisterFileSource>(File, Env, Target);
}

Expected<std::unique_ptr<OperandValueSource>>
createReinitValueSource(ArrayRef<OperandsReinitSource> Sources,
                        const SourceMgr &SM, const OpcodeHistogram &Histogram,
                        WarningEngine &Warnings) {
  auto Src = std::make_unique<ReinitSource>(Sources, SM);
  // A regex no histogram opcode takes (first match wins) does nothing.
  for (unsigned S = 0; S < Sources.size(); ++S)
    for (const OpcodeValueRule &R : Sources[S].Rules) {
      bool Used = any_of(Histogram.entries(), [&](const auto &E) {
        return Src->ruleFor(S, E.Op->Name) == &R;
      });
      if (!Used)
        if (Error E = Warnings.warn(
                Warning::InconsistentOptions,
                formatLoc(SM, R.Loc) + ": unused regex in "
                "operands-reinitialization: no histogram opcode is matched "
                "by '" + R.Pattern + "' (or an earlier regex takes them)"))
          return E;
    }
  return Src;
}

} // namespace snipgen
