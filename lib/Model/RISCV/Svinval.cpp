//===- Svinval.cpp - Svinval: fine-grained address-translation cache invalidation ---===//
#include "Semantics.h"

namespace snipgen::model {

void registerSvinvalSemantics(SemanticTable &T) {}

} // namespace snipgen::model
