//===- ControlFlowSetup.h - Branch, call and stack options -------*- C++ -*-===//
//
// Driver glue for the control-flow chapters: reads their options into the
// generator's ControlFlowOptions (errors located where the option was
// given), checks what depends on the model run (--external-stack), and
// after generation queues the --dump-cfg and call-graph dumps.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_CONTROLFLOWSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_CONTROLFLOWSETUP_H

#include "snipgen/Generator/ControlFlowOptions.h"
#include "llvm/Support/Error.h"

namespace snipgen {

class MCEnvironment;
class OptionTable;
class OutputFiles;
struct CallGraph;
struct Layout;
struct Program;

llvm::Expected<ControlFlowOptions> controlFlowOptions(const OptionTable &Opts);

/// --external-stack cannot run on a model (the manual's error).
llvm::Error checkControlFlowRunOptions(const OptionTable &Opts);

/// The layout without the stack, utility and selfcheck sections: what the
/// memory schemes may use for the snippet's data accesses.
Layout dataLayout(const Layout &L);

llvm::Error queueControlFlowDumps(const Program &P, const CallGraph &G,
                                  const MCEnvironment &Env,
                                  const OptionTable &Opts, OutputFiles &Files);

/// --view-cfg: opens the dumped graphs (after they are written).
void viewControlFlowGraphs(const Program &P, const OptionTable &Opts);

} // namespace snipgen

#endif
