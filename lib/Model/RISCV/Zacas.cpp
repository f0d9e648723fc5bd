//===- Zacas.cpp - Zacas (compare-and-swap) and Zabha (byte/halfword AMOs) ---===//
#include "Semantics.h"

namespace snipgen::model {

void registerAtomicExtSemantics(SemanticTable &T) {}

} // namespace snipgen::model
