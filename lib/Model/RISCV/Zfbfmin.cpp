//===- Zfbfmin.cpp - Zfbfmin: BF16 conversions ------------------------------===//
#include "Semantics.h"

namespace snipgen::model {

void registerZfbfminSemantics(SemanticTable &T) {}

} // namespace snipgen::model
