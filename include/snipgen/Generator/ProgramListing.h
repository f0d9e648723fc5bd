//===- ProgramListing.h - -dump-mf, -dump-mi, -verify-mi ---------*- C++ -*-===//
//
// llvm-snippy's -dump-mf / -dump-mi print LLVM MachineFunctions and -verify-mi
// runs LLVM's MachineVerifier; snipgen builds no MachineFunctions, so these
// options work on what it does build, the final encoded program:
//   * listing: per function (and, with Blocks, per basic block) every
//     instruction decoded from the final bytes with its address, encoding
//     and assembly text;
//   * verification: every byte of every function decodes for the subtarget,
//     each block body holds as many instructions as were emitted into it,
//     and every PC-relative branch, jump or call lands on the first byte of
//     an instruction of the program.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_PROGRAMLISTING_H
#define SNIPGEN_GENERATOR_PROGRAMLISTING_H

#include "snipgen/Generator/Program.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace snipgen {

class MCEnvironment;

llvm::Error listProgram(const Program &P, const MCEnvironment &Env,
                        bool Blocks, llvm::raw_ostream &OS);

/// Returns the number of instructions verified.
llvm::Expected<uint64_t> verifyProgramCode(const Program &P,
                                           const MCEnvironment &Env);

} // namespace snipgen

#endif
