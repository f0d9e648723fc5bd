//===- Reduction.cpp - RVV: Reduction class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorReductionSemantics(SemanticTable &T) {}

} // namespace snipgen::model
