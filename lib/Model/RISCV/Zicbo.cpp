//===- Zicbo.cpp - Zicbom, Zicbop, Zicboz: cache-block operations -----------===//
#include "Semantics.h"

namespace snipgen::model {

void registerCacheBlockSemantics(SemanticTable &T) {}

} // namespace snipgen::model
