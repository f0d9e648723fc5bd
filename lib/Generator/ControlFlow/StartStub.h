//===- StartStub.h - A caller for a returning exec snippet -------*- C++ -*-===//
//
// With -last-instr=RET the entry function ends with a return, and the model
// run gives it a return address right after the code (Map.CodeEnd). An
// executable started at the entry function itself has no caller there: under
// qemu-riscv64 ra starts at 0 and the final RET jumps to address 0. So for
// -object-type=exec snipgen adds a start stub at Map.CodeEnd, the ELF entry
// point:
//
//   __snipgen_start:  jal ra, <entry>    (auipc ra + jalr ra when far)
//                     ebreak             <- the entry function returns here
//
// The entry function itself is unchanged (a relocatable snippet has no stub
// and returns to its C caller); llvm-snippy stops its model at the RET and
// never runs it, so it has no such caller either.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_STARTSTUB_H
#define SNIPGEN_LIB_GENERATOR_STARTSTUB_H

#include "llvm/Support/Error.h"

namespace snipgen {

class ControlFlowTarget;
class MCEnvironment;
struct Layout;
struct Program;

/// The symbol of the start stub.
inline constexpr const char *StartStubName = "__snipgen_start";

/// Adds P.StartStub at P.Map.CodeEnd (after layout); an error when no rx
/// section has room for it there.
llvm::Error addStartStub(Program &P, const Layout &L, const MCEnvironment &Env,
                         const ControlFlowTarget &CFT);

} // namespace snipgen

#endif
