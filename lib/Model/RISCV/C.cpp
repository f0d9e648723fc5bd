//===- C.cpp - C extension (integer compressed forms) ---------------------===//
//
// LLVM decodes compressed instructions into their own opcodes with the
// operands already expanded: register numbers are full x0..x31 numbers
// (x8..x15 for the 3-bit fields) and immediates are scaled and
// sign-extended. Tied operands appear twice (C_ADDI is rd, rd, imm).
// Hints (rd == x0 forms of C.LI, C.LUI, C.MV, C.ADD, C.SLLI, C.ADDI with
// imm 0, C.NOP with imm != 0) decode to the same opcodes and behave as
// no-ops because writes to x0 are discarded; C_NOP_HINT is its own opcode.
// FP compressed forms (C_FLD, C_FSW, ...) live with the FP semantics.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

inline uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }

// rd = rd OP rs2 (operands rd, rd, rs2).
#define CR(NAME, EXPR)                                                         \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[1]], B = H.X[D.Ops[2]];                             \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }
// rd = rs1 OP imm (operands rd, rs1, imm).
#define CI(NAME, EXPR)                                                         \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[1]], B = uint64_t(D.Ops[2]);                        \
    (void)A;                                                                   \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }

CR(execC_ADD, A + B)
CR(execC_SUB, A - B)
CR(execC_AND, A & B)
CR(execC_OR, A | B)
CR(execC_XOR, A ^ B)
CR(execC_ADDW, sext32(A + B))
CR(execC_SUBW, sext32(A - B))
CI(execC_ADDI, A + B)
CI(execC_ADDIW, sext32(A + B))
CI(execC_ADDI16SP, A + B)
CI(execC_ADDI4SPN, A + B)
CI(execC_ANDI, A & B)
CI(execC_SLLI, A << (B & (H.XLen - 1)))
CI(execC_SRLI, H.xu(D.Ops[1]) >> (B & (H.XLen - 1)))
CI(execC_SRAI, uint64_t(int64_t(A) >> (B & (H.XLen - 1))))

StepStatus execC_LI(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], uint64_t(D.Ops[1]));
  return H.next(D);
}
StepStatus execC_LUI(Hart &H, const Decoded &D) {
  // The 6-bit field arrives as a 20-bit value (0xfffe0.. for negatives).
  H.writeX(D.Ops[0], sext32(uint64_t(D.Ops[1]) << 12));
  return H.next(D);
}
StepStatus execC_MV(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], H.X[D.Ops[1]]);
  return H.next(D);
}
StepStatus execC_NOP(Hart &H, const Decoded &D) { return H.next(D); }

StepStatus execC_J(Hart &H, const Decoded &D) {
  return H.jump(H.PC + uint64_t(D.Ops[0]));
}
StepStatus execC_JAL(Hart &H, const Decoded &D) { // RV32 only.
  uint64_t Link = H.PC + 2;
  StepStatus S = H.jump(H.PC + uint64_t(D.Ops[0]));
  if (S != StepStatus::Raised)
    H.writeX(1, Link);
  return S;
}
StepStatus execC_JR(Hart &H, const Decoded &D) {
  return H.jump(H.X[D.Ops[0]] & ~1ull);
}
StepStatus execC_JALR(Hart &H, const Decoded &D) {
  uint64_t Link = H.PC + 2;
  StepStatus S = H.jump(H.X[D.Ops[0]] & ~1ull); // Read rs1 before ra.
  if (S != StepStatus::Raised)
    H.writeX(1, Link);
  return S;
}
StepStatus execC_BEQZ(Hart &H, const Decoded &D) {
  if (H.X[D.Ops[0]] == 0)
    return H.jump(H.PC + uint64_t(D.Ops[1]));
  return H.next(D);
}
StepStatus execC_BNEZ(Hart &H, const Decoded &D) {
  if (H.X[D.Ops[0]] != 0)
    return H.jump(H.PC + uint64_t(D.Ops[1]));
  return H.next(D);
}
StepStatus execC_EBREAK(Hart &H, const Decoded &D) {
  return H.raise(Cause::Breakpoint, H.PC);
}
StepStatus execC_UNIMP(Hart &H, const Decoded &D) {
  return H.raise(Cause::IllegalInstr, D.Encoding);
}

// Loads rd, rs1, imm; stores rs2, rs1, imm.
#define CLOAD(NAME, T, S)                                                      \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    T V;                                                                       \
    if (!H.load<T>(H.X[D.Ops[1]] + uint64_t(D.Ops[2]), V))                     \
      return StepStatus::Raised;                                               \
    H.writeX(D.Ops[0], uint64_t(S(V)));                                        \
    return H.next(D);                                                          \
  }
#define CSTORE(NAME, T)                                                        \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    if (!H.store<T>(H.X[D.Ops[1]] + uint64_t(D.Ops[2]), T(H.X[D.Ops[0]])))     \
      return StepStatus::Raised;                                               \
    return H.next(D);                                                          \
  }
CLOAD(execC_LW, uint32_t, int32_t)
CLOAD(execC_LD, uint64_t, uint64_t)
CSTORE(execC_SW, uint32_t)
CSTORE(execC_SD, uint64_t)

} // namespace

void registerCompressedSemantics(SemanticTable &T) {
  T.add("C_ADD", execC_ADD);
  T.add("C_SUB", execC_SUB);
  T.add("C_AND", execC_AND);
  T.add("C_OR", execC_OR);
  T.add("C_XOR", execC_XOR);
  T.add("C_ADDW", execC_ADDW);
  T.add("C_SUBW", execC_SUBW);
  T.add("C_ADDI", execC_ADDI);
  T.add("C_ADDIW", execC_ADDIW);
  T.add("C_ADDI16SP", execC_ADDI16SP);
  T.add("C_ADDI4SPN", execC_ADDI4SPN);
  T.add("C_ANDI", execC_ANDI);
  T.add("C_SLLI", execC_SLLI);
  T.add("C_SRLI", execC_SRLI);
  T.add("C_SRAI", execC_SRAI);
  T.add("C_LI", execC_LI);
  T.add("C_LUI", execC_LUI);
  T.add("C_MV", execC_MV);
  T.add("C_NOP", execC_NOP);
  T.add("C_NOP_HINT", execC_NOP);
  T.add("C_J", execC_J);
  T.add("C_JAL", execC_JAL);
  T.add("C_JR", execC_JR);
  T.add("C_JALR", execC_JALR);
  T.add("C_BEQZ", execC_BEQZ);
  T.add("C_BNEZ", execC_BNEZ);
  T.add("C_EBREAK", execC_EBREAK);
  T.add("C_UNIMP", execC_UNIMP);
  T.add("C_LW", execC_LW);
  T.add("C_LWSP", execC_LW);
  T.add("C_LD", execC_LD);
  T.add("C_LDSP", execC_LD);
  T.add("C_SW", execC_SW);
  T.add("C_SWSP", execC_SW);
  T.add("C_SD", execC_SD);
  T.add("C_SDSP", execC_SD);
}

} // namespace snipgen::model
