//===- Integer.cpp - RVV: Integer class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorIntegerSemantics(SemanticTable &T) {}

} // namespace snipgen::model
