//===- RegisterPolicy.h - Which registers instructions may use --*- C++ -*-===//
//
// Decides the candidate registers of every operand of a primary instruction
// and whether ancillary instructions may touch a register. Defaults: the
// stack pointer is never used; x0 is never a destination or memory base
// (unless an operand allows nothing else, like the x0 of the FP CSR
// pseudo-instructions); the return address is never written when the
// snippet returns.
//
// Register reservation (register-reservation, --reserved-regs-list) plugs in
// through reserve(): R and W are hard (no instruction at all reads / writes
// the register: primary operands, address and initialisation code), SR and
// SW soft (primary instructions only). Reserving a register reserves every
// register that overlaps it (F4_D and F4_F, V1 and the groups V0M2, V0M4);
// for primary instructions also the first register of each group that
// contains a vector register (V5: V4 and V0, which name those groups in
// operands whose LMUL the MC layer does not know).
//
// The policy also carries what the registers hold: the planned initial
// values (registerInitRequest(), for -init-regs-in-elf) and the operand
// initialiser that runs around each primary instruction (operand values,
// NaN overwriting; Generator/OperandInit.h).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_REGISTERPOLICY_H
#define SNIPGEN_GENERATOR_REGISTERPOLICY_H

#include "snipgen/Target/Target.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/SmallVector.h"
#include <optional>
#include <vector>

namespace snipgen {

class MCEnvironment;
class OperandInitializer;
struct GeneratorConfig;
struct OpcodeDesc;

/// An outside chooser of primary registers (-reg-generator-plugin,
/// llvm-snippy's register plugin). For every plain primary instruction the
/// builder starts a session (begin()) and asks choose() for each register
/// operand in order, with the registers the operand may take (reservations
/// and pinned burst bases already removed). nullopt: the chooser rejected
/// the request; the builder starts the instruction's session again.
class RegisterOracle {
public:
  virtual ~RegisterOracle();
  virtual void begin() = 0;
  virtual std::optional<unsigned> choose(llvm::ArrayRef<unsigned> Allowed) = 0;
};

class RegisterPolicy {
public:
  RegisterPolicy(const MCEnvironment &Env, const GenTarget &Target,
                 const GeneratorConfig &Config);

  /// Registers operand Idx of Op may take in a primary instruction; empty if
  /// none is left after reservations.
  std::vector<unsigned> primaryCandidates(const OpcodeDesc &Op,
                                          unsigned Idx) const;

  /// Registers ancillary code may use as scratch or address registers
  /// (written and read back: hard R and W reservations both forbid it).
  bool ancillaryMayWrite(unsigned Reg) const;
  /// Registers primary instructions may read (an R or SR reservation
  /// forbids it).
  bool primaryMayRead(unsigned Reg) const { return !NoPrimaryRead.count(Reg); }
  /// Registers ancillary code may read (a hard R reservation forbids it).
  bool ancillaryMayRead(unsigned Reg) const {
    return !NoAncillaryRead.count(Reg);
  }

  /// Applies reservation bits (Config/ValueConfig.h ReservationBits) to Reg
  /// and every register overlapping it (for vector registers: the first
  /// registers of the groups that contain it).
  void reserve(unsigned Reg, unsigned Bits);

  /// Registers primary instructions must not read / write (beyond the
  /// defaults above). Reservation configuration fills these.
  void reserveForPrimaryRead(unsigned Reg) { NoPrimaryRead.insert(Reg); }
  void reserveForPrimaryWrite(unsigned Reg) { NoPrimaryWrite.insert(Reg); }
  void reserveForAncillaryWrite(unsigned Reg) { NoAncillaryWrite.insert(Reg); }
  /// True if any of the reservations above covers Reg.
  bool isReserved(unsigned Reg) const {
    return NoPrimaryRead.count(Reg) || NoPrimaryWrite.count(Reg) ||
           NoAncillaryWrite.count(Reg) || NoAncillaryRead.count(Reg);
  }

  /// The planned initial register values (index = register number); the
  /// -init-regs-in-elf code writes them.
  void setInitialValues(std::vector<uint64_t> X, std::vector<uint64_t> F,
                        unsigned FRM, unsigned FFlags,
                        std::vector<std::vector<uint8_t>> V = {});
  /// What the register initialisation code needs: the planned values and
  /// the hard reservations. Callers add their own Keep list.
  GenTarget::RegisterInitRequest registerInitRequest() const;
  /// -init-memory=runtime: memory the initialisation code fills first.
  void setMemoryFills(std::vector<GenTarget::RegisterInitRequest::MemoryFill> F) {
    MemoryFills = std::move(F);
  }
  /// -init-memory=loads: the initialisation code calls the memory-
  /// initialisation routine first; the registers the call and the routine
  /// use are known once that code is emitted.
  void setMemoryInitCall(bool On) { MemoryInitCall = On; }
  const GenTarget::RegisterInitRequest::InitCallRegisters &
  memoryInitCallRegisters() const {
    return InitCallRegs;
  }

  /// Chooses the registers of plain primary instructions; may be null.
  void setRegisterOracle(RegisterOracle *O) { Oracle = O; }
  RegisterOracle *registerOracle() const { return Oracle; }

  /// Runs around each primary instruction; may be null.
  void setOperandInitializer(OperandInitializer *I) { Operands = I; }
  OperandInitializer *operandInitializer() const { return Operands; }

  /// The register holding the stack pointer (default: the target's; 0 when
  /// none does, which makes the target's an ordinary register). Set before
  /// any primaryCandidates call (--redefine-sp, static stack).
  void setStackPointer(unsigned Reg) { SP = Reg; }
  unsigned stackPointer() const { return SP; }

  /// Registers no code may write for now (loop counters live in the current
  /// block, a return address the function keeps in place, ...). The
  /// control-flow generator sets them per block; register draws skip them.
  void setWriteExclusions(llvm::ArrayRef<unsigned> Regs) {
    WriteExclusions.assign(Regs.begin(), Regs.end());
  }
  llvm::ArrayRef<unsigned> writeExclusions() const { return WriteExclusions; }
  /// The exclusions themselves, for a caller that keeps looking at them.
  const llvm::SmallVector<unsigned, 8> &writeExclusionList() const {
    return WriteExclusions;
  }
  bool isWriteExcluded(unsigned Reg) const {
    return llvm::is_contained(WriteExclusions, Reg);
  }

private:
  void reserveOne(unsigned Reg, unsigned Bits, bool PrimaryOnly);

  const MCEnvironment &Env;
  const GenTarget &Target;
  unsigned Zero, SP, RA;
  bool PreserveRA;
  llvm::DenseSet<unsigned> NoPrimaryRead, NoPrimaryWrite, NoAncillaryWrite;
  llvm::DenseSet<unsigned> NoAncillaryRead;
  std::vector<uint64_t> InitialX, InitialF;
  std::vector<std::vector<uint8_t>> InitialV;
  std::optional<unsigned> InitialFRM, InitialFFlags;
  OperandInitializer *Operands = nullptr;
  RegisterOracle *Oracle = nullptr;
  llvm::SmallVector<unsigned, 8> WriteExclusions;
  std::vector<GenTarget::RegisterInitRequest::MemoryFill> MemoryFills;
  bool MemoryInitCall = false;
  mutable GenTarget::RegisterInitRequest::InitCallRegisters InitCallRegs;
};

} // namespace snipgen

#endif
