//===- CallGraph.h - Which function may call which --------------*- C++ -*-===//
//
// Either generated (the manual's "Generated Call Graph": -function-number,
// -function-layers, -call-graph-density, -call-graph-force-connect) or
// taken from the layout's call-graph key. Always a DAG (edges go to a
// deeper layer; the layout key rejects cycles): calls are unconditional, so
// recursion would never end. Node 0 is the entry function.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CALLGRAPH_H
#define SNIPGEN_GENERATOR_CALLGRAPH_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen {

class RandomEngine;
struct Layout;

struct CallGraphOptions {
  std::string EntryPoint = "SnippyFunction";
  bool EntryPointGiven = false; // -entry-point was set explicitly
  unsigned FunctionNumber = 1;
  unsigned FunctionLayers = 1;
  unsigned Density = 5;
  bool ForceConnect = false;
};

struct CallGraph {
  struct Node {
    std::string Name;
    bool External = false;
    std::vector<unsigned> Callees; // node indices, in the order written
  };
  std::vector<Node> Nodes; // Nodes[0] is the entry function

  bool hasEdges() const;
  bool hasExternal() const;
  /// Callers before callees.
  std::vector<unsigned> topologicalOrder() const;
  /// True if N is external or some call chain from N reaches an external
  /// function (whose code may clobber caller-saved registers).
  std::vector<bool> reachesExternal() const;
  /// Longest call chain from the entry, in calls (0: no calls).
  unsigned depth() const;

  std::string toDot() const;
  /// A `call-graph:` layout key that reads back to this graph.
  std::string toYaml() const;
};

/// The layout's call-graph key when there is one, else a generated graph.
llvm::Expected<CallGraph> buildCallGraph(const Layout &L,
                                         const CallGraphOptions &Opts,
                                         RandomEngine &RNG);

} // namespace snipgen

#endif
