//===- LoadStore.cpp - RVV loads and stores: registration ------------------===//
//
// The classes live in LoadStoreUnit.cpp (unit-stride, segment,
// fault-only-first), LoadStoreStrided.cpp, LoadStoreIndexed.cpp (ordered and
// unordered, segment) and LoadStoreWhole.cpp (whole-register, vlm/vsm); the
// shared walk is LoadStore.h.
//===----------------------------------------------------------------------===//
#include "LoadStore.h"

#include <mutex>
#include <set>
#include <string>

namespace snipgen::model {

const char *vec::ls::internName(std::string Name) {
  // Models may be created from several threads; names are few and shared.
  static std::mutex Lock;
  static std::set<std::string> Names; // Nodes never move.
  std::lock_guard<std::mutex> Guard(Lock);
  return Names.insert(std::move(Name)).first->c_str();
}

void registerVectorMemorySemantics(SemanticTable &T) {
  vec::ls::registerUnitStrideSemantics(T);
  vec::ls::registerStridedSemantics(T);
  vec::ls::registerIndexedSemantics(T);
  vec::ls::registerWholeAndMaskSemantics(T);
}

} // namespace snipgen::model
