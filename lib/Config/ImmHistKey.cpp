//===- ImmHistKey.cpp - The `imm-hist` key --------------------------------===//
//
//   imm-hist:                      imm-hist:
//     - [-1, 1.0]                    opcodes:
//     - [2, 1.0]                       - "ADDI": [[1, 1.0], [2, 1.0]]
//                                      - "ADDI?": [[3, 1.0]]
//                                      - ".+": uniform
//
// The general form applies to every immediate operand; the per-opcode form
// gives an opcode the first entry whose regex matches its whole name. Values
// are checked against each opcode's legal immediates by the generator
// (Generator/ImmediateHistogram.h).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static Expected<ImmHistSequence> readSequence(const SourceMgr &SM,
                                              const YAMLNode &N,
                                              const Twine &What) {
  if (Error E = expectSequence(SM, N, What))
    return E;
  if (N.Items.empty())
    return makeError(SM, N.Loc,
                     What + " must contain at least one [value, weight] entry");
  ImmHistSequence Seq;
  Seq.Loc = N.Loc;
  double Total = 0;
  for (const YAMLNode &Item : N.Items) {
    if (!Item.isSequence() || Item.Items.size() != 2)
      return makeError(SM, Item.Loc,
                       "an immediate histogram entry must be a [value, weight] "
                       "pair such as [-1, 1.0], got " + Item.describe());
    Expected<int64_t> V =
        parseSigned(SM, Item.Items[0], "an immediate histogram value");
    if (!V)
      return V.takeError();
    auto W = readWeight(SM, Item.Items[1],
                        "the weight of '" + Item.Items[0].Value + "'");
    if (!W)
      return W.takeError();
    for (unsigned I = 0; I < Seq.Values.size(); ++I)
      if (Seq.Values[I] == *V)
        return makeErrorWithNote(SM, Item.Items[0].Loc,
                                 "immediate value " + Twine(*V) +
                                     " is given twice",
                                 Seq.Locs[I], "first given here");
    Seq.Values.push_back(*V);
    Seq.Weights.push_back(*W);
    Seq.Locs.push_back(Item.Items[0].Loc);
    Total += *W;
  }
  if (Total <= 0)
    return makeError(SM, N.Loc,
                     What + ": every weight is zero; at least one value "
                            "needs a positive weight");
  return Seq;
}

Error parseImmHistKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  ImmHistConfig C;
  C.Loc = Entry.Key.Loc;
  const YAMLNode &V = Entry.Value;
  if (V.isSequence()) {
    auto Seq = readSequence(SM, V, "'imm-hist'");
    if (!Seq)
      return Seq.takeError();
    C.General = std::move(*Seq);
    Ctx.L.Values.ImmHist = std::move(C);
    return Error::success();
  }
  if (!V.isMapping())
    return makeError(SM, V.Loc,
                     "'imm-hist' must be a sequence of [value, weight] pairs "
                     "or a mapping with 'opcodes', got " + V.describe());
  if (Error E = checkAllowedKeys(SM, V, {"opcodes"}, "'imm-hist'"))
    return E;
  const YAMLEntry *Opcodes = V.find("opcodes");
  if (!Opcodes)
    return makeError(SM, V.Loc, "'imm-hist' as a mapping needs 'opcodes'");
  if (Error E = expectSequence(SM, Opcodes->Value, "'opcodes' of 'imm-hist'"))
    return E;
  C.PerOpcode = true;
  for (const YAMLNode &Item : Opcodes->Value.Items) {
    auto One = readSingleEntry(SM, Item, "an 'imm-hist' opcodes entry");
    if (!One)
      return One.takeError();
    const YAMLEntry &E = **One;
    if (Error Err = checkRegex(SM, E.Key))
      return Err;
    ImmHistRule R;
    R.Pattern = E.key().str();
    R.Loc = E.Key.Loc;
    if (E.Value.isScalar()) {
      if (E.Value.Value != "uniform")
        return makeError(SM, E.Value.Loc,
                         "the immediates of '" + E.key() +
                             "' must be a list of [value, weight] pairs or "
                             "'uniform', got '" + E.Value.Value + "'");
      R.Uniform = true;
    } else {
      auto Seq = readSequence(SM, E.Value,
                              "the immediate histogram of '" + E.key() + "'");
      if (!Seq)
        return Seq.takeError();
      R.Seq = std::move(*Seq);
    }
    C.Rules.push_back(std::move(R));
  }
  Ctx.L.Values.ImmHist = std::move(C);
  return Error::success();
}

} // namespace snipgen
