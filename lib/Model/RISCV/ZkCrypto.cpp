//===- ZkCrypto.cpp - Scalar cryptography: Zbkb Zbkc Zbkx Zknd Zkne Zknh Zksed Zksh ---===//
#include "Semantics.h"

namespace snipgen::model {

void registerScalarCryptoSemantics(SemanticTable &T) {}

} // namespace snipgen::model
