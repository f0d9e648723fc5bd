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
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace snipgen {

class ControlFlowTarget;
class ISACatalogue;
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
  /// Load-reserved / store-conditional opcodes (RISC-V LR_* / SC_*), which
  /// the builder only emits in forms whose outcome is the same on every
  /// conforming implementation (InstructionBuilder.h).
  enum class ReservationRole { None, LoadReserved, StoreConditional };
  virtual ReservationRole reservationRole(const OpcodeDesc &) const {
    return ReservationRole::None;
  }
  /// The opcode name that pairs with an LR or SC in a retry loop: the other
  /// kind, same access size and, where it exists, same ordering bits.
  virtual std::vector<std::string>
  reservationPartners(llvm::StringRef) const { return {}; }
  /// Emits the retry branch that closes a reservation loop: back by
  /// BackBytes while Status is not zero.
  virtual void emitRetryBranch(const MCEnvironment &, unsigned /*Status*/,
                               int64_t /*BackBytes*/, InstSink &) const {}
  /// Cache-block operations (RISC-V CBO.CLEAN/FLUSH/INVAL/ZERO): memory
  /// accesses of one whole, aligned cache block, whose size is an option.
  virtual bool isCacheBlockOp(const OpcodeDesc &) const { return false; }
  /// Why snipgen refuses to generate an available opcode at all (e.g. it
  /// needs an extension the model does not implement); empty if it does not.
  virtual std::string whyNotGenerated(const OpcodeDesc &) const { return {}; }

  /// Alignment the ISA itself requires of an access: natural for atomics
  /// (LR/SC/AMO), 1 for ordinary loads and stores (memory schemes and
  /// --riscv-disable-misaligned-access may ask for more).
  virtual unsigned accessAlignment(const OpcodeDesc &Op) const = 0;

  /// Emits instructions that leave exactly Value in Reg.
  virtual void materializeValue(const MCEnvironment &Env, unsigned Reg,
                                uint64_t Value, InstSink &Out) const = 0;
  /// How many instructions materializeValue emits for Value.
  virtual unsigned materializationCost(const MCEnvironment &Env,
                                       uint64_t Value) const = 0;
  /// The immediates of the register + immediate add (RISC-V: ADDI).
  virtual std::pair<int64_t, int64_t> addImmediateRange() const = 0;
  /// Emits Dst = Src + Imm (Imm within addImmediateRange()).
  virtual void emitAddImmediate(const MCEnvironment &Env, unsigned Dst,
                                unsigned Src, int64_t Imm,
                                InstSink &Out) const = 0;
  /// Emits Dst = Src1 + Src2 (XLEN-bit, wrapping).
  virtual void emitAdd(const MCEnvironment &Env, unsigned Dst, unsigned Src1,
                       unsigned Src2, InstSink &Out) const = 0;

  /// Emits code giving every general-purpose and floating-point register a
  /// random value (and randomising FP control state), for -init-regs-in-elf.
  /// The stack pointer is left alone, and the return address too when the
  /// snippet ends with a return.
  struct RegisterInitRequest {
    bool PreserveReturnAddress = false;
    /// General-purpose registers left untouched too (a redefined stack
    /// pointer, gp/tp under -honor-target-abi).
    std::vector<unsigned> Keep;
    /// The planned initial values (index = register number: x0..x31,
    /// f0..f31, FLEN wide); empty: random values from RNG.
    std::vector<uint64_t> XValues, FValues;
    /// Rounding mode and accrued flags to write; random when absent.
    std::optional<unsigned> FRM, FFlags;
    /// Planned vector register contents (v0..v31, VLEN/8 bytes each, from a
    /// `reg-type: V` valuegram); empty: the vector unit's own
    /// initialisation (random) stands.
    std::vector<std::vector<uint8_t>> VValues;
    /// Hard reservations (register-reservation R/W): registers the code
    /// must not write, and registers it must not read (scratch choice).
    std::function<bool(unsigned Reg)> MayWrite, MayRead;
    /// -init-memory=runtime: before any register is set, fill each range
    /// with the SplitMix32 words of its seed (Support/SplitMix32.h), using
    /// only registers this initialisation writes afterwards. VMA and Size
    /// are multiples of 4; the target needs a 32-bit multiply (M or Zmmul).
    struct MemoryFill {
      uint64_t VMA = 0, Size = 0;
      uint32_t Seed = 0;
    };
    std::vector<MemoryFill> MemoryFills;
    /// -init-memory=loads|loads-with-addresses: before any register is set,
    /// a call of the memory-initialisation routine, which is placed after
    /// generation (Generator/MemoryInitRoutine.h): emitMemoryInitCall with
    /// distance 0, patched then. The target picks three GPRs this
    /// initialisation writes afterwards (Link, Base, Value) and reports
    /// them through InitCallRegs.
    bool MemoryInitCall = false;
    struct InitCallRegisters {
      unsigned Link = 0, Base = 0, Value = 0;
    };
    InitCallRegisters *InitCallRegs = nullptr;
  };
  /// The call of the memory-initialisation routine: links through Link and
  /// reaches Distance bytes from its first instruction. Always the same
  /// size for a Link, whatever the distance (it is patched in place).
  virtual void emitMemoryInitCall(const MCEnvironment &Env, unsigned Link,
                                  int64_t Distance, InstSink &Out) const = 0;
  /// The body of the memory-initialisation routine: stores each byte of
  /// Bytes (address and value, ascending addresses) with naturally aligned
  /// stores as wide as the runs allow, using only Base and Value, then
  /// returns through Link.
  virtual void
  emitMemoryInitRoutine(const MCEnvironment &Env,
                        llvm::ArrayRef<std::pair<uint64_t, uint8_t>> Bytes,
                        unsigned Link, unsigned Base, unsigned Value,
                        InstSink &Out) const = 0;
  virtual void emitRegisterInitialization(const MCEnvironment &Env,
                                          RandomEngine &RNG,
                                          const RegisterInitRequest &Req,
                                          InstSink &Out) const = 0;

  /// What a register is, for reservations and value initialisation.
  struct RegisterFacts {
    enum Kind : uint8_t { Other, GPR, FPR, Vector };
    Kind K = Other;
    unsigned Index = 0; // x5, F5_D, V5 -> 5
    unsigned Bits = 0;  // GPR: XLEN; FPR: the precision named (16/32/64);
                        // vector: VLEN
  };
  virtual RegisterFacts describeRegister(const MCEnvironment &Env,
                                         unsigned Reg) const = 0;
  /// The registers a layout may name (register-reservation), in the
  /// manual's naming and order (RISC-V: X0-X31, F0_H..F31_D, V0-V31).
  virtual std::vector<unsigned> nameableRegisters(const MCEnvironment &Env) const = 0;
  /// Number of scratch GPRs writeRegister needs for Reg; -1 if this
  /// subtarget cannot write an arbitrary value into Reg.
  virtual int writeRegisterScratchCount(const MCEnvironment &Env,
                                        unsigned Reg) const = 0;
  /// Emits code leaving Value (the low RegisterFacts::Bits) in Reg, a GPR or
  /// an FPR of any precision (FP values are NaN-boxed as the precision
  /// requires); FP values pass through the GPRs in Scratch.
  virtual void writeRegister(const MCEnvironment &Env, unsigned Reg,
                             uint64_t Value, llvm::ArrayRef<unsigned> Scratch,
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

  /// Branches, calls, loop counters, stack slots and ABI facts of the
  /// subtarget (Target/ControlFlowTarget.h).
  virtual std::unique_ptr<ControlFlowTarget>
  createControlFlowTarget(const MCEnvironment &Env,
                          const ISACatalogue &Cat) const = 0;

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
