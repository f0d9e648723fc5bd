#include "GenerationChecks.h"
#include "ModelRun.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Generator/ConsecutiveLoopsCheck.h"
#include "snipgen/Generator/HistogramVerifier.h"
#include "snipgen/Generator/ProgramListing.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
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

Error warnDeprecatedOptions(const OptionTable &Opts, WarningEngine &Warnings) {
  if (Opts.getFlag(OptionID::NoBranchRelax))
    return Warnings.warn(Warning::DeprecatedOption,
                         "no-branch-relax: has no effect and will be removed "
                         "in next major release");
  return Error::success();
}

Error checkLayoutNeedsModel(const Layout &L, const OptionTable &Opts) {
  const auto &FPU = L.Values.FPUOverwrite;
  if (FPU && FPU->Mode == NaNOverwriteMode::IfModelDetectedNaN &&
      !wantsModelRun(Opts))
    return makeError(*L.SM, FPU->ModeLoc.isValid() ? FPU->ModeLoc : FPU->Loc,
                     "Invalid FPU config: \"if-model-detected-nan\" overwrite "
                     "heuristic requires model to be specified (-model-plugin "
                     "is None)");
  return Error::success();
}

Error warnUnusedRXSections(const Layout &L, const Program &P,
                           WarningEngine &Warnings) {
  // Sections that hold code: the code section and, with
  // -chained-rx-sections-fill, those of the entry function's pieces.
  std::vector<bool> Used(L.Sections.size(), false);
  Used[P.CodeSection] = true;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      if (B.Section >= 0 && size_t(B.Section) < Used.size())
        Used[B.Section] = true;
  // Listed by address, as llvm-snippy lists them.
  std::vector<unsigned> Unused;
  for (unsigned I = 0; I < L.Sections.size(); ++I)
    if (L.Sections[I].Access.X && !Used[I])
      Unused.push_back(I);
  std::stable_sort(Unused.begin(), Unused.end(), [&](unsigned A, unsigned B) {
    return L.Sections[A].VMA < L.Sections[B].VMA;
  });
  std::string Names;
  for (unsigned I : Unused)
    Names += " '" + L.Sections[I].Name + "'";
  if (Names.empty())
    return Error::success();
  return Warnings.warn(Warning::UnusedSection,
                       "Following RX sections are unused during generation:" +
                           Names);
}

Error runGenerationChecks(const Program &P, const OpcodeHistogram &H,
                          const MCEnvironment &Env, const Layout &L,
                          const OptionTable &Opts) {
  if (Opts.getFlag(OptionID::VerifyMI)) {
    auto N = verifyProgramCode(P, Env);
    if (!N)
      return N.takeError();
  }
  if (Opts.getFlag(OptionID::VerifyConsecutiveLoops))
    if (Error E = verifyConsecutiveLoops(P, L.ControlFlow.Branches))
      return E;
  // -verbose turns on -dump-mf and -dump-mi, as in llvm-snippy.
  bool Verbose = Opts.getFlag(OptionID::Verbose);
  if (Opts.getFlag(OptionID::DumpMF) || Opts.getFlag(OptionID::DumpMI) ||
      Verbose)
    if (Error E = listProgram(P, Env, Opts.getFlag(OptionID::DumpMF) || Verbose,
                              outs()))
      return E;
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
