//===- OperandInit.h - Operand values before primary instructions -*- C++ -*-===//
//
// The value features that run before each primary instruction, combined in
// one OperandInitializer (ValueInitializer), in this order:
//   1. NaN overwriting (fpu-config overwrite; Generator/FPUOverwrite.h):
//      FP inputs considered NaN get a value from the overwrite valuegrams;
//   2. operand values: --valuegram-operands-regs or operands-reinitialization
//      (never both): the instruction's initialisable operands get values;
//   3. WriteFRM/WriteFCSR keep frm valid: their source register gets a valid
//      value unless step 2 set it (Generator/FPControl.h).
// Later steps win: values the layout asks for explicitly are never
// overwritten.
//
// Initialisable operands (llvm-snippy's rule): register inputs of the X and
// F classes that are not tied to another operand, not the memory base
// (addresses are never initialised) and not fixed to x0, in operand order.
// A register used twice is written once (its first operand's value).
// Registers a hard W reservation protects are left alone.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_OPERANDINIT_H
#define SNIPGEN_GENERATOR_OPERANDINIT_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Generator/OperandInitializer.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/DenseMap.h"
#include <memory>
#include <optional>
#include <vector>

namespace snipgen {

class FPUOverwrite;
class InstSink;
class OpcodeHistogram;
class RegisterPolicy;
class WarningEngine;

/// One initialisable operand of an opcode.
struct InitOperand {
  unsigned OpIdx = 0;
  GenTarget::RegisterFacts::Kind K = GenTarget::RegisterFacts::GPR;
  unsigned Bits = 0; // width of the value (XLEN, or the FP precision)
};

/// With Outputs (-valuegram-operands-regs-init-outputs), the register
/// outputs of the X and F classes follow the inputs.
std::vector<InitOperand> initialisableOperands(const OpcodeDesc &Op,
                                               const MCEnvironment &Env,
                                               const GenTarget &Target,
                                               bool Outputs = false);

/// Writes values into registers for ancillary code: GPRs directly, FPRs
/// through scratch GPRs that are neither operands of the instruction nor
/// protected by hard reservations.
class RegisterWriter {
public:
  RegisterWriter(const MCEnvironment &Env, const GenTarget &Target,
                 const RegisterPolicy &Registers);
  const GenTarget::RegisterFacts &facts(unsigned Reg) const;
  /// False for x0, registers ancillary code may not write, and registers
  /// the subtarget cannot write arbitrary values into.
  bool canWrite(unsigned Reg) const;
  /// Emits Reg = Value (the register's width) unless no scratch register is
  /// free; Avoid are the instruction's registers. Appends what it wrote.
  bool write(unsigned Reg, uint64_t Value, const llvm::MCInst &Avoid,
             InstSink &Out, llvm::SmallVectorImpl<unsigned> &Written);
  const MCEnvironment &env() const { return Env; }
  const GenTarget &target() const { return Target; }

private:
  const MCEnvironment &Env;
  const GenTarget &Target;
  const RegisterPolicy &Registers;
  std::vector<unsigned> GPRs; // scratch candidates, preferred first
  mutable llvm::DenseMap<unsigned, GenTarget::RegisterFacts> Facts;
};

/// Where operand values come from (step 2).
class OperandValueSource {
public:
  virtual ~OperandValueSource();
  virtual llvm::Error prepare(const OpcodeDesc &Op,
                              llvm::ArrayRef<InitOperand> Operands) = 0;
  /// True if the values also go to the X/F inputs of vector arithmetic
  /// (--valuegram-operands-regs; operands-reinitialization does not).
  virtual bool forVectorOpcodes() const { return false; }
  /// True if, after prepare, Op's operands may get values at all.
  virtual bool covers(const OpcodeDesc &Op) const { return true; }
  /// One value per operand (nullopt: leave that operand alone); the
  /// registers are those of Inst.
  virtual void draw(const OpcodeDesc &Op, llvm::ArrayRef<InitOperand> Operands,
                    const llvm::MCInst &Inst, RandomEngine &RNG,
                    llvm::SmallVectorImpl<std::optional<uint64_t>> &Values) = 0;
};

/// --valuegram-operands-regs: `registers` values by register, `histograms`
/// valuegrams by register class.
std::unique_ptr<OperandValueSource>
createRegisterFileValueSource(const RegisterValueSource &File,
                              const MCEnvironment &Env, const GenTarget &Target);

/// operands-reinitialization. Warns (inconsistent-options) about regexes
/// that match no histogram opcode.
llvm::Expected<std::unique_ptr<OperandValueSource>>
createReinitValueSource(llvm::ArrayRef<OperandsReinitSource> Sources,
                        const llvm::SourceMgr &SM,
                        const OpcodeHistogram &Histogram,
                        WarningEngine &Warnings);

class ValueInitializer final : public OperandInitializer {
public:
  ValueInitializer(const MCEnvironment &Env, const GenTarget &Target,
                   const RegisterPolicy &Registers);
  ~ValueInitializer() override;
  void setOperandValues(std::unique_ptr<OperandValueSource> S);
  void setFPUOverwrite(std::unique_ptr<FPUOverwrite> F);
  /// True when nothing would ever be emitted (no feature configured and no
  /// FP control pseudo-instruction in the histogram).
  bool idle() const { return !Values && !FPU && !GuardsFRM; }
  void setGuardsFRM(bool G) { GuardsFRM = G; }
  /// -valuegram-operands-regs-init-outputs: destination registers get
  /// values too (after the inputs; a register that is both keeps the input's).
  void setInitOutputs(bool O) { InitOutputs = O; }

  llvm::Error prepare(const OpcodeDesc &Op) override;
  llvm::Error prepareVector(const OpcodeDesc &Op) override;
  bool initialises(const OpcodeDesc &Op, unsigned OpIdx) const override;
  void beforePrimary(const OpcodeDesc &Op, const llvm::MCInst &Inst,
                     CodeBuffer &Out, RandomEngine &RNG,
                     llvm::SmallVectorImpl<unsigned> &Written) override;
  void afterPrimary(const OpcodeDesc &Op, const llvm::MCInst &Inst) override;

private:
  struct PerOpcode {
    std::vector<InitOperand> Operands;
    llvm::SmallVector<unsigned, 4> Initialised; // operand indices
    bool Vector = false; // prepareVector: operand values only
  };
  RegisterWriter Writer;
  std::unique_ptr<OperandValueSource> Values;
  std::unique_ptr<FPUOverwrite> FPU;
  bool GuardsFRM = false;
  bool InitOutputs = false;
  llvm::DenseMap<const OpcodeDesc *, PerOpcode> Prepared;
  llvm::SmallVector<std::optional<uint64_t>, 4> Scratch;
};

} // namespace snipgen

#endif
