//===- HistogramKey.cpp - The `histogram` top-level key -------------------===//
//
//   histogram:
//     - [ADD, 1.0]
//     - ["VSSE.*", 2]
//
// Patterns are matched against opcode names later, by the generator (it
// needs the ISA); each entry keeps the location of its pattern so that a
// pattern matching nothing can be reported there.
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr const char *NeedsOneInstruction =
    "histogram must contain at least one instruction";

static Expected<HistogramEntry> readEntry(const SourceMgr &SM,
                                          const YAMLNode &Item) {
  if (!Item.isSequence() || Item.Items.size() != 2) {
    std::string Got = Item.isSequence()
                          ? "a sequence of " + utostr(Item.Items.size()) +
                                " element" + (Item.Items.size() == 1 ? "" : "s")
                          : Item.describe();
    return makeError(SM, Item.Loc,
                     "a histogram entry must be a [pattern, weight] pair such "
                     "as [ADD, 1.0], got " +
                         Got);
  }
  const YAMLNode &Pattern = Item.Items[0];
  const YAMLNode &Weight = Item.Items[1];
  if (Error E = expectScalar(SM, Pattern, "a histogram pattern"))
    return E;
  if (Pattern.Value.empty())
    return makeError(SM, Pattern.Loc, "a histogram pattern must not be empty");

  std::string WeightWhat = "the weight of '" + Pattern.Value + "'";
  Expected<double> W = parseDouble(SM, Weight, WeightWhat);
  if (!W)
    return W.takeError();
  if (*W < 0)
    return makeError(SM, Weight.Loc,
                     WeightWhat + " must not be negative, got '" +
                         Weight.Value + "'");
  HistogramEntry Entry;
  Entry.Pattern = Pattern.Value;
  Entry.Weight = *W == 0 ? 0.0 : *W; // no -0.0
  Entry.Loc = Pattern.Loc;
  return Entry;
}

Error parseHistogramKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  const YAMLNode &Value = Entry.Value;
  Ctx.L.HistogramLoc = Entry.Key.Loc;
  if (Value.isNull() || (Value.isSequence() && Value.Items.empty()))
    return makeError(SM, Entry.Key.Loc, NeedsOneInstruction);
  if (Error E = expectSequence(SM, Value, "'histogram'"))
    return E;
  for (const YAMLNode &Item : Value.Items) {
    Expected<HistogramEntry> H = readEntry(SM, Item);
    if (!H)
      return H.takeError();
    Ctx.L.Histogram.push_back(std::move(*H));
  }
  return Error::success();
}

Error finishHistogramKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx) {
  if (Entry || Ctx.HistogramFromPlugin)
    return Error::success();
  // A generator plugin reads the opcodes from -plugin-info-file instead.
  for (const LayoutOption &O : Ctx.L.Options)
    if (O.Name == "plugin-info-file" && !O.Values.empty() &&
        !O.Values.front().empty() && O.Values.front() != "None")
      return Error::success();
  return makeError("the layout (" + join(Ctx.L.Files, ", ") +
                   ") has no 'histogram' key; " + NeedsOneInstruction +
                   ", e.g. 'histogram: [[ADD, 1.0]]'");
}

} // namespace snipgen
