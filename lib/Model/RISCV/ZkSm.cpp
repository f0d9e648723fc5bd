//===- ZkSm.cpp - Zksed and Zksh: SM4 round/key steps, SM3 permutations ---===//
//
// sm4ed/sm4ks: the SM4 S-box on byte bs of rs2, then the round (L) or key
// schedule (L') linear layer restricted to that byte, rotated into position
// bs and XORed into rs1; four instructions (bs = 0..3) make one round.
// The words are SM4's big-endian words as a little-endian load sees them
// (bytes reversed), so the byte-wise linear layers below are
// rev8(L(rev8(x))) and rev8(L'(rev8(x))) of the spec's L and L'.
// sm3p0/sm3p1: SM3's P0 and P1. All work on 32-bit words and sign-extend.
//===----------------------------------------------------------------------===//
#include "ZkCrypto.h"

namespace snipgen::model {
namespace {

using zk::sext32;

template <bool KeySchedule> StepStatus execSM4(Hart &H, const Decoded &D) {
  unsigned Shamt = unsigned(D.Ops[3] & 3) * 8;
  uint32_t X = zk::Sm4Sbox[uint8_t(uint32_t(H.X[D.Ops[2]]) >> Shamt)];
  uint32_t Y;
  if constexpr (KeySchedule) // L'(B) = B ^ (B <<< 13) ^ (B <<< 23)
    Y = X ^ ((X & 0x07) << 29) ^ ((X & 0xfe) << 7) ^ ((X & 0x01) << 23) ^
        ((X & 0xf8) << 13);
  else // L(B) = B ^ (B <<< 2) ^ (B <<< 10) ^ (B <<< 18) ^ (B <<< 24)
    Y = X ^ (X << 8) ^ (X << 2) ^ (X << 18) ^ ((X & 0x3f) << 26) ^
        ((X & 0xc0) << 10);
  uint32_t R = std::rotl(Y, int(Shamt)) ^ uint32_t(H.X[D.Ops[1]]);
  H.writeX(D.Ops[0], sext32(R));
  return H.next(D);
}

StepStatus execSM3P0(Hart &H, const Decoded &D) {
  uint32_t X = uint32_t(H.X[D.Ops[1]]);
  H.writeX(D.Ops[0], sext32(X ^ std::rotl(X, 9) ^ std::rotl(X, 17)));
  return H.next(D);
}
StepStatus execSM3P1(Hart &H, const Decoded &D) {
  uint32_t X = uint32_t(H.X[D.Ops[1]]);
  H.writeX(D.Ops[0], sext32(X ^ std::rotl(X, 15) ^ std::rotl(X, 23)));
  return H.next(D);
}

} // namespace

void registerZkSmSemantics(SemanticTable &T) {
  T.add("SM4ED", execSM4<false>);
  T.add("SM4KS", execSM4<true>);
  T.add("SM3P0", execSM3P0);
  T.add("SM3P1", execSM3P1);
}

} // namespace snipgen::model
