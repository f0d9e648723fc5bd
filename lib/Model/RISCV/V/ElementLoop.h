//===- ElementLoop.h - The element loop every RVV handler shares -*- C++ -*-===//
//
// Written once here: the checks every vector instruction makes before it
// touches state (VS enabled, vill clear, vstart legal, register groups
// aligned), and the walk over elements [vstart, vl) with masking and the
// tail/mask-agnostic policy. Class files (V/*.cpp) only say what one element
// computes.
//
// Policy: inactive (masked-off) and tail elements are left undisturbed
// unless VectorState::AgnosticOnes is set and vtype says agnostic, in which
// case they are written with all ones. Mask-producing instructions are
// always tail-agnostic (spec 5.3) and so their tail bits follow
// AgnosticOnes alone.
//
// vstart: an instruction that completes sets vstart to 0; if vstart >= vl
// no element, tail included, is written (spec 3.7).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_V_ELEMENTLOOP_H
#define SNIPGEN_LIB_MODEL_RISCV_V_ELEMENTLOOP_H

#include "Semantics.h"
#include <type_traits>

namespace snipgen::model::vec {

inline StepStatus illegal(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding);
}

/// Whether the instruction is masked by v0.t: its vm bit (25) is clear.
/// (The decoded mask operand cannot tell: LLVM gives NoRegister for
/// "unmasked" and V0 for "masked", and both encode as 0 in D.Ops.)
inline bool masked(const Decoded &D) { return ((D.Encoding >> 25) & 1) == 0; }

/// Whether mstatus.VS allows vector instructions and the vector CSRs.
inline bool vsEnabled(const Hart &H) {
  return H.V.VLenB != 0 && (H.Mstatus & MstatusVS) != 0;
}
/// Marks mstatus.VS dirty (any vector state written).
inline void markDirty(Hart &H) { H.Mstatus |= MstatusVS; }

/// Register R starts a legal group of EMUL 2^EmulLog2 (aligned, inside
/// v0..v31 with NumFields fields for segment accesses).
inline bool groupOk(unsigned R, int EmulLog2, unsigned NumFields = 1) {
  unsigned Regs = VectorState::groupRegs(EmulLog2);
  return R % Regs == 0 && R + Regs * NumFields <= 32;
}

/// Records, for observers, that registers [Vd, Vd + Count) were written
/// (StepLog::VReg; observers read the bytes after the instruction). The
/// element walks below call it; a handler writing registers some other way
/// calls it itself.
inline void noteVRegWrites(Hart &H, unsigned Vd, unsigned Count) {
  if (LLVM_UNLIKELY(H.Observed))
    for (unsigned R = Vd; R < Vd + Count && R < 32; ++R)
      H.Log.add(StepLog::VReg, uint16_t(R), 0, 0, 0);
}

/// Registers covered by NumElements elements of Bytes each (at least 1).
inline unsigned regsCovering(const VectorState &V, uint64_t NumElements,
                             unsigned Bytes) {
  uint64_t Regs = (NumElements * Bytes + V.VLenB - 1) / V.VLenB;
  return Regs ? unsigned(Regs) : 1u;
}

/// Two register groups [A, A+NA) and [B, B+NB) overlap.
inline bool groupsOverlap(unsigned A, unsigned NA, unsigned B, unsigned NB) {
  return A < B + NB && B < A + NA;
}

/// The common prologue: VS on, vill clear. Returns false if the instruction
/// must raise illegal (the caller returns illegal(H, D)).
inline bool configOk(const Hart &H) { return vsEnabled(H) && !H.V.Vill; }

/// Unsigned integer type of N bits (8..64).
template <unsigned Bits> struct UIntOf;
template <> struct UIntOf<8> { using T = uint8_t; };
template <> struct UIntOf<16> { using T = uint16_t; };
template <> struct UIntOf<32> { using T = uint32_t; };
template <> struct UIntOf<64> { using T = uint64_t; };

/// Writes all ones into element I of the group at Vd when the policy asks
/// for agnostic elements to be written.
template <typename T>
inline void fillAgnostic(VectorState &V, unsigned Vd, uint64_t I) {
  V.set<T>(Vd, I, T(~T(0)));
}

/// Walks elements [vstart, vl) of a destination group at Vd whose elements
/// are T, calling Body(I) for each active one. Body writes the element
/// itself (it may need to read sources first, and may raise: return false
/// from Body to stop; the handler then returns Raised with vstart left at
/// the failing element, as a trap requires). Afterwards applies the mask
/// and tail policy over [vstart, vl) and [vl, TailEnd) and clears vstart.
/// Returns false when Body stopped.
template <typename T, typename BodyFn>
inline bool forEachElement(Hart &H, unsigned Vd, bool Masked, uint64_t TailEnd,
                           BodyFn &&Body) {
  VectorState &V = H.V;
  uint64_t VL = V.VL;
  if (V.VStart >= VL) {
    V.VStart = 0;
    return true;
  }
  bool FillInactive = V.AgnosticOnes && V.Vma;
  for (uint64_t I = V.VStart; I < VL; ++I) {
    if (V.active(Masked, I)) {
      if constexpr (std::is_same_v<decltype(Body(I)), bool>) {
        if (!Body(I)) {
          V.VStart = I;
          return false;
        }
      } else {
        Body(I);
      }
    } else if (FillInactive) {
      fillAgnostic<T>(V, Vd, I);
    }
  }
  if (V.AgnosticOnes && V.Vta)
    for (uint64_t I = VL; I < TailEnd; ++I)
      fillAgnostic<T>(V, Vd, I);
  V.VStart = 0;
  noteVRegWrites(H, Vd, regsCovering(V, TailEnd > VL ? TailEnd : VL, sizeof(T)));
  return true;
}

/// The same walk for an instruction that writes a mask register (one bit
/// per element): compares, vmadc/vmsbc, mask logical ops. Body(I) returns
/// the bit. Mask destinations are always tail-agnostic; masked-off bits
/// follow vma.
template <typename BodyFn>
inline void forEachMaskBit(Hart &H, unsigned Vd, bool Masked, BodyFn &&Body) {
  VectorState &V = H.V;
  uint64_t VL = V.VL;
  if (V.VStart >= VL) {
    V.VStart = 0;
    return;
  }
  for (uint64_t I = V.VStart; I < VL; ++I) {
    if (V.active(Masked, I))
      V.setBit(Vd, I, Body(I));
    else if (V.AgnosticOnes && V.Vma)
      V.setBit(Vd, I, true);
  }
  if (V.AgnosticOnes)
    for (uint64_t I = VL, E = uint64_t(V.VLenB) * 8; I < E; ++I)
      V.setBit(Vd, I, true);
  V.VStart = 0;
  noteVRegWrites(H, Vd, 1);
}

} // namespace snipgen::model::vec

#endif
