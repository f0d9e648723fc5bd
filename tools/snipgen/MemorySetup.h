//===- MemorySetup.h - Memory schemes and burst from the layout -*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_MEMORYSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_MEMORYSETUP_H

#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Generator/PrimarySource.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace snipgen {

class GenTarget;
class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
class WarningEngine;
struct Layout;

/// Where memory accesses go and how primary opcodes are sequenced.
struct MemorySetup {
  std::unique_ptr<MemoryScheme> Scheme;
  std::unique_ptr<MemoryPlanner> Planner;
  std::unique_ptr<PrimarySource> Source;
};

llvm::Expected<MemorySetup>
setupMemory(const Layout &L, const OptionTable &Opts, const MCEnvironment &Env,
            const GenTarget &Target, const OpcodeHistogram &Histogram,
            WarningEngine &Warnings);

} // namespace snipgen

#endif
