//===- Zfinx.cpp - Zfinx, Zdinx, Zhinx, Zhinxmin: FP in integer registers ---===//
#include "Semantics.h"

namespace snipgen::model {

void registerZfinxSemantics(SemanticTable &T) {}

} // namespace snipgen::model
