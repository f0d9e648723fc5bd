//===- Zvbb.cpp - RVV: Zvbb class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorBitCryptoSemantics(SemanticTable &T) {}

} // namespace snipgen::model
