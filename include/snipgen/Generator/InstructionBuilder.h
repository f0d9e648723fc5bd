//===- InstructionBuilder.h - One primary instruction at a time -*- C++ -*-===//
//
// Builds one primary instruction: registers from the RegisterPolicy,
// immediates from the ImmediatePolicy, and for memory accesses the address
// and its base-register code from the MemoryPlanner. Opcodes are prepared
// once (validated, candidate registers computed) and then emitted fast.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_INSTRUCTIONBUILDER_H
#define SNIPGEN_GENERATOR_INSTRUCTIONBUILDER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class CodeBuffer;
class GenTarget;
class ImmediatePolicy;
class InstSink;
class MCEnvironment;
class MemoryPlanner;
class RandomEngine;
class RegisterPolicy;
struct OpcodeDesc;

class InstructionBuilder {
public:
  InstructionBuilder(const MCEnvironment &Env, const GenTarget &Target,
                     const RegisterPolicy &Registers,
                     const ImmediatePolicy &Immediates, MemoryPlanner &Memory,
                     RandomEngine &RNG);
  ~InstructionBuilder();

  /// Checks that Op can be generated; errors point at Loc in SM.
  llvm::Error prepare(const OpcodeDesc &Op, const llvm::SourceMgr &SM,
                      llvm::SMLoc Loc);
  /// Emits one instance of a prepared opcode, ancillary code first. The
  /// memory planner records its accesses in Out's block.
  void emit(const OpcodeDesc &Op, CodeBuffer &Out);

  uint64_t memoryAccesses() const { return MemoryAccesses; }

private:
  struct Recipe;
  const MCEnvironment &Env;
  const GenTarget &Target;
  const RegisterPolicy &Registers;
  const ImmediatePolicy &Immediates;
  MemoryPlanner &Memory;
  RandomEngine &RNG;
  // Keyed by description, not opcode: FP control pseudo-instructions share
  // their CSR instruction's opcode but not its operand constraints.
  llvm::DenseMap<const OpcodeDesc *, unsigned> RecipeOf;
  std::vector<Recipe> Recipes;
  uint64_t MemoryAccesses = 0;
};

} // namespace snipgen

#endif
