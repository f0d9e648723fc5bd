//===- Zbk.cpp - Zbkb and Zbkx: the crypto bit-manipulation extras --------===//
//
// Zbkb and Zbkc share ROR/ROL/RORI(W)/ANDN/ORN/XNOR/REV8 and CLMUL/CLMULH
// with Zbb/Zbc: those LLVM opcodes have one handler, in Zb.cpp. This file
// adds what only the crypto subsets have: pack, packh, packw, brev8, zip and
// unzip (RV32), and the crossbar permutations xperm4/xperm8 (Zbkx).
// Results are computed on the XLEN-bit view; writeX sign-extends on RV32.
//===----------------------------------------------------------------------===//
#include "ZkCrypto.h"

namespace snipgen::model {
namespace {

uint64_t brev8(uint64_t V) {
  uint64_t R = 0;
  for (unsigned Byte = 0; Byte < 64; Byte += 8)
    for (unsigned Bit = 0; Bit < 8; ++Bit)
      if ((V >> (Byte + Bit)) & 1)
        R |= 1ull << (Byte + 7 - Bit);
  return R;
}

// pack: the low halves of rs1 (low) and rs2 (high).
StepStatus execPACK(Hart &H, const Decoded &D) {
  unsigned Half = H.XLen / 2;
  uint64_t Mask = (1ull << Half) - 1;
  uint64_t A = H.X[D.Ops[1]] & Mask, B = H.X[D.Ops[2]] & Mask;
  H.writeX(D.Ops[0], A | (B << Half));
  return H.next(D);
}

StepStatus execPACKH(Hart &H, const Decoded &D) {
  uint64_t A = H.X[D.Ops[1]] & 0xff, B = H.X[D.Ops[2]] & 0xff;
  H.writeX(D.Ops[0], A | (B << 8));
  return H.next(D);
}

StepStatus execPACKW(Hart &H, const Decoded &D) {
  uint32_t A = uint32_t(H.X[D.Ops[1]] & 0xffff);
  uint32_t B = uint32_t(H.X[D.Ops[2]] & 0xffff);
  H.writeX(D.Ops[0], zk::sext32(A | (B << 16)));
  return H.next(D);
}

StepStatus execBREV8(Hart &H, const Decoded &D) {
  H.writeX(D.Ops[0], brev8(H.X[D.Ops[1]]));
  return H.next(D);
}

// zip: bit I of the low half goes to bit 2I, bit I of the high half to 2I+1.
StepStatus execZIP(Hart &H, const Decoded &D) {
  uint32_t V = uint32_t(H.X[D.Ops[1]]), R = 0;
  for (unsigned I = 0; I < 16; ++I) {
    R |= ((V >> I) & 1) << (2 * I);
    R |= ((V >> (I + 16)) & 1) << (2 * I + 1);
  }
  H.writeX(D.Ops[0], R);
  return H.next(D);
}

StepStatus execUNZIP(Hart &H, const Decoded &D) {
  uint32_t V = uint32_t(H.X[D.Ops[1]]), R = 0;
  for (unsigned I = 0; I < 16; ++I) {
    R |= ((V >> (2 * I)) & 1) << I;
    R |= ((V >> (2 * I + 1)) & 1) << (I + 16);
  }
  H.writeX(D.Ops[0], R);
  return H.next(D);
}

// xperm: each Bits-wide element of rs2 selects an element of rs1 (zero when
// the index is past XLEN).
template <unsigned Bits> StepStatus execXPERM(Hart &H, const Decoded &D) {
  uint64_t Src = H.xu(D.Ops[1]), Idx = H.xu(D.Ops[2]), R = 0;
  uint64_t Mask = (1ull << Bits) - 1;
  for (unsigned I = 0; I < H.XLen; I += Bits) {
    uint64_t Index = (Idx >> I) & Mask;
    if (Index * Bits < H.XLen)
      R |= ((Src >> (Index * Bits)) & Mask) << I;
  }
  H.writeX(D.Ops[0], R);
  return H.next(D);
}

} // namespace

void registerZbkSemantics(SemanticTable &T) {
  T.add("PACK", execPACK);
  T.add("PACKH", execPACKH);
  T.add("PACKW", execPACKW);
  T.add("BREV8", execBREV8);
  T.add("ZIP_RV32", execZIP);
  T.add("UNZIP_RV32", execUNZIP);
  T.add("XPERM4", execXPERM<4>);
  T.add("XPERM8", execXPERM<8>);
}

} // namespace snipgen::model
