//===- OperandInitializer.h - Code around each primary instruction -*- C++ -*-===//
//
// The seam through which value features reach primary instructions: the
// instruction builder calls beforePrimary() once the instruction's
// registers, immediates and address are final (the base register is already
// set up) and afterPrimary() once it is emitted. beforePrimary() may emit
// ancillary instructions that set the instruction's input registers
// (--valuegram-operands-regs, operands-reinitialization, NaN overwriting).
// It never writes the memory base, and it reports every register it wrote
// so that the memory planner stops trusting what it knew about them.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_OPERANDINITIALIZER_H
#define SNIPGEN_GENERATOR_OPERANDINITIALIZER_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"

namespace snipgen {

class CodeBuffer;
class RandomEngine;
struct OpcodeDesc;

class OperandInitializer {
public:
  virtual ~OperandInitializer();
  /// Checks once per opcode that the configuration fits it (e.g. the number
  /// of operand values); errors point at the configuration.
  virtual llvm::Error prepare(const OpcodeDesc &Op) = 0;
  /// The same for an RVV opcode that is no load, store or VSET*: only
  /// --valuegram-operands-regs gives its X/F inputs values (the manual:
  /// operands-reinitialization is not supported with RVV, and vector
  /// registers are not initialised).
  virtual llvm::Error prepareVector(const OpcodeDesc &Op) {
    return llvm::Error::success();
  }
  /// True if operand OpIdx of a prepared Op may be given a value (its
  /// register should then be one ancillary code can write, not x0).
  virtual bool initialises(const OpcodeDesc &Op, unsigned OpIdx) const {
    return false;
  }
  /// Emits ancillary code before Inst and appends the registers it wrote
  /// to Written.
  virtual void beforePrimary(const OpcodeDesc &Op, const llvm::MCInst &Inst,
                             CodeBuffer &Out, RandomEngine &RNG,
                             llvm::SmallVectorImpl<unsigned> &Written) = 0;
  /// Inst has been emitted.
  virtual void afterPrimary(const OpcodeDesc &Op, const llvm::MCInst &Inst) {}
};

} // namespace snipgen

#endif
