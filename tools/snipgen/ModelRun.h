//===- ModelRun.h - Running the generated snippet on a model ----*- C++ -*-===//
//
// After generation the linked image runs on the built-in model (or a plugin)
// from the entry point to the last instruction, with the observers the
// options ask for: commit-log trace, SNTF trace, initial and final register
// dumps. A snippet that traps or stops anywhere else is an error: snippets
// are safe to run by construction.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MODELRUN_H
#define SNIPGEN_TOOLS_SNIPGEN_MODELRUN_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <optional>
#include <string>

namespace snipgen {

class OptionTable;
class OutputFiles;
class WarningEngine;

struct ModelRunRequest {
  std::string Plugin;    // "builtin" or a path to a plugin library
  std::string ImagePath; // linked executable image
  std::string Isa;       // canonical ISA string
  std::string Entry;     // entry symbol
  uint64_t StopAddress = 0; // the last instruction (not executed) or code end
  uint64_t Seed = 0;     // for the model's random initial registers
};

struct ModelRunSummary {
  uint64_t Retired = 0;
};

/// True if the options ask for execution (-model-plugin is not None).
bool wantsModelRun(const OptionTable &Opts);

/// Checks execution-related options before generation: outputs that need a
/// model when there is none, and the non-reproducible-execution warning.
llvm::Error checkModelOptions(const OptionTable &Opts, WarningEngine &Warnings);

llvm::Expected<ModelRunSummary> runOnModel(const ModelRunRequest &Req,
                                           const OptionTable &Opts,
                                           OutputFiles &Files);

} // namespace snipgen

#endif
