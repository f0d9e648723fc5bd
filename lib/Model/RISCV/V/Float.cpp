//===- Float.cpp - RVV: Float class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorFloatSemantics(SemanticTable &T) {}

} // namespace snipgen::model
