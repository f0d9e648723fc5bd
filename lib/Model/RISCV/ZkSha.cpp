//===- ZkSha.cpp - Zknh: SHA-256 and SHA-512 sigma/sum functions ----------===//
//
// The FIPS 180-4 functions Σ0 Σ1 σ0 σ1. SHA-256 forms work on rs1[31:0] and
// sign-extend the 32-bit result (RV32 and RV64). SHA-512 forms are single
// instructions on RV64; on RV32 each 64-bit function is split in two: the
// high and low halves of σ0/σ1 (sig0h/sig0l, sig1h/sig1l, rs1 holding the
// half being produced and rs2 the other half), and Σ0/Σ1 whose halves are
// symmetric (sum0r/sum1r, rs1 the half being produced).
//===----------------------------------------------------------------------===//
#include "ZkCrypto.h"

namespace snipgen::model {
namespace {

using zk::sext32;

template <uint32_t (*Fn)(uint32_t)>
StepStatus exec32(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], sext32(Fn(uint32_t(H.X[D.Ops[1]]))));
  return H.next(D);
}
template <uint64_t (*Fn)(uint64_t)>
StepStatus exec64(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], Fn(H.X[D.Ops[1]]));
  return H.next(D);
}
// RV32 SHA-512 halves: A = rs1[31:0], B = rs2[31:0].
template <uint32_t (*Fn)(uint32_t, uint32_t)>
StepStatus execPair(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], sext32(Fn(uint32_t(H.X[D.Ops[1]]), uint32_t(H.X[D.Ops[2]]))));
  return H.next(D);
}

uint32_t sha256sig0(uint32_t X) {
  return std::rotr(X, 7) ^ std::rotr(X, 18) ^ (X >> 3);
}
uint32_t sha256sig1(uint32_t X) {
  return std::rotr(X, 17) ^ std::rotr(X, 19) ^ (X >> 10);
}
uint32_t sha256sum0(uint32_t X) {
  return std::rotr(X, 2) ^ std::rotr(X, 13) ^ std::rotr(X, 22);
}
uint32_t sha256sum1(uint32_t X) {
  return std::rotr(X, 6) ^ std::rotr(X, 11) ^ std::rotr(X, 25);
}

uint64_t sha512sig0(uint64_t X) {
  return std::rotr(X, 1) ^ std::rotr(X, 8) ^ (X >> 7);
}
uint64_t sha512sig1(uint64_t X) {
  return std::rotr(X, 19) ^ std::rotr(X, 61) ^ (X >> 6);
}
uint64_t sha512sum0(uint64_t X) {
  return std::rotr(X, 28) ^ std::rotr(X, 34) ^ std::rotr(X, 39);
}
uint64_t sha512sum1(uint64_t X) {
  return std::rotr(X, 14) ^ std::rotr(X, 18) ^ std::rotr(X, 41);
}

// The RV32 halves, as the scalar crypto spec defines them (each is the
// corresponding half of the 64-bit function above when rs1/rs2 hold the
// matching halves of the input).
uint32_t sha512sig0h(uint32_t A, uint32_t B) {
  return (A >> 1) ^ (A >> 7) ^ (A >> 8) ^ (B << 31) ^ (B << 24);
}
uint32_t sha512sig0l(uint32_t A, uint32_t B) {
  return (A >> 1) ^ (A >> 7) ^ (A >> 8) ^ (B << 31) ^ (B << 25) ^ (B << 24);
}
uint32_t sha512sig1h(uint32_t A, uint32_t B) {
  return (A << 3) ^ (A >> 6) ^ (A >> 19) ^ (B >> 29) ^ (B << 13);
}
uint32_t sha512sig1l(uint32_t A, uint32_t B) {
  return (A << 3) ^ (A >> 6) ^ (A >> 19) ^ (B >> 29) ^ (B << 26) ^ (B << 13);
}
uint32_t sha512sum0r(uint32_t A, uint32_t B) {
  return (A << 25) ^ (A << 30) ^ (A >> 28) ^ (B >> 7) ^ (B >> 2) ^ (B << 4);
}
uint32_t sha512sum1r(uint32_t A, uint32_t B) {
  return (A << 23) ^ (A >> 14) ^ (A >> 18) ^ (B >> 9) ^ (B << 18) ^ (B << 14);
}

} // namespace

void registerZkShaSemantics(SemanticTable &T) {
  T.add("SHA256SIG0", exec32<sha256sig0>);
  T.add("SHA256SIG1", exec32<sha256sig1>);
  T.add("SHA256SUM0", exec32<sha256sum0>);
  T.add("SHA256SUM1", exec32<sha256sum1>);
  T.add("SHA512SIG0", exec64<sha512sig0>);
  T.add("SHA512SIG1", exec64<sha512sig1>);
  T.add("SHA512SUM0", exec64<sha512sum0>);
  T.add("SHA512SUM1", exec64<sha512sum1>);
  T.add("SHA512SIG0H", execPair<sha512sig0h>);
  T.add("SHA512SIG0L", execPair<sha512sig0l>);
  T.add("SHA512SIG1H", execPair<sha512sig1h>);
  T.add("SHA512SIG1L", execPair<sha512sig1l>);
  T.add("SHA512SUM0R", execPair<sha512sum0r>);
  T.add("SHA512SUM1R", execPair<sha512sum1r>);
}

} // namespace snipgen::model
