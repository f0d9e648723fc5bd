//===- MemorySetup.h - Memory schemes and burst from the layout -*- C++ -*-===//
//
// Builds the memory side of generation from the layout and options: the
// memory schemes (access-*, restricted-addresses), the planner (with the
// lockstep model for --enable-address-value-hazards) and the source of
// primary opcodes (burst groups for the `burst` key). After generation it
// queues the --dump-memory-accesses outputs and makes the model check that
// proves every access.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYSETUP_H

#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/PrimarySource.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace snipgen {

class GenTarget;
class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
class OutputFiles;
class WarningEngine;
struct Layout;
struct Program;

/// Where memory accesses go and how primary opcodes are sequenced.
struct MemorySetup {
  std::unique_ptr<MemorySchemeSet> Schemes;
  std::unique_ptr<MemoryPlanner> Planner;
  std::unique_ptr<PrimarySource> Source;
  /// The layout uses memory keys or options: the model run proves accesses.
  bool CheckOnModel = false;
};

llvm::Expected<MemorySetup>
setupMemory(const Layout &L, const OptionTable &Opts, const MCEnvironment &Env,
            const GenTarget &Target, const OpcodeHistogram &Histogram,
            WarningEngine &Warnings);

/// Queues the --dump-memory-accesses(-restricted) files (or prints them to
/// stdout when given without a file name).
llvm::Error queueMemoryDumps(const Program &P, const OptionTable &Opts,
                             OutputFiles &Files, WarningEngine &Warnings);

/// -dump-access-schemes: "scheme ID LO HI NAME" for every memory scheme
/// (LO, HI: the scheme's extent() in hex, or "- -"), then
/// "0xPC ID" for every planned access (PC: the instruction's address).
std::string dumpAccessSchemes(const Program &P, const MemorySchemeSet &S);

/// The check of every access on the model (null when not wanted); InitStores
/// recognises -init-memory=runtime's stores (MemoryAccessCheck).
std::unique_ptr<RunCheck>
makeMemoryCheck(MemorySetup &S, const Program &P,
                MemoryAccessCheck::InitStorePredicate InitStores = nullptr);

} // namespace snipgen

#endif
