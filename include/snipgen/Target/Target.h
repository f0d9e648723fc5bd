//===- Target.h - The target interface of the generator ---------*- C++ -*-===//
//
// One abstract interface for everything target-specific the generator needs
// (subtarget selection, value and address materialisation, access sizes,
// special registers, the last instruction), found through a registry by
// triple. Per-target code lives in its own folder (lib/Target/RISCV/ now).
// Instruction facts LLVM knows (encodings, operands, register names) are not
// here: they come from the ISA catalogue.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TARGET_TARGET_H
#define SNIPGEN_TARGET_TARGET_H

#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

class OptionTable;
class RandomEngine;
class WarningEngine;
struct OpcodeDesc;

/// Where ancillary and primary instructions go, in order.
class InstSink {
public:
  virtual ~InstSink();
  virtual void emit(const llvm::MCInst &Inst) = 0;
};

/// The user's choice of instruction ending the snippet (-last-instr).
enum class LastInstrKind { Trap, Return, None };

class GenTarget {
public:
  virtual ~GenTarget();
  virtual llvm::StringRef name() const = 0;
  virtual bool matches(const llvm::Triple &T) const = 0;

  /// Resolves -mtriple/-mcpu/-march/-mattr/-mabi.
  virtual llvm::Expected<SubtargetSelection>
  selectSubtarget(const OptionTable &Opts, WarningEngine &Warnings) const = 0;

  /// False for opcodes that must not even be probed for this subtarget
  /// (e.g. vendor extensions that are not enabled: their encoders may crash
  /// on arbitrary operands).
  virtual bool shouldProbe(llvm::StringRef OpcodeName,
                           const SubtargetSelection &Sel) const = 0;

  /// Bytes touched by one access of a load/store/AMO opcode; 0 if unknown.
  virtual unsigned accessSize(llvm::StringRef OpcodeName) const = 0;

  /// Required alignment of an access (atomics are always naturally aligned).
  virtual unsigned accessAlignment(const OpcodeDesc &Op) const = 0;

  /// Emits instructions that leave exactly Value in Reg.
  virtual void materializeValue(const MCEnvironment &Env, unsigned Reg,
                                uint64_t Value, InstSink &Out) const = 0;

  /// Emits code giving every general-purpose and floating-point register a
  /// random value (and randomising FP control state), for -init-regs-in-elf.
  /// The stack pointer is left alone, and the return address too when the
  /// snippet ends with a return.
  struct RegisterInitRequest {
    bool PreserveReturnAddress = false;
  };
  virtual void emitRegisterInitialization(const MCEnvironment &Env,
                                          RandomEngine &RNG,
                                          const RegisterInitRequest &Req,
                                          InstSink &Out) const = 0;

  /// Registers with a fixed role (LLVM register numbers).
  virtual unsigned zeroRegister(const MCEnvironment &Env) const = 0;
  virtual unsigned stackPointer(const MCEnvironment &Env) const = 0;
  virtual unsigned returnAddress(const MCEnvironment &Env) const = 0;
  /// General-purpose registers usable for addresses and values, in
  /// encoding order (x1..x31 on RISC-V; the zero register excluded).
  virtual std::vector<unsigned> addressRegisters(const MCEnvironment &Env) const = 0;
  /// True if Op may change the program counter (branches, jumps, calls,
  /// returns, trap returns).
  virtual bool isControlFlow(const OpcodeDesc &Op) const = 0;

  /// Stack-pointer-relative opcodes (C_LWSP, ...), which need a stack.
  virtual bool isStackPointerRelative(const OpcodeDesc &Op,
                                      const MCEnvironment &Env) const = 0;

  /// The instruction for -last-instr; nullopt for an empty last-instr.
  virtual llvm::Expected<std::optional<llvm::MCInst>>
  lastInstruction(const MCEnvironment &Env, llvm::StringRef Spec) const = 0;

  /// Assembly directives (parsed by LLVM's asm parser into the object
  /// streamer) that describe the subtarget in the ELF, e.g. .attribute.
  virtual std::string objectAttributesAsm(const SubtargetSelection &Sel) const = 0;

  /// Finds the target for a triple; nullptr if none.
  static const GenTarget *lookup(const llvm::Triple &T);
  static void registerTarget(std::unique_ptr<GenTarget> T);
};

/// Registers the built-in targets (called once by the driver).
void registerBuiltinTargets();

} // namespace snipgen

#endif
