//===- SemanticNames.cpp - Which opcodes the built-in model runs ----------===//
//
// The generator asks this before it lists or generates an opcode for the
// built-in model: the answer is the registration table itself (Decoder.cpp's
// registerAllSemantics), so it follows every extension file as it grows.
//===----------------------------------------------------------------------===//
#include "Semantics.h"
#include "snipgen/Model/Model.h"
#include "llvm/ADT/StringSet.h"

using namespace llvm;

namespace snipgen {

bool builtinModelHasSemantics(StringRef OpcodeName) {
  static const StringSet<> Names = [] {
    model::SemanticTable T;
    model::registerAllSemantics(T);
    StringSet<> S;
    for (const model::SemanticTable::Entry &E : T.entries())
      if (E.Fn)
        S.insert(StringRef(E.OpcodeName.data(), E.OpcodeName.size()));
    return S;
  }();
  return Names.contains(OpcodeName);
}

} // namespace snipgen
