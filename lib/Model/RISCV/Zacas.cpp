//===- Zacas.cpp - Zacas: atomic compare-and-swap -------------------------===//
//
// AMOCAS.W/D/Q rd, rs2, (rs1): MCInst operands rd, rd (tied: rd is also the
// compare value), rs2, rs1. The aq/rl variants are separate LLVM opcodes with
// the same semantics on a single in-order hart.
//
// From the Zacas specification:
// * the value at rs1 is loaded, compared with rd, and rs2 is stored when
//   they are equal; rd always receives the loaded value (AMOCAS.W on RV64
//   and the B/H forms of Zabha sign-extend it; the compare uses only the low
//   bits of rd);
// * AMOCAS.D on RV32 and AMOCAS.Q on RV64 operate on register pairs: rd and
//   rs2 must be even (odd numbers are reserved encodings, which the LLVM
//   decoder already refuses, so they raise illegal instruction); the even
//   register holds the low half; a pair x0 reads as all zeros and, as rd,
//   writes nothing (not even x1);
// * an AMOCAS always requires write permission, whether or not the compare
//   succeeds; a misaligned address raises store/AMO address-misaligned
//   (like every AMO of this model, whatever the misaligned-access policy);
//   access faults are store/AMO access faults.
// * An unsuccessful AMOCAS "may either not perform a memory write or may
//   write back the old value". This model does not write (as Spike does); so
//   a failing AMOCAS neither cancels an LR reservation nor counts as a store
//   for tohost or self-modifying code. A successful one is a store and
//   cancels an overlapping reservation (storeSlow does that for all stores).
//
// Zabha's byte and halfword forms (AMO*.B/H, AMOCAS.B/H) are in Zabha.cpp.
//===----------------------------------------------------------------------===//
#include "Machine.h"
#include "Zabha.h"

namespace snipgen::model {
namespace {

/// Register pair value (Half bytes per register), x0 pair reads zero.
template <unsigned Half> void readPair(const Hart &H, int64_t R,
                                       uint64_t &Lo, uint64_t &Hi) {
  constexpr uint64_t Mask = Half == 8 ? ~0ull : (1ull << (8 * Half)) - 1;
  if (R == 0) {
    Lo = Hi = 0;
    return;
  }
  Lo = H.X[R] & Mask;
  Hi = H.X[R + 1] & Mask;
}

/// AMOCAS.D (RV32, Half = 4) and AMOCAS.Q (RV64, Half = 8).
template <unsigned Half> StepStatus execCasPair(Hart &H, const Decoded &D) {
  constexpr unsigned Size = 2 * Half;
  int64_t Rd = D.Ops[0], Rs2 = D.Ops[2];
  uint64_t Addr = H.X[D.Ops[3]] & H.AddrMask;
  auto Fail = [&](Cause C, const char *Why) {
    H.raise(C, Addr, Why);
    H.Pending.Addr = Addr;
    H.Pending.AccessSize = uint8_t(Size);
    return StepStatus::Raised;
  };
  if (Addr & (Size - 1))
    return Fail(Cause::StoreMisaligned,
                "atomic access is not naturally aligned");
  // The whole pair must lie in one region, so that neither half can fault
  // after the other was accessed.
  Machine &M = *H.Owner;
  if (!M.findRegion(Addr, Size))
    return Fail(Cause::StoreAccessFault,
                M.findRegion(Addr, 1) ? "access crosses the end of its region"
                                      : "outside every region");
  uint64_t CmpLo, CmpHi, NewLo, NewHi, OldLo, OldHi;
  readPair<Half>(H, Rd, CmpLo, CmpHi);
  readPair<Half>(H, Rs2, NewLo, NewHi);
  // loadForAmo checks the read and write rights.
  if (!H.loadForAmo(Addr, Half, OldLo) || !H.loadForAmo(Addr + Half, Half, OldHi))
    return StepStatus::Raised;
  bool Halt = false;
  if (OldLo == CmpLo && OldHi == CmpHi) {
    Halt |= !H.storeAtomic(Addr, Half, NewLo);
    Halt |= !H.storeAtomic(Addr + Half, Half, NewHi);
  }
  if (Rd != 0) {
    H.writeX(Rd, OldLo);     // writeX sign-extends a 32-bit half on RV32.
    H.writeX(Rd + 1, OldHi);
  }
  return Halt ? StepStatus::Raised : H.next(D); // Halt: a tohost write.
}

const char *const CasWNames[] = {"AMOCAS_W", "AMOCAS_W_AQ", "AMOCAS_W_RL",
                                 "AMOCAS_W_AQRL"};
const char *const CasD64Names[] = {"AMOCAS_D_RV64", "AMOCAS_D_RV64_AQ",
                                   "AMOCAS_D_RV64_RL", "AMOCAS_D_RV64_AQRL"};
const char *const CasD32Names[] = {"AMOCAS_D_RV32", "AMOCAS_D_RV32_AQ",
                                   "AMOCAS_D_RV32_RL", "AMOCAS_D_RV32_AQRL"};
const char *const CasQNames[] = {"AMOCAS_Q", "AMOCAS_Q_AQ", "AMOCAS_Q_RL",
                                 "AMOCAS_Q_AQRL"};

} // namespace

void registerAtomicExtSemantics(SemanticTable &T) {
  for (unsigned I = 0; I < 4; ++I) {
    T.add(CasWNames[I], execCasSingle<4>);
    T.add(CasD64Names[I], execCasSingle<8>);
    T.add(CasD32Names[I], execCasPair<4>);
    T.add(CasQNames[I], execCasPair<8>);
  }
  registerZabhaSemantics(T);
}

} // namespace snipgen::model
