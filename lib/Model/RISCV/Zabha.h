//===- Zabha.h - Shared pieces of Zacas.cpp and Zabha.cpp -------*- C++ -*-===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_ZABHA_H
#define SNIPGEN_LIB_MODEL_RISCV_ZABHA_H

#include "Semantics.h"

namespace snipgen::model {

/// Sign-extends the low Size bytes of V.
inline uint64_t sextBytes(uint64_t V, unsigned Size) {
  unsigned Shift = 64 - 8 * Size;
  return uint64_t(int64_t(V << Shift) >> Shift);
}
inline uint64_t maskBytes(uint64_t V, unsigned Size) {
  return Size == 8 ? V : V & ((1ull << (8 * Size)) - 1);
}

/// AMOCAS.B/H/W and AMOCAS.D on RV64 (one register each): operands rd, rd,
/// rs2, rs1. See Zacas.cpp for the rules.
template <unsigned Size> StepStatus execCasSingle(Hart &H, const Decoded &D) {
  uint64_t Cmp = maskBytes(H.X[D.Ops[0]], Size);
  uint64_t New = maskBytes(H.X[D.Ops[2]], Size);
  uint64_t Old;
  // Checks natural alignment, read and write rights (store/AMO causes).
  if (!H.loadForAmo(H.X[D.Ops[3]], Size, Old))
    return StepStatus::Raised;
  bool Halt = Old == Cmp && !H.storeAtomic(H.X[D.Ops[3]], Size, New);
  H.writeX(D.Ops[0], sextBytes(Old, Size));
  return Halt ? StepStatus::Raised : H.next(D); // Halt: a tohost write.
}

void registerZabhaSemantics(SemanticTable &T); // Zabha.cpp

} // namespace snipgen::model

#endif
