//===- ControlFlowConfig.h - branches and call-graph as written -*- C++ -*-===//
//
// The layout keys of the manual's "Control Flow (Branchegrams)" and "Call
// Graph" chapters, checked for everything that can be checked without the
// target (ranges, powers of two, names, cycles). Semantics live in the
// generator (ControlFlowPlanner, LoopBuilder, CallGraph).
//
//   branches:
//     permutation: on              # default on
//     alignment: 1                 # loop starts aligned to N bytes
//     loop-ratio: 0.5              # probability that a branch closes a loop
//     number-of-loop-iterations: {min: 4, max: 4}
//     max-depth: {if: <unlimited>, loop: 4}
//     distance:
//       blocks: {min: 0, max: <auto>}
//       pc: {min: 0, max: <auto>}  # loops only, no nesting
//     consecutive-loops: none      # N or all: one-block loops back to back
//
//   call-graph:
//     entry-point: SnippyFunction
//     function-list:
//       - {name: SnippyFunction, callees: [fun1, ext]}
//       - {name: fun1}
//       - {name: ext, external: true}
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_CONTROLFLOWCONFIG_H
#define SNIPGEN_CONFIG_CONTROLFLOWCONFIG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

/// An optional [min, max] pair of a branchegram; Loc points at the mapping.
template <typename T> struct RangeSetting {
  std::optional<T> Min, Max;
  llvm::SMLoc Loc;
  bool given() const { return Min || Max; }
};

struct BranchesConfig {
  static constexpr unsigned DefaultIterations = 4;
  static constexpr unsigned DefaultMaxLoopDepth = 4;

  bool Present = false; // the `branches` key was given
  llvm::SMLoc Loc;
  bool Permutation = true;
  unsigned Alignment = 1;
  double LoopRatio = 0.5;
  unsigned MinIterations = DefaultIterations;
  unsigned MaxIterations = DefaultIterations;
  llvm::SMLoc IterationsLoc; // number-of-loop-iterations, when given
  std::optional<unsigned> MaxIfDepth; // unlimited when absent
  unsigned MaxLoopDepth = DefaultMaxLoopDepth;
  RangeSetting<unsigned> BlockDistance;
  RangeSetting<uint64_t> PCDistance;
  /// llvm-snippy's consecutive-loops: loops placed back to back, the
  /// counters of a chain set up before its first loop. None; Some: a loop
  /// may be followed by up to ConsecutiveN consecutive ones; All: every
  /// block of a function but the last is a loop of one chain.
  enum class Consecutive : uint8_t { None, Some, All };
  Consecutive ConsecutiveLoops = Consecutive::None;
  unsigned ConsecutiveN = 0;
  llvm::SMLoc ConsecutiveLoc;
  bool anyConsecutiveLoops() const {
    return ConsecutiveLoops != Consecutive::None;
  }

  /// Loops can appear at all (llvm-snippy's "loop generation is possible",
  /// given that the histogram has branches).
  bool loopsPossible() const {
    return Permutation && LoopRatio > 0 && MaxLoopDepth > 0;
  }
};

struct CallGraphFunction {
  std::string Name;
  bool External = false;
  std::vector<std::string> Callees;
  std::vector<llvm::SMLoc> CalleeLocs;
  llvm::SMLoc Loc; // the function's mapping
};

struct CallGraphConfig {
  std::string EntryPoint; // empty: the -entry-point option names it
  llvm::SMLoc EntryPointLoc;
  std::vector<CallGraphFunction> Functions; // as written; names unique
  llvm::SMLoc Loc;
};

/// Sections the manual gives a meaning by name: `stack` (the snippet's
/// stack), `utility` (where gp/tp are spilled) and `selfcheck`. They must be
/// rw and hold no random data accesses.
inline bool isServiceSectionName(llvm::StringRef Name) {
  return Name == "stack" || Name == "utility" || Name == "selfcheck";
}

struct ControlFlowConfig {
  BranchesConfig Branches;
  std::optional<CallGraphConfig> CallGraph;
};

} // namespace snipgen

#endif
