//===- A.cpp - A extension: LR/SC and AMOs --------------------------------===//
//
// Operands: LR rd, rs1; SC and AMOs rd, rs2, rs1. The aq/rl variants are
// separate LLVM opcodes with identical semantics on a single in-order hart.
// The reservation covers the naturally aligned LR address and size; SC
// succeeds only with a valid reservation for the same address and size, any
// store (including an AMO or a debugger write) overlapping the reserved bytes
// cancels it, and every SC and every trap clears it. Misaligned
// LR/SC/AMOs raise address-misaligned whatever the misaligned policy.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

inline uint64_t sextN(uint64_t V, unsigned Size) {
  return Size == 4 ? uint64_t(int64_t(int32_t(V))) : V;
}

template <unsigned Size> StepStatus execLR(Hart &H, const Decoded &D) {
  uint64_t V;
  if (!H.loadReserved(H.X[D.Ops[1]], Size, V))
    return StepStatus::Raised;
  H.writeX(D.Ops[0], sextN(V, Size));
  return H.next(D);
}

template <unsigned Size> StepStatus execSC(Hart &H, const Decoded &D) {
  uint64_t Addr = H.X[D.Ops[2]] & H.AddrMask;
  uint64_t Value = H.X[D.Ops[1]];
  if (Addr & (Size - 1))
    return H.raise(Cause::StoreMisaligned, Addr,
                   "atomic access is not naturally aligned");
  bool Reserved = H.ReservationValid && H.ReservationAddr == Addr &&
                  H.ReservationSize == Size;
  if (Reserved && !H.storeAtomic(Addr, Size, Value)) {
    if (H.Pending.What != Event::HaltRetired)
      return StepStatus::Raised; // Access fault: reservation kept, no write.
    H.ReservationValid = false;
    H.writeX(D.Ops[0], 0);
    return StepStatus::Raised;
  }
  H.ReservationValid = false;
  H.writeX(D.Ops[0], Reserved ? 0 : 1);
  return H.next(D);
}

enum class AmoOp { Swap, Add, Xor, And, Or, Min, Max, MinU, MaxU };

template <AmoOp Op, unsigned Size>
uint64_t combine(uint64_t Old, uint64_t Src) {
  // Compare as Size-byte signed/unsigned values.
  int64_t SOld = int64_t(sextN(Old, Size)), SSrc = int64_t(sextN(Src, Size));
  uint64_t Mask = Size == 4 ? 0xffffffffull : ~0ull;
  uint64_t UOld = Old & Mask, USrc = Src & Mask;
  switch (Op) {
  case AmoOp::Swap: return Src;
  case AmoOp::Add: return Old + Src;
  case AmoOp::Xor: return Old ^ Src;
  case AmoOp::And: return Old & Src;
  case AmoOp::Or: return Old | Src;
  case AmoOp::Min: return SOld < SSrc ? Old : Src;
  case AmoOp::Max: return SOld > SSrc ? Old : Src;
  case AmoOp::MinU: return UOld < USrc ? Old : Src;
  case AmoOp::MaxU: return UOld > USrc ? Old : Src;
  }
  return Src;
}

template <AmoOp Op, unsigned Size>
StepStatus execAMO(Hart &H, const Decoded &D) {
  uint64_t Addr = H.X[D.Ops[2]];
  uint64_t Src = H.X[D.Ops[1]];
  uint64_t Old;
  // loadForAmo checks alignment and both rights, so the store cannot fault.
  if (!H.loadForAmo(Addr, Size, Old))
    return StepStatus::Raised;
  uint64_t New = combine<Op, Size>(Old, Src);
  if (Size == 4)
    New &= 0xffffffffull;
  bool Stored = H.storeAtomic(Addr, Size, New);
  H.writeX(D.Ops[0], sextN(Old, Size));
  if (!Stored)
    return StepStatus::Raised; // A tohost write ending the run.
  return H.next(D);
}

template <AmoOp Op, unsigned Size>
void addAmo(SemanticTable &T, const char *const Names[4]) {
  for (unsigned I = 0; I < 4; ++I)
    T.add(Names[I], execAMO<Op, Size>);
}

} // namespace

#define AMO_NAMES(BASE)                                                        \
  static const char *const BASE##Names[4] = {#BASE, #BASE "_AQ", #BASE "_RL",  \
                                             #BASE "_AQRL"};
AMO_NAMES(AMOSWAP_W)
AMO_NAMES(AMOADD_W)
AMO_NAMES(AMOXOR_W)
AMO_NAMES(AMOAND_W)
AMO_NAMES(AMOOR_W)
AMO_NAMES(AMOMIN_W)
AMO_NAMES(AMOMAX_W)
AMO_NAMES(AMOMINU_W)
AMO_NAMES(AMOMAXU_W)
AMO_NAMES(AMOSWAP_D)
AMO_NAMES(AMOADD_D)
AMO_NAMES(AMOXOR_D)
AMO_NAMES(AMOAND_D)
AMO_NAMES(AMOOR_D)
AMO_NAMES(AMOMIN_D)
AMO_NAMES(AMOMAX_D)
AMO_NAMES(AMOMINU_D)
AMO_NAMES(AMOMAXU_D)
AMO_NAMES(LR_W)
AMO_NAMES(LR_D)
AMO_NAMES(SC_W)
AMO_NAMES(SC_D)

void registerAtomicSemantics(SemanticTable &T) {
  addAmo<AmoOp::Swap, 4>(T, AMOSWAP_WNames);
  addAmo<AmoOp::Add, 4>(T, AMOADD_WNames);
  addAmo<AmoOp::Xor, 4>(T, AMOXOR_WNames);
  addAmo<AmoOp::And, 4>(T, AMOAND_WNames);
  addAmo<AmoOp::Or, 4>(T, AMOOR_WNames);
  addAmo<AmoOp::Min, 4>(T, AMOMIN_WNames);
  addAmo<AmoOp::Max, 4>(T, AMOMAX_WNames);
  addAmo<AmoOp::MinU, 4>(T, AMOMINU_WNames);
  addAmo<AmoOp::MaxU, 4>(T, AMOMAXU_WNames);
  addAmo<AmoOp::Swap, 8>(T, AMOSWAP_DNames);
  addAmo<AmoOp::Add, 8>(T, AMOADD_DNames);
  addAmo<AmoOp::Xor, 8>(T, AMOXOR_DNames);
  addAmo<AmoOp::And, 8>(T, AMOAND_DNames);
  addAmo<AmoOp::Or, 8>(T, AMOOR_DNames);
  addAmo<AmoOp::Min, 8>(T, AMOMIN_DNames);
  addAmo<AmoOp::Max, 8>(T, AMOMAX_DNames);
  addAmo<AmoOp::MinU, 8>(T, AMOMINU_DNames);
  addAmo<AmoOp::MaxU, 8>(T, AMOMAXU_DNames);
  for (unsigned I = 0; I < 4; ++I) {
    T.add(LR_WNames[I], execLR<4>);
    T.add(LR_DNames[I], execLR<8>);
    T.add(SC_WNames[I], execSC<4>);
    T.add(SC_DNames[I], execSC<8>);
  }
}

} // namespace snipgen::model
