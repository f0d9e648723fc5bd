//===- Semantics.h - The contract between the model core and semantics -*- C++ -*-===//
//
// Instruction semantics are small flat functions ("handlers"), one per LLVM
// opcode, grouped by extension in lib/Model/RISCV/<Ext>.cpp. Each extension
// file exposes one `register<Ext>Semantics(SemanticTable &)` that maps LLVM
// opcode names ("ADD", "C_ADDI", "FADD_S", "AMOADD_W_AQRL") to handlers. The
// model resolves names to opcode numbers once, at creation, through
// MCInstrInfo, and stores the handler pointer in each decoded-instruction
// record, so executing an instruction is one indirect call.
//
// Availability is decided by the decoder: it is built for exactly the
// selected ISA features, so a handler never has to check whether its
// extension is enabled.
//
// Writing a handler
//   StepStatus handleADD(Hart &H, const Decoded &D) {
//     H.writeX(D.Ops[0], H.X[D.Ops[1]] + H.X[D.Ops[2]]);
//     return H.next(D);
//   }
// * D.Ops holds the MCInst operands in MCInst order: registers as their
//   hardware number (x5 -> 5, f3 -> 3; MCRegisterInfo::getEncodingValue),
//   immediates as decoded (already sign-extended and scaled the way the
//   disassembler prints them, e.g. branch offsets in bytes). Tied operands
//   appear twice (C_ADDI is rd, rd, imm).
//   Check the order with: llvm-mc -triple=riscv64 -mattr=... -show-inst.
// * Read every source you need, then write results through writeX/writeF/
//   store and the CSR helpers (they feed the observers and keep x0 at zero).
// * Finish with `return H.next(D)` (fall through) or `return H.jump(Target)`
//   (control transfer; checks target alignment). H.PC holds the address of
//   the executing instruction; never assign it directly.
// * On any exception return `H.raise(Cause, Tval)`; when a load/store helper
//   returns false the fault is already recorded: `return StepStatus::Raised`.
//   A handler that raises must not have changed architectural state.
//
// Register representation
// * X[i] holds XLEN bits; on RV32 values are kept SIGN-EXTENDED to 64 bits
//   (writeX does it), so signed and unsigned 64-bit compares give the RV32
//   answers. Addresses are masked to XLEN by the load/store helpers and
//   jump(). The public C interface returns X values truncated to XLEN.
// * F[i] holds the raw 64 register bits. A single (half) value is stored
//   NaN-boxed: upper 32 (48) bits all ones; producing and checking the boxing
//   is the F/D/Zfh handlers' job (helpers below).
//
// Ownership: the FP engineer owns F.cpp, D.cpp, Zfh.cpp and lib/Model/SoftFloat;
// everything else here is the model core.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_SEMANTICS_H
#define SNIPGEN_LIB_MODEL_RISCV_SEMANTICS_H

#include "Memory.h"
#include "V/VectorState.h"
#include "llvm/Support/Compiler.h"
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace snipgen::model {

class Hart;
struct Decoded;
class Machine;

/// What a handler reports back to the run loop.
enum class StepStatus : uint8_t {
  Retired = 0, // Completed; the next pc is PC + Size (return H.next(D)).
  Jumped = 1,  // Completed; H.PC holds the new pc (return H.jump(Target)).
  Raised = 2,  // It stopped early: H.Pending says why (an exception to take,
               // or a request to end the run such as a tohost write).
};

using Handler = StepStatus (*)(Hart &H, const Decoded &D);

/// Largest operand count of a real RISC-V instruction in LLVM 22 is 6.
inline constexpr unsigned MaxOperands = 6;

/// An operand of a decoded instruction: a register number or an immediate.
/// Kept in 32 bits, so that a Decoded slot is one 64-byte cache line (every
/// RISC-V operand fits; Decoder::decodeWithLLVM refuses any that does not);
/// reads give int64_t, so handlers compute in 64 bits.
struct Operand {
  int32_t V = 0;
  constexpr operator int64_t() const { return V; }
  constexpr Operand &operator=(int64_t X) {
    V = int32_t(X);
    return *this;
  }
  static constexpr bool fits(int64_t X) { return X == int64_t(int32_t(X)); }
};

/// One decoded instruction, cached per address: one 64-byte cache line
/// (straight-line code writes one slot per instruction it runs, so the size
/// is the memory traffic of decoding). The run loop follows Next for
/// straight-line code, so finding the next instruction does not wait for
/// the previous one to update the pc.
struct alignas(64) Decoded {
  Handler Fn = nullptr;
  uint32_t Encoding = 0; // Raw bits (16-bit forms zero-extended).
  uint32_t Opcode = 0;   // LLVM opcode number.
  uint8_t Size = 0;      // 2 or 4 bytes.
  uint8_t NumOps = 0;
  // Tier-up bookkeeping of the run loop (lib/Model/JIT), in what was
  // padding: how often the pc lookup landed here, and the compiled block
  // starting here (0: none). Handlers never read them.
  uint16_t Heat = 0;
  uint32_t JitBlock = 0;
  uint64_t PC = 0;               // Address of this slot (set by the cache).
  const Decoded *Next = nullptr; // Slot at PC + Size in the same page; null
                                 // makes the loop look the pc up (page end,
                                 // or where tier 2 wants to be asked).
  Operand Ops[MaxOperands] = {};
};
static_assert(sizeof(Decoded) == 64, "a decode slot is one cache line");

/// Synchronous exception causes (mcause values), privileged spec table 3.6.
enum class Cause : uint8_t {
  InstrMisaligned = 0,
  InstrAccessFault = 1,
  IllegalInstr = 2,
  Breakpoint = 3,
  LoadMisaligned = 4,
  LoadAccessFault = 5,
  StoreMisaligned = 6,
  StoreAccessFault = 7,
  EcallFromU = 8,
  EcallFromS = 9,
  EcallFromM = 11,
};

/// Why the current instruction did not simply retire.
struct Event {
  enum Kind : uint8_t {
    None,
    Exception,     // Take trap Code with Tval (or stop if mtvec is 0).
    HaltRetired,   // The instruction completed and the run must end
                   // (tohost write). The loop advances the pc itself.
    StopPC,        // Fetch reached the stop pc; nothing was executed.
  } What = None;
  Cause Code = Cause::IllegalInstr;
  uint64_t Tval = 0;
  // For the user-facing report of faults: what was accessed and why it failed.
  uint64_t Addr = 0;
  uint8_t AccessSize = 0;
  const char *Why = nullptr; // Static string, e.g. "outside every region".
  uint64_t ExitCode = 0;     // For HaltRetired.
};

/// Architectural effects of one instruction, recorded only while observers
/// are attached (Hart::Observed), and delivered after the instruction.
struct StepLog {
  // VReg: vector register Index was written (observers read its VLENB
  // bytes from the hart after the instruction; Value is unused).
  enum Kind : uint8_t { XReg, FReg, Csr, MemRead, MemWrite, VReg };
  struct Entry {
    Kind What;
    uint8_t Size;   // Memory access size.
    uint16_t Index; // Register number or CSR number.
    uint64_t Addr;
    uint64_t Value;
  };
  // Room for the largest vector instruction: 1024 element accesses (VLEN
  // 1024, e8, 8 registers' worth) plus its register writes. Only touched
  // while observers are attached; it sits at the end of the Hart so that
  // the scalar state stays together.
  static constexpr unsigned Capacity = MaxVLenBytes * 8 + 64;
  Entry Entries[Capacity];
  unsigned Count = 0;
  void add(Kind K, uint16_t Index, uint64_t Addr, uint64_t Value,
           uint8_t Size) {
    if (Count < Capacity)
      Entries[Count++] = {K, Size, Index, Addr, Value};
  }
};

/// CSR numbers the model core owns (FP handlers use the FRM/FFLAGS fields).
namespace csr {
inline constexpr uint16_t Fflags = 0x001, Frm = 0x002, Fcsr = 0x003;
// RVV 1.0 (Csr.cpp): vl, vtype, vlenb are read-only.
inline constexpr uint16_t Vstart = 0x008, Vxsat = 0x009, Vxrm = 0x00A,
                          Vcsr = 0x00F, Vl = 0xC20, Vtype = 0xC21,
                          Vlenb = 0xC22;
inline constexpr uint16_t Mstatus = 0x300, Misa = 0x301, Medeleg = 0x302,
                          Mideleg = 0x303, Mie = 0x304, Mtvec = 0x305,
                          Mcounteren = 0x306, Mstatush = 0x310,
                          Mscratch = 0x340, Mepc = 0x341, Mcause = 0x342,
                          Mtval = 0x343, Mip = 0x344;
inline constexpr uint16_t Cycle = 0xC00, Time = 0xC01, Instret = 0xC02,
                          CycleH = 0xC80, TimeH = 0xC81, InstretH = 0xC82,
                          Mcycle = 0xB00, Minstret = 0xB02, McycleH = 0xB80,
                          MinstretH = 0xB82;
inline constexpr uint16_t Mvendorid = 0xF11, Marchid = 0xF12, Mimpid = 0xF13,
                          Mhartid = 0xF14;
} // namespace csr

/// mstatus.FS (bits 14:13): 0 Off, 1 Initial, 2 Clean, 3 Dirty.
inline constexpr uint64_t MstatusFS = 3ull << 13;

/// fflags bits.
enum FFlag : uint8_t { FlagNX = 1, FlagUF = 2, FlagOF = 4, FlagDZ = 8, FlagNV = 16 };

/// The state of one hart plus the few machine pieces handlers touch.
class Hart {
public:
  // --- Architectural state -------------------------------------------------
  uint64_t PC = 0;
  uint64_t X[32] = {};
  uint64_t F[32] = {};
  uint8_t Frm = 0;    // fcsr[7:5]
  uint8_t Fflags = 0; // fcsr[4:0]
  uint64_t InstRet = 0; // Retired instructions since creation (raw count).
  // minstret/mcycle read as InstRet + adjustment (CSR writes set the latter;
  // one instruction is one cycle in this model).
  uint64_t InstretAdjust = 0, CycleAdjust = 0;
  // Machine-mode CSRs (see Csr.cpp for their read/write rules).
  uint64_t Mstatus = 0, Misa = 0, Mie = 0, Mip = 0, Mtvec = 0, Mscratch = 0,
           Mepc = 0, Mcause = 0, Mtval = 0, Medeleg = 0, Mideleg = 0,
           Mcounteren = 0, Mhartid = 0;

  // --- Configuration (constant during a run) -------------------------------
  unsigned XLen = 64;
  unsigned XShift = 0;        // 64 - XLEN: sign-extension shift for writeX.
  uint64_t AddrMask = ~0ull;  // XLEN-bit address space.
  uint64_t AlignCheck = ~0ull; // ANDed with (size-1): 0 when misaligned data
                               // accesses are allowed.
  uint64_t JumpAlignMask = 1; // Bits that must be clear in a jump target:
                              // 1 with C, 3 without.
  uint64_t CacheBlockBytes = 64; // Zicbom/Zicboz block (power of two).
  // Zfinx: FP values live in the X registers; fcsr exists without F, and
  // mstatus.FS is hardwired to 0 (it neither gates FP instructions nor
  // becomes Dirty). FSDirty is what FP state changes OR into mstatus:
  // MstatusFS normally, 0 with Zfinx.
  bool FloatInX = false;
  uint64_t FSDirty = 3ull << 13;

  // --- Run-time bookkeeping -------------------------------------------------
  Event Pending;             // Filled by raise() and failing memory helpers.
  bool Observed = false;     // Observers attached: record a StepLog
                             // (Log, at the end).
  bool ReservationValid = false; // LR/SC: the reserved naturally aligned
  uint64_t ReservationAddr = 0;  // block of ReservationSize bytes.
  unsigned ReservationSize = 0;
  AccessWindow LoadWindow, StoreWindow;
  Machine *Owner = nullptr;
  // The vector unit (V/VectorState.h); VLenB == 0 without V or Zve*.
  VectorState V;
  StepLog Log; // Effects of the current instruction, while Observed.

  // --- Integer registers ----------------------------------------------------
  void writeX(int64_t Rd, uint64_t Value) {
    Value = uint64_t(int64_t(Value << XShift) >> XShift);
    X[Rd] = Value;
    X[0] = 0;
    if (LLVM_UNLIKELY(Observed) && Rd != 0)
      Log.add(StepLog::XReg, uint16_t(Rd), 0, Value, 0);
  }
  /// XLEN-bit unsigned view of a register (RV32: upper half cleared).
  uint64_t xu(int64_t R) const { return X[R] & AddrMask; }
  /// Sign-extends V from XLEN bits.
  uint64_t sext(uint64_t V) const {
    return uint64_t(int64_t(V << XShift) >> XShift);
  }

  // --- Floating-point registers ---------------------------------------------
  void writeF(int64_t Rd, uint64_t Bits) {
    F[Rd] = Bits;
    Mstatus |= FSDirty; // FS = Dirty.
    if (LLVM_UNLIKELY(Observed))
      Log.add(StepLog::FReg, uint16_t(Rd), 0, Bits, 0);
  }
  /// NaN-boxes a 32-bit (16-bit) value for writeF.
  static uint64_t boxSingle(uint32_t Bits) { return 0xffffffff00000000ull | Bits; }
  static uint64_t boxHalf(uint16_t Bits) { return 0xffffffffffff0000ull | Bits; }
  /// Reads a boxed value; an improperly boxed register reads as the canonical
  /// NaN (spec 13.2).
  uint32_t singleOf(int64_t R) const {
    return (F[R] >> 32) == 0xffffffffu ? uint32_t(F[R]) : 0x7fc00000u;
  }
  uint16_t halfOf(int64_t R) const {
    return (F[R] >> 16) == 0xffffffffffffull ? uint16_t(F[R]) : 0x7e00u;
  }
  /// Whether mstatus.FS allows FP instructions (else: illegal instruction).
  bool fpEnabled() const { return (Mstatus & MstatusFS) != 0; }
  /// Resolves an instruction's rm operand (7 = dynamic -> frm). Returns -1
  /// for a reserved mode (5, 6, or frm holding 5..7): illegal instruction.
  int roundingMode(int64_t Rm) const {
    int Mode = Rm == 7 ? Frm : int(Rm);
    return Mode <= 4 ? Mode : -1;
  }
  /// ORs exception flags into fflags.
  void accrueFflags(unsigned Flags) {
    if (Flags == 0)
      return;
    Fflags |= uint8_t(Flags & 0x1f);
    Mstatus |= FSDirty;
    if (LLVM_UNLIKELY(Observed))
      Log.add(StepLog::Csr, csr::Fflags, 0, Fflags, 0);
  }

  // --- Control flow ---------------------------------------------------------
  // Never assign PC directly in a handler: the run loop tracks straight-line
  // code itself and only looks at PC after a Jumped status.
  /// Falls through to the next instruction (PC is left as it is; the loop
  /// advances it).
  StepStatus next(const Decoded &D) { return StepStatus::Retired; }
  /// Transfers control; a misaligned target raises instruction-address-
  /// misaligned with the target in mtval.
  StepStatus jump(uint64_t Target) {
    Target &= AddrMask;
    if (LLVM_UNLIKELY(Target & JumpAlignMask))
      return raise(Cause::InstrMisaligned, Target);
    PC = Target;
    return StepStatus::Jumped;
  }
  StepStatus raise(Cause C, uint64_t Tval, const char *Why = nullptr) {
    Pending.What = Event::Exception;
    Pending.Code = C;
    Pending.Tval = Tval;
    Pending.Why = Why;
    Pending.AccessSize = 0;
    return StepStatus::Raised;
  }

  // --- Memory ---------------------------------------------------------------
  // T is uint8_t/uint16_t/uint32_t/uint64_t. Returns false when the access
  // faulted (Pending is filled: return StepStatus::Raised) or, for stores,
  // when the store completed but ends the run (tohost) - same handling.
  template <typename T> bool load(uint64_t Addr, T &Value) {
    Addr &= AddrMask;
    uint64_t Off = Addr - LoadWindow.Base;
    if (LLVM_LIKELY(Off < LoadWindow.Limit &&
                    (Addr & (sizeof(T) - 1) & AlignCheck) == 0)) {
      std::memcpy(&Value, LoadWindow.Host + Off, sizeof(T));
      return true;
    }
    uint64_t Wide = 0;
    if (!loadSlow(Addr, sizeof(T), Wide, Access::Plain))
      return false;
    Value = T(Wide);
    return true;
  }
  template <typename T> bool store(uint64_t Addr, T Value) {
    Addr &= AddrMask;
    uint64_t Off = Addr - StoreWindow.Base;
    if (LLVM_LIKELY(Off < StoreWindow.Limit &&
                    (Addr & (sizeof(T) - 1) & AlignCheck) == 0)) {
      std::memcpy(StoreWindow.Host + Off, &Value, sizeof(T));
      return true;
    }
    return storeSlow(Addr, sizeof(T), uint64_t(Value), Access::Plain);
  }
  /// Accesses of LR/SC/AMOs: always need natural alignment (whatever the
  /// misaligned policy) and report store/AMO causes for AMOs, per the spec.
  enum class Access : uint8_t { Plain, Reserved, Amo };
  bool loadReserved(uint64_t Addr, unsigned Size, uint64_t &Value) {
    return loadSlow(Addr & AddrMask, Size, Value, Access::Reserved);
  }
  bool loadForAmo(uint64_t Addr, unsigned Size, uint64_t &Value) {
    return loadSlow(Addr & AddrMask, Size, Value, Access::Amo);
  }
  bool storeAtomic(uint64_t Addr, unsigned Size, uint64_t Value) {
    return storeSlow(Addr & AddrMask, Size, Value, Access::Amo);
  }

  // --- CSRs (Csr.cpp) -------------------------------------------------------
  /// Returns false if Num does not exist (the caller raises illegal).
  bool readCsr(uint16_t Num, uint64_t &Value);
  /// Writes with the CSR's WARL rules. Returns false if Num does not exist or
  /// is read-only.
  bool writeCsr(uint16_t Num, uint64_t Value);

  // Out-of-line slow paths (Memory.cpp).
  bool loadSlow(uint64_t Addr, unsigned Size, uint64_t &Value, Access K);
  bool storeSlow(uint64_t Addr, unsigned Size, uint64_t Value, Access K);
};

/// Name -> handler pairs, filled by the register*Semantics functions and
/// resolved to opcode numbers by the model at creation.
class SemanticTable {
public:
  struct Entry {
    std::string_view OpcodeName;
    Handler Fn;
  };
  void add(std::string_view OpcodeName, Handler Fn) {
    Entries.push_back({OpcodeName, Fn});
  }
  const std::vector<Entry> &entries() const { return Entries; }

private:
  std::vector<Entry> Entries;
};

// One registration function per extension file. Names given to add() must be
// LLVM opcode names (MCInstrInfo::getName) - the model reports unknown names
// as an internal error at creation, so typos cannot go unnoticed.
void registerIntegerSemantics(SemanticTable &T);   // I.cpp: RV32I/RV64I
void registerMulDivSemantics(SemanticTable &T);    // M.cpp
void registerAtomicSemantics(SemanticTable &T);    // A.cpp
void registerCompressedSemantics(SemanticTable &T); // C.cpp (integer C)
void registerSystemSemantics(SemanticTable &T);    // Zicsr.cpp: CSR*, ECALL,
                                                   // EBREAK, MRET, WFI,
                                                   // FENCE, FENCE_I
void registerBitManipSemantics(SemanticTable &T);  // Zb.cpp: Zba Zbb Zbc Zbs
void registerCondOpsSemantics(SemanticTable &T);   // Zicond.cpp
// Owned by the FP engineer (F.cpp, D.cpp, Zfh.cpp), including the FP loads/
// stores and compressed FP forms (C_FLD, C_FSDSP, ...):
void registerFloatSemantics(SemanticTable &T);
void registerDoubleSemantics(SemanticTable &T);
void registerHalfSemantics(SemanticTable &T);
// The manual's Z* extensions, one file (or a few files behind one function)
// each:
void registerScalarCryptoSemantics(SemanticTable &T); // Zk*.cpp: Zbkb Zbkc
                                                      // Zbkx Zknd Zkne Zknh
                                                      // Zksed Zksh
void registerAtomicExtSemantics(SemanticTable &T); // Zacas.cpp, Zabha.cpp
void registerZcbSemantics(SemanticTable &T);        // Zcb.cpp
void registerMayBeOpSemantics(SemanticTable &T);    // Zimop.cpp: Zimop Zcmop
void registerCacheBlockSemantics(SemanticTable &T); // Zicbo.cpp: Zicbom
                                                    // Zicbop Zicboz
void registerHintSemantics(SemanticTable &T);       // Zihint.cpp: Zihintntl
                                                    // Zihintpause
void registerSvinvalSemantics(SemanticTable &T);    // Svinval.cpp
void registerZfaSemantics(SemanticTable &T);        // Zfa.cpp
void registerZfinxSemantics(SemanticTable &T);      // Zfinx.cpp: Zfinx Zdinx
                                                    // Zhinx Zhinxmin
void registerZfbfminSemantics(SemanticTable &T);    // Zfbfmin.cpp
// RVV 1.0 and the vector Z* extensions (V/*.cpp, one file per class).
void registerVectorSemantics(SemanticTable &T);

/// Calls every register*Semantics above.
void registerAllSemantics(SemanticTable &T);
/// All but the vector extension's (thousands of opcodes): what a model
/// without V or Zve* can decode.
void registerScalarSemantics(SemanticTable &T);

} // namespace snipgen::model

#endif
