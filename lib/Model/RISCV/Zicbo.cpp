//===- Zicbo.cpp - Zicbom and Zicboz: cache-block operations ----------------===//
//
// CBO.CLEAN/FLUSH/INVAL/ZERO (rs1) operate on the naturally aligned cache
// block holding the address in rs1; the block size is a model setting
// (MachineConfig::CacheBlockBytes, default 64). Zicbop's PREFETCH.* hints are
// in Zihint.cpp.
//
// From the CMO specification, for this machine-mode-only model (menvcfg and
// senvcfg only gate lower privilege modes, so every CBO is enabled):
// * CBO.ZERO stores zeros to every byte of the block. It needs the store
//   right for the whole block; otherwise it raises a store/AMO access fault
//   and writes nothing. It is a store: it cancels an overlapping LR
//   reservation and invalidates decoded code in executable regions.
// * CBO.CLEAN/FLUSH/INVAL "are permitted to access the cache block whenever a
//   load or a store is permitted" to access it; otherwise they raise a
//   store/AMO access fault. So a block the model cannot load from or store
//   to - outside every region, crossing a region's end, or in a region with
//   neither the read nor the write right (execute-only, where the spec
//   leaves it UNSPECIFIED; we fault, as QEMU does) - faults. The model has
//   no caches, so otherwise they have no architectural effect (memory is
//   always coherent, and CBO.INVAL in M-mode may behave as a flush).
// * The trap value is the address in rs1, not the block base (the Sail
//   model: "errors report the address that was encoded in the instruction").
//===----------------------------------------------------------------------===//
#include "Machine.h"

namespace snipgen::model {
namespace {

StepStatus blockFault(Hart &H, uint64_t Addr, const char *Why) {
  H.raise(Cause::StoreAccessFault, Addr, Why);
  H.Pending.Addr = Addr & ~(H.CacheBlockBytes - 1);
  H.Pending.AccessSize = uint8_t(H.CacheBlockBytes > 255 ? 0 : H.CacheBlockBytes);
  return StepStatus::Raised;
}

/// The region holding the whole block of Addr, or null (fault raised).
Region *blockRegion(Hart &H, uint64_t Addr) {
  uint64_t Base = Addr & ~(H.CacheBlockBytes - 1);
  Machine &M = *H.Owner;
  Region *R = M.findRegion(Base, H.CacheBlockBytes);
  if (!R)
    blockFault(H, Addr, M.findRegion(Base, 1)
                            ? "cache block crosses the end of its region"
                            : "cache block outside every region");
  return R;
}

StepStatus execManage(Hart &H, const Decoded &D) {
  uint64_t Addr = H.X[D.Ops[0]] & H.AddrMask;
  Region *R = blockRegion(H, Addr);
  if (!R)
    return StepStatus::Raised;
  if (!(R->Rights & (RightRead | RightWrite)))
    return blockFault(H, Addr, "region has neither read nor write right");
  return H.next(D);
}

StepStatus execZero(Hart &H, const Decoded &D) {
  uint64_t Addr = H.X[D.Ops[0]] & H.AddrMask;
  Region *R = blockRegion(H, Addr);
  if (!R)
    return StepStatus::Raised;
  if (!(R->Rights & RightWrite))
    return blockFault(H, Addr, "region has no write right");
  uint64_t Base = Addr & ~(H.CacheBlockBytes - 1);
  // Eight bytes at a time through the store path (observers, reservation,
  // code invalidation, tohost); the region check above means only a tohost
  // exit can stop a store, and the block is still completed then.
  bool Halt = false;
  for (uint64_t Off = 0; Off < H.CacheBlockBytes; Off += 8)
    Halt |= !H.storeSlow(Base + Off, 8, 0, Hart::Access::Plain);
  return Halt ? StepStatus::Raised : H.next(D);
}

} // namespace

void registerCacheBlockSemantics(SemanticTable &T) {
  T.add("CBO_CLEAN", execManage);
  T.add("CBO_FLUSH", execManage);
  T.add("CBO_INVAL", execManage);
  T.add("CBO_ZERO", execZero);
}

} // namespace snipgen::model
