//===- OperandsReinitKey.cpp - The `operands-reinitialization` key --------===//
//
//   operands-reinitialization:
//     - type: valuegram          # the only data source type so far
//       weight: 2.0              # chance of this source before each primary
//       opcodes:
//         - "FADD_S":            # regex; an opcode takes its first match
//             - type: uniform
//             - type: operands
//               weight: 2.0
//               values: [0x1.0p-1f, -inff]   # one per initialisable operand
//         - "FADD_D":
//             - type: operands
//               values:
//                 - - [1.0d, 1.0]            # a valuegram for operand 1
//                   - [-nan, 1.0]
//                 - -inf
//
// The number of values is checked against each matched opcode by the
// generator (Generator/OperandInit.h).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static Expected<OperandValueSpec> readOperandValue(const SourceMgr &SM,
                                                   const YAMLNode &N) {
  OperandValueSpec V;
  V.Loc = N.Loc;
  if (N.isSequence()) {
    auto VG = readValuegram(SM, N, "an operand valuegram");
    if (!VG)
      return VG.takeError();
    V.K = OperandValueSpec::Kind::Valuegram;
    V.VG = std::move(*VG);
    return V;
  }
  if (N.isMapping())
    return makeError(SM, N.Loc,
                     "'operands' values cannot be mappings; write a value, "
                     "'uniform', or a valuegram such as [[1.0d, 1.0], [-nan, "
                     "1.0]]");
  if (N.isScalar() && N.Value == "uniform")
    return V;
  auto L = readNumericLiteral(SM, N, "an operand value");
  if (!L)
    return L.takeError();
  V.K = OperandValueSpec::Kind::Value;
  V.Value = std::move(*L);
  return V;
}

static Expected<OpcodeValueSetting> readSetting(const SourceMgr &SM,
                                                const YAMLNode &N) {
  OpcodeValueSetting S;
  S.Loc = N.Loc;
  // Sequence form, as in histograms: [uniform, weight].
  if (N.isSequence()) {
    if (N.Items.size() != 2 || !N.Items[0].isScalar() ||
        N.Items[0].Value != "uniform")
      return makeError(SM, N.Loc,
                       "an opcode value setting in sequence form must be "
                       "[uniform, weight]; use a mapping with 'type: "
                       "operands' for values");
    auto W = readWeight(SM, N.Items[1], "the weight of 'uniform'");
    if (!W)
      return W.takeError();
    S.Weight = *W;
    return S;
  }
  if (Error E = expectMapping(SM, N, "an opcode value setting"))
    return E;
  const YAMLEntry *Type = N.find("type");
  if (!Type)
    return makeError(SM, N.Loc,
                     "an opcode value setting needs 'type' (uniform or "
                     "operands)");
  if (Error E = expectScalar(SM, Type->Value, "'type'"))
    return E;
  StringRef T = Type->Value.Value;
  if (T == "uniform") {
    if (Error E = checkAllowedKeys(SM, N, {"type", "weight"},
                                   "a 'uniform' setting"))
      return E;
  } else if (T == "operands") {
    S.K = OpcodeValueSetting::Kind::Operands;
    if (Error E = checkAllowedKeys(SM, N, {"type", "weight", "values"},
                                   "an 'operands' setting"))
      return E;
    const YAMLEntry *Values = N.find("values");
    if (!Values)
      return makeError(SM, N.Loc, "an 'operands' setting needs 'values'");
    if (Error E = expectSequence(SM, Values->Value, "'values'"))
      return E;
    if (Values->Value.Items.empty())
      return makeError(SM, Values->Value.Loc,
                       "'values' needs one value per initialisable operand");
    for (const YAMLNode &Item : Values->Value.Items) {
      auto V = readOperandValue(SM, Item);
      if (!V)
        return V.takeError();
      S.Values.push_back(std::move(*V));
    }
  } else {
    return makeError(SM, Type->Value.Loc,
                     "unknown opcode value setting type '" + T +
                         "'; allowed: uniform, operands");
  }
  if (const YAMLEntry *W = N.find("weight")) {
    auto Weight = readWeight(SM, W->Value, "'weight'");
    if (!Weight)
      return Weight.takeError();
    S.Weight = *Weight;
  }
  return S;
}

static Expected<OperandsReinitSource> readSource(const SourceMgr &SM,
                                                 const YAMLNode &N) {
  if (Error E = expectMapping(SM, N, "an 'operands-reinitialization' entry"))
    return E;
  if (Error E = checkAllowedKeys(SM, N, {"type", "weight", "opcodes"},
                                 "an 'operands-reinitialization' entry"))
    return E;
  const YAMLEntry *Type = N.find("type");
  if (!Type)
    return makeError(SM, N.Loc,
                     "an 'operands-reinitialization' entry needs 'type: "
                     "valuegram'");
  if (!Type->Value.isScalar() || Type->Value.Value != "valuegram")
    return makeError(SM, Type->Value.Loc,
                     "unsupported operands reinitialization data source " +
                         Type->Value.describe() +
                         "; only 'valuegram' is supported");
  OperandsReinitSource Src;
  Src.Loc = N.Loc;
  if (const YAMLEntry *W = N.find("weight")) {
    auto Weight = readWeight(SM, W->Value, "'weight' of a data source");
    if (!Weight)
      return Weight.takeError();
    Src.Weight = *Weight;
  }
  const YAMLEntry *Opcodes = N.find("opcodes");
  if (!Opcodes)
    return makeError(SM, N.Loc,
                     "a valuegram data source must contain 'opcodes', the "
                     "opcode valuegram");
  if (Error E = expectSequence(SM, Opcodes->Value, "'opcodes'"))
    return E;
  for (const YAMLNode &Item : Opcodes->Value.Items) {
    auto One = readSingleEntry(SM, Item, "an 'opcodes' entry");
    if (!One)
      return One.takeError();
    const YAMLEntry &E = **One;
    if (Error Err = checkRegex(SM, E.Key))
      return Err;
    OpcodeValueRule R;
    R.Pattern = E.key().str();
    R.Loc = E.Key.Loc;
    if (Error Err = expectSequence(SM, E.Value,
                                   "the settings of '" + E.key() + "'"))
      return Err;
    double Total = 0;
    for (const YAMLNode &S : E.Value.Items) {
      auto Setting = readSetting(SM, S);
      if (!Setting)
        return Setting.takeError();
      Total += Setting->Weight;
      R.Settings.push_back(std::move(*Setting));
    }
    if (Total <= 0)
      return makeError(SM, E.Value.Loc,
                       "the settings of '" + E.key() +
                           "' need at least one positive weight");
    Src.Rules.push_back(std::move(R));
  }
  return Src;
}

Error parseOperandsReinitKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  Ctx.L.Values.OperandsReinitLoc = Entry.Key.Loc;
  if (Error E = expectSequence(SM, Entry.Value, "'operands-reinitialization'"))
    return E;
  double Total = 0;
  for (const YAMLNode &Item : Entry.Value.Items) {
    auto Src = readSource(SM, Item);
    if (!Src)
      return Src.takeError();
    Total += Src->Weight;
    Ctx.L.Values.OperandsReinit.push_back(std::move(*Src));
  }
  if (Entry.Value.Items.empty() || Total <= 0)
    return makeError(SM, Entry.Key.Loc,
                     "'operands-reinitialization' needs at least one data "
                     "source with a positive weight");
  return Error::success();
}

} // namespace snipgen
