//===- VectorUnitKey.cpp - The `riscv-vector-unit` key --------------------===//
//
//   riscv-vector-unit:
//     mode-change-bias: {P: 0.2, Pvill: 0.1}   # biased mode (optional)
//     mode-distribution:
//       VM: [[all_ones, 2.0], [any_legal, 1.0]]
//       VL: [[max_encodable, 2.0], [any_legal, 1.0], [any_legal_non_zero, 1.0], [8, 1.0]]
//       VXRM: {rnu: 1.0, rne: 1.0, rdn: 1.0, ron: 1.0}
//       VTYPE:
//         SEW: {sew_8: 1.0, sew_16: 1.0, sew_32: 1.0, sew_64: 1.0}
//         LMUL: {m1: 1.0, m2: 1.0, m4: 1.0, m8: 1.0, mf2: 1.0, mf4: 1.0, mf8: 1.0}
//         VMA: {mu: 1.0, ma: 1.0}
//         VTA: {tu: 1.0, ta: 1.0}
//
// As in llvm-snippy: VXRM and VTYPE (with SEW, LMUL, VMA, VTA) are required,
// values not listed have weight 0, every group needs a positive weight. VL
// and VM default to max_encodable and all_ones.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

using Rule = VectorUnitConfig::Rule;

template <size_t N>
static Error readWeights(const SourceMgr &SM, const YAMLEntry *E,
                         const std::array<StringRef, N> &Names,
                         std::array<double, N> &Out, StringRef What,
                         SMLoc Parent) {
  if (!E)
    return makeError(SM, Parent, "'" + What + "' is required");
  if (Error Err = expectMapping(SM, E->Value, "'" + What + "'"))
    return Err;
  SmallVector<StringRef, 8> Allowed(Names.begin(), Names.end());
  if (Error Err = checkAllowedKeys(SM, E->Value, Allowed, "'" + What + "'"))
    return Err;
  bool Positive = false;
  for (size_t I = 0; I < N; ++I)
    if (const YAMLEntry *W = E->Value.find(Names[I])) {
      auto V = readWeight(SM, W->Value, "the weight of '" + Names[I] + "'");
      if (!V)
        return V.takeError();
      Out[I] = *V;
      Positive |= *V > 0;
    }
  if (!Positive)
    return makeError(SM, E->Value.Loc,
                     What + ": at least one weight must be positive");
  return Error::success();
}

static Error readRules(const SourceMgr &SM, const YAMLEntry *E, bool IsVL,
                       std::vector<Rule> &Out) {
  StringRef What = IsVL ? "VL" : "VM";
  if (!E) {
    Rule R;
    R.K = IsVL ? Rule::MaxEncodable : Rule::AllOnes;
    R.Name = IsVL ? "max_encodable" : "all_ones";
    Out.push_back(R);
    return Error::success();
  }
  if (Error Err = expectSequence(SM, E->Value, "'" + What + "'"))
    return Err;
  bool Positive = false;
  for (const YAMLNode &Item : E->Value.Items) {
    if (!Item.isSequence() || Item.Items.size() != 2 ||
        !Item.Items[0].isScalar())
      return makeError(SM, Item.Loc,
                       "each '" + What + "' rule is a pair [rule, weight]");
    const YAMLNode &Name = Item.Items[0];
    Rule R;
    R.Loc = Name.Loc;
    StringRef N = Name.Value;
    if (IsVL && N == "max_encodable")
      R.K = Rule::MaxEncodable;
    else if (N == "any_legal")
      R.K = Rule::AnyLegal;
    else if (IsVL && N == "any_legal_non_zero")
      R.K = Rule::AnyLegalNonZero;
    else if (!IsVL && N == "all_ones")
      R.K = Rule::AllOnes;
    else if (!N.empty() && (isDigit(N[0]) || N[0] == '-')) {
      auto V = parseUnsigned(SM, Name, "the " + What + " value");
      if (!V)
        return makeError(SM, Name.Loc,
                         "Illegal IMM-based " + What + ": " + N +
                             " (a non-negative number, or " +
                             (IsVL ? "max_encodable, any_legal, "
                                     "any_legal_non_zero"
                                   : "all_ones, any_legal") +
                             ")");
      R.K = Rule::Imm;
      R.Value = *V;
    } else {
      return makeError(SM, Name.Loc,
                       "unknown " + What + " rule '" + N + "'; allowed: " +
                           (IsVL ? "max_encodable, any_legal, "
                                   "any_legal_non_zero or a number"
                                 : "all_ones, any_legal or a number"));
    }
    R.Name = R.K == Rule::Imm ? ("imm_" + N).str() : N.str();
    auto W = readWeight(SM, Item.Items[1], "the weight of '" + N + "'");
    if (!W)
      return W.takeError();
    R.Weight = *W;
    Positive |= *W > 0;
    Out.push_back(R);
  }
  if (!Positive)
    return makeError(SM, E->Value.Loc,
                     What + ": at least one weight must be positive");
  return Error::success();
}

static Error readBias(const SourceMgr &SM, const YAMLEntry &E,
                      VectorUnitConfig &C) {
  if (Error Err = expectMapping(SM, E.Value, "'mode-change-bias'"))
    return Err;
  if (Error Err =
          checkAllowedKeys(SM, E.Value, {"P", "Pvill"}, "'mode-change-bias'"))
    return Err;
  C.Biased = true;
  C.BiasLoc = E.Key.Loc;
  const YAMLEntry *P = E.Value.find("P");
  if (!P)
    return makeError(SM, E.Value.Loc, "'mode-change-bias' needs 'P'");
  for (const YAMLEntry *X : {P, E.Value.find("Pvill")}) {
    if (!X)
      continue;
    auto V = parseDouble(SM, X->Value, "'" + X->key() + "'");
    if (!V)
      return V.takeError();
    if (*V < 0 || *V > 1)
      return makeError(SM, X->Value.Loc,
                       "riscv-vector-unit: " + X->key() +
                           " probability should be from [0.0;1.0]");
    (X == P ? C.P : C.Pvill) = *V;
  }
  return Error::success();
}

Error parseVectorUnitKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  VectorUnitConfig C;
  C.Loc = Entry.Key.Loc;
  if (Error E = expectMapping(SM, Entry.Value, "'riscv-vector-unit'"))
    return E;
  if (Error E = checkAllowedKeys(SM, Entry.Value,
                                 {"mode-change-bias", "mode-distribution"},
                                 "'riscv-vector-unit'"))
    return E;
  if (const YAMLEntry *B = Entry.Value.find("mode-change-bias"))
    if (Error E = readBias(SM, *B, C))
      return E;
  const YAMLEntry *MD = Entry.Value.find("mode-distribution");
  if (!MD)
    return makeError(SM, Entry.Value.Loc,
                     "'riscv-vector-unit' needs 'mode-distribution'");
  const YAMLNode &D = MD->Value;
  if (Error E = expectMapping(SM, D, "'mode-distribution'"))
    return E;
  if (Error E = checkAllowedKeys(SM, D, {"VM", "VL", "VXRM", "VTYPE"},
                                 "'mode-distribution'"))
    return E;
  if (Error E = readRules(SM, D.find("VL"), true, C.VL))
    return E;
  if (Error E = readRules(SM, D.find("VM"), false, C.VM))
    return E;
  if (Error E = readWeights<4>(SM, D.find("VXRM"), {"rnu", "rne", "rdn", "ron"},
                               C.VXRM, "VXRM", D.Loc))
    return E;
  const YAMLEntry *VT = D.find("VTYPE");
  if (!VT)
    return makeError(SM, D.Loc, "'VTYPE' is required");
  if (Error E = expectMapping(SM, VT->Value, "'VTYPE'"))
    return E;
  if (Error E = checkAllowedKeys(SM, VT->Value, {"SEW", "LMUL", "VMA", "VTA"},
                                 "'VTYPE'"))
    return E;
  const YAMLNode &T = VT->Value;
  if (Error E = readWeights<4>(SM, T.find("SEW"),
                               {"sew_8", "sew_16", "sew_32", "sew_64"}, C.SEW,
                               "SEW", T.Loc))
    return E;
  if (Error E = readWeights<7>(
          SM, T.find("LMUL"), {"mf8", "mf4", "mf2", "m1", "m2", "m4", "m8"},
          C.LMUL, "LMUL", T.Loc))
    return E;
  if (Error E =
          readWeights<2>(SM, T.find("VMA"), {"mu", "ma"}, C.VMA, "VMA", T.Loc))
    return E;
  if (Error E =
          readWeights<2>(SM, T.find("VTA"), {"tu", "ta"}, C.VTA, "VTA", T.Loc))
    return E;
  Ctx.L.VectorUnit = std::move(C);
  return Error::success();
}

} // namespace snipgen
