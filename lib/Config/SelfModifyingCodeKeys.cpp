//===- SelfModifyingCodeKeys.cpp - `smcgram` and `code-layout` -----------===//
//
//   smcgram:
//     smc-tgt-blocks: 0.5          # in [0, 1], default 0.5
//     smc-overwriters: {min: 1, max: 1}
//     smc-mode: immediate          # the only mode
//   code-layout:
//     ranges:
//       - {start: 0x210000, size: 0x100000, stride: 1,
//          first-offset: 0, last-offset: 0}
//
// Names, defaults and the messages of the checks llvm-snippy makes follow
// llvm-snippy (its smc lit tests); what the generator does with them is in
// Generator/ControlFlow/SelfModifyingCode.h and, for code-layout (also
// without smcgram: every block at a random address in the ranges),
// Generator/ControlFlow/CodePlacement.h.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "MemoryKeyReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr StringRef SMCKeys[] = {"smc-tgt-blocks", "smc-overwriters",
                                        "smc-mode"};
static constexpr StringRef OverwriterKeys[] = {"min", "max"};
static constexpr StringRef CodeLayoutKeys[] = {"ranges"};
static constexpr StringRef RangeKeys[] = {"start", "size", "stride",
                                          "first-offset", "last-offset"};

Error parseSMCGramKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  SelfModifyingConfig &C = Ctx.L.SMC;
  C.Enabled = true;
  C.Loc = Entry.Key.Loc;
  if (Entry.Value.isNull())
    return Error::success(); // all defaults
  auto R = MappingReader::open(SM, Entry.Value, "'smcgram'", SMCKeys, "");
  if (!R)
    return R.takeError();

  if (const YAMLEntry *Ratio = R->find("smc-tgt-blocks")) {
    Expected<double> V = parseDouble(SM, Ratio->Value, "'smc-tgt-blocks'");
    if (!V)
      return V.takeError();
    if (*V < 0.0 || *V > 1.0)
      return makeError(SM, Ratio->Value.Loc,
                       "smc-tgt-blocks option expected to be >= 0 and <= 1");
    C.TargetBlocks = *V;
    C.TargetBlocksLoc = Ratio->Value.Loc;
  }

  if (const YAMLEntry *Ow = R->find("smc-overwriters")) {
    auto O = MappingReader::open(SM, Ow->Value, "'smc-overwriters'",
                                 OverwriterKeys,
                                 "'smc-overwriters' needs min and max");
    if (!O)
      return O.takeError();
    auto Min = O->optionalUnsigned("min");
    if (!Min)
      return Min.takeError();
    auto Max = O->optionalUnsigned("max");
    if (!Max)
      return Max.takeError();
    uint64_t Lo = Min->value_or(1), Hi = Max->value_or(std::max<uint64_t>(Lo, 1));
    if (Hi == 0)
      return O->errorAt("max", "'max' of 'smc-overwriters' must be greater "
                               "than 0 (a rewriting block rewrites code at "
                               "least once)");
    if (Lo > Hi)
      return O->errorAt("min", "'min' (" + Twine(Lo) +
                                   ") of 'smc-overwriters' must not exceed "
                                   "'max' (" +
                                   Twine(Hi) + ")");
    if (Hi > 64)
      return O->errorAt("max", "'max' of 'smc-overwriters' must be at most "
                               "64, got " +
                                   Twine(Hi));
    C.MinOverwriters = static_cast<unsigned>(Lo);
    C.MaxOverwriters = static_cast<unsigned>(Hi);
  }

  if (const YAMLEntry *Mode = R->find("smc-mode")) {
    if (!Mode->Value.isScalar() || Mode->Value.Value != "immediate")
      return makeError(SM, Mode->Value.Loc,
                       "Currently smc-mode option supports only immediate "
                       "mode, got " +
                           Mode->Value.describe());
  }
  return Error::success();
}

static Expected<CodeLayoutRange> readCodeRange(const YAMLNode &Node,
                                               const SourceMgr &SM) {
  auto R = MappingReader::open(SM, Node, "a code-layout range", RangeKeys,
                               "a code-layout range needs start and size");
  if (!R)
    return R.takeError();
  CodeLayoutRange D;
  D.Loc = Node.Loc;
  auto Start = R->requireUnsigned("start");
  if (!Start)
    return Start.takeError();
  auto Size = R->requirePositive("size");
  if (!Size)
    return Size.takeError();
  D.Start = *Start;
  D.Size = *Size;
  if (D.Start + D.Size < D.Start)
    return R->errorAt("size", "'start' + 'size' of a code-layout range "
                              "overflows 64 bits");
  auto Stride = R->optionalPositive("stride");
  if (!Stride)
    return Stride.takeError();
  D.Stride = Stride->value_or(1);
  auto First = R->optionalUnsigned("first-offset");
  if (!First)
    return First.takeError();
  auto Last = R->optionalUnsigned("last-offset");
  if (!Last)
    return Last.takeError();
  D.FirstOffset = First->value_or(0);
  D.LastOffset = Last->value_or(D.Stride - 1);
  if (D.FirstOffset > D.LastOffset)
    return R->errorAt("first-offset",
                      "'first-offset' (" + Twine(D.FirstOffset) +
                          ") of a code-layout range must not exceed "
                          "'last-offset' (" +
                          Twine(D.LastOffset) + ")");
  if (D.LastOffset >= D.Stride)
    return R->errorAt("last-offset",
                      "'last-offset' (" + Twine(D.LastOffset) +
                          ") of a code-layout range must be less than "
                          "'stride' (" +
                          Twine(D.Stride) + ")");
  return D;
}

Error parseCodeLayoutKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  SelfModifyingConfig &C = Ctx.L.SMC;
  C.HasCodeLayout = true;
  C.CodeLayoutLoc = Entry.Key.Loc;
  auto R = MappingReader::open(SM, Entry.Value, "'code-layout'",
                               CodeLayoutKeys, "'code-layout' needs ranges");
  if (!R)
    return R.takeError();
  auto Ranges = R->require("ranges");
  if (!Ranges)
    return Ranges.takeError();
  if (Error E = forEachItem(SM, **Ranges, "'ranges' of 'code-layout'",
                            [&](const YAMLNode &N) -> Error {
                              auto D = readCodeRange(N, SM);
                              if (!D)
                                return D.takeError();
                              C.CodeLayout.push_back(*D);
                              return Error::success();
                            }))
    return E;
  if (C.CodeLayout.empty())
    return makeError(SM, (*Ranges)->Key.Loc,
                     "'ranges' of 'code-layout' is empty; give at least one "
                     "range of code addresses");
  return Error::success();
}

Error finishSMCGramKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx) {
  const SelfModifyingConfig &C = Ctx.L.SMC;
  if (C.Enabled && !C.HasCodeLayout)
    return makeError(Ctx.sm(), C.Loc, "SMC mode expects code layout provided");
  return Error::success();
}

} // namespace snipgen
