//===- SelfCheckSetup.h - -selfcheck, -selfcheck-gv, intervals --*- C++ -*-===//
//
// The driver's side of the verification modes (Generator/SelfCheck.h):
// option checks and the pointer register's reservation before generation,
// the etalon recorder for the model run, and the outputs after it.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_SELFCHECKSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_SELFCHECKSETUP_H

#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Model/Model.h"
#include <optional>
#include "llvm/Support/Error.h"
#include <memory>
#include <string>

namespace snipgen {

class GenTarget;
class MCEnvironment;
class OptionTable;
class OutputFiles;
class RegisterPolicy;
class WarningEngine;
struct GeneratorConfig;
struct Layout;
struct Program;

/// Null when -selfcheck is off. Marks the selfcheck section loaded and
/// reserves the pointer register in Policy.
llvm::Expected<std::unique_ptr<SelfCheckEmitter>>
setupSelfCheck(const OptionTable &Opts, const MCEnvironment &Env,
               const GenTarget &Target, Layout &L, RegisterPolicy &Policy,
               const GeneratorConfig &Config);

/// Model-only memory right after the selfcheck section, up to the next
/// section (at most 256 MiB): checks past the end land there, so that the
/// run counts them and the error says exactly how much is needed.
std::optional<ModelRegion> selfCheckOverflowRegion(const Layout &L);

/// After generation, before the object is built: where the -selfcheck-gv
/// globals go and the stride; warns about vector instructions left
/// unchecked (no -enable-selfcheck-rvv).
llvm::Error prepareSelfCheckProgram(const OptionTable &Opts, const Layout &L,
                                    const SelfCheckEmitter &SC,
                                    WarningEngine &Warnings, Program &P);

/// After the model run: the etalons and the used size, patched into the
/// relocatable object in place.
llvm::Error finishSelfCheck(const Layout &L, llvm::StringRef SectionsPrefix,
                            const SelfCheckRecorder &Rec, Program &P,
                            std::string &Object);

/// -dump-intervals-to-verify.
llvm::Error queueIntervalsToVerify(const OptionTable &Opts,
                                   const MCEnvironment &Env, const Layout &L,
                                   const Program &P, llvm::StringRef ElfPath,
                                   OutputFiles &Files);

} // namespace snipgen

#endif
