#include "ModelRun.h"
#include "PhaseTimes.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Config/Options.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Model/Runner.h"
#include "snipgen/Observers/CommitLog.h"
#include "snipgen/Observers/RegisterState.h"
#include "snipgen/Observers/SNTF.h"
#include "snipgen/Observers/VectorConfigs.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/OutputFiles.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/ADT/StringExtras.h"
#include <array>
#include <memory>
#include <sys/mman.h>

using namespace llvm;

namespace snipgen {

Error checkSectionsFitModel(const Layout &L) {
  for (const SectionDesc &S : L.Sections) {
    if (!S.Size)
      continue;
    // The same reservation the model makes (Model/RISCV/Machine.cpp).
    void *P = mmap(nullptr, S.Size, PROT_READ | PROT_WRITE,
                   MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
    if (P != MAP_FAILED) {
      munmap(P, S.Size);
      continue;
    }
    return makeError(*L.SM, S.Loc,
                     "section '" + S.Name + "': SIZE 0x" +
                         utohexstr(S.Size) +
                         " is more host memory than the model can reserve "
                         "to run the snippet; shrink the section or pass "
                         "-model-plugin=None");
  }
  return Error::success();
}

uint64_t modelStepLimit() { return RunOptions().MaxSteps; }

StringRef modelPluginName(const OptionTable &Opts) {
  if (Opts.isSet(OptionID::PluginModel))
    return Opts.getString(OptionID::PluginModel);
  return Opts.getString(OptionID::ModelPlugin);
}

bool wantsModelRun(const OptionTable &Opts) {
  return !modelPluginName(Opts).equals_insensitive("none");
}

bool usesBuiltinModel(const OptionTable &Opts) {
  return Opts.getString(OptionID::ModelPlugin).equals_insensitive("builtin");
}

Error checkBuiltinModelSemantics(const OptionTable &Opts, const Layout &L,
                                 const OpcodeHistogram &H,
                                 const MCEnvironment &Env) {
  if (!usesBuiltinModel(Opts))
    return Error::success();
  for (const OpcodeHistogram::Entry &E : H.entries()) {
    // FP control pseudos are named by their CSR instruction's opcode.
    StringRef Name = Env.instrInfo().getName(E.Op->Opcode);
    if (E.Weight <= 0 || builtinModelHasSemantics(Name))
      continue;
    std::string Shown = Name == E.Op->Name
                            ? "'" + Name.str() + "'"
                            : "'" + E.Op->Name.str() + "' (" + Name.str() + ")";
    return makeError(*L.SM, L.Histogram[E.LayoutIndex].Loc,
                     "opcode " + Shown +
                         " has no semantics in the built-in model, which runs "
                         "every snippet by default; remove it from the "
                         "histogram or pass -model-plugin=None to generate "
                         "without running");
  }
  return Error::success();
}

static constexpr OptionID ModelOutputs[] = {
    OptionID::TraceLog, OptionID::DumpRegistersYaml,
    OptionID::DumpInitialRegistersYaml, OptionID::InitialRegsYaml,
    OptionID::TraceSNTF};

Error checkModelOptions(const OptionTable &Opts, WarningEngine &Warnings) {
  if (Opts.isSet(OptionID::PluginModel) && Opts.isSet(OptionID::ModelPlugin))
    return Opts.valueError(OptionID::PluginModel,
                           "is another name of -model-plugin; give one");
  if (!wantsModelRun(Opts) && Opts.isSet(OptionID::CosimModelPlugins))
    return Opts.valueError(OptionID::CosimModelPlugins,
                           "needs a primary model, but -model-plugin=None "
                           "disables execution");
  if (!wantsModelRun(Opts)) {
    for (OptionID ID : ModelOutputs)
      if (Opts.isSet(ID))
        return Opts.valueError(ID, "needs a model to run the snippet, but "
                                   "-model-plugin=None disables execution");
    // The manual's own wording for this category.
    return Warnings.warn(Warning::NoModelExec,
                         "Skipping snippet execution on the model: model was "
                         "set to 'None'");
  }
  if (!Opts.getFlag(OptionID::InitRegsInElf) &&
      Opts.getString(OptionID::InitialRegsYaml).empty())
    return Warnings.warn(
        Warning::NonReproducibleExecution,
        "Execution on model without \"init-regs-in-elf\" option enabled will "
        "lead to non-reproducible execution as register will be assumed to be "
        "initialized with random values. Enable explicit register "
        "initialization with option \"init-regs-in-elf\", load them with "
        "\"initial-regs-yaml\", or dump the random initial values with "
        "\"dump-initial-registers-yaml\" and suppress with "
        "\"-Wno-error=non-reproducible-execution\"");
  return Error::success();
}

namespace {

// Sets the initial registers: from --initial-regs-yaml, or random values
// derived from the seed (the model's "unknown" initial state, reproducible).
class InitialState final : public ModelObserver {
public:
  InitialState(std::optional<RegisterState> FromFile, uint64_t Seed)
      : FromFile(std::move(FromFile)), RNG(Seed ^ 0x5eed0fa11u) {}
  bool wantsEvents() const override { return false; }
  void onRunStart(ModelHandle &M) override {
    if (FromFile) {
      if (Error E = FromFile->checkFits(M))
        errs() << "warning: (register-state) " << toString(std::move(E))
               << "; the high bits are dropped\n";
      FromFile->apply(M);
      return;
    }
    RegisterState S = RegisterState::capture(M);
    for (unsigned I = 1; I < 32; ++I)
      S.X[I] = S.XLen == 32 ? RNG.next() & 0xffffffffu : RNG.next();
    if (S.FLen)
      for (unsigned I = 0; I < 32; ++I)
        S.F[I] = S.FLen == 32 ? RNG.next() & 0xffffffffu : RNG.next();
    S.apply(M);
  }

private:
  std::optional<RegisterState> FromFile;
  RandomEngine RNG;
};

// Sets ra to where the entry function's RET must land (after the initial
// state, which randomises ra).
class ReturnTo final : public ModelObserver {
public:
  explicit ReturnTo(std::optional<uint64_t> Address) : Address(Address) {}
  bool wantsEvents() const override { return false; }
  void onRunStart(ModelHandle &M) override {
    if (Address)
      M.setX(1, *Address);
  }

private:
  std::optional<uint64_t> Address;
};

// Writes a register-state YAML at the start or at the end of the run.
class StateDump final : public ModelObserver {
public:
  StateDump(std::string &Out, bool AtStart) : Out(Out), AtStart(AtStart) {}
  // The final dump follows the writes: a register the snippet never wrote
  // still holds the model's start value, which the ELF did not set (a
  // reserved register, or any register without init-regs-in-elf); hardware
  // starts elsewhere, so the dump marks it.
  bool wantsEvents() const override { return !AtStart; }
  void onRegWrite(uint32_t File, uint32_t Index, uint64_t) override {
    if (Index < 32)
      (File == SNIPGEN_REG_X ? WrittenX : WrittenF)[Index] = true;
  }
  void onRunStart(ModelHandle &M) override {
    if (AtStart)
      write(M);
  }
  void onRunEnd(ModelHandle &M, const snipgen_model_stop_info &) override {
    if (!AtStart)
      write(M);
  }

private:
  void write(ModelHandle &M) {
    raw_string_ostream OS(Out);
    if (AtStart) {
      RegisterState::capture(M).writeYaml(OS);
      return;
    }
    RegisterState::capture(M).writeYaml(OS, [&](char File, unsigned I) {
      bool Written = File == 'X' ? I == 0 || WrittenX[I] : WrittenF[I];
      return Written ? nullptr : UnsetNote;
    });
  }
  static constexpr const char *UnsetNote =
      "not written by the snippet: the model's start value, not set by the "
      "ELF";
  std::string &Out;
  bool AtStart;
  std::array<bool, 32> WrittenX{}, WrittenF{};
};

// Where a trace goes: stdout, stderr, or a file renamed into place at the end.
struct TraceStream {
  std::unique_ptr<raw_fd_ostream> File;
  raw_ostream *OS = nullptr;
};

Error openTrace(StringRef Value, StringRef DefaultStd, OutputFiles &Files,
                TraceStream &T) {
  StringRef Where = Value.empty() ? DefaultStd : Value;
  if (Where == "-") {
    T.OS = &errs();
    return Error::success();
  }
  if (Where == "stdout") {
    T.OS = &outs();
    return Error::success();
  }
  auto Temp = Files.reserveTemporary(Where);
  if (!Temp)
    return Temp.takeError();
  std::error_code EC;
  T.File = std::make_unique<raw_fd_ostream>(*Temp, EC);
  if (EC)
    return makeError("cannot write '" + Where + "': " + EC.message());
  T.OS = T.File.get();
  return Error::success();
}

} // namespace

RunOptions primaryRunOptions(const ModelRunRequest &Req) {
  RunOptions RO;
  RO.Isa = Req.Isa;
  RO.Entry = Req.Entry;
  RO.Stop = std::to_string(Req.StopAddress);
  RO.UseToHost = false;
  RO.ExtraRegions = Req.ExtraRegions;
  RO.ExtraRegionsYield = true; // the self-check overflow region
  RO.CacheBlockBytes = Req.CacheBlockBytes;
  RO.MaxSteps = modelStepLimit(); // the generator plans within it
  return RO;
}

Expected<ModelRunSummary> runOnModel(const ModelRunRequest &Req,
                                     const OptionTable &Opts,
                                     OutputFiles &Files) {
  const snipgen_model_api *API = getBuiltinModelAPI();
  if (!Req.Plugin.empty() && !StringRef(Req.Plugin).equals_insensitive("builtin")) {
    auto Loaded = loadModelPlugin(Req.Plugin);
    if (!Loaded)
      return makeError(toString(Loaded.takeError()));
    API = *Loaded;
  }
  std::optional<ElfImage> ReadImage;
  if (!Req.Image) {
    auto Read = ElfImage::read(Req.ImagePath);
    if (!Read)
      return Read.takeError();
    ReadImage = std::move(*Read);
  }
  const ElfImage *Image = Req.Image ? Req.Image : &*ReadImage;
  RunOptions RO = primaryRunOptions(Req);
  RO.VectorAgnosticOnes = Opts.getFlag(OptionID::RvvAgnosticOnes);
  auto R = Runner::create(*Image, RO, API);
  if (!R)
    return R.takeError();
  phaseDone("model creation");
  Runner &Run = **R;

  std::optional<RegisterState> Initial = Req.InitialRegisters;
  StringRef InitialPath = Opts.getString(OptionID::InitialRegsYaml);
  if (!Initial && !InitialPath.empty()) {
    std::vector<std::string> Notes;
    auto S = RegisterState::readYamlFile(InitialPath, &Notes);
    if (!S)
      return Opts.valueError(OptionID::InitialRegsYaml,
                             toString(S.takeError()));
    for (const std::string &N : Notes)
      errs() << "warning: (register-state) " << N << "\n";
    Initial = std::move(*S);
  }
  InitialState Init(std::move(Initial), Req.Seed);
  Run.addObserver(Init);
  ReturnTo Ret(Req.ReturnAddress);
  Run.addObserver(Ret);
  for (RunCheck *C : Req.Checks) {
    if (Error E = C->prepare(*Image))
      return std::move(E);
    Run.addObserver(*C);
  }

  std::string InitialDump, FinalDump;
  StateDump DumpStart(InitialDump, true), DumpEnd(FinalDump, false);
  // llvm-snippy's -verbose dumps both register files (default names).
  bool Verbose = Opts.getFlag(OptionID::Verbose);
  bool WantInitial = Opts.isSet(OptionID::DumpInitialRegistersYaml) || Verbose;
  bool WantFinal = Opts.isSet(OptionID::DumpRegistersYaml) || Verbose;
  if (WantInitial)
    Run.addObserver(DumpStart);

  TraceStream LogStream, SNTFStream;
  std::unique_ptr<InstructionPrinter> Printer;
  std::unique_ptr<CommitLogObserver> Log;
  if (Opts.isSet(OptionID::TraceLog)) {
    if (Error E = openTrace(Opts.getString(OptionID::TraceLog), "stdout",
                            Files, LogStream))
      return std::move(E);
    auto P = InstructionPrinter::create(Run.isa());
    if (!P)
      return P.takeError();
    Printer = std::move(*P);
    Log = std::make_unique<CommitLogObserver>(*LogStream.OS, *Printer);
    Run.addObserver(*Log);
  }
  std::unique_ptr<SNTFObserver> SNTF;
  if (Opts.isSet(OptionID::TraceSNTF)) {
    if (Error E = openTrace(Opts.getString(OptionID::TraceSNTF), "stdout",
                            Files, SNTFStream))
      return std::move(E);
    SNTF = std::make_unique<SNTFObserver>(
        *SNTFStream.OS, Opts.getUnsigned(OptionID::TraceEndPC));
    Run.addObserver(*SNTF);
  }
  if (WantFinal)
    Run.addObserver(DumpEnd);
  VectorConfigCounter VConfigs;
  if (Opts.isSet(OptionID::DumpVectorConfigs))
    Run.addObserver(VConfigs);

  RunResult Result = Run.run();
  if (LogStream.OS)
    LogStream.OS->flush();
  if (SNTFStream.OS)
    SNTFStream.OS->flush();
  for (RunCheck *C : Req.Checks)
    if (Error E = C->verdict())
      return std::move(E);
  if (Result.Result != SNIPGEN_STEP_STOP_PC)
    return makeError("the snippet did not run to its end on the model (" +
                     Twine(stepResultName(Result.Result)) + " after " +
                     Twine(Result.Retired) + " instructions): " +
                     Result.Message);

  if (WantInitial) {
    StringRef P = Opts.getString(OptionID::DumpInitialRegistersYaml);
    Files.add(P.empty() ? "initial_registers_state.yml" : P, InitialDump);
  }
  if (WantFinal) {
    StringRef P = Opts.getString(OptionID::DumpRegistersYaml);
    Files.add(P.empty() ? "registers_state.yml" : P, FinalDump);
  }
  if (Opts.isSet(OptionID::DumpVectorConfigs))
    Files.add(Opts.getString(OptionID::DumpVectorConfigs), VConfigs.text());
  ModelRunSummary S;
  S.Retired = Result.Retired;
  return S;
}

} // namespace snipgen
