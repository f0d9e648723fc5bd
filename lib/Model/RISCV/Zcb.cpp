//===- Zcb.cpp - Zcb: additional compressed instructions --------------------===//
//
// Each Zcb instruction is defined as an expansion to a 32-bit instruction:
//   c.lbu rd', uimm(rs1')  -> lbu      c.lhu rd', uimm(rs1') -> lhu
//   c.lh  rd', uimm(rs1')  -> lh       c.sb rs2', uimm(rs1') -> sb
//   c.sh  rs2', uimm(rs1') -> sh       c.zext.b rd'  -> andi rd', rd', 0xff
//   c.sext.b rd' -> sext.b (Zbb)       c.zext.h rd'  -> zext.h (Zbb)
//   c.sext.h rd' -> sext.h (Zbb)       c.zext.w rd'  -> add.uw rd', rd', x0
//   c.not rd'    -> xori rd', rd', -1  c.mul rd', rs2' -> mul rd', rd', rs2'
// MCInst operands: loads rd, rs1, imm; stores rs2, rs1, imm; the unary forms
// rd, rd (tied); C_MUL rd, rd, rs2. The availability rules (Zbb for the
// sign/zero extensions, Zba and RV64 for c.zext.w, M or Zmmul for c.mul) are
// the decoder's, which is built for exactly the selected features.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

template <typename T, typename S> StepStatus execLoad(Hart &H, const Decoded &D) {
  T V;
  if (!H.load<T>(H.X[D.Ops[1]] + uint64_t(D.Ops[2]), V))
    return StepStatus::Raised;
  H.writeX(D.Ops[0], uint64_t(int64_t(S(V))));
  return H.next(D);
}

template <typename T> StepStatus execStore(Hart &H, const Decoded &D) {
  if (!H.store<T>(H.X[D.Ops[1]] + uint64_t(D.Ops[2]), T(H.X[D.Ops[0]])))
    return StepStatus::Raised;
  return H.next(D);
}

#define UNARY(NAME, EXPR)                                                      \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[1]];                                                \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }
UNARY(execZextB, A & 0xff)
UNARY(execSextB, uint64_t(int64_t(int8_t(A))))
UNARY(execZextH, A & 0xffff)
UNARY(execSextH, uint64_t(int64_t(int16_t(A))))
UNARY(execZextW, A & 0xffffffffull)
UNARY(execNot, ~A)
#undef UNARY

StepStatus execMul(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], H.X[D.Ops[1]] * H.X[D.Ops[2]]); // Low XLEN bits.
  return H.next(D);
}

} // namespace

void registerZcbSemantics(SemanticTable &T) {
  T.add("C_LBU", execLoad<uint8_t, uint8_t>);
  T.add("C_LHU", execLoad<uint16_t, uint16_t>);
  T.add("C_LH", execLoad<uint16_t, int16_t>);
  T.add("C_SB", execStore<uint8_t>);
  T.add("C_SH", execStore<uint16_t>);
  T.add("C_ZEXT_B", execZextB);
  T.add("C_SEXT_B", execSextB);
  T.add("C_ZEXT_H", execZextH);
  T.add("C_SEXT_H", execSextH);
  T.add("C_ZEXT_W", execZextW);
  T.add("C_NOT", execNot);
  T.add("C_MUL", execMul);
}

} // namespace snipgen::model
