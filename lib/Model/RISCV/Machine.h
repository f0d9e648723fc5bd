//===- Machine.h - The built-in RISC-V model: one hart + memory -*- C++ -*-===//
//
// Machine owns the hart, the memory regions, the LLVM decoder and the decode
// cache, and runs the fetch-execute loop. The C interface (ModelAPI.cpp) is a
// thin shell around it.
//
// The run loop's contract:
// * An instruction at the stop pc is not executed: the run ends before it.
// * A handler either retires (pc already advanced) or raises an Event.
//   Exceptions go to mtvec when it is non-zero (mepc/mcause/mtval set, as in
//   machine mode); with mtvec == 0 they end the run with a report, except
//   EBREAK (a normal end, SNIPGEN_STEP_EBREAK) and `ecall` with a7 == 93 (the
//   Linux exit syscall, so that ELFs written for qemu-user end cleanly: exit
//   code a0).
// * A store to tohost of an odd value completes, retires, and ends the run.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_MACHINE_H
#define SNIPGEN_LIB_MODEL_RISCV_MACHINE_H

#include "JIT/JITOptions.h"
#include "Semantics.h"
#include "snipgen/Model/ModelAPI.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <type_traits>
#include <string>
#include <vector>

namespace llvm {
class MCInst;
}

namespace snipgen::model {

inline constexpr uint64_t CodePageBytes = 4096;

/// The decode cache of one 4 KiB code page. Pages are recycled: at most
/// MachineConfig::DecodeCachePages exist at once (see refillFetch).
///
/// Slots are initialised lazily: a page is 128 KiB of slots but a run
/// usually uses only the slots it executes, so taking a page clears a 256-byte
/// bitmap instead of writing every slot. A slot whose Valid bit is clear holds
/// garbage; a valid slot is either undecoded (Fn = decodeOnMiss) or decoded.
/// Invariant: the slot at PC + Size of every decoded slot in the same page is
/// valid, so the run loop (D->Next) and tier 2 (the successor by address) only
/// ever see valid slots; a pc lookup validates its slot (slotAt).
struct DecodedPage {
  static constexpr unsigned NumSlots = CodePageBytes / 2;
  union {
    Decoded Slots[NumSlots]; // Uninitialised where Valid says so.
  };
  uint64_t Valid[NumSlots / 64];
  Region *Owner = nullptr; // Region::CodePages[Index] holds this page.
  uint64_t Index = 0;
  uint64_t Base = 0;       // Guest address of Slots[0].
  bool Referenced = false; // Second-chance bit of the eviction clock.
  bool Probation = false;  // Recycled first (Machine::takePage).
  uint64_t Taken = 0;      // When it was taken (FIFO order of probation).

  DecodedPage() {} // Leaves Slots alone: see clear().
  /// Every slot invalid; the page covers [PageBase, +4 KiB).
  void clear(uint64_t PageBase) {
    Base = PageBase;
    for (uint64_t &W : Valid)
      W = 0;
  }
  bool isValid(unsigned I) const { return Valid[I / 64] >> (I % 64) & 1; }
  /// Slot I, made valid (undecoded) if it was not.
  Decoded &slot(unsigned I) {
    if (LLVM_UNLIKELY(!isValid(I)))
      initSlot(I);
    return Slots[I];
  }
  inline void initSlot(unsigned I);
};
static_assert(std::is_trivially_destructible_v<Decoded>,
              "decode slots are never destroyed one by one");

struct MachineConfig {
  unsigned XLen = 0; // 0: from the ISA string.
  std::string Isa = "rv64gc";
  struct RegionSpec {
    uint64_t Base = 0, Size = 0;
    uint8_t Rights = 0;
    std::string Name;
  };
  std::vector<RegionSpec> Regions;
  bool AllowMisaligned = true;
  uint64_t HartId = 0;
  // Cache block size of Zicbom/Zicboz (cbo.*): a power of two, 8..4096.
  unsigned CacheBlockBytes = 64;
  // RVV: write all ones into tail/mask-agnostic elements (VectorState::
  // AgnosticOnes) instead of leaving them undisturbed.
  bool VectorAgnosticOnes = false;
  JITOptions JIT = JITOptions::fromEnvironment(); // Tier 2 (lib/Model/JIT).
  // Decode-cache pages held at once (each covers 4 KiB of code and takes
  // 128 KiB): straight-line code runs once, so a long snippet must not
  // keep a decoded copy of all of itself. New pages are recycled first,
  // pages that code comes back to by a clock (Machine::takePage); at least 2.
  unsigned DecodeCachePages = 64;
};

class Decoder; // MC disassembler + opcode -> handler table (Decoder.cpp).
class JITEngine; // Tier 2: compiled hot blocks (JIT/JITEngine.h).

class Machine {
public:
  static llvm::Expected<std::unique_ptr<Machine>>
  create(const MachineConfig &Config);
  ~Machine();

  Hart H;

  void reset();
  /// snipgen_step_result of one instruction.
  int step();
  /// Runs until a stop reason or MaxSteps attempts. AllowJIT = false keeps
  /// the run in the interpreter (single steps).
  int run(uint64_t MaxSteps, uint64_t *Retired, bool AllowJIT = true);

  void setStopPC(uint64_t PC, bool Enabled);
  uint64_t stopPC() const { return StopPC; }
  void setToHost(uint64_t Addr, bool Enabled);
  void setObserver(const snipgen_model_observer *Obs);
  const snipgen_model_stop_info &stopInfo() const { return Stop; }

  /// Debugger access (ignores rights). False if not inside one region.
  bool readMemory(uint64_t Addr, void *Data, uint64_t Size);
  bool writeMemory(uint64_t Addr, const void *Data, uint64_t Size);

  /// Text of the instruction at pc (empty if it cannot be fetched/decoded).
  std::string disassemble(uint64_t PC);
  unsigned xlen() const { return H.XLen; }
  bool hasExtension(char Letter) const {
    return Letter >= 'a' && Letter <= 'z' && (H.Misa >> (Letter - 'a')) & 1;
  }

  // --- Used by the Hart's slow paths and the decode-on-miss handler ---------
  Region *findRegion(uint64_t Addr, uint64_t Len);
  void installWindows(Region &R, uint64_t Addr, bool ForStore);
  void clearWindows() {
    H.LoadWindow.clear();
    H.StoreWindow.clear();
  }
  void invalidateCode(uint64_t Addr, uint64_t Len);
  void flushCode();
  /// Decodes the instruction at H.PC into Slot (handler or illegal).
  /// Returns false on a fetch fault (H.Pending filled, Slot untouched).
  bool decodeInto(Decoded &Slot, uint64_t PC);
  /// Decodes the undecoded slots after From (decoded, in the fetch page)
  /// along straight-line code: up to DecodeAheadSlots, stopping at the page
  /// end, a decoded slot, the stop pc, an illegal encoding or a control
  /// transfer (Decoder::endsStraightRun).
  void decodeAhead(const Decoded &From);
  static constexpr unsigned DecodeAheadSlots = 64;
  bool toHostHit(uint64_t Addr, unsigned Size) const {
    return ToHostEnabled && Addr < ToHost + 8 && ToHost < Addr + Size;
  }
  bool handleToHostStore();
  Decoder &decoder() { return *Dec; }
  /// Tier 2, or null when disabled.
  JITEngine *jit() { return Jit.get(); }
  /// Decode-cache statistics: pages allocated, instructions decoded.
  size_t decodePages() const { return Pages.size(); }
  uint64_t decodes() const { return Decodes; }
  /// The current fetch page's slot of PC, or null if PC is outside it or
  /// its slot is not valid yet (slots are initialised lazily): the run
  /// loop's lookup handles those.
  Decoded *fetchSlot(uint64_t PC) {
    if (PC - FetchBase >= FetchSize)
      return nullptr;
    unsigned I = unsigned((PC - FetchBase) >> 1);
    return FetchPage->isValid(I) ? &FetchSlots[I] : nullptr;
  }
  /// One past the last slot of the current fetch page.
  const Decoded *fetchPageEnd() const {
    return FetchSlots + CodePageBytes / 2;
  }

private:
  Machine() = default;
  static constexpr uint64_t NoStopPC = ~0ull; // Odd: never a valid pc.

  template <bool Observed>
  int runLoop(uint64_t MaxSteps, uint64_t *Retired, JITEngine *Tier);
  /// Locates the decode page of PC (allocating it); false on fetch fault.
  bool refillFetch(uint64_t PC);
  /// A blank page for (R, Index): a new one, or the clock's victim recycled.
  DecodedPage *takePage(Region &R, uint64_t Index);
  void evictPage(DecodedPage &P);
  /// Handles a Raised step; returns -1 to keep running or a result code.
  int finishEvent(const Decoded &D, uint64_t PC, bool Observed);
  int fetchFault(uint64_t PC, bool Observed);
  /// decodeInto in region R (executable, holding PC): false, with nothing
  /// raised, if the instruction crosses the region's end.
  bool decodeAt(Decoded &Slot, uint64_t PC, Region &R);
  /// The same, given the decode page P of PC.
  bool decodeAt(Decoded &Slot, uint64_t PC, Region &R, DecodedPage &P);
  int stopWith(int Result, uint64_t PC, uint32_t Encoding);
  void takeTrap(uint64_t PC);
  void deliverLog(uint64_t PC, const Decoded &D);
  void describeFault(std::string &Msg, uint64_t PC, uint32_t Encoding);

  std::unique_ptr<Decoder> Dec;
  std::vector<Region> Regions; // Sorted by base, disjoint.
  uint64_t StopPC = NoStopPC;
  uint64_t ToHost = 0;
  bool ToHostEnabled = false;
  // Current fetch page: the decode cache slots covering [FetchBase, +4K).
  uint64_t FetchBase = 0;
  uint64_t FetchSize = 0; // 0: no page yet, every pc misses.
  Decoded *FetchSlots = nullptr;
  DecodedPage *FetchPage = nullptr;
  Region *FetchRegion = nullptr;
  // Every decode page (owned here; regions point at them), and the hand of
  // the eviction clock over them.
  std::vector<std::unique_ptr<DecodedPage>> Pages;
  size_t ClockHand = 0;
  // Pages recycled from probation lately (Region, index): taken again, they
  // are protected. A ring of DecodeCachePages entries.
  std::vector<std::pair<Region *, uint64_t>> Ghosts;
  size_t NextGhost = 0;
  uint64_t PagesTaken = 0;
  uint64_t Decodes = 0;
  snipgen_model_observer Obs = {};
  snipgen_model_stop_info Stop = {};
  std::string StopMessage;
  MachineConfig Config;
  // Declared after Regions: destroyed first, while the decode pages its
  // blocks point into still exist.
  std::unique_ptr<JITEngine> Jit;
  friend class MachineBuilder;
};

/// The handler stored in every empty decode-cache slot.
StepStatus decodeOnMiss(Hart &H, const Decoded &D);
/// Handler for encodings that do not decode or have no semantics.
StepStatus illegalInstruction(Hart &H, const Decoded &D);

inline void DecodedPage::initSlot(unsigned I) {
  Decoded &S = Slots[I];
  S.Fn = decodeOnMiss;
  S.PC = Base + 2 * I;
  S.Heat = 0;
  S.JitBlock = 0;
  S.Next = nullptr;
  Valid[I / 64] |= uint64_t(1) << (I % 64);
}

} // namespace snipgen::model

#endif
