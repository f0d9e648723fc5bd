//===- MemoryInitRoutine.h - -init-memory=loads' routine --------*- C++ -*-===//
//
// llvm-snippy's -init-memory=loads and loads-with-addresses: the snippet's
// first code (before the registers are set) calls a routine that stores the
// initial memory image (SectionDesc::RuntimeContents) into exactly the bytes
// the snippet's loads read; every other byte of the data sections stays
// zero (the sections are NOLOAD). Which bytes that is is known only after
// generation, so the routine is built then:
//
//   1. the register initialisation emits the call with distance 0
//      (GenTarget::emitMemoryInitCall, RegisterInitRequest::MemoryInitCall);
//   2. after generation and layout, appendMemoryInitRoutine collects the
//      bytes of every recorded access of an instruction that may load
//      (vector loads: every element span), appends the routine as a last
//      function "snippy_random" (llvm-snippy's name) right after the code
//      in the code section, patches the call to reach it, and records the
//      call and the return for the control-flow check.
//
// The lockstep model starts with the whole image (LockstepModel.cpp): the
// loads read the same bytes either way.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_MEMORYINITROUTINE_H
#define SNIPGEN_GENERATOR_MEMORYINITROUTINE_H

#include "snipgen/Target/Target.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <utility>
#include <vector>

namespace snipgen {

class MCEnvironment;
struct Layout;
struct Program;

/// The bytes the loads of P read (recorded accesses of instructions that
/// may load) inside sections with runtime contents, with their values, by
/// ascending address.
std::vector<std::pair<uint64_t, uint8_t>>
bytesLoadsRead(const Program &P, const Layout &L, const MCEnvironment &Env);

/// Appends the routine to P and patches its call (see above). Regs are the
/// registers the register initialisation reported.
llvm::Error appendMemoryInitRoutine(
    Program &P, const Layout &L, const MCEnvironment &Env,
    const GenTarget &Target,
    const GenTarget::RegisterInitRequest::InitCallRegisters &Regs);

} // namespace snipgen

#endif
