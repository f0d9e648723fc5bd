//===- Zihint.cpp - Zihintntl and Zihintpause hints -------------------------===//
#include "Semantics.h"

namespace snipgen::model {

void registerHintSemantics(SemanticTable &T) {}

} // namespace snipgen::model
