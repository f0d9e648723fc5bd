#include "RegisterSetup.h"

using namespace llvm;

namespace snipgen {

Expected<RegisterSetup> setupRegisters(const Layout &L, const OptionTable &Opts,
                                       const MCEnvironment &Env,
                                       const GenTarget &Target,
                                       const GeneratorConfig &Config,
                                       WarningEngine &Warnings) {
  RegisterSetup S;
  S.Registers = std::make_unique<RegisterPolicy>(Env, Target, Config);
  S.Immediates = std::make_unique<ImmediatePolicy>();
  return std::move(S);
}

} // namespace snipgen
