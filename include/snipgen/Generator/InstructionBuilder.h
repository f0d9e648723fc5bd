//===- InstructionBuilder.h - One primary instruction at a time -*- C++ -*-===//
//
// Builds one primary instruction: registers from the RegisterPolicy,
// immediates from the ImmediatePolicy, and for memory accesses the address
// and its base-register code from the MemoryPlanner. Opcodes are prepared
// once (validated, candidate registers computed) and then emitted fast.
//
// Load-reserved / store-conditional (GenTarget::reservationRole) are only
// emitted in the two forms whose outcome the ISA fixes for every conforming
// implementation (an SC may fail spuriously anywhere else):
//   * a constrained retry loop: LR and SC of the same size to the same
//     address with nothing in between, and a branch back to the LR while the
//     SC's status is not zero. The base register, the LR's destination and
//     the status register are distinct, the status register is not x0 and
//     the SC's source is not the status register, so every iteration is the
//     same and the loop ends with the store done. An LR in the histogram is
//     such a loop;
//   * an SC right after such a loop: the previous SC in program order ended
//     the reservation, so this one must fail (rd = 1, memory unchanged). An
//     SC in the histogram is a loop followed by this SC.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_INSTRUCTIONBUILDER_H
#define SNIPGEN_GENERATOR_INSTRUCTIONBUILDER_H

#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <initializer_list>
#include <memory>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class CodeBuffer;
class GenTarget;
class ImmediatePolicy;
class InstSink;
class ISACatalogue;
class MCEnvironment;
class MemoryPlanner;
class RandomEngine;
class RegisterOracle;
class RegisterPolicy;
class VectorAccessPlanner;
class VectorUnit;
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
  /// Worst-case bytes one emit() of any prepared opcode appends: address
  /// materialisation (up to 8 instructions) and the instruction, twice for
  /// an SC (its loop, then itself) plus the loop's LR and branch.
  uint64_t maxFootprint() const { return MaxFootprint; }
  /// LR/SC need their partner opcodes' descriptions.
  void setCatalogue(const ISACatalogue *C) { Catalogue = C; }
  /// Bytes of one cache-block operation (-riscv-cbo-block-size).
  void setCacheBlockBytes(unsigned B) { CacheBlockBytes = B; }
  /// RVV opcodes (VSET* and vector operations) are prepared and emitted by
  /// the vector unit (Generator/VectorUnit.h); its loads and stores by a
  /// VectorAccessPlanner (Generator/VectorAccess.h) made here.
  void setVectorUnit(VectorUnit *V);
  VectorAccessPlanner *vectorAccess() const { return VectorMemory.get(); }

private:
  struct Recipe;
  const Recipe &recipe(const OpcodeDesc &Op) const;
  void emitPlain(const OpcodeDesc &Op, const Recipe &R, CodeBuffer &Out);
  void emitReservationLoop(const OpcodeDesc &LR, const OpcodeDesc &SC,
                           CodeBuffer &Out);
  llvm::Error checkReservationRegisters(const OpcodeDesc &LR,
                                        const OpcodeDesc &SC,
                                        const llvm::SourceMgr &SM,
                                        llvm::SMLoc Loc);
  /// A random candidate not in Avoid; written registers also avoid the
  /// memory planner's pinned ones when they can. 0 if none.
  std::vector<unsigned> askRegisterOracle(RegisterOracle &O,
                                          const OpcodeDesc &Op,
                                          const Recipe &R);
  unsigned pick(const std::vector<unsigned> &Candidates,
                std::initializer_list<unsigned> Avoid, bool Written);
  const ISACatalogue *Catalogue = nullptr;
  VectorUnit *Vector = nullptr;
  std::unique_ptr<VectorAccessPlanner> VectorMemory;
  unsigned CacheBlockBytes = 64;
  const MCEnvironment &Env;
  const GenTarget &Target;
  const RegisterPolicy &Registers;
  const ImmediatePolicy &Immediates;
  MemoryPlanner &Memory;
  RandomEngine &RNG;
  // Keyed by description, not opcode: FP control pseudo-instructions share
  // their CSR instruction's opcode but not its operand constraints.
  llvm::DenseMap<const OpcodeDesc *, unsigned> RecipeOf;
  // By opcode: the description RecipeOf last answered for and its recipe
  // (a look-up per instruction without hashing).
  mutable std::vector<std::pair<const OpcodeDesc *, unsigned>> RecipeHint;
  std::vector<Recipe> Recipes;
  uint64_t MemoryAccesses = 0;
  uint64_t MaxFootprint = 9 * 4;
};

} // namespace snipgen

#endif
