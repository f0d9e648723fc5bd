#include "snipgen/Target/Target.h"
#include <mutex>

namespace snipgen {

InstSink::~InstSink() = default;
GenTarget::~GenTarget() = default;

static std::vector<std::unique_ptr<GenTarget>> &registry() {
  static std::vector<std::unique_ptr<GenTarget>> Targets;
  return Targets;
}

void GenTarget::registerTarget(std::unique_ptr<GenTarget> T) {
  registry().push_back(std::move(T));
}

const GenTarget *GenTarget::lookup(const llvm::Triple &T) {
  for (const auto &Tgt : registry())
    if (Tgt->matches(T))
      return Tgt.get();
  return nullptr;
}

std::unique_ptr<GenTarget> createRISCVTarget();

void registerBuiltinTargets() {
  static std::once_flag Once;
  std::call_once(Once, [] { GenTarget::registerTarget(createRISCVTarget()); });
}

} // namespace snipgen
