//===- Zcb.cpp - Zcb: additional compressed instructions --------------------===//
#include "Semantics.h"

namespace snipgen::model {

void registerZcbSemantics(SemanticTable &T) {}

} // namespace snipgen::model
