//===- Zimop.cpp - Zimop and Zcmop: may-be-operations (write zero) ----------===//
#include "Semantics.h"

namespace snipgen::model {

void registerMayBeOpSemantics(SemanticTable &T) {}

} // namespace snipgen::model
