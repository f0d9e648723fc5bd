//===- Mask.cpp - RVV: Mask class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorMaskSemantics(SemanticTable &T) {}

} // namespace snipgen::model
