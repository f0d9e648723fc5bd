#include "MemorySetup.h"
#include "snipgen/Config/Layout.h"

using namespace llvm;

namespace snipgen {

Expected<MemorySetup> setupMemory(const Layout &L, const OptionTable &Opts,
                                  const MCEnvironment &Env,
                                  const GenTarget &Target,
                                  const OpcodeHistogram &Histogram,
                                  WarningEngine &Warnings) {
  MemorySetup S;
  S.Scheme = std::make_unique<DefaultMemoryScheme>(L);
  S.Planner = std::make_unique<MemoryPlanner>(Env, Target, *S.Scheme);
  S.Source = std::make_unique<HistogramSource>(Histogram);
  return std::move(S);
}

} // namespace snipgen
