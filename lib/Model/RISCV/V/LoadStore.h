//===- LoadStore.h - RVV memory access engine shared by LoadStore*.cpp -*- C++ -*-===//
//
// One walk for every vector load and store: elements [vstart, vl) in order,
// each active element's NF fields (segment accesses) in field order, through
// Hart::load/store so that regions, rights, misalignment policy, tohost and
// observers (element by element in the StepLog) work as for scalar accesses.
//
// Traps: an element that faults leaves vstart at its index and raises; the
// elements before it have been written (loads) or stored. A segment is
// loaded completely before any of its fields is written. Fault-only-first
// loads trap only on element 0; a later faulting element trims vl to its
// index instead.
//
// Legality (spec 7.3, 7.8, QEMU's vext_check_*): EEW <= ELEN; EMUL =
// EEW/SEW*LMUL within 1/8..8; NF*EMUL <= 8 and the groups inside v0..v31;
// groups aligned to EMUL; a masked load may not write v0; indexed accesses
// follow the overlap rules between data and index groups (checked against
// QEMU 10.0.2, which also refuses a register read with two EEWs).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_LOADSTORE_H
#define SNIPGEN_LIB_MODEL_RISCV_V_LOADSTORE_H

#include "ElementLoop.h"
#include "VectorSemantics.h"
#include <bit>

namespace snipgen::model::vec::ls {

/// log2 of EMUL for an element width of EewBits under the current vtype.
inline int emulLog2(const VectorState &V, unsigned EewBits) {
  return std::countr_zero(EewBits) - std::countr_zero(V.Sew) + V.LmulLog2;
}

/// Legality of a unit-stride / strided (segment) access of EEW EewBits
/// with NF fields at Vd. Returns EMUL (log2) or 99 when illegal.
inline int checkDataGroup(const Hart &H, unsigned EewBits, unsigned NF,
                          unsigned Vd, bool Masked, bool IsLoad) {
  const VectorState &V = H.V;
  if (!configOk(H) || EewBits > V.ELen)
    return 99;
  int Emul = emulLog2(V, EewBits);
  if (Emul < -3 || Emul > 3)
    return 99;
  unsigned Regs = VectorState::groupRegs(Emul);
  if (Vd % Regs != 0 || NF * Regs > 8 || Vd + NF * Regs > 32)
    return 99;
  if (IsLoad && Masked && Vd == 0)
    return 99;
  return Emul;
}

/// QEMU's require_noover: may a destination group (Dst, log2 size DstL)
/// overlap a source group (Src, SrcL) of a different EEW?
inline bool noOverlapOk(int Dst, int DstL, int Src, int SrcL) {
  int DstSize = DstL <= 0 ? 1 : 1 << DstL;
  int SrcSize = SrcL <= 0 ? 1 : 1 << SrcL;
  if (DstSize > SrcSize && Dst < Src && SrcL >= 0 &&
      groupsOverlap(Dst, DstSize, Src, SrcSize) &&
      !groupsOverlap(Dst, DstSize, Src + SrcSize, SrcSize))
    return true; // Overlap in the highest part of the wider destination.
  return !groupsOverlap(Dst, DstSize, Src, SrcSize);
}

/// Legality of an indexed (segment) access: data EEW = SEW at Vd with NF
/// fields, index EEW IdxBits at Vs2.
inline bool checkIndexed(const Hart &H, unsigned IdxBits, unsigned NF,
                         unsigned Vd, unsigned Vs2, bool Masked,
                         bool IsLoad) {
  const VectorState &V = H.V;
  if (!configOk(H) || IdxBits > V.ELen)
    return false;
  int IdxEmul = emulLog2(V, IdxBits);
  if (IdxEmul < -3 || IdxEmul > 3)
    return false;
  unsigned DataRegs = VectorState::groupRegs(V.LmulLog2);
  unsigned IdxRegs = VectorState::groupRegs(IdxEmul);
  if (Vs2 % IdxRegs != 0 || Vd % DataRegs != 0 || NF * DataRegs > 8 ||
      Vd + NF * DataRegs > 32)
    return false;
  // A register may not supply operands of two EEWs (QEMU 10's
  // vext_check_input_eew): with v0.t the index group may not include v0
  // (nor the data of a store), and a store's data group (its first field)
  // may not overlap an index group of another EEW.
  if (Masked && (Vs2 == 0 || Vd == 0))
    return false;
  if (!IsLoad)
    return IdxBits == V.Sew || !groupsOverlap(Vd, DataRegs, Vs2, IdxRegs);
  for (unsigned F = 0; F < NF; ++F) {
    int SegVd = int(Vd + DataRegs * F);
    if (IdxBits > V.Sew) {
      if (SegVd != int(Vs2) && !noOverlapOk(SegVd, V.LmulLog2, Vs2, IdxEmul))
        return false;
    } else if (IdxBits < V.Sew) {
      if (!noOverlapOk(SegVd, V.LmulLog2, Vs2, IdxEmul))
        return false;
    }
    if (NF > 1 && groupsOverlap(SegVd, DataRegs, Vs2, IdxRegs))
      return false;
  }
  return true;
}

/// Where the fields of a segment live: field F of element I is element I
/// of the group at Vd + F * FieldRegs.
struct Fields {
  unsigned Vd, NF, FieldRegs;
  uint64_t TailEnd; // Elements per field group (tail runs [vl, TailEnd)).
};

/// Loads elements [vstart, vl) of T; Addr(I, F) gives the address of field
/// F of element I. FaultOnlyFirst trims vl at a faulting element > 0.
template <typename T, bool FaultOnlyFirst, typename AddrFn>
StepStatus loadWalk(Hart &H, const Decoded &D, const Fields &G, bool Masked,
                    AddrFn &&Addr) {
  VectorState &V = H.V;
  markDirty(H);
  if (V.VStart >= V.VL) {
    V.VStart = 0;
    return H.next(D);
  }
  bool FillInactive = V.AgnosticOnes && V.Vma;
  for (uint64_t I = V.VStart; I < V.VL; ++I) {
    if (!V.active(Masked, I)) {
      if (FillInactive)
        for (unsigned F = 0; F < G.NF; ++F)
          fillAgnostic<T>(V, G.Vd + F * G.FieldRegs, I);
      continue;
    }
    T Vals[8];
    unsigned F = 0;
    unsigned LogMark = H.Log.Count; // Accesses of this segment start here.
    for (; F < G.NF; ++F)
      if (!H.load<T>(Addr(I, F), Vals[F]))
        break;
    if (LLVM_UNLIKELY(F < G.NF)) {
      if (FaultOnlyFirst && I != 0) {
        // The trimmed segment was not loaded: observers do not see the
        // fields read before the faulting one.
        H.Pending = Event();
        H.Log.Count = LogMark;
        V.VL = I;
        break;
      }
      V.VStart = I;
      noteVRegWrites(H, G.Vd, G.NF * G.FieldRegs);
      return StepStatus::Raised;
    }
    for (F = 0; F < G.NF; ++F)
      V.set<T>(G.Vd + F * G.FieldRegs, I, Vals[F]);
  }
  if (V.AgnosticOnes && V.Vta)
    for (unsigned F = 0; F < G.NF; ++F)
      for (uint64_t I = V.VL; I < G.TailEnd; ++I)
        fillAgnostic<T>(V, G.Vd + F * G.FieldRegs, I);
  V.VStart = 0;
  noteVRegWrites(H, G.Vd, G.NF * G.FieldRegs);
  return H.next(D);
}

/// Stores elements [vstart, vl) of T, fields in order.
template <typename T, typename AddrFn>
StepStatus storeWalk(Hart &H, const Decoded &D, const Fields &G, bool Masked,
                     AddrFn &&Addr) {
  VectorState &V = H.V;
  bool Halt = false; // A tohost write ended the run: finish the stores.
  for (uint64_t I = V.VStart; I < V.VL; ++I) {
    if (!V.active(Masked, I))
      continue;
    for (unsigned F = 0; F < G.NF; ++F)
      if (!H.store<T>(Addr(I, F), V.get<T>(G.Vd + F * G.FieldRegs, I))) {
        if (H.Pending.What == Event::HaltRetired) {
          Halt = true;
          continue;
        }
        V.VStart = I;
        return StepStatus::Raised;
      }
  }
  V.VStart = 0;
  if (LLVM_UNLIKELY(Halt)) {
    H.Pending.What = Event::HaltRetired;
    return StepStatus::Raised;
  }
  return H.next(D);
}

/// Calls F.template operator()<T>() with T the unsigned type of SEW.
template <typename Fn> StepStatus withSew(unsigned Sew, Fn &&F) {
  switch (Sew) {
  case 8: return F.template operator()<uint8_t>();
  case 16: return F.template operator()<uint16_t>();
  case 32: return F.template operator()<uint32_t>();
  default: return F.template operator()<uint64_t>();
  }
}

/// Stable storage for generated opcode names ("VLSEG3E16FF_V").
const char *internName(std::string Name);

void registerUnitStrideSemantics(SemanticTable &T);   // LoadStoreUnit.cpp
void registerStridedSemantics(SemanticTable &T);      // LoadStoreStrided.cpp
void registerIndexedSemantics(SemanticTable &T);      // LoadStoreIndexed.cpp
void registerWholeAndMaskSemantics(SemanticTable &T); // LoadStoreWhole.cpp

} // namespace snipgen::model::vec::ls

#endif
