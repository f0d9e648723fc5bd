//===- RISCVTarget.h - RISC-V implementation of GenTarget -------*- C++ -*-===//
#ifndef SNIPGEN_LIB_TARGET_RISCV_RISCVTARGET_H
#define SNIPGEN_LIB_TARGET_RISCV_RISCVTARGET_H

#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include <initializer_list>

namespace llvm {
class MCSubtargetInfo;
}

namespace snipgen {

/// An instruction of the opcode LLVM names Name, with these operands (the
/// RISC-V target's ancillary code sequences).
inline llvm::MCInst makeInst(const MCEnvironment &Env, llvm::StringRef Name,
                             std::initializer_list<llvm::MCOperand> Ops) {
  llvm::MCInst I;
  I.setOpcode(Env.findOpcode(Name));
  for (const llvm::MCOperand &O : Ops)
    I.addOperand(O);
  return I;
}

/// VLEN in bits: the largest zvl<N>b of the subtarget, at least 128 (as the
/// model and QEMU choose); 0 without a vector unit (zve32x).
unsigned riscvVLen(const llvm::MCSubtargetInfo &STI);

class RISCVTarget final : public GenTarget {
public:
  llvm::StringRef name() const override { return "RISC-V"; }
  bool matches(const llvm::Triple &T) const override { return T.isRISCV(); }
  llvm::Expected<SubtargetSelection>
  selectSubtarget(const OptionTable &Opts, WarningEngine &Warnings) const override;
  std::string whyNotGenerated(const OpcodeDesc &Op) const override;
  ReservationRole reservationRole(const OpcodeDesc &Op) const override;
  bool isCacheBlockOp(const OpcodeDesc &Op) const override;
  std::vector<std::string>
  reservationPartners(llvm::StringRef Name) const override;
  void emitRetryBranch(const MCEnvironment &Env, unsigned Status,
                       int64_t BackBytes, InstSink &Out) const override;
  bool shouldProbe(llvm::StringRef OpcodeName,
                   const SubtargetSelection &Sel) const override;
  unsigned accessSize(llvm::StringRef OpcodeName) const override;
  unsigned accessAlignment(const OpcodeDesc &Op) const override;
  void materializeValue(const MCEnvironment &Env, unsigned Reg, uint64_t Value,
                        InstSink &Out) const override;
  unsigned materializationCost(const MCEnvironment &Env,
                               uint64_t Value) const override;
  std::pair<int64_t, int64_t> addImmediateRange() const override {
    return {-2048, 2047};
  }
  void emitAddImmediate(const MCEnvironment &Env, unsigned Dst, unsigned Src,
                        int64_t Imm, InstSink &Out) const override;
  void emitAdd(const MCEnvironment &Env, unsigned Dst, unsigned Src1,
               unsigned Src2, InstSink &Out) const override;
  void emitRegisterInitialization(const MCEnvironment &Env, RandomEngine &RNG,
                                  const RegisterInitRequest &Req,
                                  InstSink &Out) const override;
  /// -init-memory=runtime: the fill loops (RISCVMemoryFill.cpp); Regs are
  /// five GPRs the register initialisation writes afterwards.
  void emitMemoryFills(const MCEnvironment &Env,
                       llvm::ArrayRef<RegisterInitRequest::MemoryFill> Fills,
                       llvm::ArrayRef<unsigned> Regs, InstSink &Out) const;
  void emitMemoryInitCall(const MCEnvironment &Env, unsigned Link,
                          int64_t Distance, InstSink &Out) const override;
  void emitMemoryInitRoutine(const MCEnvironment &Env,
                             llvm::ArrayRef<std::pair<uint64_t, uint8_t>> Bytes,
                             unsigned Link, unsigned Base, unsigned Value,
                             InstSink &Out) const override;
  RegisterFacts describeRegister(const MCEnvironment &Env,
                                 unsigned Reg) const override;
  void emitVectorValues(const MCEnvironment &Env,
                        const RegisterInitRequest &Req,
                        llvm::ArrayRef<unsigned> Scratch, InstSink &Out) const;
  std::vector<unsigned> nameableRegisters(const MCEnvironment &Env) const override;
  int writeRegisterScratchCount(const MCEnvironment &Env,
                                unsigned Reg) const override;
  void writeRegister(const MCEnvironment &Env, unsigned Reg, uint64_t Value,
                     llvm::ArrayRef<unsigned> Scratch,
                     InstSink &Out) const override;
  unsigned zeroRegister(const MCEnvironment &Env) const override;
  unsigned stackPointer(const MCEnvironment &Env) const override;
  unsigned returnAddress(const MCEnvironment &Env) const override;
  std::vector<unsigned> addressRegisters(const MCEnvironment &Env) const override;
  bool isControlFlow(const OpcodeDesc &Op) const override;
  bool isStackPointerRelative(const OpcodeDesc &Op,
                              const MCEnvironment &Env) const override;
  llvm::Expected<std::optional<llvm::MCInst>>
  lastInstruction(const MCEnvironment &Env, llvm::StringRef Spec) const override;
  std::string objectAttributesAsm(const SubtargetSelection &Sel) const override;
  std::unique_ptr<ControlFlowTarget>
  createControlFlowTarget(const MCEnvironment &Env,
                          const ISACatalogue &Cat) const override;
};

/// Access size in bytes of a RISC-V load/store/AMO opcode, 0 if unknown
/// (RISCVAccessSizes.cpp: the one table of access sizes).
unsigned riscvAccessSize(llvm::StringRef OpcodeName);
/// True for opcodes that must be naturally aligned: LR/SC, AMOs and the
/// Zalasr load-acquire/store-release forms (RISCVAccessSizes.cpp).
bool riscvIsAtomicAccess(llvm::StringRef OpcodeName);

/// Sequence of (opcode name, imm) steps to build Value in a register, for
/// RV32 or RV64 (RISCVMaterialize.cpp). Exposed for unit tests.
struct MaterializeStep {
  enum Kind { LUI, ADDI, ADDIW, SLLI } Op;
  bool FromZero; // ADDI from x0 instead of from the register itself
  int64_t Imm;
};
std::vector<MaterializeStep> riscvMaterializeSteps(uint64_t Value, unsigned XLen);

} // namespace snipgen

#endif
