//===- ZkCrypto.cpp - Scalar cryptography: Zbkb Zbkc Zbkx Zknd Zkne Zknh Zksed Zksh ---===//
//
// One entry point for the scalar cryptography extensions, split by role:
//   Zbk.cpp    Zbkb/Zbkx opcodes not shared with Zbb/Zbc (pack*, brev8,
//              zip/unzip, xperm4/8). ROR/ROL/RORI(W)/ANDN/ORN/XNOR/REV8 and
//              CLMUL/CLMULH (Zbkc) are the very same LLVM opcodes as in
//              Zbb/Zbc and keep their single handler in Zb.cpp.
//   ZkAes.cpp  Zkne/Zknd (aes32*, aes64*).
//   ZkSha.cpp  Zknh (sha256*, sha512*).
//   ZkSm.cpp   Zksed (sm4ed/sm4ks) and Zksh (sm3p0/sm3p1).
//===----------------------------------------------------------------------===//
#include "ZkCrypto.h"

namespace snipgen::model {

void registerScalarCryptoSemantics(SemanticTable &T) {
  registerZbkSemantics(T);
  registerZkAesSemantics(T);
  registerZkShaSemantics(T);
  registerZkSmSemantics(T);
}

} // namespace snipgen::model
