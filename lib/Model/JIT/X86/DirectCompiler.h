//===- DirectCompiler.h - Integer blocks to x86-64 without LLVM's codegen -*- C++ -*-===//
//
// The compiled tier's fast compiler. LLVM's -O0 code generator costs about
// 5 us per instruction (7 ms for a 1000-instruction loop body, more than
// QEMU spends translating and running 100M instructions of it, see
// bench/perf). Blocks of plain integer instructions - the bulk of what
// loops run - need none of what it offers: this compiler writes their host
// code directly, instruction by instruction, at well under a microsecond
// each, with guest registers cached in host registers (RegisterCache.h) and
// every instruction encoded by LLVM's X86 MC layer (X86Encoder.h).
//
// It covers RV64 blocks whose instructions are integer ALU operations (I,
// M's MUL/MULW, the Zba shift-adds, Zbb's ANDN/MIN/MAX), LUI/AUIPC, C's
// moves and immediates, and integer loads and stores, and end in a branch
// or direct jump, or fall through. Blocks with anything else (indirect
// jumps, divisions, FP calls, RV32) go to LLVM (BlockTranslator.h). A load
// or store outside the Hart's access window leaves the block before it
// (a side exit: the registers written so far go to the Hart first).
//
// The code has BlockEntry's contract (BlockTranslator.h): registers are
// read from and written back to the Hart, the result is retired << 1, the
// next pc is stored to Hart::PC when the block ends in control, and a
// self-loop iterates while the budget allows.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_X86_DIRECTCOMPILER_H
#define SNIPGEN_LIB_MODEL_JIT_X86_DIRECTCOMPILER_H

#include "JIT/BlockTranslator.h"
#include "JIT/OpcodeRules.h"
#include "llvm/Support/Error.h"
#include <cstddef>
#include <memory>
#include <string>

namespace snipgen::model::jit {

/// Executable memory holding one directly compiled block; freed with it.
class NativeCode {
public:
  NativeCode(void *Base, size_t Size) : Base(Base), Size(Size) {}
  ~NativeCode();
  NativeCode(const NativeCode &) = delete;
  NativeCode &operator=(const NativeCode &) = delete;
  BlockEntry entry() const { return reinterpret_cast<BlockEntry>(Base); }
  size_t size() const { return Size; }

private:
  void *Base;
  size_t Size;
};

/// Whether this host runs direct code (x86-64 with BMI1/BMI2); if not, Why
/// says what is missing.
bool directAvailable(std::string &Why);

/// Whether compileDirect handles every instruction of Plan on this target.
bool directCovers(const BlockPlan &Plan, const OpcodeRules &Rules,
                  const TargetInfo &T);

/// Compiles a plan directCovers accepts. Fails only if the host cannot run
/// direct code (not x86-64 with BMI1/BMI2) or memory cannot be mapped.
llvm::Expected<std::unique_ptr<NativeCode>>
compileDirect(const BlockPlan &Plan, const OpcodeRules &Rules,
              const TargetInfo &T);

} // namespace snipgen::model::jit

#endif
