//===- Register.cpp - Registers every RVV class's semantics ---------------===//
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorSemantics(SemanticTable &T) {
  registerVectorConfigSemantics(T);
  registerVectorMemorySemantics(T);
  registerVectorIntegerSemantics(T);
  registerVectorFixedPointSemantics(T);
  registerVectorMaskSemantics(T);
  registerVectorPermuteSemantics(T);
  registerVectorReductionSemantics(T);
  registerVectorFloatSemantics(T);
  registerVectorBitCryptoSemantics(T);
}

} // namespace snipgen::model
