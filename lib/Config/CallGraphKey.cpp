//===- CallGraphKey.cpp - The `call-graph` top-level key ------------------===//
//
// See Config/ControlFlowConfig.h for the format. Checked here: names are
// given and unique, every callee is described, the entry point exists and is
// not external, external functions have no callees, and the graph has no
// cycle (a recursive snippet would never terminate: calls carry no
// condition).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/SourceMgr.h"
#include <algorithm>
#include <functional>

using namespace llvm;

namespace snipgen {

static constexpr StringRef CallGraphKeys[] = {"entry-point", "function-list"};
static constexpr StringRef FunctionKeys[] = {"name", "callees", "external"};

static Expected<CallGraphFunction> readFunction(const SourceMgr &SM,
                                                const YAMLNode &Item) {
  CallGraphFunction F;
  F.Loc = Item.Loc;
  if (Error E = expectMapping(SM, Item, "each entry of 'function-list'"))
    return E;
  if (Error E =
          checkAllowedKeys(SM, Item, FunctionKeys, "a 'function-list' entry"))
    return E;
  const YAMLEntry *Name = Item.find("name");
  if (!Name)
    return makeError(SM, Item.Loc,
                     "a 'function-list' entry has no 'name'; each function "
                     "needs name (callees and external are optional)");
  if (Error E = expectScalar(SM, Name->Value, "'name' of a function"))
    return E;
  if (Name->Value.Value.empty())
    return makeError(SM, Name->Value.Loc,
                     "empty names are not allowed for functions in the call "
                     "graph");
  F.Name = Name->Value.Value;
  if (const YAMLEntry *Ext = Item.find("external")) {
    Expected<bool> V =
        parseBool(SM, Ext->Value, "'external' of function '" + F.Name + "'");
    if (!V)
      return V.takeError();
    F.External = *V;
  }
  if (const YAMLEntry *Callees = Item.find("callees")) {
    if (!Callees->Value.isNull()) {
      if (Error E = expectSequence(SM, Callees->Value,
                                   "'callees' of function '" + F.Name + "'"))
        return E;
      for (const YAMLNode &C : Callees->Value.Items) {
        if (Error E = expectScalar(SM, C, "a callee of '" + F.Name + "'"))
          return E;
        F.Callees.push_back(C.Value);
        F.CalleeLocs.push_back(C.Loc);
      }
    }
    if (F.External && !F.Callees.empty())
      return makeError(SM, Callees->Key.Loc,
                       "function '" + F.Name +
                           "' is external: it cannot have callees (its body "
                           "is the user's code)");
  }
  return F;
}

// Depth-first search for a cycle; reports the first back edge found, in
// function-list order, as "a -> b -> a".
static Error checkAcyclic(const SourceMgr &SM, const CallGraphConfig &G,
                          const StringMap<unsigned> &Index) {
  enum Color : uint8_t { White, Grey, Black };
  std::vector<Color> State(G.Functions.size(), White);
  std::vector<unsigned> Path;
  std::function<Error(unsigned)> Visit = [&](unsigned F) -> Error {
    State[F] = Grey;
    Path.push_back(F);
    const CallGraphFunction &Fn = G.Functions[F];
    for (unsigned C = 0; C < Fn.Callees.size(); ++C) {
      unsigned Callee = Index.lookup(Fn.Callees[C]);
      if (State[Callee] == Grey) {
        std::string Cycle;
        auto It = std::find(Path.begin(), Path.end(), Callee);
        for (; It != Path.end(); ++It)
          Cycle += G.Functions[*It].Name + " -> ";
        Cycle += G.Functions[Callee].Name;
        return makeError(SM, Fn.CalleeLocs[C],
                         "the call graph has a cycle (" + Cycle +
                             "); recursion is not supported because calls "
                             "are unconditional and would never end");
      }
      if (State[Callee] == White)
        if (Error E = Visit(Callee))
          return E;
    }
    Path.pop_back();
    State[F] = Black;
    return Error::success();
  };
  for (unsigned F = 0; F < G.Functions.size(); ++F)
    if (State[F] == White)
      if (Error E = Visit(F))
        return E;
  return Error::success();
}

Error parseCallGraphKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  const YAMLNode &Value = Entry.Value;
  CallGraphConfig G;
  G.Loc = Entry.Key.Loc;
  if (Error E = expectMapping(SM, Value, "'call-graph'"))
    return E;
  if (Error E = checkAllowedKeys(SM, Value, CallGraphKeys, "'call-graph'"))
    return E;
  if (const YAMLEntry *EP = Value.find("entry-point")) {
    if (Error E = expectScalar(SM, EP->Value, "'entry-point' of 'call-graph'"))
      return E;
    G.EntryPoint = EP->Value.Value;
    G.EntryPointLoc = EP->Value.Loc;
  }
  const YAMLEntry *List = Value.find("function-list");
  if (!List || List->Value.isNull() ||
      (List->Value.isSequence() && List->Value.Items.empty()))
    return makeError(SM, List ? List->Key.Loc : Entry.Key.Loc,
                     "'call-graph' has no functions; 'function-list' must "
                     "describe at least the entry point");
  if (Error E = expectSequence(SM, List->Value, "'function-list'"))
    return E;
  StringMap<unsigned> Index;
  for (const YAMLNode &Item : List->Value.Items) {
    Expected<CallGraphFunction> F = readFunction(SM, Item);
    if (!F)
      return F.takeError();
    auto [It, New] = Index.try_emplace(F->Name, G.Functions.size());
    if (!New)
      return makeErrorWithNote(
          SM, F->Loc,
          "the call graph has more than one entry for function '" + F->Name +
              "'",
          G.Functions[It->second].Loc, "first described here");
    G.Functions.push_back(std::move(*F));
  }
  for (const CallGraphFunction &F : G.Functions)
    for (unsigned C = 0; C < F.Callees.size(); ++C)
      if (!Index.count(F.Callees[C]))
        return makeError(SM, F.CalleeLocs[C],
                         "function '" + F.Name + "' has '" + F.Callees[C] +
                             "' in its callee list, but 'function-list' does "
                             "not describe it");
  if (!G.EntryPoint.empty()) {
    auto It = Index.find(G.EntryPoint);
    if (It == Index.end())
      return makeError(SM, G.EntryPointLoc,
                       "entry point '" + G.EntryPoint +
                           "' has no description in 'function-list'");
    if (G.Functions[It->second].External)
      return makeError(SM, G.EntryPointLoc,
                       "entry point '" + G.EntryPoint +
                           "' must not be marked as external");
  }
  if (Error E = checkAcyclic(SM, G, Index))
    return E;
  Ctx.L.ControlFlow.CallGraph = std::move(G);
  return Error::success();
}

} // namespace snipgen
