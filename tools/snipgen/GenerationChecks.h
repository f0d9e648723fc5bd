//===- GenerationChecks.h - Checks of the generated program ------*- C++ -*-===//
//
// llvm-snippy's generation checks: -verify-gen-histogram (with
// -histogram-max-deviation and -histogram-must-succeed) and
// -verify-consecutive-loops. The options are validated before generation;
// the checks run on the program after layout, before anything is written.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_GENERATIONCHECKS_H
#define SNIPGEN_TOOLS_SNIPGEN_GENERATIONCHECKS_H

#include "llvm/Support/Error.h"

namespace snipgen {

class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
struct Program;

class WarningEngine;
struct Layout;

llvm::Error checkGenerationCheckOptions(const OptionTable &Opts);

/// llvm-snippy's deprecated options that have no effect (-no-branch-relax):
/// a deprecated-option warning.
llvm::Error warnDeprecatedOptions(const OptionTable &Opts,
                                  WarningEngine &Warnings);

/// llvm-snippy's refusals of a layout with the options: fpu-config's
/// if-model-detected-nan mode needs a model (-model-plugin not None).
llvm::Error checkLayoutNeedsModel(const Layout &L, const OptionTable &Opts);

/// "Following RX sections are unused during generation" (unused-section):
/// executable sections other than the one that holds the code.
llvm::Error warnUnusedRXSections(const Layout &L, const Program &P,
                                 WarningEngine &Warnings);

llvm::Error runGenerationChecks(const Program &P, const OpcodeHistogram &H,
                                const MCEnvironment &Env, const Layout &L,
                                const OptionTable &Opts);

} // namespace snipgen

#endif
