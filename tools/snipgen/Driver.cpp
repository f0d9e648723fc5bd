//===- Driver.cpp - The snipgen pipeline -----------------------------------===//
//
// options -> layout -> subtarget -> ISA catalogue -> histogram -> generation
// -> ELF + linker script (+ link) -> summary. Each step returns an Error; the
// first one is printed once and the run exits with status 1 and no output.
//===----------------------------------------------------------------------===//
#include "Driver.h"
#include "ControlFlowSetup.h"
#include "GenerationChecks.h"
#include "AddressPlugin.h"
#include "GeneratorPlugin.h"
#include "RegisterPlugin.h"
#include "MemorySectionDump.h"
#include "MemoryInit.h"
#include "MemorySetup.h"
#include "ModelRun.h"
#include "PhaseTimes.h"
#include "VectorSetup.h"
#include "Outputs.h"
#include "ParityOptions.h"
#include "RegisterSetup.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "Cosim.h"
#include "SelfCheckSetup.h"
#include "snipgen/Generator/ControlFlowCheck.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryInitRoutine.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Process.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdio>
#include <cstdlib>

using namespace llvm;

/// -dump-primary-pcs: the address of every primary instruction, in layout
/// order.
static std::string primaryPCs(const snipgen::Program &P) {
  std::string Text;
  raw_string_ostream OS(Text);
  for (const snipgen::Function &F : P.Functions)
    for (const snipgen::BasicBlock &B : F.Blocks) {
      uint64_t Body = B.Address + B.bodyOffset();
      for (uint32_t Off : B.PrimaryOffsets)
        OS << format_hex(Body + Off, 18) << "\n";
      // A histogram-drawn terminator: its first instruction, but a loop
      // latch's branch follows the counter decrement (C.ADDI or ADDI).
      if (B.Term.Opcode != 0 && B.Term.Kind != snipgen::TerminatorKind::FallThrough) {
        uint64_t At = Body + B.Code.size() + B.Term.Pre.size();
        if (B.Term.Kind == snipgen::TerminatorKind::LoopLatch)
          At += B.Term.Compressed ? 2 : 4;
        OS << format_hex(At, 18) << "\n";
      }
    }
  return Text;
}

namespace snipgen {
namespace {

constexpr StringLiteral ToolName = "snipgen";

/// Every output is committed (written and renamed) and every message
/// printed: the process ends here, without running the destructors of the
/// program, the catalogue, the MC layer and LLVM's statics (milliseconds of
/// a short run's CPU time). Output streams are flushed first; a stdout that
/// could not be written fails the run as LLVM's stream would at its
/// destruction. With SNIPGEN_QUICK_EXIT=off it returns, and the run ends
/// normally (for leak checkers).
void exitWithoutTeardown(int RC) {
  phaseDone("done");
  outs().flush();
  if (outs().has_error()) {
    outs().clear_error();
    errs() << ToolName << ": error: cannot write the standard output\n";
    RC = 1;
  }
  errs().flush();
  std::fflush(nullptr);
  std::optional<std::string> Quick = sys::Process::GetEnv("SNIPGEN_QUICK_EXIT");
  if (Quick && *Quick == "off")
    return;
  std::_Exit(RC);
}

class Driver {
public:
  Expected<int> run(int Argc, const char *const *Argv);

private:
  Error loadConfiguration();
  Error configureWarnings();
  Expected<uint64_t> chooseSeed();
  Expected<GeneratorConfig> generatorConfig();
  Expected<OutputRequest> outputRequest() const;
  void listOpcodes(raw_ostream &OS) const;

  OptionTable Opts;
  WarningEngine Warnings;
  Layout TheLayout;
  Layout DataLayout; // TheLayout without stack/utility/selfcheck sections
  const GenTarget *Target = nullptr;
  std::unique_ptr<MCEnvironment> Env;
  std::unique_ptr<ISACatalogue> Catalogue;
  std::optional<PrimaryFilter> KeepPrimary; // -keep-primary
  std::unique_ptr<GeneratorPlugin> Plugin;   // -generator-plugin
  std::unique_ptr<PrimarySource> PluginSource;
  std::unique_ptr<AddressPlugin> AddrPlugin; // -address-generator-plugin
  std::unique_ptr<RegisterPlugin> RegPlugin; // -reg-generator-plugin
};

/// Code sections start on an instruction boundary: 2 bytes with compressed
/// instructions (C or Zca), 4 without. Reported at the section.
static Error checkCodeSectionAlignment(const Layout &L,
                                       const MCEnvironment &Env) {
  bool Compressed = Env.subtargetInfo().checkFeatures("+zca");
  uint64_t Align = Compressed ? 2 : 4;
  for (const SectionDesc &S : L.Sections)
    if (S.Access.X && S.VMA % Align != 0)
      return makeError(*L.SM, S.Loc,
                       "code section '" + S.Name + "' has VMA 0x" +
                           utohexstr(S.VMA) + ", not " + Twine(Align) +
                           "-byte aligned as instructions need with -march " +
                           Env.selection().ISAString);
  return Error::success();
}

Error Driver::configureWarnings() {
  Warnings = WarningEngine();
  // llvm-snippy's -werror: every warning is an error, as a bare -Werror.
  std::vector<std::string> WError(Opts.getList(OptionID::WError).begin(),
                                  Opts.getList(OptionID::WError).end());
  if (Opts.getFlag(OptionID::WErrorAll))
    WError.push_back("");
  return Warnings.configure(Opts.getList(OptionID::WDisable), WError,
                            Opts.getList(OptionID::WNoError));
}

Error Driver::loadConfiguration() {
  // Command-line -W options already apply to warnings about the layout.
  if (Error E = configureWarnings())
    return E;
  ArrayRef<std::string> Files = Opts.layoutFiles();
  bool InfoOnly = Opts.getFlag(OptionID::ListOpcodeNames) ||
                  Opts.getFlag(OptionID::DumpOptions);
  if (Files.empty()) {
    if (InfoOnly)
      return Error::success();
    return makeError("no layout file given; usage: snipgen [options] "
                     "<layout.yaml>... (see --help)");
  }
  LayoutLoadOptions LO;
  for (const std::string &D : Opts.getList(OptionID::LayoutIncludeDir))
    LO.IncludeDirs.push_back(D);
  // A generator plugin's -plugin-info-file supplies the histogram.
  StringRef PluginInfo = Opts.getString(OptionID::PluginInfoFile);
  LO.HistogramFromPlugin = !PluginInfo.empty() && PluginInfo != "None";
  auto L = loadLayout(Files, LO, Warnings);
  if (!L)
    return L.takeError();
  TheLayout = std::move(*L);
  if (Error E = applyLayoutOptions(TheLayout, Opts))
    return E;
  // -W options from the layout take effect now.
  return configureWarnings();
}

Expected<uint64_t> Driver::chooseSeed() {
  if (Opts.isSet(OptionID::Seed))
    return Opts.getUnsigned(OptionID::Seed);
  uint64_t Seed = chooseFreshSeed();
  if (Error E = Warnings.warn(Warning::SeedNotSpecified,
                              "no seed given; using -seed=" + Twine(Seed) +
                                  " (pass it to reproduce this run)"))
    return std::move(E);
  return Seed;
}

Expected<GeneratorConfig> Driver::generatorConfig() {
  GeneratorConfig C;
  StringRef N = Opts.getString(OptionID::NumInstrs);
  if (N == "all") {
    C.FillCodeSection = true;
  } else if (N.getAsInteger(0, C.NumInstrs)) {
    return Opts.valueError(OptionID::NumInstrs,
                           "'" + N + "'; expected a non-negative integer or 'all'");
  }
  C.EntryPoint = Opts.getString(OptionID::EntryPoint).str();
  if (C.EntryPoint.empty())
    return Opts.valueError(OptionID::EntryPoint, "the entry point needs a name");
  StringRef Last = Opts.getString(OptionID::LastInstr);
  auto LI = Target->lastInstruction(*Env, Last);
  if (!LI)
    return LI.takeError();
  C.LastInstr = *LI;
  C.LastInstrIsReturn = Last.equals_insensitive("RET");
  // An executable needs a caller for the final RET (Generator StartStub.h).
  C.ExecStartStub = C.LastInstrIsReturn &&
                    Opts.getString(OptionID::ObjectType) == "exec";
  C.InitRegsInElf = Opts.getFlag(OptionID::InitRegsInElf);
  C.ChainedRX = Opts.getFlag(OptionID::ChainedRXSectionsFill);
  C.ChainedRXSorted = Opts.getFlag(OptionID::ChainedRXSorted);
  C.ChainedRXChunk = Opts.getUnsigned(OptionID::ChainedRXChunkSize);
  if (C.ChainedRXChunk && C.FillCodeSection)
    return Opts.valueError(OptionID::ChainedRXChunkSize,
                           "Cannot use 'chained-rx-chunk-size' option: "
                           "num-instrs is set to 'all'");
  if (C.ChainedRXChunk && !C.ChainedRX) {
    if (Error E = Warnings.warn(Warning::InconsistentOptions,
                                "'chained-rx-chunk-size' is ignored: pass "
                                "'chained-rx-sections-fill' to enable it"))
      return std::move(E);
    C.ChainedRXChunk = 0;
  }
  C.Catalogue = Catalogue.get();
  C.Warnings = &Warnings;
  uint64_t Block = Opts.getUnsigned(OptionID::RiscvCboBlockSize);
  if (Block < 8 || Block > 4096 || (Block & (Block - 1)))
    return Opts.valueError(OptionID::RiscvCboBlockSize,
                           "'" + Twine(Block) +
                               "'; the cache block size must be a power of "
                               "two from 8 to 4096 bytes");
  C.CacheBlockBytes = unsigned(Block);
  auto CF = controlFlowOptions(Opts);
  if (!CF)
    return CF.takeError();
  C.ControlFlow = std::move(*CF);
  if (Opts.isSet(OptionID::KeepPrimary)) {
    auto F = PrimaryFilter::parse(Opts.getList(OptionID::KeepPrimary));
    if (!F)
      return F.takeError();
    KeepPrimary = std::move(*F);
    C.KeepPrimary = &*KeepPrimary;
  }
  return C;
}

Expected<OutputRequest> Driver::outputRequest() const {
  OutputRequest R;
  R.ElfPath = Opts.getString(OptionID::Output).str();
  if (R.ElfPath.empty())
    R.ElfPath = sys::path::filename(Opts.layoutFiles().front()).str() + ".elf";
  StringRef Type = Opts.getString(OptionID::ObjectType);
  R.Type = Type == "exec"     ? ObjectType::Exec
           : Type == "shared" ? ObjectType::Shared
                              : ObjectType::Reloc;
  R.LLDDir = Opts.getString(OptionID::LLDDir).str();
  R.SectionsPrefix = Opts.getString(OptionID::SectionsPrefix).str();
  if (R.SectionsPrefix.empty())
    return Opts.valueError(OptionID::SectionsPrefix, "must not be empty");
  if (Opts.getFlag(OptionID::MangleExportedNames)) {
    // llvm-snippy: sections .snippy.<entry>.<name>.<access>, the memory
    // region SNIPPY_<entry>, globals __snippy_<entry>_*.
    R.MangleName = Opts.getString(OptionID::EntryPoint).str();
    for (char C : R.MangleName)
      if (!isAlnum(C) && C != '_' && C != '$')
        return Opts.valueError(
            OptionID::MangleExportedNames,
            "the entry point '" + R.MangleName + "' contains '" + Twine(C) +
                "', which cannot be part of the mangled section, memory "
                "region and symbol names (letters, digits, '_' and '$')");
    R.SectionsPrefix += "." + R.MangleName;
  }
  // The prefix becomes part of ELF section names and of the linker script;
  // keep to the characters both take unquoted.
  for (char C : R.SectionsPrefix)
    if (!isAlnum(C) && C != '.' && C != '_' && C != '$')
      return Opts.valueError(
          OptionID::SectionsPrefix,
          "'" + R.SectionsPrefix + "' contains '" + Twine(C) +
              "'; a section name prefix may hold only letters, digits, "
              "'.', '_' and '$'");
  R.DefinePhdrs = Opts.getFlag(OptionID::EnablePhdrsDefinition);
  R.EntryPoint = Opts.getString(OptionID::EntryPoint).str();
  R.NoRelax = Opts.getFlag(OptionID::DisableLinkerRelaxations);
  return R;
}

void Driver::listOpcodes(raw_ostream &OS) const {
  // The built-in model runs snippets by default: opcodes it has no
  // semantics for are marked (generating them needs -model-plugin=None).
  for (const OpcodeDesc &Op : Catalogue->available()) {
    OS << Op.Name;
    if (!Target->whyNotGenerated(Op).empty())
      OS << " (not generated)"; // e.g. HINVAL_*: needs H
    else if (!builtinModelHasSemantics(Op.Name))
      OS << " (no model semantics)";
    OS << "\n";
  }
}

static std::function<void(uint64_t)> makeProgress(uint64_t Total) {
  if (!sys::Process::StandardErrIsDisplayed())
    return nullptr;
  auto Start = std::chrono::steady_clock::now();
  return [Start, Total](uint64_t Done) {
    double Secs = std::chrono::duration<double>(
                      std::chrono::steady_clock::now() - Start)
                      .count();
    errs() << formatv("\r{0}: generated {1}{2} instructions ({3:f2} M/s)   ",
                      ToolName, Done,
                      Total ? formatv("/{0}", Total).str() : std::string(),
                      Secs > 0 ? Done / Secs / 1e6 : 0.0);
  };
}

Expected<int> Driver::run(int Argc, const char *const *Argv) {
  if (Error E = Opts.parseCommandLine(Argc, Argv))
    return std::move(E);
  if (Error E = Opts.validateCommandLine())
    return std::move(E);
  phaseDone("options");
  if (Error E = loadConfiguration())
    return std::move(E);
  if (Error E = applyBurstOptions(TheLayout, Opts))
    return std::move(E);
  if (Error E = applyStackSize(TheLayout, Opts, Warnings))
    return std::move(E);
  phaseDone("layout");

  if (Opts.getFlag(OptionID::Preprocess)) {
    outs() << TheLayout.Preprocessed;
    return 0;
  }
  if (Opts.getFlag(OptionID::DumpOptions)) {
    Opts.dump(outs());
    return 0;
  }

  registerBuiltinTargets();
  StringRef TripleName = Opts.getString(OptionID::MTriple);
  if (TripleName.empty())
    TripleName = Opts.getString(OptionID::MArch); // may hold a triple
  Target = GenTarget::lookup(Triple(Triple::normalize(TripleName)));
  if (!Target) {
    if (Opts.getString(OptionID::MTriple).empty())
      return makeOptionError("mtriple", "is required (e.g. -mtriple=riscv64-"
                                        "unknown-elf or riscv32-unknown-elf)");
    return Opts.valueError(OptionID::MTriple,
                           "unsupported target triple '" + TripleName +
                               "'; supported: riscv32*, riscv64*");
  }
  auto Sel = Target->selectSubtarget(Opts, Warnings);
  if (!Sel)
    return Sel.takeError();
  auto EnvOr = MCEnvironment::create(*Sel);
  if (!EnvOr)
    return EnvOr.takeError();
  Env = std::move(*EnvOr);
  phaseDone("MC environment");
  if (Error E = checkCodeSectionAlignment(TheLayout, *Env))
    return std::move(E);
  auto Cat = ISACatalogue::build(*Env, *Target);
  if (!Cat)
    return Cat.takeError();
  Catalogue = std::move(*Cat);
  phaseDone("ISA catalogue");

  if (Opts.getFlag(OptionID::ListOpcodeNames)) {
    listOpcodes(outs());
    return 0;
  }

  auto Config = generatorConfig();
  if (!Config)
    return Config.takeError();
  // The manual: -num-instrs=all cannot be combined with branches (checked by
  // the generator, which classifies opcodes), self-check or burst mode.
  if (Config->FillCodeSection && TheLayout.Memory.Burst &&
      TheLayout.Memory.Burst->Mode != BurstModeKind::Basic)
    return Opts.valueError(OptionID::NumInstrs,
                           "when -num-instrs=all is specified, burst mode is "
                           "not supported");
  auto Out = outputRequest();
  if (!Out)
    return Out.takeError();
  // Refuse an -o that would destroy a device, a FIFO or an input before any
  // work is done (OutputFiles checks every output again when it commits).
  for (const std::string &Path :
       {Out->ElfPath, Out->ElfPath + ".ld", Out->ElfPath + ".ldargs"})
    if (Error E = OutputFiles::checkPath(Path))
      return std::move(E);
  if (Error E = checkModelOptions(Opts, Warnings))
    return std::move(E);
  if (Error E = checkControlFlowRunOptions(Opts))
    return std::move(E);
  if (wantsModelRun(Opts))
    if (Error E = checkSectionsFitModel(TheLayout))
      return std::move(E);
  if (Error E = checkGenerationCheckOptions(Opts))
    return std::move(E);
  if (Error E = warnDeprecatedOptions(Opts, Warnings))
    return std::move(E);
  if (Error E = checkLayoutNeedsModel(TheLayout, Opts))
    return std::move(E);
  if (Error E = checkMemoryInitOption(Opts, Warnings))
    return std::move(E);
  if (Error E = checkFullInitSectionSizes(TheLayout, Opts))
    return std::move(E);
  auto DumpRanges = memoryDumpRanges(TheLayout, Opts);
  if (!DumpRanges)
    return DumpRanges.takeError();
  if (!DumpRanges->empty() && !wantsModelRun(Opts))
    return makeOptionError("dump-memory-section",
                           "needs a model to run the snippet, but "
                           "-model-plugin is None");

  if (Error E = checkGeneratorPluginOptions(Opts))
    return std::move(E);
  if (Error E = checkAddressPluginOptions(Opts))
    return std::move(E);
  if (Error E = checkRegisterPluginOptions(Opts))
    return std::move(E);
  if (wantsGeneratorPlugin(Opts)) {
    auto P = GeneratorPlugin::load(Opts.getString(OptionID::GeneratorPlugin),
                                   *Env);
    if (!P)
      return P.takeError();
    Plugin = std::move(*P);
    StringRef Info = Opts.getString(OptionID::PluginInfoFile);
    if (!Info.empty() && Info != "None")
      if (Error E = Plugin->replaceHistogram(TheLayout, Info))
        return std::move(E);
  }
  auto Histogram = OpcodeHistogram::resolve(TheLayout, *Catalogue, Warnings);
  if (!Histogram)
    return Histogram.takeError();
  if (Error E = checkBuiltinModelSemantics(Opts, TheLayout, *Histogram, *Env))
    return std::move(E);
  if (wantsLayoutDump(Opts))
    outs() << dumpResolvedLayout(TheLayout, *Histogram);
  // Layout problems are reported before a seed is picked and announced.
  auto Seed = chooseSeed();
  if (!Seed)
    return Seed.takeError();
  if (Opts.getFlag(OptionID::Verbose))
    outs() << "Used seed: " << *Seed << "\n";
  std::vector<MemoryFill> MemoryFills;
  if (Error E = applyMemoryInit(TheLayout, Opts, *Seed, *Env, Warnings,
                                MemoryFills))
    return std::move(E);
  auto Regs = setupRegisters(TheLayout, Opts, *Env, *Target, *Config,
                             *Histogram, *Seed, Warnings);
  if (!Regs)
    return Regs.takeError();
  Regs->Registers->setMemoryFills(MemoryFills);
  Regs->Registers->setMemoryInitCall(needsMemoryInitRoutine(Opts));
  auto SelfCheck = setupSelfCheck(Opts, *Env, *Target, TheLayout,
                                  *Regs->Registers, *Config);
  if (!SelfCheck)
    return SelfCheck.takeError();
  Config->SelfCheck = SelfCheck->get();
  DataLayout = dataLayout(TheLayout);
  auto Mem = setupMemory(DataLayout, Opts, *Env, *Target, *Histogram, Warnings);
  if (!Mem)
    return Mem.takeError();
  auto Vector = setupVectorUnit(TheLayout, Opts, *Env, *Target, *Catalogue,
                                *Histogram, *Mem->Source);
  if (!Vector)
    return Vector.takeError();
  Config->Vector = Vector->Unit.get();
  PrimarySource *SourcePtr =
      Vector->Source ? Vector->Source.get() : Mem->Source.get();
  if (Plugin) {
    // The plugin replaces the histogram draw; burst groups and vector
    // configurations draw through sources of their own.
    if (Vector->Source ||
        (TheLayout.Memory.Burst &&
         TheLayout.Memory.Burst->Mode != BurstModeKind::Basic))
      return makeOptionError("generator-plugin",
                             "cannot be combined with burst groups or RVV "
                             "instructions yet: those draw opcodes through "
                             "generators of their own");
    auto S = Plugin->makeSource(*Histogram);
    if (!S)
      return S.takeError();
    PluginSource = std::move(*S);
    SourcePtr = PluginSource.get();
  }
  if (wantsAddressPlugin(Opts)) {
    // Vector accesses place their elements themselves (VectorAccess.h).
    if (Vector->Unit)
      return makeOptionError("address-generator-plugin",
                             "cannot be combined with RVV instructions yet: "
                             "vector accesses do not take addresses from "
                             "the plugin");
    auto P = AddressPlugin::load(
        Opts.getString(OptionID::AddressGeneratorPlugin),
        Opts.getString(OptionID::AddressPluginInfoFile), *Env);
    if (!P)
      return P.takeError();
    AddrPlugin = std::move(*P);
    Mem->Planner->setAddressOracle(AddrPlugin.get());
  }
  if (wantsRegisterPlugin(Opts)) {
    auto P = RegisterPlugin::load(Opts.getString(OptionID::RegGeneratorPlugin),
                                  Opts.getString(OptionID::RegPluginInfoFile),
                                  *Env);
    if (!P)
      return P.takeError();
    RegPlugin = std::move(*P);
    Regs->Registers->setRegisterOracle(RegPlugin.get());
  }
  PrimarySource &Source = *SourcePtr;
  phaseDone("set-up");
  RandomEngine RNG(*Seed);
  Config->Progress = makeProgress(Config->FillCodeSection ? 0 : Config->NumInstrs);
  SnippetGenerator Gen(*Env, *Target, TheLayout, *Histogram,
                       {*Regs->Registers, *Regs->Immediates, *Mem->Planner,
                        Source},
                       RNG, *Config);
  auto Prog = Gen.generate();
  if (Config->Progress)
    errs() << "\r\033[K";
  if (!Prog)
    return Prog.takeError();
  if (Plugin)
    if (Error E = Plugin->takeError())
      return std::move(E);
  if (AddrPlugin)
    if (Error E = AddrPlugin->takeError())
      return std::move(E);
  if (RegPlugin)
    if (Error E = RegPlugin->takeError())
      return std::move(E);
  if (Vector->Unit) {
    if (Error E = Vector->Unit->takeError())
      return std::move(E);
    Prog->VectorConstants.Section = Vector->Unit->constants().Section;
    Prog->VectorConstants.Bytes = Vector->Unit->constants().Bytes;
  }
  if (needsMemoryInitRoutine(Opts))
    if (Error E = appendMemoryInitRoutine(
            *Prog, TheLayout, *Env, *Target,
            Regs->Registers->memoryInitCallRegisters()))
      return std::move(E);
  phaseDone("generation");
  if (Error E = runGenerationChecks(*Prog, *Histogram, *Env, TheLayout, Opts))
    return std::move(E);
  if (Error E = warnUnusedRXSections(TheLayout, *Prog, Warnings))
    return std::move(E);

  if (*SelfCheck)
    if (Error E = prepareSelfCheckProgram(Opts, TheLayout, **SelfCheck,
                                          Warnings, *Prog))
      return E;
  // -object-type=exec with -last-instr=RET starts in the start stub.
  if (!Prog->StartStub.Code.Bytes.empty())
    Out->EntryPoint = Prog->StartStub.Name;
  auto Art = buildArtifacts(*Env, *Target, TheLayout, *Prog, *Out);
  if (!Art)
    return Art.takeError();
  phaseDone("object");
  OutputFiles Files;
  std::string ModelNote;
  if (wantsModelRun(Opts)) {
    // QEMU co-simulation runs the linked file itself.
    bool NeedFile = any_of(Opts.getList(OptionID::CosimModelPlugins),
                           [](const std::string &P) {
                             return StringRef(P).equals_insensitive("qemu");
                           });
    auto Image = modelImage(*Art, *Out, TheLayout, NeedFile);
    if (!Image)
      return Image.takeError();
    phaseDone("model image");
    ModelRunRequest MR;
    MR.Plugin = modelPluginName(Opts).str();
    MR.ImagePath = Image->Path;
    MR.Image = Image->Image ? &*Image->Image : nullptr;
    MR.Isa = Env->selection().ISAString;
    MR.Entry = Config->EntryPoint;
    // A returning snippet returns to the first byte after the code.
    MR.StopAddress = Prog->Map.LastInstrAddress;
    if (Prog->Map.EntryReturns) {
      MR.StopAddress = Prog->Map.CodeEnd;
      MR.ReturnAddress = MR.StopAddress;
    }
    MR.Seed = *Seed;
    MR.CacheBlockBytes = Config->CacheBlockBytes;
    MR.InitialRegisters = Regs->InitialState;
    ControlFlowCheck CFCheck(Prog->Map);
    MR.Checks.push_back(&CFCheck);
    std::unique_ptr<RunCheck> MemoryCheck =
        makeMemoryCheck(*Mem, *Prog, runtimeInitStores(TheLayout));
    if (MemoryCheck)
      MR.Checks.push_back(MemoryCheck.get());
    std::optional<SelfCheckRecorder> SCRec;
    if (*SelfCheck) {
      SCRec.emplace((*SelfCheck)->sectionAddress(),
                    (*SelfCheck)->sectionSize(), (*SelfCheck)->valueBytes());
      // First, so that a section too small is reported as such.
      MR.Checks.insert(MR.Checks.begin(), &*SCRec);
      if (auto Over = selfCheckOverflowRegion(TheLayout))
        MR.ExtraRegions.push_back(*Over);
    }
    MemorySectionDumper SectionDump(*DumpRanges,
                                    Opts.getFlag(OptionID::DumpMemoryAsAscii));
    if (!DumpRanges->empty())
      MR.Checks.push_back(&SectionDump);
    std::vector<std::unique_ptr<CosimCheck>> Cosim;
    std::vector<std::unique_ptr<QemuCosimCheck>> QemuCosim;
    for (const std::string &Plugin : Opts.getList(OptionID::CosimModelPlugins)) {
      if (StringRef(Plugin).equals_insensitive("qemu")) {
        StringRef Trace = Opts.getString(OptionID::TraceLog);
        std::string Kept = Opts.isSet(OptionID::TraceLog) && !Trace.empty() &&
                                   Trace != "-"
                               ? (Trace + ".qemu").str()
                               : std::string();
        auto Q = createQemuCosim(primaryRunOptions(MR), MR.ImagePath, Kept);
        if (!Q)
          return Q.takeError();
        MR.Checks.push_back(Q->get());
        QemuCosim.push_back(std::move(*Q));
        continue;
      }
      auto C = CosimCheck::create(
          Plugin, primaryRunOptions(MR),
          Opts.isSet(OptionID::TraceLog) &&
              !Opts.getString(OptionID::TraceLog).empty() &&
              Opts.getString(OptionID::TraceLog) != "-");
      if (!C)
        return C.takeError();
      MR.Checks.push_back(C->get());
      Cosim.push_back(std::move(*C));
    }
    auto Ran = runOnModel(MR, Opts, Files);
    phaseDone("model run");
    if (!Image->Path.empty())
      sys::fs::remove(Image->Path);
    if (!Ran)
      return SCRec ? SCRec->explainRunFailure(Ran.takeError())
                   : Ran.takeError();
    if (!DumpRanges->empty())
      Files.add(Opts.getString(OptionID::MemorySectionFile),
                std::move(SectionDump.contents()));
    if (SCRec) {
      // The etalons go into the selfcheck section's initial contents.
      if (Error E = finishSelfCheck(TheLayout, Out->SectionsPrefix, *SCRec,
                                    *Prog, Art->Object))
        return std::move(E);
      ModelNote += formatv(", {0} self-checks ({1} sites)", SCRec->pairs(),
                           (*SelfCheck)->sites())
                       .str();
    }
    ModelNote = formatv(", {0} executed on the model", Ran->Retired).str() +
                ModelNote;
    for (const std::unique_ptr<QemuCosimCheck> &Q : QemuCosim)
      ModelNote += formatv(", {0} agreeing with qemu", Q->agreed());
    for (const std::unique_ptr<CosimCheck> &C : Cosim) {
      ModelNote += formatv(", {0} in lockstep on '{1}'", C->steps(), C->name());
      if (!C->log().empty())
        Files.add((Opts.getString(OptionID::TraceLog) + "." + C->name()).str(),
                  C->log());
    }
    if (CFCheck.loopsChecked() || CFCheck.callsChecked())
      ModelNote += formatv(" ({0} loop exits and {1} returns checked)",
                           CFCheck.loopsChecked(), CFCheck.callsChecked())
                       .str();
  }
  if (Error E = queueOutputs(*Art, *Out, Files))
    return std::move(E);
  if (Error E = queueMemoryDumps(*Prog, Opts, Files, Warnings))
    return std::move(E);
  if (Error E = queueIntervalsToVerify(Opts, *Env, TheLayout, *Prog,
                                       Out->ElfPath, Files))
    return std::move(E);
  if (Opts.isSet(OptionID::DumpAccessSchemes))
    Files.add(Opts.getString(OptionID::DumpAccessSchemes),
              dumpAccessSchemes(*Prog, *Mem->Schemes));
  if (Opts.isSet(OptionID::DumpPrimaryPCs))
    Files.add(Opts.getString(OptionID::DumpPrimaryPCs), primaryPCs(*Prog));
  if (Error E = queueControlFlowDumps(*Prog, Gen.callGraph(), *Env, Opts, Files))
    return std::move(E);
  if (Error E = Files.commit())
    return std::move(E);
  phaseDone("outputs");
  viewControlFlowGraphs(*Prog, Opts);
  errs() << formatv("{0}: wrote {1}: {2} primary + {3} ancillary instructions "
                    "({4} bytes of code){5}, seed {6}\n",
                    ToolName, join(Files.committedPaths(), ", "),
                    Prog->Stats.PrimaryInstrs, Prog->Stats.AncillaryInstrs,
                    Prog->codeSize(), ModelNote, *Seed);
  if (KeepPrimary)
    errs() << formatv("{0}: -keep-primary={1}: {2} of {3} numbered primary "
                      "instructions emitted\n",
                      ToolName, KeepPrimary->str(),
                      Prog->Stats.PrimaryOrdinals -
                          Prog->Stats.SkippedPrimaries,
                      Prog->Stats.PrimaryOrdinals);
  exitWithoutTeardown(0);
  return 0;
}

} // namespace

int runDriver(int Argc, const char *const *Argv) {
  Driver D;
  Expected<int> RC = D.run(Argc, Argv);
  if (!RC) {
    printError(RC.takeError(), ToolName);
    return 1;
  }
  return *RC;
}

} // namespace snipgen
