//===- ControlFlowSetup.cpp - Branch, call and stack options --------------===//
#include "ControlFlowSetup.h"
#include "ModelRun.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Generator/CFGDump.h"
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/OutputFiles.h"
#include "llvm/Support/GraphWriter.h"

using namespace llvm;

namespace snipgen {

Expected<ControlFlowOptions> controlFlowOptions(const OptionTable &Opts) {
  ControlFlowOptions C;
  StringRef Compression =
      Opts.getString(OptionID::RiscvLoopControlLogicCompression);
  C.Compression = Compression == "off"      ? LoopCompression::Off
                  : Compression == "random" ? LoopCompression::Random
                                            : LoopCompression::On;
  C.Graph.EntryPoint = Opts.getString(OptionID::EntryPoint).str();
  C.Graph.EntryPointGiven = Opts.isSet(OptionID::EntryPoint);
  C.Graph.FunctionNumber = Opts.getUnsigned(OptionID::FunctionNumber);
  C.Graph.FunctionLayers = Opts.getUnsigned(OptionID::FunctionLayers);
  C.Graph.Density = Opts.getUnsigned(OptionID::CallGraphDensity);
  C.Graph.ForceConnect = Opts.getFlag(OptionID::CallGraphForceConnect);
  if (C.Graph.FunctionNumber == 0)
    return Opts.valueError(OptionID::FunctionNumber,
                           "'0'; the entry function counts, so at least 1");
  if (C.Graph.FunctionLayers == 0)
    return Opts.valueError(OptionID::FunctionLayers, "'0'; at least 1");
  C.NumInstrAncil = Opts.getUnsigned(OptionID::NumInstrAncil);
  C.InsertionPointHints = Opts.getFlag(OptionID::GenerateInsertionPointHints);
  C.StackForIV = Opts.getFlag(OptionID::UseStackForIV);
  C.MaxBranchLengthPasses =
      unsigned(std::min<uint64_t>(Opts.getUnsigned(OptionID::MaxBranchLengthPasses),
                                  ~0u));
  if (wantsModelRun(Opts))
    C.MaxExecuted = modelStepLimit();

  StackOptions &S = C.Stack;
  S.ExternalStack = Opts.getFlag(OptionID::ExternalStack);
  S.HonorTargetABI = Opts.getFlag(OptionID::HonorTargetABI);
  S.RedefineSP = Opts.getString(OptionID::RedefineSP).str();
  S.RedefineRA = Opts.getString(OptionID::RedefineRA).str();
  S.RandomizeRA = Opts.getFlag(OptionID::RandomizeRA);
  if (Opts.isSet(OptionID::EnableStaticStack))
    S.StaticStack = Opts.getFlag(OptionID::EnableStaticStack);
  for (const std::string &R : Opts.getList(OptionID::SpilledRegsList))
    S.SpilledRegs.push_back(R);
  for (const std::string &G : Opts.getList(OptionID::PreserveCallerSavedRegs))
    S.PreserveGroups.push_back(G);
  C.OptionError = [&Opts](StringRef Name, const Twine &Msg) -> Error {
    if (std::optional<OptionID> ID = lookupOption(Name))
      return Opts.valueError(*ID, Msg);
    return makeOptionError(Name, Msg);
  };
  return C;
}

Error checkControlFlowRunOptions(const OptionTable &Opts) {
  if (Opts.getFlag(OptionID::ExternalStack) && wantsModelRun(Opts))
    return makeError("Cannot run snippet on model: external stack was "
                     "enabled. Pass -model-plugin=None to generate without "
                     "running it");
  return Error::success();
}

Layout dataLayout(const Layout &L) {
  Layout D = L;
  erase_if(D.Sections,
           [](const SectionDesc &S) { return isServiceSectionName(S.Name); });
  return D;
}

static bool wantsCFGDump(const OptionTable &Opts) {
  return Opts.getFlag(OptionID::DumpCFG) || Opts.getFlag(OptionID::ViewCFG);
}

Error queueControlFlowDumps(const Program &P, const CallGraph &G,
                            const MCEnvironment &Env, const OptionTable &Opts,
                            OutputFiles &Files) {
  if (wantsCFGDump(Opts))
    for (const Function &F : P.Functions)
      if (!F.IsExternal)
        Files.add(
            cfgDumpFileName(Opts.getString(OptionID::CFGBasename), F.Name),
            cfgToDot(P, F, Env));
  StringRef CG = Opts.getString(OptionID::CallGraphDumpFilename);
  if (!CG.empty())
    Files.add(CG, Opts.getString(OptionID::CallGraphDumpFormat) == "yaml"
                      ? G.toYaml()
                      : G.toDot());
  return Error::success();
}

void viewControlFlowGraphs(const Program &P, const OptionTable &Opts) {
  if (!Opts.getFlag(OptionID::ViewCFG))
    return;
  for (const Function &F : P.Functions)
    if (!F.IsExternal)
      DisplayGraph(
          cfgDumpFileName(Opts.getString(OptionID::CFGBasename), F.Name),
          /*wait=*/false, GraphProgram::DOT);
}

} // namespace snipgen
