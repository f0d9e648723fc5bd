//===- Machine.cpp - Creation, run loop and trap delivery -----------------===//
#include "Machine.h"
#include "Decoder.h"
#include "JIT/JITEngine.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <sys/mman.h>

using namespace llvm;

namespace snipgen::model {

static Error modelError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

Expected<std::unique_ptr<Machine>> Machine::create(const MachineConfig &Cfg) {
  auto Dec = Decoder::create(Cfg.Isa, Cfg.XLen);
  if (!Dec)
    return Dec.takeError();
  if (Cfg.CacheBlockBytes < 8 || Cfg.CacheBlockBytes > 4096 ||
      (Cfg.CacheBlockBytes & (Cfg.CacheBlockBytes - 1)))
    return modelError("cache block size " + Twine(Cfg.CacheBlockBytes) +
                      " is not a power of two between 8 and 4096 bytes");
  std::unique_ptr<Machine> M(new Machine());
  M->Config = Cfg;
  M->Dec = std::move(*Dec);
  M->Dec->useTemplateCache(); // Learned templates from earlier runs.

  std::vector<MachineConfig::RegionSpec> Specs = Cfg.Regions;
  std::sort(Specs.begin(), Specs.end(),
            [](const auto &A, const auto &B) { return A.Base < B.Base; });
  unsigned XLen = M->Dec->xlen();
  uint64_t AddrLimit = XLen == 64 ? ~0ull : 0xffffffffull;
  for (size_t I = 0; I < Specs.size(); ++I) {
    const auto &S = Specs[I];
    std::string Name = S.Name.empty() ? "region " + utohexstr(S.Base, true) : S.Name;
    if (S.Size == 0)
      return modelError("memory region '" + Name + "' has size 0");
    if (S.Base > AddrLimit || S.Size - 1 > AddrLimit - S.Base)
      return modelError("memory region '" + Name + "' [0x" +
                        utohexstr(S.Base, true) + ", +0x" + utohexstr(S.Size, true) +
                        ") does not fit in the " + Twine(XLen) +
                        "-bit address space");
    if (I > 0 && Specs[I - 1].Base + Specs[I - 1].Size > S.Base)
      return modelError("memory regions '" +
                        (Specs[I - 1].Name.empty() ? "region " + utohexstr(Specs[I - 1].Base, true) : Specs[I - 1].Name) +
                        "' and '" + Name + "' overlap");
    void *Host = mmap(nullptr, S.Size, PROT_READ | PROT_WRITE,
                      MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (Host == MAP_FAILED)
      return modelError("cannot reserve 0x" + utohexstr(S.Size, true) +
                        " bytes of host memory for region '" + Name + "'");
    Region R;
    R.Base = S.Base;
    R.Size = S.Size;
    R.Rights = S.Rights;
    R.Name = Name;
    R.Host = static_cast<uint8_t *>(Host);
    if (S.Rights & RightExec)
      R.CodePages.resize((S.Size + CodePageBytes - 1) / CodePageBytes);
    M->Regions.push_back(std::move(R));
  }
  M->Ghosts.assign(std::max(2u, Cfg.DecodeCachePages), {nullptr, 0});
  M->reset();
  if (Cfg.JIT.Enabled)
    M->Jit = std::make_unique<JITEngine>(*M, Cfg.JIT);
  return M;
}

Machine::~Machine() {
  for (Region &R : Regions)
    munmap(R.Host, R.Size);
}

void Machine::reset() {
  Hart &S = H;
  S.PC = 0;
  std::fill(std::begin(S.X), std::end(S.X), 0);
  std::fill(std::begin(S.F), std::end(S.F), 0);
  S.Frm = 0;
  S.Fflags = 0;
  S.XLen = Dec->xlen();
  S.XShift = 64 - S.XLen;
  S.AddrMask = S.XLen == 64 ? ~0ull : 0xffffffffull;
  S.AlignCheck = Config.AllowMisaligned ? 0 : ~0ull;
  S.CacheBlockBytes = Config.CacheBlockBytes;
  S.JumpAlignMask = Dec->hasCompressed() ? 1 : 3;
  uint64_t Mxl = S.XLen == 64 ? 2 : 1;
  S.Misa = (Mxl << (S.XLen - 2)) | Dec->misaExtensions();
  // Machine mode only: MPP reads as M. FP starts enabled (FS = Initial) so
  // that snippets need no start-up code.
  S.Mstatus = 3ull << 11;
  if (Dec->hasFloat())
    S.Mstatus |= 1ull << 13;
  S.FloatInX = Dec->hasFloatInX();
  S.FSDirty = S.FloatInX ? 0 : MstatusFS;
  // The vector unit starts as QEMU user mode starts it: VS = Initial,
  // vtype.vill set, vl = vstart = 0, vxrm = vxsat = 0, registers zero.
  VectorState &V = S.V;
  V.VLenB = Dec->vlen() / 8;
  V.ELen = Dec->elen();
  V.ELenFp = Dec->elenFp();
  V.AgnosticOnes = Config.VectorAgnosticOnes;
  V.VL = V.VStart = 0;
  V.Vxrm = V.Vxsat = 0;
  V.setVType(1ull << (S.XLen - 1), S.XLen);
  std::fill(std::begin(V.Bytes), std::end(V.Bytes), 0);
  if (V.VLenB)
    S.Mstatus |= 1ull << 9;
  S.Mie = S.Mip = S.Mtvec = S.Mscratch = S.Mepc = S.Mcause = S.Mtval = 0;
  S.Medeleg = S.Mideleg = S.Mcounteren = 0;
  S.Mhartid = Config.HartId;
  S.Pending = Event();
  // Counters restart from 0 (InstRet itself counts since creation).
  S.InstretAdjust = S.CycleAdjust = 0 - S.InstRet;
  S.ReservationValid = false;
  S.Owner = this;
  clearWindows();
  Stop = {};
}

void Machine::setToHost(uint64_t Addr, bool Enabled) {
  ToHost = Addr;
  ToHostEnabled = Enabled;
  clearWindows(); // Windows must not cover tohost.
}

void Machine::setObserver(const snipgen_model_observer *O) {
  Obs = O ? *O : snipgen_model_observer{};
  H.Observed = O && (Obs.on_reg_write || Obs.on_mem_access ||
                     Obs.on_retire || Obs.on_trap);
  // Observed accesses take the slow path, which records them.
  clearWindows();
}

bool Machine::refillFetch(uint64_t PC) {
  Region *R = findRegion(PC, 2);
  if (!R || !(R->Rights & RightExec) || (PC & 1))
    return false;
  uint64_t Page = (PC - R->Base) / CodePageBytes;
  DecodedPage *P = R->CodePages[Page];
  if (!P)
    P = takePage(*R, Page);
  else if (P->Probation && P != FetchPage)
    P->Probation = false; // Entered again: code that is coming back.
  P->Referenced = true;
  FetchBase = R->Base + Page * CodePageBytes;
  FetchSize = std::min(CodePageBytes, R->Base + R->Size - FetchBase);
  FetchSlots = P->Slots;
  FetchPage = P;
  FetchRegion = R;
  return true;
}

// Replacement. Straight-line code enters each page once and never comes
// back, while loops and calls come back; recycling the oldest page (a
// clock over all of them) would make a long snippet cycle through every
// page's 128 KiB of slots, which by then have left the caches. So pages start
// on probation (a FIFO of ProbationPages): straight-line code recycles those
// few, still cached, pages. A page entered again while on probation, or
// taken again soon after it was recycled from probation (a loop longer than
// the FIFO: its page ids are remembered in Ghosts), is protected; protected
// pages are recycled by a second-chance clock.
DecodedPage *Machine::takePage(Region &R, uint64_t Index) {
  DecodedPage *P = nullptr;
  size_t Limit = std::max(2u, Config.DecodeCachePages);
  size_t ProbationLimit = std::clamp<size_t>(Limit / 8, 1, 4);
  bool Ghost = false;
  for (const auto &G : Ghosts)
    if (G.first == &R && G.second == Index)
      Ghost = true;
  size_t OnProbation = 0;
  for (const auto &Q : Pages)
    OnProbation += Q->Probation;
  size_t Protected = Pages.size() - OnProbation;
  // Recycle from the new page's class when it is full (a fresh page costs
  // the kernel's page faults), else from the other one.
  bool FromProbation = Ghost ? Protected < Limit - ProbationLimit
                             : OnProbation >= ProbationLimit;
  if (Pages.size() < Limit && FromProbation == Ghost) {
    Pages.push_back(std::make_unique<DecodedPage>());
    P = Pages.back().get();
  } else {
    // Called only between instructions, when the run loop holds no slot;
    // the page being left is kept.
    auto Oldest = [&]() -> DecodedPage * {
      DecodedPage *Best = nullptr;
      for (const auto &Q : Pages)
        if (Q->Probation && Q.get() != FetchPage &&
            (!Best || Q->Taken < Best->Taken))
          Best = Q.get();
      return Best;
    };
    auto Clock = [&]() -> DecodedPage * {
      // Second chance: pages entered since the hand last passed are kept.
      for (size_t Step = 0; Step < 2 * Pages.size(); ++Step) {
        DecodedPage &C = *Pages[ClockHand];
        ClockHand = (ClockHand + 1) % Pages.size();
        if (C.Probation || &C == FetchPage)
          continue;
        if (C.Referenced) {
          C.Referenced = false;
          continue;
        }
        return &C;
      }
      return nullptr;
    };
    P = FromProbation ? Oldest() : Clock();
    if (!P)
      P = FromProbation ? Clock() : Oldest();
    if (P) {
      if (P->Probation && P->Owner) {
        Ghosts[NextGhost] = {P->Owner, P->Index};
        NextGhost = (NextGhost + 1) % Ghosts.size();
      }
      evictPage(*P);
    } else {
      // Only the fetch page could go: below the limit, so take a new one
      // (at the limit there are two pages at least, one not the fetch page).
      assert(Pages.size() < Limit && "no page to recycle");
      Pages.push_back(std::make_unique<DecodedPage>());
      P = Pages.back().get();
    }
  }
  // Reusing the memory of an evicted page (rather than freeing it and
  // allocating afresh) saves the kernel zeroing 128 KiB per page; the slots
  // themselves are initialised when first used (DecodedPage).
  P->clear(R.Base + Index * CodePageBytes);
  P->Owner = &R;
  P->Index = Index;
  P->Referenced = false;
  P->Probation = !Ghost;
  P->Taken = ++PagesTaken;
  R.CodePages[Index] = P;
  return P;
}

void Machine::evictPage(DecodedPage &P) {
  if (!P.Owner)
    return;
  uint64_t PageBase = P.Owner->Base + P.Index * CodePageBytes;
  // Compiled blocks never leave their page, but their bookkeeping points
  // into it: drop them (and any block over the page's bytes).
  if (Jit)
    Jit->forgetPage(PageBase, CodePageBytes, P.Slots,
                    P.Slots + CodePageBytes / 2);
  P.Owner->CodePages[P.Index] = nullptr;
  if (FetchSlots == P.Slots) {
    FetchSlots = nullptr;
    FetchPage = nullptr;
    FetchSize = 0;
  }
  P.Owner = nullptr;
}

void Machine::setStopPC(uint64_t PC, bool Enabled) {
  // The stop pc is checked when its (never cached) slot is fetched, so the
  // loop needs no per-instruction compare.
  if (StopPC != NoStopPC)
    invalidateCode(StopPC, 2);
  StopPC = Enabled ? PC : NoStopPC;
  if (StopPC != NoStopPC)
    invalidateCode(StopPC, 2);
}

StepStatus decodeOnMiss(Hart &H, const Decoded &D) {
  if (LLVM_UNLIKELY(H.PC == H.Owner->stopPC())) {
    H.Pending.What = Event::StopPC;
    return StepStatus::Raised;
  }
  Decoded &Slot = const_cast<Decoded &>(D); // Slots are owned, mutable.
  if (!H.Owner->decodeInto(Slot, H.PC))
    return StepStatus::Raised;
  H.Owner->decodeAhead(Slot);
  return Slot.Fn(H, Slot);
}

StepStatus illegalInstruction(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding);
}

bool Machine::decodeInto(Decoded &Slot, uint64_t PC) {
  // Usually the pc is in the current fetch page, whose region is known.
  Region *R = PC - FetchBase < FetchSize ? FetchRegion : findRegion(PC, 2);
  if (!R || !(R->Rights & RightExec)) {
    H.raise(Cause::InstrAccessFault, PC,
            R ? "fetch from a region without execute right"
              : "fetch outside every region");
    return false;
  }
  if (LLVM_UNLIKELY(!decodeAt(Slot, PC, *R))) {
    H.raise(Cause::InstrAccessFault, PC + 2,
            "instruction crosses the end of its region");
    return false;
  }
  return true;
}

// Straight-line code runs once: decoding the slots after a miss in one go
// keeps the predecoder's tables and code hot and saves a trip through
// decodeOnMiss per instruction. Decoding ahead only fills slots; what they
// hold is executed (or raises, for illegal encodings) only when reached, and
// stores to code invalidate them like any decoded slot.
void Machine::decodeAhead(const Decoded &From) {
  if (From.PC - FetchBase >= FetchSize)
    return; // Not the fetch page (cannot happen from the run loop).
  Region &R = *FetchRegion;
  DecodedPage &P = *FetchPage;
  const Decoded *S = &From;
  for (unsigned Left = DecodeAheadSlots; Left; --Left) {
    Decoded *N = const_cast<Decoded *>(S->Next); // Owned, mutable.
    // Not past an instruction that leaves straight-line code or traps
    // (an all-zero parcel is illegal; what follows is rarely code).
    if (!N || N->Fn != decodeOnMiss || N->PC == StopPC ||
        S->Fn == illegalInstruction || S->Encoding == 0 ||
        Dec->endsStraightRun(S->Opcode))
      return;
    if (!decodeAt(*N, N->PC, R, P))
      return; // Crosses the region's end: raised when reached.
    S = N;
  }
}

bool Machine::decodeAt(Decoded &Slot, uint64_t PC, Region &R) {
  return decodeAt(Slot, PC, R,
                  *R.CodePages[(PC - R.Base) / CodePageBytes]);
}

// Inlined into decodeAhead's loop and decodeInto.
LLVM_ATTRIBUTE_ALWAYS_INLINE bool
Machine::decodeAt(Decoded &Slot, uint64_t PC, Region &Reg, DecodedPage &P) {
  Region *R = &Reg;
  uint64_t Off = PC - R->Base;
  const uint8_t *Bytes = R->Host + Off;
  uint32_t Encoding;
  unsigned Size;
  if (LLVM_LIKELY(R->Size - Off >= 4)) {
    Encoding = uint32_t(Bytes[0]) | uint32_t(Bytes[1]) << 8 |
               uint32_t(Bytes[2]) << 16 | uint32_t(Bytes[3]) << 24;
    Size = (Encoding & 3) == 3 ? 4 : 2;
    if (Size == 2)
      Encoding &= 0xffff;
  } else {
    Encoding = uint32_t(Bytes[0]) | uint32_t(Bytes[1]) << 8;
    Size = 2;
    if ((Encoding & 3) == 3)
      return false;
  }
  ++Decodes;
  // Decoded in place (the slot's PC stays); tier-2 state starts afresh.
  switch (Dec->decode(Encoding, Size, PC, Slot)) {
  case Decoder::Result::Ok:
    break;
  case Decoder::Result::NoSemantics:
    Slot.Fn = illegalInstruction;
    break;
  case Decoder::Result::Invalid:
    Slot.Fn = illegalInstruction;
    Slot.Opcode = 0;
    Slot.NumOps = 0;
    std::fill(std::begin(Slot.Ops), std::end(Slot.Ops), 0);
    Slot.Size = uint8_t(Size);
    Slot.Encoding = Encoding;
    break;
  }
  Slot.Heat = 0;
  Slot.JitBlock = 0;
  // Link the sequential successor if it is in the same page (slots of one
  // page are contiguous).
  uint64_t InPage = Off % CodePageBytes;
  Slot.Next = nullptr;
  if (InPage + Slot.Size < CodePageBytes) {
    // The successor slot must be valid (DecodedPage's invariant).
    unsigned I = unsigned(InPage + Slot.Size) / 2;
    P.slot(I);
    Slot.Next = &P.Slots[I];
  }
  return true;
}

// --- The run loop -----------------------------------------------------------

template <bool Observed>
int Machine::runLoop(uint64_t MaxSteps, uint64_t *Retired, JITEngine *Tier) {
  uint64_t Start = H.InstRet;
  // Attempted instructions end the run at Limit; an attempt that does not
  // retire (a trap) moves Limit down instead of counting InstRet.
  uint64_t Limit = Start + MaxSteps;
  int Result = SNIPGEN_STEP_LIMIT;
  const Decoded *D = nullptr;
  while (H.InstRet != Limit) {
    if (LLVM_UNLIKELY(!D)) {
      // Find the slot of H.PC: current page, another page, or a fault.
      uint64_t PC = H.PC;
      if (PC - FetchBase < FetchSize) {
        Decoded &Slot = FetchPage->slot(unsigned(PC - FetchBase) >> 1);
        D = &Slot;
        // Tier 2 (JIT/JITEngine.h): blocks start where the lookup lands.
        if (!Observed && Tier && Tier->wants(Slot)) {
          D = Tier->execute(H, Slot, Limit - H.InstRet);
          continue;
        }
      } else if (PC == StopPC) { // E.g. an end symbol past the code region.
        Result = stopWith(SNIPGEN_STEP_STOP_PC, PC, 0);
        break;
      } else if (refillFetch(PC)) {
        continue;
      } else {
        --Limit;
        int R = fetchFault(PC, Observed);
        if (R >= 0) {
          Result = R;
          break;
        }
        continue;
      }
    }
    H.PC = D->PC; // Handlers read the pc from the hart.
    if constexpr (Observed)
      H.Log.Count = 0;
    StepStatus S = D->Fn(H, *D);
    if (LLVM_LIKELY(S == StepStatus::Retired)) {
      // Straight-line code: the successor slot, without a pc lookup.
      ++H.InstRet;
      if constexpr (Observed) {
        H.PC = D->PC + D->Size;
        deliverLog(D->PC, *D);
      }
      const Decoded *Next = D->Next;
      if (LLVM_UNLIKELY(!Next))
        H.PC = D->PC + D->Size;
      D = Next;
      continue;
    }
    if (S == StepStatus::Jumped) {
      ++H.InstRet;
      if constexpr (Observed)
        deliverLog(D->PC, *D);
      D = nullptr;
      continue;
    }
    --Limit;
    int R = finishEvent(*D, D->PC, Observed);
    if (R >= 0) {
      Result = R;
      break;
    }
    D = nullptr;
  }
  if (D && Result == SNIPGEN_STEP_LIMIT)
    H.PC = D->PC; // Stopped in straight-line code: materialise the pc.
  if (Result == SNIPGEN_STEP_LIMIT)
    stopWith(SNIPGEN_STEP_LIMIT, H.PC, 0);
  if (Retired)
    *Retired = H.InstRet - Start;
  return Result;
}

int Machine::run(uint64_t MaxSteps, uint64_t *Retired, bool AllowJIT) {
  if (MaxSteps == 0) {
    if (Retired)
      *Retired = 0;
    return stopWith(SNIPGEN_STEP_LIMIT, H.PC, 0);
  }
  // Observers need every instruction's effects: interpret.
  if (H.Observed)
    return runLoop<true>(MaxSteps, Retired, nullptr);
  return runLoop<false>(MaxSteps, Retired, AllowJIT ? Jit.get() : nullptr);
}

int Machine::step() {
  uint64_t Retired = 0;
  int Result = run(1, &Retired, /*AllowJIT=*/false);
  if (Result == SNIPGEN_STEP_LIMIT)
    return Retired ? SNIPGEN_STEP_OK : SNIPGEN_STEP_TRAP_TAKEN;
  return Result;
}

void Machine::deliverLog(uint64_t PC, const Decoded &D) {
  const StepLog &L = H.Log;
  for (unsigned I = 0; I < L.Count; ++I) {
    const StepLog::Entry &E = L.Entries[I];
    switch (E.What) {
    case StepLog::XReg:
      if (Obs.on_reg_write)
        Obs.on_reg_write(Obs.user, SNIPGEN_REG_X, E.Index, E.Value & H.AddrMask);
      break;
    case StepLog::FReg:
      if (Obs.on_reg_write)
        Obs.on_reg_write(Obs.user, SNIPGEN_REG_F, E.Index, E.Value);
      break;
    case StepLog::Csr:
      if (Obs.on_reg_write)
        Obs.on_reg_write(Obs.user, SNIPGEN_REG_CSR, E.Index, E.Value & H.AddrMask);
      break;
    case StepLog::VReg:
      // The value is the register's VLENB bytes: observers read them with
      // get_v (the instruction has completed).
      if (Obs.on_reg_write)
        Obs.on_reg_write(Obs.user, SNIPGEN_REG_V, E.Index, 0);
      break;
    case StepLog::MemRead:
    case StepLog::MemWrite:
      if (Obs.on_mem_access)
        Obs.on_mem_access(Obs.user, E.Addr, E.Size, E.Value,
                          E.What == StepLog::MemWrite);
      break;
    }
  }
  if (Obs.on_retire)
    Obs.on_retire(Obs.user, PC, D.Encoding, D.Size, H.PC);
}

int Machine::stopWith(int Result, uint64_t PC, uint32_t Encoding) {
  Stop = {};
  Stop.result = uint32_t(Result);
  Stop.pc = PC;
  Stop.encoding = Encoding;
  switch (Result) {
  case SNIPGEN_STEP_STOP_PC:
    StopMessage = "reached the stop address 0x" + utohexstr(PC, true);
    break;
  case SNIPGEN_STEP_LIMIT:
    StopMessage = "stopped after the step limit at pc 0x" + utohexstr(PC, true);
    break;
  default:
    break; // The caller fills the message.
  }
  Stop.message = StopMessage.c_str();
  return Result;
}

int Machine::fetchFault(uint64_t PC, bool Observed) {
  Region *R = findRegion(PC, 2);
  if (PC & 1)
    H.raise(Cause::InstrMisaligned, PC, "pc is not 2-byte aligned");
  else
    H.raise(Cause::InstrAccessFault, PC,
            R ? "fetch from a region without execute right"
              : "fetch outside every region");
  Decoded None;
  None.Encoding = 0;
  return finishEvent(None, PC, Observed);
}

void Machine::takeTrap(uint64_t PC) {
  const Event &E = H.Pending;
  H.Mepc = PC;
  H.Mcause = uint64_t(E.Code);
  H.Mtval = E.Tval;
  // mstatus: MPIE <- MIE, MIE <- 0, MPP <- M.
  uint64_t MIE = (H.Mstatus >> 3) & 1;
  H.Mstatus = (H.Mstatus & ~((1ull << 7) | (1ull << 3))) | (MIE << 7) |
              (3ull << 11);
  H.ReservationValid = false;
  H.PC = H.Mtvec & ~3ull; // Exceptions always go to the base.
  if (H.Observed && Obs.on_trap)
    Obs.on_trap(Obs.user, PC, uint32_t(E.Code), E.Tval);
}

void Machine::describeFault(std::string &Msg, uint64_t PC, uint32_t Encoding) {
  const Event &E = H.Pending;
  raw_string_ostream OS(Msg);
  static const char *const CauseNames[] = {
      "instruction address misaligned", "instruction access fault",
      "illegal instruction", "breakpoint", "load address misaligned",
      "load access fault", "store/AMO address misaligned",
      "store/AMO access fault", "ecall from U-mode", "ecall from S-mode",
      "reserved", "ecall from M-mode"};
  unsigned C = unsigned(E.Code);
  OS << (C < 12 ? CauseNames[C] : "exception") << " at pc 0x"
     << utohexstr(PC, true);
  std::string Text = disassemble(PC);
  if (!Text.empty())
    OS << " (" << Text << ")";
  if (E.AccessSize)
    OS << ": " << unsigned(E.AccessSize) << "-byte "
       << (E.Code == Cause::LoadAccessFault || E.Code == Cause::LoadMisaligned
               ? "load from"
               : "store to")
       << " 0x" << utohexstr(E.Addr, true);
  else if (E.Code != Cause::Breakpoint && E.Code != Cause::EcallFromM)
    OS << ": mtval 0x" << utohexstr(E.Tval, true);
  if (E.Why)
    OS << ": " << E.Why;
  OS << " (no trap handler: mtvec is 0)";
}

int Machine::finishEvent(const Decoded &D, uint64_t PC, bool Observed) {
  Event &E = H.Pending;
  if (E.What == Event::StopPC) {
    E.What = Event::None;
    return stopWith(SNIPGEN_STEP_STOP_PC, PC, 0);
  }
  if (E.What == Event::HaltRetired) {
    // The instruction (a tohost store) completed: retire it, then stop.
    H.PC = PC + D.Size;
    ++H.InstRet;
    if (Observed)
      deliverLog(PC, D);
    int R = stopWith(SNIPGEN_STEP_EXIT, PC, D.Encoding);
    Stop.exit_code = E.ExitCode;
    StopMessage = "program exited with code " + utostr(E.ExitCode) +
                  " (tohost write at pc 0x" + utohexstr(PC, true) + ")";
    Stop.message = StopMessage.c_str();
    E.What = Event::None;
    return R;
  }
  E.What = Event::None;
  if (H.Mtvec != 0) {
    takeTrap(PC);
    return -1;
  }
  if (E.Code == Cause::EcallFromM && H.X[17] == 93) {
    // Linux exit syscall (qemu-user convention), no handler installed.
    if (Observed && Obs.on_retire)
      Obs.on_retire(Obs.user, PC, D.Encoding, D.Size, PC + D.Size);
    int R = stopWith(SNIPGEN_STEP_EXIT, PC, D.Encoding);
    Stop.exit_code = H.X[10] & H.AddrMask;
    StopMessage = "program exited with code " + utostr(Stop.exit_code) +
                  " (exit ecall at pc 0x" + utohexstr(PC, true) + ")";
    Stop.message = StopMessage.c_str();
    return R;
  }
  int Result = E.Code == Cause::Breakpoint ? SNIPGEN_STEP_EBREAK
                                           : SNIPGEN_STEP_UNHANDLED_TRAP;
  stopWith(Result, PC, D.Encoding);
  Stop.cause = uint32_t(E.Code);
  Stop.tval = E.Tval;
  Stop.addr = E.Addr;
  Stop.size = E.AccessSize;
  StopMessage.clear();
  if (Result == SNIPGEN_STEP_EBREAK)
    StopMessage = "ebreak at pc 0x" + utohexstr(PC, true) + " (no trap handler)";
  else
    describeFault(StopMessage, PC, D.Encoding);
  Stop.message = StopMessage.c_str();
  return Result;
}

std::string Machine::disassemble(uint64_t PC) {
  uint8_t Bytes[4] = {};
  Region *R = findRegion(PC, 2);
  if (!R)
    return "";
  std::memcpy(Bytes, R->Host + (PC - R->Base), 2);
  unsigned N = 2;
  if ((Bytes[0] & 3) == 3) {
    if (!R->contains(PC, 4))
      return "";
    std::memcpy(Bytes, R->Host + (PC - R->Base), 4);
    N = 4;
  }
  return Dec->print(ArrayRef<uint8_t>(Bytes, N), PC, /*PadMnemonic=*/false);
}

} // namespace snipgen::model
