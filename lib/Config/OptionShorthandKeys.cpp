//===- OptionShorthandKeys.cpp - Top-level keys that set options ----------===//
//
// The manual's layout-calls.yml gives the generated call graph's shape as
// top-level keys (function-layers, function-number, num-instr-ancil; and
// llvm-snippy's tests write randomize-ra the same way). They mean the
// options of the same names, so they join the layout's options once
// those are merged: giving one both here and under `options:` (or on the
// command line) is the usual "given twice" error.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"

using namespace llvm;

namespace snipgen {

Error parseOptionShorthandKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  return expectScalar(Ctx.sm(), Entry.Value,
                      "the value of '" + Entry.key() + "'");
}

Error finishOptionShorthandKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx) {
  if (!Entry)
    return Error::success();
  LayoutOption O;
  O.Name = Entry->key().str();
  O.NameLoc = Entry->Key.Loc;
  O.Values.push_back(Entry->Value.Value);
  O.ValueLocs.push_back(Entry->Value.Loc);
  Ctx.L.Options.push_back(std::move(O));
  return Error::success();
}

} // namespace snipgen
