//===- BurstKey.cpp - The `burst` top-level key ---------------------------===//
//
//   burst:
//     mode: custom          # basic, load, store, load-store, mixed, custom
//     min-size: 10          # memory instructions per group
//     max-size: 30
//     groupings:            # custom only: opcodes grouped together
//       - [FENCE, LW]
//       - [SW]
//
// Opcode names are resolved later, against the catalogue of the subtarget.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "MemoryKeyReader.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr StringRef BurstKeys[] = {"mode", "min-size", "max-size",
                                          "groupings"};
static constexpr const char *ModeNames =
    "basic, load, store, load-store, mixed, custom";

Error parseBurstKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  auto R = MappingReader::open(SM, Entry.Value, "'burst'", BurstKeys,
                               "'burst' needs mode, min-size and max-size");
  if (!R)
    return R.takeError();
  BurstConfig B;
  B.Loc = Entry.Key.Loc;

  auto ModeEntry = R->require("mode");
  if (!ModeEntry)
    return ModeEntry.takeError();
  const YAMLNode &ModeNode = (*ModeEntry)->Value;
  std::optional<BurstModeKind> Mode;
  if (ModeNode.isScalar())
    Mode = StringSwitch<std::optional<BurstModeKind>>(ModeNode.Value)
               .Case("basic", BurstModeKind::Basic)
               .Case("load", BurstModeKind::Load)
               .Case("store", BurstModeKind::Store)
               .Case("load-store", BurstModeKind::LoadStore)
               .Case("mixed", BurstModeKind::Mixed)
               .Case("custom", BurstModeKind::Custom)
               .Default(std::nullopt);
  if (!Mode)
    return makeError(SM, ModeNode.Loc,
                     Twine("'mode' of 'burst' must be one of ") + ModeNames +
                         ", got " + ModeNode.describe());
  B.Mode = *Mode;

  auto Min = R->requireUnsigned("min-size");
  if (!Min)
    return Min.takeError();
  auto Max = R->requireUnsigned("max-size");
  if (!Max)
    return Max.takeError();
  B.MinSize = *Min;
  B.MaxSize = *Max;
  if (B.Mode == BurstModeKind::Basic) {
    if (B.MinSize || B.MaxSize)
      return R->errorAt(B.MaxSize ? "max-size" : "min-size",
                        "with mode 'basic' (no burst groups) 'min-size' and "
                        "'max-size' must be 0, got " +
                            Twine(B.MinSize) + " and " + Twine(B.MaxSize));
  } else {
    if (B.MinSize == 0)
      return R->errorAt("min-size", "'min-size' of 'burst' must be greater "
                                    "than 0 (a burst group holds at least one "
                                    "memory instruction), got '0'");
    if (B.MaxSize == 0)
      return R->errorAt("max-size",
                        "'max-size' of 'burst' must be greater than 0, got '0'");
    if (B.MinSize > B.MaxSize)
      return R->errorAt("min-size", "'min-size' (" + Twine(B.MinSize) +
                                        ") of 'burst' must not exceed "
                                        "'max-size' (" +
                                        Twine(B.MaxSize) + ")");
  }

  const YAMLEntry *Groupings = R->find("groupings");
  if (Groupings && B.Mode != BurstModeKind::Custom)
    return makeError(SM, Groupings->Key.Loc,
                     "'groupings' can be given only with mode 'custom', but "
                     "the mode is '" +
                         ModeNode.Value + "'");
  if (B.Mode == BurstModeKind::Custom) {
    if (!Groupings)
      return makeError(SM, Entry.Value.Loc,
                       "burst mode 'custom' needs 'groupings', e.g. "
                       "'groupings: [[LW, FENCE], [SW]]'");
    if (Groupings->Value.isNull() ||
        (Groupings->Value.isSequence() && Groupings->Value.Items.empty()))
      return makeError(SM, Groupings->Key.Loc,
                       "'groupings' of burst mode 'custom' is empty; give at "
                       "least one group of opcodes");
    if (Error E = forEachItem(
            SM, *Groupings, "'groupings'", [&](const YAMLNode &G) -> Error {
              if (G.isNull() || (G.isSequence() && G.Items.empty()))
                return makeError(SM, G.Loc,
                                 "a burst grouping must not be empty; list "
                                 "the opcodes of the group, e.g. [LW, SW]");
              if (Error E = expectSequence(SM, G, "a burst grouping"))
                return E;
              std::vector<BurstOpcodeName> Names;
              for (const YAMLNode &Op : G.Items) {
                if (Error E = expectScalar(SM, Op, "an opcode of a burst "
                                                   "grouping"))
                  return E;
                Names.push_back({Op.Value, Op.Loc});
              }
              B.Groupings.push_back(std::move(Names));
              return Error::success();
            }))
      return E;
  }
  Ctx.L.Memory.Burst = std::move(B);
  return Error::success();
}

StringRef burstModeName(BurstModeKind K) {
  switch (K) {
  case BurstModeKind::Basic:
    return "basic";
  case BurstModeKind::Load:
    return "load";
  case BurstModeKind::Store:
    return "store";
  case BurstModeKind::LoadStore:
    return "load-store";
  case BurstModeKind::Mixed:
    return "mixed";
  case BurstModeKind::Custom:
    return "custom";
  }
  return "basic";
}

} // namespace snipgen
