//===- MCEnvironment.h - LLVM MC objects for one subtarget ------*- C++ -*-===//
//
// Everything snipgen knows about instructions comes from LLVM's TableGen-made
// MC tables through these objects: instruction descriptions, registers, the
// code emitter (encoding), the disassembler (decoding and availability), and
// the instruction printer (disassembly text).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TARGET_MCENVIRONMENT_H
#define SNIPGEN_TARGET_MCENVIRONMENT_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/Support/Error.h"
#include "llvm/TargetParser/Triple.h"
#include <memory>
#include <string>

namespace llvm {
class Target;
class MCAsmInfo;
class MCCodeEmitter;
class MCContext;
class MCDisassembler;
class MCInstPrinter;
class MCInstrInfo;
class MCObjectFileInfo;
class MCRegisterInfo;
class MCSubtargetInfo;
class raw_ostream;
} // namespace llvm

namespace snipgen {

class OpcodeIndex;

/// What -mtriple/-mcpu/-march/-mattr/-mabi resolve to.
struct SubtargetSelection {
  llvm::Triple TheTriple;
  std::string CPU;
  std::string Features;  // LLVM feature string: "+m,+a,-c"
  std::string ABI;       // e.g. "lp64d"
  std::string ISAString; // canonical ISA string for .riscv.attributes
  unsigned XLen = 64;
};

class MCEnvironment {
public:
  static llvm::Expected<std::unique_ptr<MCEnvironment>>
  create(const SubtargetSelection &Sel);
  ~MCEnvironment();

  const SubtargetSelection &selection() const { return Sel; }
  const llvm::Triple &triple() const { return Sel.TheTriple; }
  const llvm::Target &target() const { return *TheTarget; }
  const llvm::MCInstrInfo &instrInfo() const { return *MII; }
  const llvm::MCRegisterInfo &regInfo() const { return *MRI; }
  const llvm::MCSubtargetInfo &subtargetInfo() const { return *STI; }
  const llvm::MCAsmInfo &asmInfo() const { return *MAI; }
  llvm::MCContext &context() const { return *Ctx; }
  const llvm::MCTargetOptions &targetOptions() const { return TargetOpts; }
  llvm::MCCodeEmitter &codeEmitter() const { return *Emitter; }
  const llvm::MCDisassembler &disassembler() const { return *Disasm; }
  llvm::MCInstPrinter &printer() const { return *Printer; }

  /// Register class ID of operand OpIdx of Opcode, resolving HwMode-dependent
  /// classes; -1 if the operand is not a register.
  int operandRegClass(unsigned Opcode, unsigned OpIdx) const;

  /// Encodes Inst, appending to Out. Instructions with fixups are not
  /// encodable here (returns false).
  bool encode(const llvm::MCInst &Inst, llvm::SmallVectorImpl<char> &Out) const;
  /// Decodes one instruction; returns its size or 0 when the bytes do not
  /// decode for this subtarget.
  unsigned decode(llvm::ArrayRef<uint8_t> Bytes, uint64_t Address,
                  llvm::MCInst &Out) const;
  /// LLVM register number by its TableGen name ("X10", "F3_D"); 0 if none.
  unsigned findRegister(llvm::StringRef Name) const;
  /// LLVM opcode number by name ("ADDI"); ~0u if none.
  unsigned findOpcode(llvm::StringRef Name) const;
  /// Register name as in TableGen ("X10").
  llvm::StringRef registerName(unsigned Reg) const;

  /// Disassembly text without aliases (e.g. "addi a0, a0, 1").
  std::string print(const llvm::MCInst &Inst, uint64_t Address = 0) const;

private:
  MCEnvironment() = default;
  SubtargetSelection Sel;
  const llvm::Target *TheTarget = nullptr;
  llvm::MCTargetOptions TargetOpts;
  std::unique_ptr<llvm::MCRegisterInfo> MRI;
  std::unique_ptr<llvm::MCAsmInfo> MAI;
  std::unique_ptr<llvm::MCInstrInfo> MII;
  std::unique_ptr<llvm::MCSubtargetInfo> STI;
  std::unique_ptr<llvm::MCObjectFileInfo> MOFI;
  std::unique_ptr<llvm::MCContext> Ctx;
  std::unique_ptr<llvm::MCCodeEmitter> Emitter;
  std::unique_ptr<llvm::MCDisassembler> Disasm;
  std::unique_ptr<llvm::MCInstPrinter> Printer;
  llvm::StringMap<unsigned> RegisterByName;
  std::unique_ptr<OpcodeIndex> Opcodes; // by name, without a hash map
};

/// Registers LLVM's targets once per process.
void initializeLLVMTargets();

} // namespace snipgen

#endif
