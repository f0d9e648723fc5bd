//===- FixedPoint.cpp - RVV: FixedPoint class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorFixedPointSemantics(SemanticTable &T) {}

} // namespace snipgen::model
