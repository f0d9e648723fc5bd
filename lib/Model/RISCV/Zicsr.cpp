//===- Zicsr.cpp - Zicsr, Zifencei and the privileged instructions --------===//
//
// CSR instructions: operands rd, csr, rs1 (or uimm5 for the I forms).
// CSRRW always writes (and always checks the CSR exists); CSRRS/CSRRC write
// only when rs1 is not x0 (uimm not 0), so reading a read-only CSR with them
// is legal. A failing access raises illegal instruction with no effect.
// Only machine mode exists: SRET, DRET and SFENCE.VMA are illegal.
//===----------------------------------------------------------------------===//
#include "Machine.h"

namespace snipgen::model {
namespace {

enum class CsrOp { Write, Set, Clear };

template <CsrOp Op, bool Immediate>
StepStatus execCsr(Hart &H, const Decoded &D) {
  uint16_t Num = uint16_t(D.Ops[1]);
  uint64_t Src = Immediate ? uint64_t(D.Ops[2]) : H.X[D.Ops[2]];
  bool SourceIsZero = D.Ops[2] == 0; // x0, or uimm 0.
  uint64_t Old = 0;
  if (!H.readCsr(Num, Old))
    return H.raise(Cause::IllegalInstr, D.Encoding);
  if (Op == CsrOp::Write || !SourceIsZero) {
    uint64_t New = Op == CsrOp::Write ? Src
                   : Op == CsrOp::Set ? Old | Src
                                      : Old & ~Src;
    if (!H.writeCsr(Num, New))
      return H.raise(Cause::IllegalInstr, D.Encoding);
  }
  H.writeX(D.Ops[0], Old);
  return H.next(D);
}

StepStatus execECALL(Hart &H, const Decoded &D) {
  return H.raise(Cause::EcallFromM, 0);
}
StepStatus execEBREAK(Hart &H, const Decoded &D) {
  return H.raise(Cause::Breakpoint, H.PC);
}
StepStatus execMRET(Hart &H, const Decoded &D) {
  // MIE <- MPIE, MPIE <- 1, MPP stays M (the only mode).
  uint64_t MPIE = (H.Mstatus >> 7) & 1;
  H.Mstatus = (H.Mstatus & ~(1ull << 3)) | (MPIE << 3) | (1ull << 7);
  if (LLVM_UNLIKELY(H.Observed)) {
    uint64_t V = 0;
    H.readCsr(csr::Mstatus, V);
    H.Log.add(StepLog::Csr, csr::Mstatus, 0, V, 0);
  }
  H.PC = H.Mepc & H.AddrMask; // mepc is kept aligned by its WARL rule.
  return StepStatus::Jumped;
}
StepStatus execNop(Hart &H, const Decoded &D) { return H.next(D); }
StepStatus execFENCE_I(Hart &H, const Decoded &D) {
  H.Owner->flushCode();
  return H.next(D);
}
StepStatus execIllegal(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding);
}

} // namespace

void registerSystemSemantics(SemanticTable &T) {
  T.add("CSRRW", execCsr<CsrOp::Write, false>);
  T.add("CSRRS", execCsr<CsrOp::Set, false>);
  T.add("CSRRC", execCsr<CsrOp::Clear, false>);
  T.add("CSRRWI", execCsr<CsrOp::Write, true>);
  T.add("CSRRSI", execCsr<CsrOp::Set, true>);
  T.add("CSRRCI", execCsr<CsrOp::Clear, true>);
  T.add("ECALL", execECALL);
  T.add("EBREAK", execEBREAK);
  T.add("MRET", execMRET);
  T.add("WFI", execNop); // No interrupt sources: waiting ends at once.
  T.add("FENCE", execNop);
  T.add("FENCE_TSO", execNop);
  T.add("FENCE_I", execFENCE_I);
  T.add("SRET", execIllegal);
  T.add("DRET", execIllegal);
  T.add("SFENCE_VMA", execIllegal);
  T.add("UNIMP", execIllegal);
}

} // namespace snipgen::model
