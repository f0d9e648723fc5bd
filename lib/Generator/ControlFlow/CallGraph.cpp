//===- CallGraph.cpp - Generated and layout-given call graphs -------------===//
//
// Generated graphs follow the manual: every non-entry function gets a layer
// 0..L-1 (the entry is layer -1); then, Density times, the functions are
// shuffled and each one gets an edge to its successor in the shuffle when
// the successor lies on a deeper layer. With -call-graph-force-connect,
// every function still unreachable from the entry gets a caller picked among
// the reachable functions of shallower layers.
//===----------------------------------------------------------------------===//
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/MathExtras.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <functional>

using namespace llvm;

namespace snipgen {

bool CallGraph::hasEdges() const {
  return any_of(Nodes, [](const Node &N) { return !N.Callees.empty(); });
}

bool CallGraph::hasExternal() const {
  return any_of(Nodes, [](const Node &N) { return N.External; });
}

std::vector<unsigned> CallGraph::topologicalOrder() const {
  // Kahn's algorithm, smallest index first among the ready nodes, so the
  // order is fixed by the graph alone.
  std::vector<unsigned> InDegree(Nodes.size(), 0);
  for (const Node &N : Nodes)
    for (unsigned C : N.Callees)
      ++InDegree[C];
  std::vector<unsigned> Order;
  std::vector<bool> Done(Nodes.size(), false);
  while (Order.size() < Nodes.size()) {
    unsigned Next = Nodes.size();
    for (unsigned I = 0; I < Nodes.size(); ++I)
      if (!Done[I] && InDegree[I] == 0) {
        Next = I;
        break;
      }
    assert(Next < Nodes.size() && "call graphs are acyclic");
    Done[Next] = true;
    Order.push_back(Next);
    for (unsigned C : Nodes[Next].Callees)
      --InDegree[C];
  }
  return Order;
}

std::vector<bool> CallGraph::reachesExternal() const {
  std::vector<bool> R(Nodes.size(), false);
  std::vector<unsigned> Order = topologicalOrder();
  for (unsigned I : reverse(Order)) {
    R[I] = Nodes[I].External;
    for (unsigned C : Nodes[I].Callees)
      if (R[C])
        R[I] = true;
  }
  return R;
}

unsigned CallGraph::depth() const {
  std::vector<unsigned> D(Nodes.size(), 0);
  std::vector<unsigned> Order = topologicalOrder(); // outlives the loop
  for (unsigned I : reverse(Order))
    for (unsigned C : Nodes[I].Callees)
      D[I] = std::max(D[I], D[C] + 1);
  return Nodes.empty() ? 0 : D[0];
}

std::string CallGraph::toDot() const {
  std::string S;
  raw_string_ostream OS(S);
  OS << "digraph \"call graph\" {\n";
  for (unsigned I = 0; I < Nodes.size(); ++I) {
    OS << "  \"" << Nodes[I].Name << "\"";
    if (I == 0)
      OS << " [shape=box, label=\"" << Nodes[I].Name << "\\n(entry)\"]";
    else if (Nodes[I].External)
      OS << " [style=dashed, label=\"" << Nodes[I].Name << "\\n(external)\"]";
    OS << ";\n";
  }
  for (const Node &N : Nodes)
    for (unsigned C : N.Callees)
      OS << "  \"" << N.Name << "\" -> \"" << Nodes[C].Name << "\";\n";
  OS << "}\n";
  return S;
}

std::string CallGraph::toYaml() const {
  std::string S;
  raw_string_ostream OS(S);
  OS << "call-graph:\n  entry-point: " << Nodes[0].Name
     << "\n  function-list:\n";
  for (const Node &N : Nodes) {
    OS << "    - name: " << N.Name << "\n";
    if (N.External)
      OS << "      external: true\n";
    if (!N.Callees.empty()) {
      OS << "      callees:\n";
      for (unsigned C : N.Callees)
        OS << "        - " << Nodes[C].Name << "\n";
    }
  }
  return S;
}

static Expected<CallGraph> fromLayout(const Layout &L,
                                      const CallGraphOptions &Opts) {
  const CallGraphConfig &G = *L.ControlFlow.CallGraph;
  std::string Entry = G.EntryPoint.empty() ? Opts.EntryPoint : G.EntryPoint;
  if (!G.EntryPoint.empty() && Opts.EntryPointGiven &&
      G.EntryPoint != Opts.EntryPoint)
    return makeError(*L.SM, G.EntryPointLoc,
                     "the call graph's entry point '" + G.EntryPoint +
                         "' differs from -entry-point=" + Opts.EntryPoint +
                         "; give the same name or only one of them");
  auto EntryIt = find_if(
      G.Functions, [&](const CallGraphFunction &F) { return F.Name == Entry; });
  if (EntryIt == G.Functions.end())
    return makeError(*L.SM, G.Loc,
                     "the entry point '" + Entry +
                         "' (from -entry-point) has no description in the "
                         "call graph's 'function-list'");
  if (EntryIt->External)
    return makeError(*L.SM, EntryIt->Loc,
                     "entry point '" + Entry +
                         "' must not be marked as external");
  // The entry first, then the others as written.
  std::vector<const CallGraphFunction *> Order = {&*EntryIt};
  for (const CallGraphFunction &F : G.Functions)
    if (&F != &*EntryIt)
      Order.push_back(&F);
  StringMap<unsigned> Index;
  for (unsigned I = 0; I < Order.size(); ++I)
    Index[Order[I]->Name] = I;
  CallGraph CG;
  for (const CallGraphFunction *F : Order) {
    CallGraph::Node N;
    N.Name = F->Name;
    N.External = F->External;
    for (const std::string &C : F->Callees)
      N.Callees.push_back(Index.lookup(C));
    CG.Nodes.push_back(std::move(N));
  }
  return CG;
}

template <typename T>
static void shuffle(std::vector<T> &V, RandomEngine &RNG) {
  for (size_t I = V.size(); I > 1; --I)
    std::swap(V[I - 1], V[RNG.below(I)]);
}

static CallGraph generate(const CallGraphOptions &Opts, RandomEngine &RNG) {
  CallGraph CG;
  CG.Nodes.push_back({Opts.EntryPoint, false, {}});
  for (unsigned I = 0; I + 1 < Opts.FunctionNumber; ++I)
    CG.Nodes.push_back({"fun" + std::to_string(I), false, {}});
  unsigned Others = CG.Nodes.size() - 1;
  if (!Others)
    return CG;
  unsigned Layers = std::max(1u, Opts.FunctionLayers);
  unsigned PerLayer = divideCeil(Others, Layers);
  struct Entry {
    unsigned Node;
    int Layer;
  };
  std::vector<Entry> Map = {{0, -1}};
  for (unsigned I = 1; I <= Others; ++I)
    Map.push_back({I, int((I - 1) / PerLayer)});

  auto HasEdge = [&](unsigned A, unsigned B) {
    return is_contained(CG.Nodes[A].Callees, B);
  };
  for (unsigned Round = 0; Round < Opts.Density; ++Round) {
    shuffle(Map, RNG);
    for (size_t I = 0; I + 1 < Map.size(); ++I)
      if (Map[I + 1].Layer > Map[I].Layer &&
          !HasEdge(Map[I].Node, Map[I + 1].Node))
        CG.Nodes[Map[I].Node].Callees.push_back(Map[I + 1].Node);
  }
  if (!Opts.ForceConnect)
    return CG;
  std::vector<bool> Reachable(CG.Nodes.size(), false);
  std::function<void(unsigned)> Mark = [&](unsigned N) {
    if (Reachable[N])
      return;
    Reachable[N] = true;
    for (unsigned C : CG.Nodes[N].Callees)
      Mark(C);
  };
  Mark(0);
  for (const Entry &U : Map) {
    if (Reachable[U.Node])
      continue;
    std::vector<unsigned> Callers;
    for (const Entry &C : Map)
      if (C.Layer < U.Layer && Reachable[C.Node])
        Callers.push_back(C.Node);
    // The entry (layer -1) is always reachable, so Callers is never empty.
    unsigned Caller = Callers[RNG.below(Callers.size())];
    CG.Nodes[Caller].Callees.push_back(U.Node);
    Mark(U.Node);
  }
  return CG;
}

Expected<CallGraph> buildCallGraph(const Layout &L,
                                   const CallGraphOptions &Opts,
                                   RandomEngine &RNG) {
  if (L.ControlFlow.CallGraph)
    return fromLayout(L, Opts);
  return generate(Opts, RNG);
}

} // namespace snipgen
