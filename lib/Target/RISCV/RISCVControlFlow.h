//===- RISCVControlFlow.h - RISC-V ControlFlowTarget ------------*- C++ -*-===//
//
// Branch, jump and call forms are in RISCVControlFlow.cpp; loop counters,
// NOPs, stack slots and ABI register facts in RISCVStackABI.cpp.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_TARGET_RISCV_RISCVCONTROLFLOW_H
#define SNIPGEN_LIB_TARGET_RISCV_RISCVCONTROLFLOW_H

#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/DenseMap.h"
#include <initializer_list>

namespace snipgen {

class ISACatalogue;

class RISCVControlFlow final : public ControlFlowTarget {
public:
  RISCVControlFlow(const MCEnvironment &Env, const ISACatalogue &Cat);

  CFRole classify(const OpcodeDesc &Op) const override;
  std::string unsupportedReason(const OpcodeDesc &Op) const override;
  CFRole roleWithoutCallee(const OpcodeDesc &Op) const override;
  bool buildTerminator(const Terminator &T, unsigned Form, int64_t Distance,
                       llvm::SmallVectorImpl<llvm::MCInst> &Out) const override;
  bool buildAbsoluteTerminator(
      const Terminator &T, uint64_t To,
      llvm::SmallVectorImpl<llvm::MCInst> &Out) const override;
  uint64_t absoluteTerminatorMaxBytes(const Terminator &T) const override;
  unsigned externalCallSize() const override;
  std::string externalCallAsm(llvm::StringRef Symbol) const override;

  void emitCounterInit(unsigned Counter, uint64_t Iterations, bool Compressed,
                       InstSink &Out) const override;
  bool canCompressCounter(unsigned Counter) const override;
  void emitNops(uint64_t Bytes, InstSink &Out) const override;
  unsigned minInstrSize() const override { return HasC ? 2 : 4; }
  llvm::MCInst returnThrough(unsigned Link) const override;
  unsigned returnAddress() const override { return RA; }
  std::vector<unsigned> returnAddressCandidates() const override;
  bool linksOnlyThroughABI(unsigned Opcode) const override;

  unsigned slotSize(unsigned Reg) const override;
  void emitStore(unsigned Reg, unsigned Base, int64_t Offset,
                 InstSink &Out) const override;
  void emitLoad(unsigned Reg, unsigned Base, int64_t Offset,
                InstSink &Out) const override;
  void emitAddImm(unsigned Dst, unsigned Src, int64_t Imm,
                  InstSink &Out) const override;
  unsigned stackAlignment() const override { return 16; }
  bool isVectorRegister(unsigned Reg) const override;
  void emitVectorBlock(llvm::ArrayRef<unsigned> Regs, unsigned Base,
                       int64_t Offset, unsigned Scratch, bool Save,
                       InstSink &Out) const override;
  unsigned vectorStateBytes() const override { return VLenB ? 4 * XLen / 8 : 0; }
  void emitVectorStateSave(unsigned Base, int64_t Offset, unsigned Scratch,
                           InstSink &Out) const override;
  void emitVectorStateRestore(unsigned Base, int64_t Offset, unsigned Scratch,
                              InstSink &Out) const override;

  std::vector<unsigned> calleeSavedRegs() const override;
  std::vector<unsigned> callerSavedRegs(RegGroup G) const override;
  std::vector<unsigned> globalStateRegs() const override;
  std::vector<unsigned> stackPointerCandidates() const override;
  unsigned parseRegister(llvm::StringRef Name) const override;
  std::string registerName(unsigned Reg) const override;

private:
  unsigned op(llvm::StringRef Name) const;
  const OpcodeDesc *desc(llvm::StringRef Name) const;
  bool reaches(unsigned Opcode, int64_t Offset) const;
  unsigned size(unsigned Opcode) const;
  llvm::MCInst make(llvm::StringRef Name,
                    std::initializer_list<llvm::MCOperand> Ops) const;
  llvm::MCInst make(unsigned Opcode,
                    std::initializer_list<llvm::MCOperand> Ops) const;
  /// buildTerminator's forms, and with AbsTo the absolute form (AbsForm).
  static constexpr unsigned AbsForm = NumForms;
  bool build(const Terminator &T, unsigned Form, int64_t Distance,
             const uint64_t *AbsTo,
             llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  bool farJump(unsigned T, unsigned Link, int64_t Distance,
               llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  bool absoluteJump(unsigned T, unsigned Link, uint64_t To,
                    llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  bool compressedIndirect(llvm::StringRef Name, unsigned T, int64_t Distance,
                          llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  bool directJump(unsigned Form, bool AllowCJ, unsigned Link, unsigned Scratch,
                  int64_t Distance, const uint64_t *AbsTo,
                  llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  bool conditional(const llvm::MCInst &Branch, unsigned Form, unsigned Scratch,
                   int64_t Distance, const uint64_t *AbsTo,
                   llvm::SmallVectorImpl<llvm::MCInst> &Out) const;
  llvm::MCInst counterDecrement(unsigned Counter, bool Compressed) const;
  unsigned xReg(unsigned N) const;
  unsigned fReg(unsigned N) const;
  bool isFPR(unsigned Reg) const;

  const MCEnvironment &Env;
  const ISACatalogue &Cat;
  unsigned Zero = 0, RA = 0, XLen = 64;
  unsigned VLenB = 0; // bytes of a vector register; 0: no vector unit
  bool HasC = false;
  // Opcode numbers of the forms, looked up once (terminators are rebuilt
  // in every relaxation round).
  struct {
    unsigned LUI, ADDIW, SLLI;
    unsigned JAL, JALR, AUIPC, ADDI, C_J, C_JAL, C_JR, C_JALR, C_ADDI, C_BNEZ,
        BNE;
  } Op;
  llvm::DenseMap<unsigned, unsigned> Inverse; // branch -> inverted branch
};

} // namespace snipgen

#endif
