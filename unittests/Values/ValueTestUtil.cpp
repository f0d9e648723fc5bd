#include "ValueTestUtil.h"
#include <map>

namespace snipgen {

const ValueTestSubtarget &valueSubtarget(const std::string &Features) {
  static std::map<std::string, ValueTestSubtarget> Cache;
  auto It = Cache.find(Features);
  if (It != Cache.end())
    return It->second;
  registerBuiltinTargets();
  SubtargetSelection Sel;
  Sel.TheTriple = llvm::Triple("riscv64-unknown-elf");
  Sel.XLen = 64;
  Sel.CPU = "generic-rv64";
  Sel.Features = Features;
  Sel.ABI = "lp64";
  ValueTestSubtarget &S = Cache[Features];
  S.Env = llvm::cantFail(MCEnvironment::create(Sel));
  S.Target = GenTarget::lookup(Sel.TheTriple);
  S.Cat = llvm::cantFail(ISACatalogue::build(*S.Env, *S.Target));
  return S;
}

} // namespace snipgen
