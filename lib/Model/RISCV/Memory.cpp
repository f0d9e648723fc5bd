//===- Memory.cpp - Slow paths of guest memory accesses -------------------===//
//
// Everything the inline fast path in Semantics.h does not handle: finding the
// region, checking rights and alignment, recording accesses for observers,
// LR/SC reservations, self-modifying code, tohost, and (re)installing the
// fast-path windows.
//===----------------------------------------------------------------------===//
#include "Machine.h"
#include "JIT/JITEngine.h"

#include <algorithm>
#include <sys/mman.h>

namespace snipgen::model {

Region *Machine::findRegion(uint64_t Addr, uint64_t Len) {
  for (Region &R : Regions)
    if (R.contains(Addr, Len))
      return &R;
  return nullptr;
}

void Machine::installWindows(Region &R, uint64_t Addr, bool ForStore) {
  // Work in offsets from the region base so that a region ending at the top
  // of the address space does not overflow.
  uint64_t Lo = 0, Hi = R.Size, At = Addr - R.Base;
  if (ToHostEnabled) {
    bool Overlaps = ToHost >= R.Base ? ToHost - R.Base < R.Size
                                     : R.Base - ToHost < 8;
    if (Overlaps) {
      // Keep tohost out of the window: take the side that holds Addr.
      uint64_t TLo = ToHost >= R.Base ? ToHost - R.Base : 0;
      uint64_t THi = std::min(R.Size, ToHost + 8 - R.Base);
      if (At < TLo)
        Hi = TLo;
      else
        Lo = THi;
    }
  }
  if (Hi - Lo < 8 || At < Lo || At >= Hi)
    return;
  AccessWindow &W = ForStore ? H.StoreWindow : H.LoadWindow;
  W.Base = R.Base + Lo;
  W.Limit = Hi - Lo - 7;
  W.Host = R.Host + Lo;
}

static uint64_t readHost(const uint8_t *P, unsigned Size) {
  uint64_t V = 0;
  std::memcpy(&V, P, Size); // Little-endian host.
  return V;
}

bool Hart::loadSlow(uint64_t Addr, unsigned Size, uint64_t &Value, Access K) {
  Machine &M = *Owner;
  bool Amo = K == Access::Amo;
  Cause Misaligned = Amo ? Cause::StoreMisaligned : Cause::LoadMisaligned;
  Cause Fault = Amo ? Cause::StoreAccessFault : Cause::LoadAccessFault;
  auto Fail = [&](Cause C, const char *Why) {
    raise(C, Addr, Why);
    Pending.Addr = Addr;
    Pending.AccessSize = uint8_t(Size);
    return false;
  };
  if (Addr & (Size - 1)) {
    if (K != Access::Plain)
      return Fail(Misaligned, "atomic access is not naturally aligned");
    if (AlignCheck)
      return Fail(Misaligned, "misaligned access is disabled");
  }
  Region *R = M.findRegion(Addr, Size);
  if (!R)
    return Fail(Fault, M.findRegion(Addr, 1)
                           ? "access crosses the end of its region"
                           : "outside every region");
  if (!(R->Rights & RightRead))
    return Fail(Fault, "region has no read right");
  if (Amo && !(R->Rights & RightWrite))
    return Fail(Fault, "region has no write right");
  Value = readHost(R->Host + (Addr - R->Base), Size);
  if (K == Access::Reserved) {
    ReservationValid = true;
    ReservationAddr = Addr;
    ReservationSize = Size;
    StoreWindow.clear(); // Stores must now check the reservation.
  }
  if (Observed)
    Log.add(StepLog::MemRead, 0, Addr, Value, uint8_t(Size));
  else
    M.installWindows(*R, Addr, /*ForStore=*/false);
  return true;
}

bool Hart::storeSlow(uint64_t Addr, unsigned Size, uint64_t Value, Access K) {
  Machine &M = *Owner;
  auto Fail = [&](Cause C, const char *Why) {
    raise(C, Addr, Why);
    Pending.Addr = Addr;
    Pending.AccessSize = uint8_t(Size);
    return false;
  };
  if (Addr & (Size - 1)) {
    if (K != Access::Plain)
      return Fail(Cause::StoreMisaligned,
                  "atomic access is not naturally aligned");
    if (AlignCheck)
      return Fail(Cause::StoreMisaligned, "misaligned access is disabled");
  }
  Region *R = M.findRegion(Addr, Size);
  if (!R)
    return Fail(Cause::StoreAccessFault,
                M.findRegion(Addr, 1) ? "access crosses the end of its region"
                                      : "outside every region");
  if (!(R->Rights & RightWrite))
    return Fail(Cause::StoreAccessFault, "region has no write right");
  std::memcpy(R->Host + (Addr - R->Base), &Value, Size);
  if (Observed)
    Log.add(StepLog::MemWrite, 0, Addr, Size == 8 ? Value : Value & ((1ull << (8 * Size)) - 1),
            uint8_t(Size));
  if (ReservationValid && Addr < ReservationAddr + ReservationSize &&
      ReservationAddr < Addr + Size)
    ReservationValid = false;
  if (R->Rights & RightExec)
    M.invalidateCode(Addr, Size);
  if (M.toHostHit(Addr, Size) && M.handleToHostStore())
    return false;
  if (!Observed && !ReservationValid && !(R->Rights & RightExec))
    M.installWindows(*R, Addr, /*ForStore=*/true);
  return true;
}

bool Machine::handleToHostStore() {
  uint64_t Value = 0;
  Region *R = findRegion(ToHost, 8);
  if (R)
    Value = readHost(R->Host + (ToHost - R->Base), 8);
  else if ((R = findRegion(ToHost, 4)))
    Value = readHost(R->Host + (ToHost - R->Base), 4);
  if (!(Value & 1))
    return false; // Not an exit request (HTIF syscalls are not modelled).
  H.Pending.What = Event::HaltRetired;
  H.Pending.ExitCode = Value >> 1;
  return true;
}

void Machine::invalidateCode(uint64_t Addr, uint64_t Len) {
  if (Jit)
    Jit->invalidate(Addr, Len); // Compiled blocks over these bytes too.
  // A 4-byte instruction may start 2 bytes before the written range.
  uint64_t First = (Addr & ~1ull) - (Addr >= 2 ? 2 : 0);
  uint64_t End = Addr + Len;
  for (uint64_t A = First; A < End;) {
    Region *R = findRegion(A, 2);
    if (!R) {
      A += 2;
      continue;
    }
    // The parcels of this region in [A, End), a decode page at a time (in
    // offsets from the base: a region may end at the top of the space).
    uint64_t Off = A - R->Base;
    uint64_t OffEnd = std::min(R->Size, End - R->Base);
    while (Off < OffEnd) {
      uint64_t Page = Off / CodePageBytes;
      uint64_t PageEnd = std::min(OffEnd, (Page + 1) * CodePageBytes);
      DecodedPage *P =
          (R->Rights & RightExec) ? R->CodePages[Page] : nullptr;
      for (; P && Off < PageEnd && Off + 2 <= R->Size; Off += 2)
        if (unsigned I = unsigned(Off % CodePageBytes) / 2; P->isValid(I))
          P->Slots[I].Fn = decodeOnMiss; // Invalid slots hold nothing.
      if (Off < PageEnd) // Skip the page's parcels (keeping their parity).
        Off += (PageEnd - Off + 1) & ~1ull;
    }
    if (R->Base + OffEnd < R->Base)
      break; // The region ends at the top of the address space.
    // On past the region's end, parcel by parcel as from First.
    A = R->Base + OffEnd;
    if ((A - First) & 1)
      ++A;
  }
}

void Machine::flushCode() {
  if (Jit)
    Jit->invalidateAll();
  for (Region &R : Regions)
    for (DecodedPage *P : R.CodePages)
      if (P)
        for (unsigned I = 0; I < DecodedPage::NumSlots; ++I)
          if (P->isValid(I))
            P->Slots[I].Fn = decodeOnMiss;
}

bool Machine::readMemory(uint64_t Addr, void *Data, uint64_t Size) {
  if (Size == 0)
    return true;
  Region *R = findRegion(Addr, Size);
  if (!R)
    return false;
  std::memcpy(Data, R->Host + (Addr - R->Base), Size);
  return true;
}

// MADV_POPULATE_WRITE (Linux 5.14), spelt out for older headers.
static constexpr int MadvPopulateWrite = 23;
static constexpr uint64_t PopulateBytes = 64 * 1024;

bool Machine::writeMemory(uint64_t Addr, const void *Data, uint64_t Size) {
  if (Size == 0)
    return true;
  Region *R = findRegion(Addr, Size);
  if (!R)
    return false;
  uint8_t *To = R->Host + (Addr - R->Base);
  // A large write (a program being loaded) would take a page fault per 4
  // KiB of the region's fresh memory: map its pages in one call first
  // (Linux 5.14+; where it fails, the copy faults them in as before).
  if (Size >= PopulateBytes) {
    uintptr_t First = reinterpret_cast<uintptr_t>(To) & ~uintptr_t(4095);
    uintptr_t End = reinterpret_cast<uintptr_t>(To) + Size;
    (void)madvise(reinterpret_cast<void *>(First), End - First,
                  MadvPopulateWrite);
  }
  std::memcpy(To, Data, Size);
  if (R->Rights & RightExec)
    invalidateCode(Addr, Size);
  if (H.ReservationValid && Addr < H.ReservationAddr + H.ReservationSize &&
      H.ReservationAddr < Addr + Size)
    H.ReservationValid = false;
  return true;
}

} // namespace snipgen::model
