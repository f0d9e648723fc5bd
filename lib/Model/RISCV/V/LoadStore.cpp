//===- Memory.cpp - RVV: LoadStore class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorMemorySemantics(SemanticTable &T) {}

} // namespace snipgen::model
