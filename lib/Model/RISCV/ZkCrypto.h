//===- ZkCrypto.h - Scalar cryptography: shared pieces -----------*- C++ -*-===//
//
// Private to the scalar-crypto semantics files (Zbk.cpp, ZkAes.cpp,
// ZkSha.cpp, ZkSm.cpp). The S-boxes are computed at compile time from their
// algebraic definitions rather than typed in:
//  * AES (FIPS-197 5.1.1): multiplicative inverse in GF(2^8) modulo
//    x^8+x^4+x^3+x+1, then the affine map b ^ rotl(b,1..4) ^ 0x63.
//  * SM4 (GB/T 32907): S(x) = A * inv(A * x + 0xD3) + 0xD3, inverse modulo
//    x^8+x^7+x^6+x^5+x^4+x^2+1, A the circulant matrix whose row i is
//    rotl(0xA7, i). This reproduces the standard's table entry for entry
//    (ScalarCryptoTest checks it against published values and the standard's
//    known-answer vector).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_RISCV_ZKCRYPTO_H
#define SNIPGEN_LIB_MODEL_RISCV_ZKCRYPTO_H

#include "Semantics.h"
#include <array>
#include <bit>
#include <cstdint>

namespace snipgen::model {

void registerZbkSemantics(SemanticTable &T);   // Zbk.cpp: Zbkb Zbkx
void registerZkAesSemantics(SemanticTable &T); // ZkAes.cpp: Zkne Zknd
void registerZkShaSemantics(SemanticTable &T); // ZkSha.cpp: Zknh
void registerZkSmSemantics(SemanticTable &T);  // ZkSm.cpp: Zksed Zksh

namespace zk {

/// Product in GF(2^8) with the reduction polynomial Poly (bit 8 set).
constexpr uint8_t gfMul(uint8_t A, uint8_t B, unsigned Poly) {
  unsigned X = A, R = 0;
  for (; B; B >>= 1) {
    if (B & 1)
      R ^= X;
    X <<= 1;
    if (X & 0x100)
      X ^= Poly;
  }
  return uint8_t(R);
}

constexpr uint8_t gfInv(uint8_t A, unsigned Poly) {
  if (A == 0)
    return 0;
  for (unsigned B = 1; B < 256; ++B)
    if (gfMul(A, uint8_t(B), Poly) == 1)
      return uint8_t(B);
  return 0;
}

constexpr unsigned AesPoly = 0x11B, Sm4Poly = 0x1F5;

constexpr std::array<uint8_t, 256> makeAesSbox() {
  std::array<uint8_t, 256> S{};
  for (unsigned X = 0; X < 256; ++X) {
    uint8_t B = gfInv(uint8_t(X), AesPoly);
    S[X] = uint8_t(B ^ std::rotl(B, 1) ^ std::rotl(B, 2) ^ std::rotl(B, 3) ^
                   std::rotl(B, 4) ^ 0x63);
  }
  return S;
}

constexpr std::array<uint8_t, 256> invert(const std::array<uint8_t, 256> &S) {
  std::array<uint8_t, 256> I{};
  for (unsigned X = 0; X < 256; ++X)
    I[S[X]] = uint8_t(X);
  return I;
}

/// SM4's affine map: bit I of the result is the parity of x & rotl(0xA7, I),
/// plus the constant 0xD3.
constexpr uint8_t sm4Affine(uint8_t X) {
  unsigned R = 0;
  for (unsigned I = 0; I < 8; ++I)
    R |= unsigned(std::popcount(uint8_t(X & std::rotl(uint8_t(0xA7), int(I)))) &
                  1)
         << I;
  return uint8_t(R ^ 0xD3);
}

constexpr std::array<uint8_t, 256> makeSm4Sbox() {
  std::array<uint8_t, 256> S{};
  for (unsigned X = 0; X < 256; ++X)
    S[X] = sm4Affine(gfInv(sm4Affine(uint8_t(X)), Sm4Poly));
  return S;
}

inline constexpr std::array<uint8_t, 256> AesSboxFwd = makeAesSbox();
inline constexpr std::array<uint8_t, 256> AesSboxInv = invert(AesSboxFwd);
inline constexpr std::array<uint8_t, 256> Sm4Sbox = makeSm4Sbox();

static_assert(AesSboxFwd[0x00] == 0x63 && AesSboxFwd[0x53] == 0xed &&
              AesSboxFwd[0xff] == 0x16 && AesSboxInv[0x63] == 0x00);
static_assert(Sm4Sbox[0x00] == 0xd6 && Sm4Sbox[0x01] == 0x90 &&
              Sm4Sbox[0xef] == 0x84 && Sm4Sbox[0xff] == 0x48);

inline uint64_t sext32(uint32_t V) { return uint64_t(int64_t(int32_t(V))); }

} // namespace zk
} // namespace snipgen::model

#endif
