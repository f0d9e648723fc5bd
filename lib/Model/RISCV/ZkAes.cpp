//===- ZkAes.cpp - Zkne and Zknd: AES round instructions ------------------===//
//
// RV32 (aes32*): one S-box lookup of byte bs of rs2, optionally one column's
// worth of (Inv)MixColumns, rotated into byte position bs and XORed into
// rs1. RV64 (aes64*): half a round on the 128-bit state held in rs1 (columns
// 0-1) and rs2 (columns 2-3): ShiftRows picks the eight bytes of output
// columns 0-1, then SubBytes and optionally (Inv)MixColumns. Key schedule:
// aes64ks1i (round number 0..10; 11..15 are reserved and raise an
// illegal-instruction exception, as QEMU does) and aes64ks2.
//===----------------------------------------------------------------------===//
#include "ZkCrypto.h"

namespace snipgen::model {
namespace {

using zk::AesSboxFwd;
using zk::AesSboxInv;

uint8_t mul(uint8_t X, uint8_t Y) { return zk::gfMul(X, Y, zk::AesPoly); }

uint32_t bytes(uint8_t B3, uint8_t B2, uint8_t B1, uint8_t B0) {
  return uint32_t(B3) << 24 | uint32_t(B2) << 16 | uint32_t(B1) << 8 | B0;
}

// One byte's contribution to a column: MixColumns multiplies the column by
// {03 01 01 02} (byte 3..0), InvMixColumns by {0b 0d 09 0e}.
uint32_t mixByteFwd(uint8_t S) { return bytes(mul(S, 3), S, S, mul(S, 2)); }
uint32_t mixByteInv(uint8_t S) {
  return bytes(mul(S, 0xb), mul(S, 0xd), mul(S, 9), mul(S, 0xe));
}

uint32_t mixColumnFwd(uint32_t X) {
  uint8_t S0 = uint8_t(X), S1 = uint8_t(X >> 8), S2 = uint8_t(X >> 16),
          S3 = uint8_t(X >> 24);
  return bytes(mul(S0, 3) ^ S1 ^ S2 ^ mul(S3, 2),
               S0 ^ S1 ^ mul(S2, 2) ^ mul(S3, 3),
               S0 ^ mul(S1, 2) ^ mul(S2, 3) ^ S3,
               mul(S0, 2) ^ mul(S1, 3) ^ S2 ^ S3);
}

uint32_t mixColumnInv(uint32_t X) {
  uint8_t S0 = uint8_t(X), S1 = uint8_t(X >> 8), S2 = uint8_t(X >> 16),
          S3 = uint8_t(X >> 24);
  return bytes(mul(S0, 0xb) ^ mul(S1, 0xd) ^ mul(S2, 9) ^ mul(S3, 0xe),
               mul(S0, 0xd) ^ mul(S1, 9) ^ mul(S2, 0xe) ^ mul(S3, 0xb),
               mul(S0, 9) ^ mul(S1, 0xe) ^ mul(S2, 0xb) ^ mul(S3, 0xd),
               mul(S0, 0xe) ^ mul(S1, 0xb) ^ mul(S2, 0xd) ^ mul(S3, 9));
}

// --- RV32 -------------------------------------------------------------------
enum class Aes32 { Enc, EncMix, Dec, DecMix };

template <Aes32 K> StepStatus execAES32(Hart &H, const Decoded &D) {
  unsigned Shamt = unsigned(D.Ops[3] & 3) * 8;
  uint8_t In = uint8_t(H.X[D.Ops[2]] >> Shamt);
  uint32_t Word;
  if constexpr (K == Aes32::Enc)
    Word = AesSboxFwd[In];
  else if constexpr (K == Aes32::EncMix)
    Word = mixByteFwd(AesSboxFwd[In]);
  else if constexpr (K == Aes32::Dec)
    Word = AesSboxInv[In];
  else
    Word = mixByteInv(AesSboxInv[In]);
  uint32_t R = uint32_t(H.X[D.Ops[1]]) ^ std::rotl(Word, int(Shamt));
  H.writeX(D.Ops[0], zk::sext32(R));
  return H.next(D);
}

// --- RV64 -------------------------------------------------------------------
uint8_t byteOf(uint64_t X, unsigned I) { return uint8_t(X >> (8 * I)); }

uint64_t bytes64(const uint8_t (&B)[8]) { // B[0] is the least significant.
  uint64_t R = 0;
  for (unsigned I = 0; I < 8; ++I)
    R |= uint64_t(B[I]) << (8 * I);
  return R;
}

// Bytes of output columns 0 and 1 after (Inv)ShiftRows of the state whose
// columns 0-1 are in Lo (rs1) and columns 2-3 in Hi (rs2).
uint64_t shiftRowsFwd(uint64_t Lo, uint64_t Hi) {
  const uint8_t B[8] = {byteOf(Lo, 0), byteOf(Lo, 5), byteOf(Hi, 2),
                        byteOf(Hi, 7), byteOf(Lo, 4), byteOf(Hi, 1),
                        byteOf(Hi, 6), byteOf(Lo, 3)};
  return bytes64(B);
}
uint64_t shiftRowsInv(uint64_t Lo, uint64_t Hi) {
  const uint8_t B[8] = {byteOf(Lo, 0), byteOf(Hi, 5), byteOf(Hi, 2),
                        byteOf(Lo, 7), byteOf(Lo, 4), byteOf(Lo, 1),
                        byteOf(Hi, 6), byteOf(Hi, 3)};
  return bytes64(B);
}

uint64_t subBytes(uint64_t X, const std::array<uint8_t, 256> &Box) {
  uint64_t R = 0;
  for (unsigned I = 0; I < 8; ++I)
    R |= uint64_t(Box[byteOf(X, I)]) << (8 * I);
  return R;
}

uint64_t mixBoth(uint64_t X, uint32_t (*Mix)(uint32_t)) {
  return uint64_t(Mix(uint32_t(X >> 32))) << 32 | Mix(uint32_t(X));
}

StepStatus execAES64ES(Hart &H, const Decoded &D) {
  uint64_t S = shiftRowsFwd(H.X[D.Ops[1]], H.X[D.Ops[2]]);
  H.writeX(D.Ops[0], subBytes(S, AesSboxFwd));
  return H.next(D);
}
StepStatus execAES64ESM(Hart &H, const Decoded &D) {
  uint64_t S = shiftRowsFwd(H.X[D.Ops[1]], H.X[D.Ops[2]]);
  H.writeX(D.Ops[0], mixBoth(subBytes(S, AesSboxFwd), mixColumnFwd));
  return H.next(D);
}
StepStatus execAES64DS(Hart &H, const Decoded &D) {
  uint64_t S = shiftRowsInv(H.X[D.Ops[1]], H.X[D.Ops[2]]);
  H.writeX(D.Ops[0], subBytes(S, AesSboxInv));
  return H.next(D);
}
StepStatus execAES64DSM(Hart &H, const Decoded &D) {
  uint64_t S = shiftRowsInv(H.X[D.Ops[1]], H.X[D.Ops[2]]);
  H.writeX(D.Ops[0], mixBoth(subBytes(S, AesSboxInv), mixColumnInv));
  return H.next(D);
}
StepStatus execAES64IM(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], mixBoth(H.X[D.Ops[1]], mixColumnInv));
  return H.next(D);
}

// KeyExpansion step on the last word of the previous round key (rs1[63:32]):
// SubWord(RotWord(w)) ^ Rcon for rounds 0..9; SubWord(w) alone for 0xA (the
// AES-256 odd step).
StepStatus execAES64KS1I(Hart &H, const Decoded &D) {
  uint64_t Rnum = uint64_t(D.Ops[2]);
  if (Rnum > 0xA)
    return H.raise(Cause::IllegalInstr, D.Encoding,
                   "aes64ks1i round number 0xB..0xF is reserved");
  static constexpr uint8_t Rcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10,
                                       0x20, 0x40, 0x80, 0x1b, 0x36};
  uint32_t W = uint32_t(H.X[D.Ops[1]] >> 32);
  if (Rnum != 0xA)
    W = std::rotr(W, 8);
  uint32_t R = uint32_t(subBytes(W, AesSboxFwd));
  if (Rnum != 0xA)
    R ^= Rcon[Rnum];
  H.writeX(D.Ops[0], uint64_t(R) << 32 | R);
  return H.next(D);
}

StepStatus execAES64KS2(Hart &H, const Decoded &D) {
  uint64_t A = H.X[D.Ops[1]], B = H.X[D.Ops[2]];
  uint32_t W0 = uint32_t(A >> 32) ^ uint32_t(B);
  uint32_t W1 = W0 ^ uint32_t(B >> 32);
  H.writeX(D.Ops[0], uint64_t(W1) << 32 | W0);
  return H.next(D);
}

} // namespace

void registerZkAesSemantics(SemanticTable &T) {
  T.add("AES32ESI", execAES32<Aes32::Enc>);
  T.add("AES32ESMI", execAES32<Aes32::EncMix>);
  T.add("AES32DSI", execAES32<Aes32::Dec>);
  T.add("AES32DSMI", execAES32<Aes32::DecMix>);
  T.add("AES64ES", execAES64ES);
  T.add("AES64ESM", execAES64ESM);
  T.add("AES64DS", execAES64DS);
  T.add("AES64DSM", execAES64DSM);
  T.add("AES64IM", execAES64IM);
  T.add("AES64KS1I", execAES64KS1I);
  T.add("AES64KS2", execAES64KS2);
}

} // namespace snipgen::model
