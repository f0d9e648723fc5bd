//===- I.cpp - RV32I / RV64I base integer semantics -----------------------===//
//
// Operand order (MCInst): R-type rd, rs1, rs2; I-type rd, rs1, imm; loads
// rd, rs1, imm; stores rs2, rs1, imm; branches rs1, rs2, offset; JAL rd,
// offset; JALR rd, rs1, imm; LUI/AUIPC rd, imm20.
// X values are sign-extended on RV32 (see Semantics.h), so signed and
// unsigned compares work on the 64-bit values; right shifts and anything
// that looks at the upper bits use the XLEN view (H.xu).
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

inline uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }
inline unsigned shiftMask(const Hart &H) { return H.XLen - 1; }

#define RS1 H.X[D.Ops[1]]
#define RS2 H.X[D.Ops[2]]
#define IMM uint64_t(D.Ops[2])

// rd = EXPR over A (rs1) and B (rs2 or imm).
#define ALU(NAME, B_EXPR, EXPR)                                                \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = RS1, B = (B_EXPR);                                            \
    (void)A, (void)B;                                                          \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }

ALU(execADD, RS2, A + B)
ALU(execSUB, RS2, A - B)
ALU(execAND, RS2, A & B)
ALU(execOR, RS2, A | B)
ALU(execXOR, RS2, A ^ B)
ALU(execSLT, RS2, int64_t(A) < int64_t(B))
ALU(execSLTU, RS2, A < B)
ALU(execSLL, RS2, A << (B & shiftMask(H)))
ALU(execSRL, RS2, H.xu(D.Ops[1]) >> (B & shiftMask(H)))
ALU(execSRA, RS2, uint64_t(int64_t(A) >> (B & shiftMask(H))))
ALU(execADDI, IMM, A + B)
ALU(execANDI, IMM, A & B)
ALU(execORI, IMM, A | B)
ALU(execXORI, IMM, A ^ B)
ALU(execSLTI, IMM, int64_t(A) < int64_t(B))
ALU(execSLTIU, IMM, A < B)
ALU(execSLLI, IMM, A << (B & shiftMask(H)))
ALU(execSRLI, IMM, H.xu(D.Ops[1]) >> (B & shiftMask(H)))
ALU(execSRAI, IMM, uint64_t(int64_t(A) >> (B & shiftMask(H))))
// RV64 word forms: compute on 32 bits, sign-extend the result.
ALU(execADDW, RS2, sext32(A + B))
ALU(execSUBW, RS2, sext32(A - B))
ALU(execSLLW, RS2, sext32(uint32_t(A) << (B & 31)))
ALU(execSRLW, RS2, sext32(uint32_t(A) >> (B & 31)))
ALU(execSRAW, RS2, uint64_t(int64_t(int32_t(A) >> (B & 31))))
ALU(execADDIW, IMM, sext32(A + B))
ALU(execSLLIW, IMM, sext32(uint32_t(A) << (B & 31)))
ALU(execSRLIW, IMM, sext32(uint32_t(A) >> (B & 31)))
ALU(execSRAIW, IMM, uint64_t(int64_t(int32_t(A) >> (B & 31))))

StepStatus execLUI(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], sext32(uint64_t(D.Ops[1]) << 12));
  return H.next(D);
}
StepStatus execAUIPC(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], H.PC + sext32(uint64_t(D.Ops[1]) << 12));
  return H.next(D);
}

// The link register is written only once the jump is known not to fault.
StepStatus execJAL(Hart &H, const Decoded &D) {
  uint64_t Link = H.PC + D.Size;
  StepStatus S = H.jump(H.PC + uint64_t(D.Ops[1]));
  if (S != StepStatus::Raised)
    H.writeX(D.Ops[0], Link);
  return S;
}
StepStatus execJALR(Hart &H, const Decoded &D) {
  uint64_t Link = H.PC + D.Size;
  StepStatus S = H.jump((RS1 + uint64_t(D.Ops[2])) & ~1ull);
  if (S != StepStatus::Raised)
    H.writeX(D.Ops[0], Link);
  return S;
}

#define BRANCH(NAME, COND)                                                     \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[0]], B = H.X[D.Ops[1]];                             \
    if (COND)                                                                  \
      return H.jump(H.PC + uint64_t(D.Ops[2]));                                \
    return H.next(D);                                                          \
  }
BRANCH(execBEQ, A == B)
BRANCH(execBNE, A != B)
BRANCH(execBLT, int64_t(A) < int64_t(B))
BRANCH(execBGE, int64_t(A) >= int64_t(B))
BRANCH(execBLTU, A < B)
BRANCH(execBGEU, A >= B)

// Loads: T is the memory type, the cast to S gives the extension.
#define LOAD(NAME, T, S)                                                       \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    T V;                                                                       \
    if (!H.load<T>(RS1 + IMM, V))                                              \
      return StepStatus::Raised;                                               \
    H.writeX(D.Ops[0], uint64_t(S(V)));                                        \
    return H.next(D);                                                          \
  }
LOAD(execLB, uint8_t, int8_t)
LOAD(execLH, uint16_t, int16_t)
LOAD(execLW, uint32_t, int32_t)
LOAD(execLD, uint64_t, uint64_t)
LOAD(execLBU, uint8_t, uint8_t)
LOAD(execLHU, uint16_t, uint16_t)
LOAD(execLWU, uint32_t, uint32_t)

#define STORE(NAME, T)                                                         \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    if (!H.store<T>(RS1 + IMM, T(H.X[D.Ops[0]])))                              \
      return StepStatus::Raised;                                               \
    return H.next(D);                                                          \
  }
STORE(execSB, uint8_t)
STORE(execSH, uint16_t)
STORE(execSW, uint32_t)
STORE(execSD, uint64_t)

} // namespace

void registerIntegerSemantics(SemanticTable &T) {
  T.add("ADD", execADD);
  T.add("SUB", execSUB);
  T.add("AND", execAND);
  T.add("OR", execOR);
  T.add("XOR", execXOR);
  T.add("SLT", execSLT);
  T.add("SLTU", execSLTU);
  T.add("SLL", execSLL);
  T.add("SRL", execSRL);
  T.add("SRA", execSRA);
  T.add("ADDI", execADDI);
  T.add("ANDI", execANDI);
  T.add("ORI", execORI);
  T.add("XORI", execXORI);
  T.add("SLTI", execSLTI);
  T.add("SLTIU", execSLTIU);
  T.add("SLLI", execSLLI);
  T.add("SRLI", execSRLI);
  T.add("SRAI", execSRAI);
  T.add("ADDW", execADDW);
  T.add("SUBW", execSUBW);
  T.add("SLLW", execSLLW);
  T.add("SRLW", execSRLW);
  T.add("SRAW", execSRAW);
  T.add("ADDIW", execADDIW);
  T.add("SLLIW", execSLLIW);
  T.add("SRLIW", execSRLIW);
  T.add("SRAIW", execSRAIW);
  T.add("LUI", execLUI);
  T.add("AUIPC", execAUIPC);
  T.add("JAL", execJAL);
  T.add("JALR", execJALR);
  T.add("BEQ", execBEQ);
  T.add("BNE", execBNE);
  T.add("BLT", execBLT);
  T.add("BGE", execBGE);
  T.add("BLTU", execBLTU);
  T.add("BGEU", execBGEU);
  T.add("LB", execLB);
  T.add("LH", execLH);
  T.add("LW", execLW);
  T.add("LD", execLD);
  T.add("LBU", execLBU);
  T.add("LHU", execLHU);
  T.add("LWU", execLWU);
  T.add("SB", execSB);
  T.add("SH", execSH);
  T.add("SW", execSW);
  T.add("SD", execSD);
}

} // namespace snipgen::model
