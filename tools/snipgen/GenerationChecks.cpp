#include "GenerationChecks.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/HistogramVerifier.h"
#include "llvm/Support/raw_ostream.h"
#include <cmath>

using namespace llvm;

namespace snipgen {

static Expected<double> maxDeviation(const OptionTable &Opts) {
  StringRef S = Opts.getString(OptionID::HistogramMaxDeviation);
  double D = 0;
  if (S.getAsDouble(D) || !std::isfinite(D) || D < 0)
    return Opts.valueError(OptionID::HistogramMaxDeviation,
                           "'" + S + "'; expected a non-negative number");
  return D;
}

Error checkGenerationCheckOptions(const OptionTable &Opts) {
  auto D = maxDeviation(Opts);
  if (!D)
    return D.takeError();
  return Error::success();
}

Error runGenerationChecks(const Program &P, const OpcodeHistogram &H,
                          const MCEnvironment &Env, const OptionTable &Opts) {
  if (Opts.getFlag(OptionID::VerifyGenHistogram)) {
    HistogramCheckOptions HO;
    HO.MaxDeviation = *maxDeviation(Opts);
    HO.MustSucceed = Opts.getFlag(OptionID::HistogramMustSucceed);
    if (Error E = verifyGeneratedHistogram(P, H, Env, HO, outs()))
      return E;
  }
  return Error::success();
}

} // namespace snipgen
