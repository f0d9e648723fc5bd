//===- snipgen-run.cpp - Run a RISC-V ELF on snipgen's model --------------===//
//
// Exit status (distinct for every outcome, whatever code the program
// reports):
//   0  pass: the program exited with code 0 (tohost value 1, or the exit
//      ecall with a0 = 0), EBREAK with no trap handler, or the stop address
//      was reached
//   1  bad input: options, ELF file, plugin, register file, memory map
//   2  the program reported a failure: exit code N != 0 through tohost
//      (value (N << 1) | 1) or the exit ecall; a line on stderr gives N and,
//      for tohost, the raw tohost value in hex
//   3  the step limit (-max-steps) was reached
//   4  an exception with no trap handler (illegal instruction, memory fault
//      outside the regions or against their rights, ...)
// Every run that ends by a tohost write prints the raw tohost value on
// stderr, even with -quiet: "snipgen-run: tohost = 0x1" on a pass, in the
// FAIL line otherwise.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Model/Runner.h"
#include "snipgen/Observers/CommitLog.h"
#include "snipgen/Observers/RegisterState.h"
#include "snipgen/Observers/SNTF.h"
#include "snipgen/Observers/VectorConfigs.h"
#include "snipgen/Support/Error.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace snipgen;

// The exit statuses listed at the top of this file.
enum ExitStatus {
  ExitPass = 0,
  ExitBadInput = 1,
  ExitProgramFailure = 2,
  ExitStepLimit = 3,
  ExitUnhandledTrap = 4,
};

static cl::OptionCategory Cat("snipgen-run options");
static cl::opt<std::string> Input(cl::Positional, cl::desc("<prog.elf>"),
                                  cl::Required, cl::cat(Cat));
static cl::opt<std::string>
    March("march", cl::desc("ISA string (default: the ELF's .riscv.attributes, "
                            "else rv64gc/rv32gc)"),
          cl::cat(Cat));
static cl::opt<std::string>
    TraceLog("trace-log", cl::ValueOptional,
             cl::desc("Write the commit-log trace: no value = stdout, "
                      "'-' = stderr, else a file"),
             cl::value_desc("file|-"), cl::cat(Cat));
static cl::opt<std::string> DumpRegs(
    "dump-registers-yaml", cl::ValueOptional,
    cl::desc("Dump the final registers (default file registers_state.yml)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> DumpVectorConfigs(
    "dump-vector-configs",
    cl::desc("Write vtype and vl after every executed VSET*, counted per "
             "(vtype, vl), as snipgen -dump-vector-configs"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<bool> AgnosticOnes(
    "rvv-agnostic-ones",
    cl::desc("Write all ones into RVV tail/mask-agnostic elements (default: "
             "leave them undisturbed, as QEMU does)"),
    cl::cat(Cat));
static cl::opt<std::string> DumpInitialRegs(
    "dump-initial-registers-yaml", cl::ValueOptional,
    cl::desc("Dump the initial registers (default file "
             "initial_registers_state.yml)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string>
    InitialRegs("initial-regs-yaml",
                cl::desc("Load initial register values from a YAML file"),
                cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> TraceSNTF("trace-SNTF",
                                      cl::desc("Write an SNTF trace"),
                                      cl::value_desc("file"), cl::cat(Cat));
static cl::opt<uint64_t>
    TraceEndPC("trace-end-pc",
               cl::desc("next-pc of the last SNTF entry (default 0)"),
               cl::init(0), cl::cat(Cat));
static cl::opt<std::string> Entry("entry",
                                  cl::desc("Start at this symbol or address"),
                                  cl::value_desc("sym|addr"), cl::cat(Cat));
static cl::opt<std::string>
    Stop("stop",
         cl::desc("Stop before executing this symbol or address"),
         cl::value_desc("sym|addr"), cl::cat(Cat));
static cl::opt<uint64_t> MaxSteps("max-steps",
                                  cl::desc("Step limit (default 1e9)"),
                                  cl::init(1000000000), cl::cat(Cat));
static cl::list<std::string>
    Mem("mem", cl::desc("Extra memory region base:size:rwx (repeatable)"),
        cl::value_desc("base:size:rwx"), cl::cat(Cat));
static cl::opt<std::string>
    Misaligned("misaligned",
               cl::desc("Misaligned data accesses: allow (default) or trap"),
               cl::init("allow"), cl::cat(Cat));
static cl::opt<std::string>
    Plugin("model-plugin",
           cl::desc("Use the model in this shared library instead of the "
                    "built-in one"),
           cl::value_desc("path.so"), cl::cat(Cat));
static cl::opt<bool> FlatMemory(
    "flat-memory",
    cl::desc("Map memory flat and read/write/execute, as Spike does: one "
             "region over the page-rounded hull of the ELF's segments plus "
             "-flat-memory-extra bytes after it"),
    cl::cat(Cat));
static cl::opt<uint64_t> FlatMemoryExtra(
    "flat-memory-extra",
    cl::desc("Zero-filled bytes mapped after the segments with -flat-memory "
             "(default 1 MiB)"),
    cl::init(RunOptions::DefaultFlatExtraBytes), cl::cat(Cat));
static cl::opt<unsigned> CacheBlockSize(
    "cache-block-size",
    cl::desc("Cache block size of cbo.* (Zicbom/Zicboz) in bytes: a power of "
             "two, 8..4096 (default 64)"),
    cl::init(64), cl::cat(Cat));
static cl::opt<bool> Quiet("quiet", cl::desc("Do not print the run summary"),
                           cl::cat(Cat));

static int fail(Error E) {
  // Messages that carry their own location ("file:line:col: error: ...")
  // are printed as they are; the others get the tool name and "error:".
  handleAllErrors(std::move(E), [](const ErrorInfoBase &EI) {
    std::string Text = EI.message();
    if (EI.isA<UserError>())
      printError(make_error<UserError>(Text), "snipgen-run");
    else
      WithColor::error(errs(), "snipgen-run") << Text << "\n";
  });
  return ExitBadInput;
}

static int failMsg(const Twine &Msg) {
  WithColor::error(errs(), "snipgen-run") << Msg << "\n";
  return ExitBadInput;
}

namespace {
// An output stream chosen by a --x[=file|-] option.
struct Output {
  std::unique_ptr<raw_fd_ostream> File;
  raw_ostream *OS = nullptr;
  Error open(StringRef Value, StringRef Default, bool DashIsStderr) {
    if (Value.empty() && Default.empty()) {
      OS = &outs();
      return Error::success();
    }
    if (Value == "-") {
      OS = DashIsStderr ? &errs() : &outs();
      return Error::success();
    }
    std::string Path = Value.empty() ? Default.str() : Value.str();
    std::error_code EC;
    File = std::make_unique<raw_fd_ostream>(Path, EC, sys::fs::OF_None);
    if (EC)
      return createStringError(EC, "cannot write '" + Path +
                                       "': " + EC.message());
    File->SetBufferSize(1 << 20);
    OS = File.get();
    return Error::success();
  }
};

// Dumps the initial registers when the run starts (after --initial-regs).
struct InitialDump : ModelObserver {
  raw_ostream &OS;
  explicit InitialDump(raw_ostream &OS) : OS(OS) {}
  bool wantsEvents() const override { return false; }
  void onRunStart(ModelHandle &M) override {
    RegisterState::capture(M).writeYaml(OS);
    OS.flush();
  }
};
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::ParseCommandLineOptions(argc, argv,
                              "snipgen-run: run a RISC-V ELF on snipgen's "
                              "instruction-set model\n");

  const snipgen_model_api *API = getBuiltinModelAPI();
  if (!Plugin.empty()) {
    auto P = loadModelPlugin(Plugin);
    if (!P)
      return fail(P.takeError());
    API = *P;
  }
  auto Image = ElfImage::read(Input);
  if (!Image)
    return fail(Image.takeError());

  RunOptions Options;
  Options.Isa = March;
  Options.Entry = Entry;
  Options.Stop = Stop;
  Options.MaxSteps = MaxSteps;
  if (Misaligned != "allow" && Misaligned != "trap")
    return failMsg("option '-misaligned': '" + Misaligned +
                   "' is not allowed (allowed: allow, trap)");
  Options.AllowMisaligned = Misaligned == "allow";
  Options.CacheBlockBytes = CacheBlockSize;
  Options.FlatMemory = FlatMemory;
  Options.FlatExtraBytes = FlatMemoryExtra;
  if (FlatMemoryExtra.getNumOccurrences() && !FlatMemory)
    return failMsg("option '-flat-memory-extra' needs '-flat-memory'");
  Options.VectorAgnosticOnes = AgnosticOnes;
  for (const std::string &Spec : Mem) {
    auto R = parseRegionSpec(Spec);
    if (!R)
      return fail(R.takeError());
    Options.ExtraRegions.push_back(*R);
  }
  auto Run = Runner::create(*Image, Options, API);
  if (!Run)
    return fail(Run.takeError());
  Runner &R = **Run;

  if (!InitialRegs.empty()) {
    std::vector<std::string> Warnings;
    auto State = RegisterState::readYamlFile(InitialRegs, &Warnings);
    if (!State)
      return fail(State.takeError());
    for (const std::string &W : Warnings)
      WithColor::warning(errs(), "snipgen-run") << W << "\n";
    if (Error E = State->checkFits(R.model()))
      return failMsg(InitialRegs + ": " + toString(std::move(E)));
    State->apply(R.model());
  }

  // Observers, in output order.
  Output InitialOut, TraceOut, SNTFOut;
  std::unique_ptr<InitialDump> Initial;
  std::unique_ptr<InstructionPrinter> Printer;
  std::unique_ptr<CommitLogObserver> Trace;
  std::unique_ptr<SNTFObserver> SNTF;
  if (DumpInitialRegs.getNumOccurrences()) {
    if (Error E = InitialOut.open(DumpInitialRegs,
                                  "initial_registers_state.yml", false))
      return fail(std::move(E));
    Initial = std::make_unique<InitialDump>(*InitialOut.OS);
    R.addObserver(*Initial);
  }
  if (TraceLog.getNumOccurrences()) {
    if (Error E = TraceOut.open(TraceLog, "", /*DashIsStderr=*/true))
      return fail(std::move(E));
    auto P = InstructionPrinter::create(R.isa());
    if (!P)
      return fail(P.takeError());
    Printer = std::move(*P);
    Trace = std::make_unique<CommitLogObserver>(*TraceOut.OS, *Printer);
    R.addObserver(*Trace);
  }
  if (TraceSNTF.getNumOccurrences()) {
    if (TraceSNTF.empty())
      return failMsg("option '-trace-SNTF': a file name is required");
    if (Error E = SNTFOut.open(TraceSNTF, "", false))
      return fail(std::move(E));
    SNTF = std::make_unique<SNTFObserver>(*SNTFOut.OS, TraceEndPC);
    R.addObserver(*SNTF);
  }

  VectorConfigCounter VConfigs;
  if (DumpVectorConfigs.getNumOccurrences())
    R.addObserver(VConfigs);

  RunResult Result = R.run();

  if (DumpVectorConfigs.getNumOccurrences()) {
    Output Out;
    if (Error E = Out.open(DumpVectorConfigs, "", false))
      return fail(std::move(E));
    *Out.OS << VConfigs.text();
    Out.OS->flush();
  }

  if (DumpRegs.getNumOccurrences()) {
    Output Out;
    if (Error E = Out.open(DumpRegs, "registers_state.yml", false))
      return fail(std::move(E));
    RegisterState::capture(R.model()).writeYaml(*Out.OS);
    Out.OS->flush();
  }
  if (!Quiet)
    errs() << "snipgen-run: " << Result.Message << "; " << Result.Retired
           << " instructions retired\n";
  // The raw tohost value of a passing run (a failing one is in the FAIL line).
  if (Result.ToHostExit && Result.ExitCode == 0)
    errs() << "snipgen-run: tohost = 0x" << utohexstr(Result.ToHostRaw, /*LowerCase=*/true)
           << "\n";

  switch (Result.Result) {
  case SNIPGEN_STEP_STOP_PC:
  case SNIPGEN_STEP_EBREAK:
    return ExitPass;
  case SNIPGEN_STEP_EXIT:
    if (Result.ExitCode == 0)
      return ExitPass;
    errs() << "snipgen-run: FAIL: the program reported failure code "
           << Result.ExitCode;
    if (Result.ToHostExit)
      errs() << " (tohost = 0x" << utohexstr(Result.ToHostRaw, /*LowerCase=*/true) << ")";
    errs() << "\n";
    return ExitProgramFailure;
  case SNIPGEN_STEP_LIMIT:
    return ExitStepLimit;
  case SNIPGEN_STEP_UNHANDLED_TRAP:
    return ExitUnhandledTrap;
  default:
    return ExitBadInput;
  }
}
