//===- ControlFlowTarget.h - Branches, calls, stack, ABI of a target -*- C++ -*-===//
//
// What the control-flow part of the generator needs from a target, beyond
// GenTarget: how histogram opcodes act (conditional branch, jump, call),
// the instruction sequences of every terminator form, loop-counter code,
// stack-slot loads and stores, and ABI register facts. Created per
// subtarget by GenTarget::createControlFlowTarget.
//
// Terminator forms: form 0 is the shortest; each later form reaches
// farther (e.g. RISC-V: BEQ; BNE over JAL; BNE over AUIPC+JALR). A form
// that cannot reach the target says so: offsets are never truncated.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TARGET_CONTROLFLOWTARGET_H
#define SNIPGEN_TARGET_CONTROLFLOWTARGET_H

#include "snipgen/Generator/Program.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCInst.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

class InstSink;
struct OpcodeDesc;

/// How a histogram opcode takes part in control flow.
enum class CFRole : uint8_t {
  None,         // not a control-flow opcode
  CondBranch,   // forward branch or loop latch
  Jump,         // unconditional, PC-relative: forward only
  IndirectJump, // unconditional through a register: forward only
  Call,         // a call when the function has callees, else a jump
  Unsupported,  // trap returns and the like
};

/// Caller-saved register groups of -preserve-caller-saved-regs.
enum class RegGroup : uint8_t { X, F, V };

class ControlFlowTarget {
public:
  virtual ~ControlFlowTarget();

  virtual CFRole classify(const OpcodeDesc &Op) const = 0;
  /// Why an Unsupported opcode cannot be generated.
  virtual std::string unsupportedReason(const OpcodeDesc &Op) const = 0;
  /// For a Call-role opcode: the role it takes when there is no callee
  /// (Jump or IndirectJump).
  virtual CFRole roleWithoutCallee(const OpcodeDesc &Op) const = 0;

  /// Instructions of form Form of terminator T when its target lies
  /// Distance bytes from the first byte of the sequence. False when this
  /// form cannot reach (or does not exist for T). Calls: the target is the
  /// callee's first byte. ExternalCall has no forms (it is relocated).
  virtual bool buildTerminator(const Terminator &T, unsigned Form,
                               int64_t Distance,
                               llvm::SmallVectorImpl<llvm::MCInst> &Out) const = 0;
  static constexpr unsigned NumForms = 3;
  /// code-layout over more than the farthest form reaches (RISC-V: RV64
  /// ranges more than 2 GiB apart): T to the absolute address To, built in
  /// T's register (its scratch; a call's link register) and jumped
  /// through. False when T has no such form (no register).
  virtual bool buildAbsoluteTerminator(const Terminator & /*T*/,
                                       uint64_t /*To*/,
                                       llvm::SmallVectorImpl<llvm::MCInst> &
                                       /*Out*/) const {
    return false;
  }
  /// The most bytes buildAbsoluteTerminator(T, To) takes for any To (0: T
  /// has no such form).
  virtual uint64_t absoluteTerminatorMaxBytes(const Terminator & /*T*/) const {
    return 0;
  }
  /// Size in bytes of the relocated call sequence of an external call.
  virtual unsigned externalCallSize() const = 0;
  /// Assembly for a call of Symbol whose target the linker resolves.
  virtual std::string externalCallAsm(llvm::StringRef Symbol) const = 0;

  /// Loop counter: Counter = Iterations before the first iteration.
  virtual void emitCounterInit(unsigned Counter, uint64_t Iterations,
                               bool Compressed, InstSink &Out) const = 0;
  /// True if the compressed counter logic can use Counter.
  virtual bool canCompressCounter(unsigned Counter) const = 0;
  /// NOPs filling exactly Bytes (a multiple of minInstrSize()).
  virtual void emitNops(uint64_t Bytes, InstSink &Out) const = 0;
  virtual unsigned minInstrSize() const = 0;
  /// Return through the ABI's return-address register.
  llvm::MCInst returnInstr() const { return returnThrough(returnAddress()); }
  /// Return through Link (-redefine-ra / -randomize-ra).
  virtual llvm::MCInst returnThrough(unsigned Link) const = 0;
  /// The ABI's return-address register (RISC-V: ra, x1).
  virtual unsigned returnAddress() const = 0;
  /// Candidates of --redefine-ra=any before the run's exclusions (RISC-V:
  /// every integer register but x0).
  virtual std::vector<unsigned> returnAddressCandidates() const = 0;
  /// True if call opcode Opcode can only link through the ABI's register
  /// (RISC-V: C.JAL and C.JALR write ra implicitly).
  virtual bool linksOnlyThroughABI(unsigned Opcode) const = 0;

  // Stack frames.
  /// Bytes a register takes in a stack slot (0: cannot be spilled).
  virtual unsigned slotSize(unsigned Reg) const = 0;
  virtual void emitStore(unsigned Reg, unsigned Base, int64_t Offset,
                         InstSink &Out) const = 0;
  virtual void emitLoad(unsigned Reg, unsigned Base, int64_t Offset,
                        InstSink &Out) const = 0;
  /// Dst = Src + Imm (a frame adjustment; large ones take several
  /// instructions).
  virtual void emitAddImm(unsigned Dst, unsigned Src, int64_t Imm,
                          InstSink &Out) const = 0;
  virtual unsigned stackAlignment() const = 0;

  // Vector registers. They are saved as one block of consecutive slots
  // (slotSize() each) through an address register, by whole-register stores
  // that work whatever the vector configuration is.
  virtual bool isVectorRegister(unsigned /*Reg*/) const { return false; }
  /// Stores (Save) or reloads Regs, slot k at Base + Offset + k * slotSize,
  /// clobbering only Scratch (a GPR).
  virtual void emitVectorBlock(llvm::ArrayRef<unsigned> /*Regs*/,
                               unsigned /*Base*/, int64_t /*Offset*/,
                               unsigned /*Scratch*/, bool /*Save*/,
                               InstSink &) const {}
  /// Bytes of the vector unit state the ABI does not preserve across calls
  /// (RISC-V: vl, vtype, vcsr) and of a spare slot the restore needs.
  virtual unsigned vectorStateBytes() const { return 0; }
  /// Saves that state at Base + Offset (clobbers Scratch) / restores it
  /// (clobbers Scratch only: a second register goes through the spare slot).
  virtual void emitVectorStateSave(unsigned /*Base*/, int64_t /*Offset*/,
                                   unsigned /*Scratch*/, InstSink &) const {}
  virtual void emitVectorStateRestore(unsigned /*Base*/, int64_t /*Offset*/,
                                      unsigned /*Scratch*/,
                                      InstSink &) const {}

  // ABI facts.
  virtual std::vector<unsigned> calleeSavedRegs() const = 0;
  virtual std::vector<unsigned> callerSavedRegs(RegGroup G) const = 0;
  /// Registers external code expects untouched (RISC-V: gp, tp).
  virtual std::vector<unsigned> globalStateRegs() const = 0;
  /// Candidates of --redefine-sp=any (RISC-V: no x0, ra or t1).
  virtual std::vector<unsigned> stackPointerCandidates() const = 0;
  /// A register by the name users write ("X7", "x7"); 0 if none.
  virtual unsigned parseRegister(llvm::StringRef Name) const = 0;
  virtual std::string registerName(unsigned Reg) const = 0;
};

} // namespace snipgen

#endif
