//===- FPUConfigKey.cpp - The `fpu-config` key ----------------------------===//
//
//   fpu-config:
//     overwrite:
//       range: {min: -100, max: 100, weight: 1.0, rounding-mode: rup}
//       ieee-single:
//         valuegram: [[0x7f800000, 1.0], {type: bitrange, min: 0, max: 0xff}]
//       ieee-double: {valuegram: [...]}
//       ieee-half: {valuegram: [...]}
//       mode: if-any-operand      # if-all-operands (default) | if-any-operand
//                                 # | if-model-detected-nan | disabled
//       nan-rewrite-ratio: 0.25   # NaN share of a register class that
//                                 # triggers overwriting (default 0)
//
// Overwrite values are drawn from the range (integers converted with the
// rounding mode) and the precision's valuegram, by weight; uniform random
// bits when neither is given (Generator/FPUOverwrite.h).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "ValuegramReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr StringLiteral RoundingNames =
    "rne, rtz, rdn, rup, rmm, nearest-ties-to-even, toward-zero, "
    "toward-negative, toward-positive, nearest-ties-to-away";

static Expected<FPOverwriteRange> readRange(const SourceMgr &SM,
                                            const YAMLNode &N) {
  if (Error E = expectMapping(SM, N, "'range'"))
    return E;
  if (Error E = checkAllowedKeys(SM, N, {"min", "max", "weight", "rounding-mode"},
                                 "'range'"))
    return E;
  FPOverwriteRange R;
  R.Loc = N.Loc;
  for (StringRef Key : {"min", "max"}) {
    const YAMLEntry *E = N.find(Key);
    if (!E)
      return makeError(SM, N.Loc, "'range' needs '" + Key + "'");
    Expected<int64_t> V = parseSigned(SM, E->Value, "'" + Key + "' of 'range'");
    if (!V)
      return V.takeError();
    (Key == "min" ? R.Min : R.Max) = *V;
  }
  if (R.Min > R.Max)
    return makeError(SM, N.find("max")->Value.Loc,
                     "'max' (" + Twine(R.Max) +
                         ") of 'range' must be greater than or equal to "
                         "'min' (" + Twine(R.Min) + ")");
  if (const YAMLEntry *W = N.find("weight")) {
    auto Weight = readWeight(SM, W->Value, "'weight' of 'range'");
    if (!Weight)
      return Weight.takeError();
    R.Weight = *Weight;
  }
  if (const YAMLEntry *RM = N.find("rounding-mode")) {
    if (Error E = expectScalar(SM, RM->Value, "'rounding-mode'"))
      return E;
    std::optional<FPRoundingMode> M =
        StringSwitch<std::optional<FPRoundingMode>>(RM->Value.Value)
            .Cases({"rne", "nearest-ties-to-even"}, FPRoundingMode::RNE)
            .Cases({"rtz", "toward-zero"}, FPRoundingMode::RTZ)
            .Cases({"rdn", "toward-negative"}, FPRoundingMode::RDN)
            .Cases({"rup", "toward-positive"}, FPRoundingMode::RUP)
            .Cases({"rmm", "nearest-ties-to-away"}, FPRoundingMode::RMM)
            .Default(std::nullopt);
    if (!M)
      return makeError(SM, RM->Value.Loc,
                       "unknown rounding mode '" + RM->Value.Value +
                           "'; allowed: " + RoundingNames);
    R.RM = *M;
  }
  return R;
}

static Expected<Valuegram> readPrecision(const SourceMgr &SM,
                                         const YAMLEntry &E, unsigned Bits) {
  if (Error Err = expectMapping(SM, E.Value, "'" + E.key() + "'"))
    return Err;
  if (Error Err = checkAllowedKeys(SM, E.Value, {"valuegram"},
                                   "'" + E.key() + "'"))
    return Err;
  const YAMLEntry *VGEntry = E.Value.find("valuegram");
  if (!VGEntry)
    return makeError(SM, E.Value.Loc, "'" + E.key() + "' needs 'valuegram'");
  auto VG = readValuegram(SM, VGEntry->Value,
                          "the valuegram of '" + E.key() + "'");
  if (!VG)
    return VG.takeError();
  for (const ValuegramEntry &V : VG->Entries)
    if (V.K == ValuegramEntry::Kind::BitValue && V.Value.Negative)
      return makeError(SM, V.Value.Loc,
                       "negative values are not allowed in the valuegram of '" +
                           E.key() + "'; write the raw bits");
  if (const ValuegramEntry *Wide = VG->firstTooWide(Bits))
    return makeError(SM, Wide->Loc,
                     "this value is too wide to fit in " + Twine(Bits) +
                         " bits (the width of '" + E.key() + "')");
  return VG;
}

static Error readOverwrite(const SourceMgr &SM, const YAMLNode &N,
                           FPUOverwriteConfig &C) {
  if (Error E = expectMapping(SM, N, "'overwrite'"))
    return E;
  if (Error E = checkAllowedKeys(SM, N,
                                 {"range", "ieee-half", "ieee-single",
                                  "ieee-double", "mode", "nan-rewrite-ratio"},
                                 "'overwrite'"))
    return E;
  C.Loc = N.Loc;
  if (const YAMLEntry *R = N.find("range")) {
    auto Range = readRange(SM, R->Value);
    if (!Range)
      return Range.takeError();
    C.Range = *Range;
  }
  struct {
    const char *Key;
    unsigned Bits;
    std::optional<Valuegram> &Out;
  } Precisions[] = {{"ieee-half", 16, C.Half},
                    {"ieee-single", 32, C.Single},
                    {"ieee-double", 64, C.Double}};
  for (auto &P : Precisions)
    if (const YAMLEntry *E = N.find(P.Key)) {
      auto VG = readPrecision(SM, *E, P.Bits);
      if (!VG)
        return VG.takeError();
      P.Out = std::move(*VG);
    }
  if (const YAMLEntry *M = N.find("mode")) {
    if (Error E = expectScalar(SM, M->Value, "'mode'"))
      return E;
    std::optional<NaNOverwriteMode> Mode =
        StringSwitch<std::optional<NaNOverwriteMode>>(M->Value.Value)
            .Case("if-all-operands", NaNOverwriteMode::IfAllOperands)
            .Case("if-any-operand", NaNOverwriteMode::IfAnyOperand)
            .Case("if-model-detected-nan", NaNOverwriteMode::IfModelDetectedNaN)
            .Case("disabled", NaNOverwriteMode::Disabled)
            .Default(std::nullopt);
    if (!Mode)
      return makeError(SM, M->Value.Loc,
                       "unknown overwrite mode '" + M->Value.Value +
                           "'; allowed: if-all-operands, if-any-operand, "
                           "if-model-detected-nan, disabled");
    C.Mode = *Mode;
    C.ModeLoc = M->Value.Loc;
  }
  if (const YAMLEntry *R = N.find("nan-rewrite-ratio")) {
    Expected<double> Ratio = parseDouble(SM, R->Value, "'nan-rewrite-ratio'");
    if (!Ratio)
      return Ratio.takeError();
    if (*Ratio < 0 || *Ratio > 1)
      return makeError(SM, R->Value.Loc,
                       "'nan-rewrite-ratio' must be between 0 and 1, got '" +
                           R->Value.Value + "'");
    C.NaNRewriteRatio = *Ratio;
  }
  return Error::success();
}

Error parseFPUConfigKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  Ctx.L.Values.FPUConfigLoc = Entry.Key.Loc;
  if (Entry.Value.isNull())
    return Error::success();
  if (Error E = expectMapping(SM, Entry.Value, "'fpu-config'"))
    return E;
  if (Error E = checkAllowedKeys(SM, Entry.Value, {"overwrite"}, "'fpu-config'"))
    return E;
  if (const YAMLEntry *O = Entry.Value.find("overwrite")) {
    FPUOverwriteConfig C;
    if (Error E = readOverwrite(SM, O->Value, C))
      return E;
    Ctx.L.Values.FPUOverwrite = std::move(C);
  }
  return Error::success();
}

} // namespace snipgen
