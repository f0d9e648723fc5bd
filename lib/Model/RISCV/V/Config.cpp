//===- Config.cpp - RVV: Config class ---===//
#include "ElementLoop.h"
#include "VectorSemantics.h"

namespace snipgen::model {

void registerVectorConfigSemantics(SemanticTable &T) {}

} // namespace snipgen::model
