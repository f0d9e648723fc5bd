//===- Zfa.cpp - Zfa: additional floating-point instructions ----------------===//
#include "Semantics.h"

namespace snipgen::model {

void registerZfaSemantics(SemanticTable &T) {}

} // namespace snipgen::model
