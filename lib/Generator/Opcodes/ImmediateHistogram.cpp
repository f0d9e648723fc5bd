//===- ImmediateHistogram.cpp - imm-hist ----------------------------------===//
#include "snipgen/Generator/ImmediateHistogram.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Regex.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static std::string describeDomain(const ImmediateDomain &D) {
  if (D.isExplicit() && D.Values.size() <= 8) {
    std::vector<std::string> Vs;
    for (int64_t V : D.Values)
      Vs.push_back(itostr(V));
    return "{" + join(Vs, ", ") + "}";
  }
  std::string S = itostr(D.Min) + ".." + itostr(D.Max);
  if (D.Step > 1)
    S += " in steps of " + utostr(D.Step);
  if (D.ZeroExcluded)
    S += " except 0";
  return S;
}

Expected<std::unique_ptr<HistogramImmediatePolicy>>
HistogramImmediatePolicy::create(const ImmHistConfig &C, const SourceMgr &SM,
                                 const OpcodeHistogram &Histogram,
                                 WarningEngine &Warnings) {
  std::unique_ptr<HistogramImmediatePolicy> P(new HistogramImmediatePolicy());
  std::vector<Regex> Rules;
  std::vector<bool> RuleUsed(C.Rules.size(), false);
  for (const ImmHistRule &R : C.Rules)
    Rules.emplace_back("^(" + R.Pattern + ")$");

  for (const OpcodeHistogram::Entry &E : Histogram.entries()) {
    const OpcodeDesc &Op = *E.Op;
    const ImmHistSequence *Seq = C.PerOpcode ? nullptr : &C.General;
    const ImmHistRule *Rule = nullptr;
    if (C.PerOpcode) {
      for (unsigned R = 0; R < Rules.size() && !Rule; ++R)
        if (Rules[R].match(Op.Name)) {
          Rule = &C.Rules[R];
          RuleUsed[R] = true;
        }
      if (!Rule || Rule->Uniform)
        continue;
      Seq = &Rule->Seq;
    }
    std::vector<OperandChoice> Ops(Op.Operands.size());
    bool Any = false;
    for (unsigned I = 0; I < Op.Operands.size(); ++I) {
      const OperandDesc &OD = Op.Operands[I];
      if (OD.Role != OperandRole::Immediate || OD.TiedTo >= 0 ||
          OD.Imm.count() <= 1)
        continue; // fixed by the opcode, or not an immediate of its own
      std::vector<double> Weights;
      std::vector<std::string> Dropped;
      double Total = 0;
      for (unsigned K = 0; K < Seq->Values.size(); ++K) {
        if (!OD.Imm.contains(Seq->Values[K])) {
          Dropped.push_back(itostr(Seq->Values[K]));
          continue;
        }
        Ops[I].Values.push_back(Seq->Values[K]);
        Weights.push_back(Seq->Weights[K]);
        Total += Seq->Weights[K];
      }
      std::string What = "operand " + utostr(I) + " of '" + Op.Name.str() +
                         "' (legal: " + describeDomain(OD.Imm) + ")";
      if (Total <= 0)
        return makeError(SM, Rule ? Rule->Loc : C.Loc,
                         (Rule ? "no immediate histogram value of '" +
                                     Rule->Pattern + "'"
                               : std::string("no 'imm-hist' value")) +
                             " with a positive weight fits " + What);
      if (Rule && !Dropped.empty())
        if (Error Err = Warnings.warn(
                Warning::InconsistentOptions,
                formatLoc(SM, Rule->Loc) + ": immediate histogram value" +
                    (Dropped.size() == 1 ? " " : "s ") + join(Dropped, ", ") +
                    " of '" + Rule->Pattern + "' never used: they do not fit " +
                    What))
          return Err;
      Ops[I].Chooser.reset(Weights);
      Any = true;
    }
    if (Any)
      P->Choices[&Op] = std::move(Ops);
  }
  for (unsigned R = 0; R < C.Rules.size(); ++R)
    if (!RuleUsed[R])
      if (Error Err = Warnings.warn(
              Warning::InconsistentOptions,
              formatLoc(SM, C.Rules[R].Loc) +
                  ": unused regex in immediate histogram: no histogram "
                  "opcode is matched by '" + C.Rules[R].Pattern +
                  "' (or an earlier regex takes them)"))
        return Err;
  return P;
}

int64_t HistogramImmediatePolicy::choose(const OpcodeDesc &Op,
                                         unsigned OperandIdx,
                                         RandomEngine &RNG) const {
  auto It = Choices.find(&Op);
  if (It != Choices.end()) {
    const OperandChoice &C = It->second[OperandIdx];
    if (!C.Values.empty())
      return C.Values[C.Chooser.choose(RNG)];
  }
  return ImmediatePolicy::choose(Op, OperandIdx, RNG);
}

} // namespace snipgen
