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
#include "snipgen/Model/Model.h"
#include "snipgen/Observers/RegisterState.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
struct Layout;
class OutputFiles;
class RunCheck;
class WarningEngine;

struct ElfImage;

struct ModelRunRequest {
  std::string Plugin;    // "builtin" or a path to a plugin library
  std::string ImagePath; // linked executable image
  const ElfImage *Image = nullptr; // the image itself (else ImagePath is read)
  std::string Isa;       // canonical ISA string
  std::string Entry;     // entry symbol
  uint64_t StopAddress = 0; // the last instruction (not executed) or code end
  uint64_t Seed = 0;     // for the model's random initial registers
  unsigned CacheBlockBytes = 64; // -riscv-cbo-block-size
  /// Observers whose verdict can fail the run (the memory-access check).
  std::vector<RunCheck *> Checks;
  /// When the entry function returns (-last-instr=RET): ra at the start, so
  /// that the run stops when it returns there (StopAddress).
  std::optional<uint64_t> ReturnAddress;
  /// The planned initial register state (Generator/InitialRegisters.h): the
  /// model starts from it; without it, from --initial-regs-yaml or random.
  std::optional<RegisterState> InitialRegisters;
  /// Model-only memory beyond the image's (the self-check overflow area).
  std::vector<ModelRegion> ExtraRegions;
};

/// The run options runOnModel gives the primary (for secondary models).
struct RunOptions;
RunOptions primaryRunOptions(const ModelRunRequest &Req);

struct ModelRunSummary {
  uint64_t Retired = 0;
};

/// -plugin-model, else -model-plugin.
llvm::StringRef modelPluginName(const OptionTable &Opts);

/// True if the options ask for execution (-model-plugin is not None).
bool wantsModelRun(const OptionTable &Opts);
/// True if the built-in model runs the snippet (-model-plugin=builtin).
bool usesBuiltinModel(const OptionTable &Opts);
/// With the built-in model, every histogram opcode needs semantics in it:
/// the error points at the histogram entry and names the opcode.
llvm::Error checkBuiltinModelSemantics(const OptionTable &Opts,
                                       const Layout &L,
                                       const OpcodeHistogram &H,
                                       const MCEnvironment &Env);

/// The most instructions the built-in run executes (the runner's step limit).
uint64_t modelStepLimit();

/// Refuses, at the section, a section the model cannot back with host
/// memory (it reserves every section's SIZE up front): the model's own
/// "cannot reserve" failure would come after generation with no location.
llvm::Error checkSectionsFitModel(const Layout &L);

/// Checks execution-related options before generation: outputs that need a
/// model when there is none, and the non-reproducible-execution warning.
llvm::Error checkModelOptions(const OptionTable &Opts, WarningEngine &Warnings);

llvm::Expected<ModelRunSummary> runOnModel(const ModelRunRequest &Req,
                                           const OptionTable &Opts,
                                           OutputFiles &Files);

} // namespace snipgen

#endif
