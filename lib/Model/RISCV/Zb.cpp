//===- Zb.cpp - Zba, Zbb, Zbc, Zbs bit manipulation -----------------------===//
//
// Everything that depends on the register width works on the XLEN-bit view
// (H.xu) and lets writeX sign-extend RV32 results. Bit indices and rotate
// amounts are taken modulo XLEN (bset beyond XLEN wraps, as the spec's
// `index = rs2 & (XLEN - 1)` says).
//===----------------------------------------------------------------------===//
#include "Semantics.h"
#include <bit>

namespace snipgen::model {
namespace {

inline uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }
inline uint64_t zext32(uint64_t V) { return V & 0xffffffffull; }

#define OP(NAME, B_EXPR, EXPR)                                                 \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[1]], B = (B_EXPR);                                  \
    (void)A, (void)B;                                                          \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }
#define RS2 H.X[D.Ops[2]]
#define IMM uint64_t(D.Ops[2])
#define NONE uint64_t(0)
#define XU H.xu(D.Ops[1])
#define IDX (B & (H.XLen - 1))

uint64_t rotl(const Hart &H, uint64_t V, unsigned N) {
  if (H.XLen == 32)
    return std::rotl(uint32_t(V), int(N & 31));
  return std::rotl(V, int(N & 63));
}
uint64_t rotr(const Hart &H, uint64_t V, unsigned N) {
  if (H.XLen == 32)
    return std::rotr(uint32_t(V), int(N & 31));
  return std::rotr(V, int(N & 63));
}
uint64_t orcb(uint64_t V) {
  uint64_t R = 0;
  for (unsigned I = 0; I < 64; I += 8)
    if ((V >> I) & 0xff)
      R |= 0xffull << I;
  return R;
}
uint64_t rev8(const Hart &H, uint64_t V) {
  return H.XLen == 32 ? __builtin_bswap32(uint32_t(V)) : __builtin_bswap64(V);
}
// Carry-less products of the XLEN-bit values: low half, high half, and
// bits [2*XLEN-2 : XLEN-1] ("reversed").
uint64_t clmul(unsigned XLen, uint64_t A, uint64_t B) {
  uint64_t R = 0;
  for (unsigned I = 0; I < XLen; ++I)
    if ((B >> I) & 1)
      R ^= A << I;
  return R;
}
uint64_t clmulh(unsigned XLen, uint64_t A, uint64_t B) {
  uint64_t R = 0;
  for (unsigned I = 1; I < XLen; ++I)
    if ((B >> I) & 1)
      R ^= A >> (XLen - I);
  return R;
}
uint64_t clmulr(unsigned XLen, uint64_t A, uint64_t B) {
  uint64_t R = 0;
  for (unsigned I = 0; I < XLen; ++I)
    if ((B >> I) & 1)
      R ^= A >> (XLen - I - 1);
  return R;
}

// Zba
OP(execSH1ADD, RS2, (A << 1) + B)
OP(execSH2ADD, RS2, (A << 2) + B)
OP(execSH3ADD, RS2, (A << 3) + B)
OP(execADD_UW, RS2, zext32(A) + B)
OP(execSH1ADD_UW, RS2, (zext32(A) << 1) + B)
OP(execSH2ADD_UW, RS2, (zext32(A) << 2) + B)
OP(execSH3ADD_UW, RS2, (zext32(A) << 3) + B)
OP(execSLLI_UW, IMM, zext32(A) << (B & 63))
// Zbb
OP(execANDN, RS2, A & ~B)
OP(execORN, RS2, A | ~B)
OP(execXNOR, RS2, ~(A ^ B))
OP(execCLZ, NONE, H.XLen == 32 ? std::countl_zero(uint32_t(A)) : std::countl_zero(A))
OP(execCTZ, NONE, H.XLen == 32 ? std::countr_zero(uint32_t(A)) : std::countr_zero(A))
OP(execCPOP, NONE, std::popcount(XU))
OP(execCLZW, NONE, std::countl_zero(uint32_t(A)))
OP(execCTZW, NONE, std::countr_zero(uint32_t(A)))
OP(execCPOPW, NONE, std::popcount(uint32_t(A)))
OP(execMAX, RS2, int64_t(A) > int64_t(B) ? A : B)
OP(execMIN, RS2, int64_t(A) < int64_t(B) ? A : B)
OP(execMAXU, RS2, A > B ? A : B)
OP(execMINU, RS2, A < B ? A : B)
OP(execSEXT_B, NONE, uint64_t(int64_t(int8_t(A))))
OP(execSEXT_H, NONE, uint64_t(int64_t(int16_t(A))))
OP(execZEXT_H, NONE, A & 0xffff)
OP(execROL, RS2, rotl(H, A, unsigned(B)))
OP(execROR, RS2, rotr(H, A, unsigned(B)))
OP(execRORI, IMM, rotr(H, A, unsigned(B)))
OP(execROLW, RS2, sext32(std::rotl(uint32_t(A), int(B & 31))))
OP(execRORW, RS2, sext32(std::rotr(uint32_t(A), int(B & 31))))
OP(execRORIW, IMM, sext32(std::rotr(uint32_t(A), int(B & 31))))
OP(execORC_B, NONE, orcb(XU))
OP(execREV8, NONE, rev8(H, A))
// Zbc
OP(execCLMUL, RS2 & H.AddrMask, clmul(H.XLen, XU, B))
OP(execCLMULH, RS2 & H.AddrMask, clmulh(H.XLen, XU, B))
OP(execCLMULR, RS2 & H.AddrMask, clmulr(H.XLen, XU, B))
// Zbs
OP(execBCLR, RS2, A & ~(1ull << IDX))
OP(execBCLRI, IMM, A & ~(1ull << IDX))
OP(execBSET, RS2, A | (1ull << IDX))
OP(execBSETI, IMM, A | (1ull << IDX))
OP(execBINV, RS2, A ^ (1ull << IDX))
OP(execBINVI, IMM, A ^ (1ull << IDX))
OP(execBEXT, RS2, (XU >> IDX) & 1)
OP(execBEXTI, IMM, (XU >> IDX) & 1)

} // namespace

void registerBitManipSemantics(SemanticTable &T) {
  T.add("SH1ADD", execSH1ADD);
  T.add("SH2ADD", execSH2ADD);
  T.add("SH3ADD", execSH3ADD);
  T.add("ADD_UW", execADD_UW);
  T.add("SH1ADD_UW", execSH1ADD_UW);
  T.add("SH2ADD_UW", execSH2ADD_UW);
  T.add("SH3ADD_UW", execSH3ADD_UW);
  T.add("SLLI_UW", execSLLI_UW);
  T.add("ANDN", execANDN);
  T.add("ORN", execORN);
  T.add("XNOR", execXNOR);
  T.add("CLZ", execCLZ);
  T.add("CTZ", execCTZ);
  T.add("CPOP", execCPOP);
  T.add("CLZW", execCLZW);
  T.add("CTZW", execCTZW);
  T.add("CPOPW", execCPOPW);
  T.add("MAX", execMAX);
  T.add("MIN", execMIN);
  T.add("MAXU", execMAXU);
  T.add("MINU", execMINU);
  T.add("SEXT_B", execSEXT_B);
  T.add("SEXT_H", execSEXT_H);
  T.add("ZEXT_H_RV32", execZEXT_H);
  T.add("ZEXT_H_RV64", execZEXT_H);
  T.add("ROL", execROL);
  T.add("ROR", execROR);
  T.add("RORI", execRORI);
  T.add("ROLW", execROLW);
  T.add("RORW", execRORW);
  T.add("RORIW", execRORIW);
  T.add("ORC_B", execORC_B);
  T.add("REV8_RV32", execREV8);
  T.add("REV8_RV64", execREV8);
  T.add("CLMUL", execCLMUL);
  T.add("CLMULH", execCLMULH);
  T.add("CLMULR", execCLMULR);
  T.add("BCLR", execBCLR);
  T.add("BCLRI", execBCLRI);
  T.add("BSET", execBSET);
  T.add("BSETI", execBSETI);
  T.add("BINV", execBINV);
  T.add("BINVI", execBINVI);
  T.add("BEXT", execBEXT);
  T.add("BEXTI", execBEXTI);
}

} // namespace snipgen::model
