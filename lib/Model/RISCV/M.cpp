//===- M.cpp - M extension: multiply and divide ---------------------------===//
//
// Division by zero and signed overflow never trap (spec 13.2): x/0 = -1,
// x%0 = x, MIN/-1 = MIN, MIN%-1 = 0. On RV32 the sign-extended operands make
// the 64-bit arithmetic give the 32-bit answers (MIN32 / -1 = 2^31, which
// writeX wraps back to MIN32), except the high-half multiplies, which look
// at XLEN explicitly.
//===----------------------------------------------------------------------===//
#include "Semantics.h"

namespace snipgen::model {
namespace {

using u128 = unsigned __int128;
using i128 = __int128;

inline uint64_t sext32(uint64_t V) { return uint64_t(int64_t(int32_t(V))); }

#define MOP(NAME, EXPR)                                                        \
  StepStatus NAME(Hart &H, const Decoded &D) {                                 \
    uint64_t A = H.X[D.Ops[1]], B = H.X[D.Ops[2]];                             \
    H.writeX(D.Ops[0], (EXPR));                                                \
    return H.next(D);                                                          \
  }

uint64_t mulh(const Hart &H, uint64_t A, uint64_t B) {
  if (H.XLen == 32)
    return uint64_t((int64_t(A) * int64_t(B)) >> 32);
  return uint64_t((i128(int64_t(A)) * i128(int64_t(B))) >> 64);
}
uint64_t mulhu(const Hart &H, uint64_t A, uint64_t B) {
  if (H.XLen == 32)
    return ((A & 0xffffffffull) * (B & 0xffffffffull)) >> 32;
  return uint64_t((u128(A) * u128(B)) >> 64);
}
uint64_t mulhsu(const Hart &H, uint64_t A, uint64_t B) {
  if (H.XLen == 32)
    return uint64_t((int64_t(A) * int64_t(B & 0xffffffffull)) >> 32);
  return uint64_t((i128(int64_t(A)) * i128(u128(B))) >> 64);
}

uint64_t div(uint64_t A, uint64_t B) {
  if (B == 0)
    return ~0ull;
  if (int64_t(A) == INT64_MIN && int64_t(B) == -1)
    return A;
  return uint64_t(int64_t(A) / int64_t(B));
}
uint64_t rem(uint64_t A, uint64_t B) {
  if (B == 0)
    return A;
  if (int64_t(A) == INT64_MIN && int64_t(B) == -1)
    return 0;
  return uint64_t(int64_t(A) % int64_t(B));
}
uint64_t divu(uint64_t A, uint64_t B) { return B == 0 ? ~0ull : A / B; }
uint64_t remu(uint64_t A, uint64_t B) { return B == 0 ? A : A % B; }

uint64_t divw(uint64_t A, uint64_t B) {
  int32_t X = int32_t(A), Y = int32_t(B);
  if (Y == 0)
    return ~0ull;
  if (X == INT32_MIN && Y == -1)
    return sext32(uint32_t(X));
  return sext32(uint32_t(X / Y));
}
uint64_t remw(uint64_t A, uint64_t B) {
  int32_t X = int32_t(A), Y = int32_t(B);
  if (Y == 0)
    return sext32(uint32_t(X));
  if (X == INT32_MIN && Y == -1)
    return 0;
  return sext32(uint32_t(X % Y));
}
uint64_t divuw(uint64_t A, uint64_t B) {
  uint32_t X = uint32_t(A), Y = uint32_t(B);
  return Y == 0 ? ~0ull : sext32(X / Y);
}
uint64_t remuw(uint64_t A, uint64_t B) {
  uint32_t X = uint32_t(A), Y = uint32_t(B);
  return sext32(Y == 0 ? X : X % Y);
}

MOP(execMUL, A *B)
MOP(execMULH, mulh(H, A, B))
MOP(execMULHU, mulhu(H, A, B))
MOP(execMULHSU, mulhsu(H, A, B))
MOP(execDIV, div(A, B))
MOP(execREM, rem(A, B))
// Unsigned forms use the XLEN-bit view of the operands.
MOP(execDIVU, divu(A & H.AddrMask, B & H.AddrMask))
MOP(execREMU, remu(A & H.AddrMask, B & H.AddrMask))
MOP(execMULW, sext32(uint32_t(A) * uint32_t(B)))
MOP(execDIVW, divw(A, B))
MOP(execREMW, remw(A, B))
MOP(execDIVUW, divuw(A, B))
MOP(execREMUW, remuw(A, B))

} // namespace

void registerMulDivSemantics(SemanticTable &T) {
  T.add("MUL", execMUL);
  T.add("MULH", execMULH);
  T.add("MULHU", execMULHU);
  T.add("MULHSU", execMULHSU);
  T.add("DIV", execDIV);
  T.add("DIVU", execDIVU);
  T.add("REM", execREM);
  T.add("REMU", execREMU);
  T.add("MULW", execMULW);
  T.add("DIVW", execDIVW);
  T.add("DIVUW", execDIVUW);
  T.add("REMW", execREMW);
  T.add("REMUW", execREMUW);
}

} // namespace snipgen::model
