//===- Permute.cpp - RVV: Permute class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorPermuteSemantics(SemanticTable &T) {}

} // namespace snipgen::model
