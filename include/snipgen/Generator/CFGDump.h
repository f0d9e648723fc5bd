//===- CFGDump.h - Graphviz dot of a generated function ---------*- C++ -*-===//
//
// --dump-cfg writes one file per generated function, named as llvm-snippy
// names them: [<cfg-basename>_]<function>-cfg-dump.dot (no '_' when the
// basename ends with '/'). Nodes are basic blocks with their address and
// instructions; edges are fall-through, taken branches, loop back edges
// (with the iteration count) and returns from calls.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CFGDUMP_H
#define SNIPGEN_GENERATOR_CFGDUMP_H

#include "llvm/ADT/StringRef.h"
#include <string>

namespace snipgen {

class MCEnvironment;
struct Function;
struct Program;

std::string cfgDumpFileName(llvm::StringRef Basename,
                            llvm::StringRef FunctionName);

std::string cfgToDot(const Program &P, const Function &F,
                     const MCEnvironment &Env);

} // namespace snipgen

#endif
