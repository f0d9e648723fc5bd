//===- ControlFlowOptions.h - Options of branches, calls, stack -*- C++ -*-===//
//
// What the driver passes to the generator for the manual's control-flow,
// call-graph and stack chapters (the layout's branches and call-graph keys
// travel in the Layout).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CONTROLFLOWOPTIONS_H
#define SNIPGEN_GENERATOR_CONTROLFLOWOPTIONS_H

#include "snipgen/Generator/CallGraph.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

/// Reports a problem with an option's value, located where it was given.
using OptionErrorFn =
    std::function<llvm::Error(llvm::StringRef Option, const llvm::Twine &Msg)>;

/// --riscv-loop-control-logic-compression
enum class LoopCompression { On, Off, Random };

struct StackOptions {
  bool ExternalStack = false;
  bool HonorTargetABI = false;
  std::string RedefineSP;          // empty: the manual's default
  std::string RedefineRA;          // empty: RA (the ABI's register)
  bool RandomizeRA = false;        // a return-address register per function
  std::optional<bool> StaticStack; // nullopt: automatic
  std::vector<std::string> SpilledRegs;
  std::vector<std::string> PreserveGroups;
};

struct ControlFlowOptions {
  LoopCompression Compression = LoopCompression::On;
  /// -use-stack-for-IV: loop counters live in stack slots (pushed at loop
  /// entry, popped at exit); the counter register is used by the entry
  /// and the latch only.
  bool StackForIV = false;
  CallGraphOptions Graph;
  unsigned NumInstrAncil = 10;
  StackOptions Stack;
  /// The most instructions the snippet may execute (the model's step limit
  /// when it runs on the model); 0: no bound. Checked against the plan.
  uint64_t MaxExecuted = 0;
  /// -generate-insertion-point-hints: a NOP before every primary
  /// instruction group and at the end of every block body, where code may be
  /// inserted without splitting what the generator keeps together.
  bool InsertionPointHints = false;
  /// -max-branch-length-passes: at most this many layout rounds may lengthen
  /// a branch; one more is an error (llvm-snippy's "branch distances
  /// unstable").
  unsigned MaxBranchLengthPasses = 100;
  /// Default: plain "error: option '-name': ..." messages.
  OptionErrorFn OptionError;
};

} // namespace snipgen

#endif
