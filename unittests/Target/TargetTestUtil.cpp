#include "TargetTestUtil.h"
#include "snipgen/Target/Target.h"
#include "llvm/Support/raw_ostream.h"
#include <map>

namespace snipgen {

const TestSubtarget &getSubtarget(const std::string &Triple,
                                  const std::string &Features) {
  static std::map<std::string, TestSubtarget> Cache;
  std::string Key = Triple + "|" + Features;
  auto It = Cache.find(Key);
  if (It != Cache.end())
    return It->second;
  registerBuiltinTargets();
  SubtargetSelection Sel;
  Sel.TheTriple = llvm::Triple(Triple);
  Sel.XLen = Sel.TheTriple.isArch64Bit() ? 64 : 32;
  Sel.CPU = Sel.XLen == 64 ? "generic-rv64" : "generic-rv32";
  Sel.Features = Features;
  Sel.ABI = Sel.XLen == 64 ? "lp64" : "ilp32";
  TestSubtarget &TS = Cache[Key];
  TS.Env = llvm::cantFail(MCEnvironment::create(Sel));
  TS.Cat = llvm::cantFail(
      ISACatalogue::build(*TS.Env, *GenTarget::lookup(Sel.TheTriple)));
  return TS;
}

} // namespace snipgen
