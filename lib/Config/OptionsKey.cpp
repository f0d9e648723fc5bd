//===- OptionsKey.cpp - The `options` top-level key -----------------------===//
//
// Reads `options` mappings, merges them by the precedence rules of
// Config/Layout.h and hands the result to the option table.
//===----------------------------------------------------------------------===//
#include "NotYetSupported.h"
#include "LayoutKeys.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static Error unknownOptionError(const SourceMgr &SM, const YAMLEntry &E) {
  if (auto Why = notYetSupportedOption(E.key()))
    return makeError(SM, E.Key.Loc, *Why);
  std::vector<StringRef> Known;
  for (size_t I = 0; I < size_t(OptionID::NumOptions); ++I)
    Known.push_back(optionSpec(OptionID(I)).Name);
  // Same wording as OptionTable::setFromLayout, plus a spelling hint.
  return makeError(SM, E.Key.Loc,
                   "unknown option '" + E.key() + "'" +
                       suggestClosest(E.key(), Known) +
                       "; known options: " + join(Known, ", "));
}

Error parseOptionsKey(const YAMLEntry &Entry, const SourceMgr &SM,
                      bool FromInclude, std::vector<ParsedOption> &Out) {
  const YAMLNode &Value = Entry.Value;
  if (Value.isNull())
    return Error::success(); // `options:` with nothing under it
  if (Error E = expectMapping(SM, Value, "'options'"))
    return E;
  for (const YAMLEntry &E : Value.Entries) {
    if (!lookupOption(E.key()))
      return unknownOptionError(SM, E);
    ParsedOption P;
    P.ValueNode = &E.Value;
    LayoutOption &O = P.Option;
    O.Name = E.key().str();
    O.NameLoc = E.Key.Loc;
    O.FromInclude = FromInclude;
    switch (E.Value.K) {
    case YAMLNode::Kind::Null:
      // `flag:` with no value reads like a bare command-line `-flag`.
      O.Values.push_back("");
      O.ValueLocs.push_back(E.Key.Loc);
      break;
    case YAMLNode::Kind::Scalar:
      O.Values.push_back(E.Value.Value);
      O.ValueLocs.push_back(E.Value.Loc);
      break;
    case YAMLNode::Kind::Sequence:
      for (const YAMLNode &Item : E.Value.Items) {
        if (Error Err = expectScalar(SM, Item,
                                     "each value of option '" + E.key() + "'"))
          return Err;
        O.Values.push_back(Item.Value);
        O.ValueLocs.push_back(Item.Loc);
      }
      break;
    case YAMLNode::Kind::Mapping:
      return makeError(SM, E.Value.Loc,
                       "option '" + E.key() +
                           "' must be a single value or a sequence of values, "
                           "got a mapping");
    }
    Out.push_back(std::move(P));
  }
  return Error::success();
}

Error addIncludedOptions(std::vector<ParsedOption> &Included,
                         std::vector<ParsedOption> New, const SourceMgr &SM) {
  StringRef IncludeDir = optionSpec(OptionID::LayoutIncludeDir).Name;
  for (ParsedOption &P : New) {
    const LayoutOption &O = P.Option;
    if (O.Name == IncludeDir)
      return makeError(
          SM, O.NameLoc,
          "option '" + IncludeDir +
              "' cannot be given in an included file (include directories "
              "must be known before includes are read); give it on the "
              "command line or in the options of a layout file named on "
              "the command line");
    auto Earlier = find_if(Included, [&](const ParsedOption &Q) {
      return Q.Option.Name == O.Name;
    });
    if (Earlier != Included.end())
      return makeErrorWithNote(
          SM, O.NameLoc,
          "option '" + O.Name + "' is given in two included files (first at " +
              formatLoc(SM, Earlier->Option.NameLoc) +
              "); options of included files are merged, so each may be "
              "given only once",
          Earlier->Option.NameLoc, "first given here");
    Included.push_back(std::move(P));
  }
  return Error::success();
}

std::vector<ParsedOption> mergeOptions(std::vector<ParsedOption> Main,
                                       std::vector<ParsedOption> Included) {
  std::vector<ParsedOption> Result = std::move(Main);
  size_t NumMain = Result.size();
  for (ParsedOption &P : Included) {
    auto MainEnd = Result.begin() + NumMain;
    bool OverriddenByMain = std::any_of(
        Result.begin(), MainEnd,
        [&](const ParsedOption &M) { return M.Option.Name == P.Option.Name; });
    if (!OverriddenByMain)
      Result.push_back(std::move(P));
  }
  return Result;
}

Error applyLayoutOptions(const Layout &L, OptionTable &Opts) {
  for (const LayoutOption &O : L.Options)
    if (Error E = Opts.setFromLayout(O.Name, O.NameLoc, O.Values, O.ValueLocs,
                                     *L.SM))
      return E;
  return Error::success();
}

} // namespace snipgen
