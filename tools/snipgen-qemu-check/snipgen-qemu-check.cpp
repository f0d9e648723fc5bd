//===- snipgen-qemu-check.cpp - Cross-check the model with QEMU -----------===//
//
// Runs a linked RISC-V executable under qemu-user with a register dump before
// every instruction, then runs it on snipgen's model (built-in or plugin)
// from QEMU's initial register state, and compares pc, x1..x31, f0..f31,
// fcsr and (with V) v0..v31, vl, vtype, vstart, vxrm and vxsat after every
// instruction. Both runs must end at the same EBREAK (QEMU: SIGTRAP).
//
// Exit status:
//   0  the runs agree at every instruction and both end at the EBREAK
//   1  they diverge (the first divergence is reported on stdout)
//   2  the check could not be made (bad input, QEMU missing or refusing to
//      run, unreadable log)
//===----------------------------------------------------------------------===//
#include "Lockstep.h"
#include "QemuLog.h"
#include "QemuRun.h"
#include "Report.h"

#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Model/Runner.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/InitLLVM.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/WithColor.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace snipgen;
using namespace snipgen::qemucheck;

static cl::OptionCategory Cat("snipgen-qemu-check options");
static cl::opt<std::string> Input(cl::Positional, cl::desc("<prog.elf>"),
                                  cl::cat(Cat));
static cl::opt<bool> PrintCpu(
    "print-qemu-cpu",
    cl::desc("Print the QEMU -cpu value derived from the ISA (--march, else "
             "the ELF's) and exit"),
    cl::cat(Cat));
static cl::opt<std::string>
    QemuName("qemu",
             cl::desc("QEMU user-mode binary (default: qemu-riscv64 or "
                      "qemu-riscv32, from the ELF class)"),
             cl::value_desc("name|path"), cl::cat(Cat));
static cl::opt<std::string>
    Cpu("cpu",
        cl::desc("QEMU -cpu value (default: rv64/rv32 plus the properties "
                 "that the ELF's ISA needs, e.g. rv64,zba=true,zbb=true)"),
        cl::value_desc("qemu-cpu"), cl::cat(Cat));
static cl::opt<std::string>
    March("march",
          cl::desc("ISA of the model (default: the ELF's .riscv.attributes, "
                   "else rv64gc/rv32gc)"),
          cl::value_desc("isa"), cl::cat(Cat));
static cl::opt<std::string>
    LogFile("log",
            cl::desc("Keep QEMU's register log in this file (default: a "
                     "temporary file, removed at exit)"),
            cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> UseLog(
    "use-log",
    cl::desc("Compare with this existing QEMU log instead of running QEMU "
             "(assumed to end with SIGTRAP at its last dump)"),
    cl::value_desc("file"), cl::cat(Cat));
static cl::opt<std::string> CompareMode(
    "compare",
    cl::desc("each: compare after every instruction (default); final: only "
             "the final state, with the model running unobserved (so its "
             "compiled tier may run)"),
    cl::value_desc("each|final"), cl::init("each"), cl::cat(Cat));
static cl::opt<unsigned>
    Context("context",
            cl::desc("Instructions shown before a divergence (default 10)"),
            cl::init(10), cl::cat(Cat));
static cl::opt<unsigned>
    Timeout("timeout",
            cl::desc("Seconds QEMU may run before it is killed (default 300)"),
            cl::init(300), cl::cat(Cat));
static cl::opt<bool> ZveAsV(
    "zve-as-v",
    cl::desc("With Zve* but not V: run QEMU with V (same VLEN and ELEN) so "
             "its log has the vector state to compare; EEW=64 vmulh*/vsmul, "
             "which Zve64* lacks, then run on QEMU"),
    cl::cat(Cat));
static cl::opt<bool> AgnosticOnes(
    "rvv-agnostic-ones",
    cl::desc("Both sides write all ones into RVV tail/mask-agnostic elements "
             "(the model's -rvv-agnostic-ones; QEMU's rvv_ta_all_1s and "
             "rvv_ma_all_1s)"),
    cl::cat(Cat));
static cl::opt<std::string>
    Plugin("model-plugin",
           cl::desc("Compare this model plugin instead of the built-in model"),
           cl::value_desc("path.so"), cl::cat(Cat));

static std::string agnosticOnesCpuProperties() {
  return AgnosticOnes ? ",rvv_ta_all_1s=true,rvv_ma_all_1s=true" : "";
}

static constexpr int ExitDiverged = 1;
static constexpr int ExitCannotCheck = 2;

static int cannotCheck(const Twine &Msg) {
  WithColor::error(errs(), "snipgen-qemu-check") << Msg << "\n";
  return ExitCannotCheck;
}
static int cannotCheck(Error E) { return cannotCheck(toString(std::move(E))); }

namespace {
/// The QEMU log file: the user's (kept) or a temporary one (removed).
struct LogPath {
  SmallString<128> Path;
  bool Temporary = false;
  ~LogPath() {
    if (Temporary && !Path.empty())
      sys::fs::remove(Path);
  }
};
} // namespace

int main(int argc, char **argv) {
  InitLLVM X(argc, argv);
  cl::HideUnrelatedOptions(Cat);
  cl::ParseCommandLineOptions(
      argc, argv,
      "snipgen-qemu-check: run a RISC-V executable under qemu-user and on "
      "snipgen's model, and compare the registers after every instruction\n");

  if (CompareMode != "each" && CompareMode != "final")
    return cannotCheck("option '--compare': '" + CompareMode +
                       "' is not allowed (allowed: each, final)");
  if (PrintCpu && Input.empty()) {
    if (March.empty())
      return cannotCheck("--print-qemu-cpu needs --march or an ELF file");
    auto Derived = qemuCpuForIsa(March, ZveAsV);
    if (!Derived)
      return cannotCheck(Derived.takeError());
    outs() << *Derived << agnosticOnesCpuProperties() << "\n";
    return 0;
  }
  if (Input.empty())
    return cannotCheck("no input file (usage: snipgen-qemu-check "
                       "<prog.elf>, see --help)");
  auto Image = ElfImage::read(Input);
  if (!Image)
    return cannotCheck(Image.takeError());
  std::string Isa = !March.empty()                  ? March.getValue()
                    : !Image->ArchAttribute.empty() ? Image->ArchAttribute
                    : Image->XLen == 64             ? "rv64gc"
                                                    : "rv32gc";
  auto Facts = isaFacts(Isa);
  if (!Facts)
    return cannotCheck(Facts.takeError());
  if (Facts->XLen != Image->XLen)
    return cannotCheck("the ISA '" + Isa + "' is RV" + Twine(Facts->XLen) +
                       " but '" + Input + "' is an RV" + Twine(Image->XLen) +
                       " ELF file");

  // QEMU's side.
  QemuInvocation Qemu;
  auto Program = findQemu(QemuName.empty() ? (Image->XLen == 64
                                                  ? "qemu-riscv64"
                                                  : "qemu-riscv32")
                                           : StringRef(QemuName));
  if (!Program)
    return cannotCheck(Program.takeError());
  Qemu.Program = *Program;
  StringRef QemuBase = sys::path::filename(Qemu.Program);
  if (Cpu.empty()) {
    auto Derived = qemuCpuForIsa(Isa, ZveAsV);
    if (!Derived)
      return cannotCheck(Derived.takeError());
    Qemu.Cpu = *Derived;
  } else {
    Qemu.Cpu = Cpu;
  }
  Qemu.Cpu += agnosticOnesCpuProperties();
  if (PrintCpu) {
    outs() << Qemu.Cpu << "\n";
    return 0;
  }
  Qemu.Elf = Input;
  Qemu.TimeoutSeconds = Timeout;
  LogPath Log;
  if (!UseLog.empty()) {
    Log.Path = UseLog;
  } else if (!LogFile.empty()) {
    Log.Path = LogFile;
  } else {
    if (std::error_code EC =
            sys::fs::createTemporaryFile("snipgen-qemu-check", "log", Log.Path))
      return cannotCheck("cannot create a temporary file: " + EC.message());
    Log.Temporary = true;
  }
  Qemu.LogPath = Log.Path.str().str();
  // An existing log stands for a run that ended at its EBREAK.
  QemuOutcome Outcome{QemuOutcome::Signalled, 0, "SIGTRAP", ""};
  if (UseLog.empty()) {
    if (Error E = probeSingleStepFlag(Qemu))
      return cannotCheck(std::move(E));
    auto Ran = runQemu(Qemu);
    if (!Ran)
      return cannotCheck(Ran.takeError());
    Outcome = std::move(*Ran);
  }
  if (Outcome.How == QemuOutcome::TimedOut)
    return cannotCheck(QemuBase + " did not finish within " + Twine(Timeout) +
                       " s (see --timeout): " + Qemu.commandLine());

  auto Reader = QemuLogReader::open(Qemu.LogPath);
  if (!Reader)
    return cannotCheck(Reader.takeError());
  size_t Dumps = (*Reader)->countDumps();
  CpuState Initial;
  Expected<bool> First = (*Reader)->next(Initial);
  if (!First)
    return cannotCheck(First.takeError());
  if (!*First || Dumps == 0) {
    std::string Why = QemuBase.str() + " " + Outcome.describe() +
                      " without executing an instruction";
    if (!Outcome.Stderr.empty())
      Why += ": " + Outcome.Stderr;
    StringRef Stderr = Outcome.Stderr;
    if (Stderr.contains("Property") && Stderr.contains("not found"))
      Why += "\n  this QEMU lacks a -cpu property that the ISA '" + Isa +
             "' needs; with --cpu=<value> without it, QEMU stops with "
             "SIGILL at the first instruction of that extension";
    return cannotCheck(Why + "\n  command: " + Qemu.commandLine());
  }
  if (Facts->FLen && !Initial.HasF)
    return cannotCheck("QEMU's log has no FP registers (was it run with "
                       "-d cpu,fpu?): " + Qemu.LogPath);

  // The model's side.
  const snipgen_model_api *API = getBuiltinModelAPI();
  if (!Plugin.empty()) {
    auto P = loadModelPlugin(Plugin);
    if (!P)
      return cannotCheck(P.takeError());
    API = *P;
  }
  RunOptions Options;
  Options.Isa = Isa;
  Options.VectorAgnosticOnes = AgnosticOnes;
  // The model never needs more instructions than QEMU executed; one more
  // shows an instruction QEMU did not finish.
  Options.MaxSteps = Dumps + 1;
  auto Run = Runner::create(*Image, Options, API);
  if (!Run)
    return cannotCheck(Run.takeError());
  CompareSettings Settings;
  Settings.XLen = Image->XLen;
  Settings.FLen = Facts->FLen;
  Settings.Context = Context;
  Settings.EachInstruction = CompareMode == "each";
  // QEMU logs vector state only when V is on (not for Zve* alone).
  Settings.CompareV = Initial.HasV;
  if (Initial.HasV) {
    uint32_t ModelVLenB = API->get_vlenb((*Run)->model().get());
    if (ModelVLenB != Initial.VLenB)
      return cannotCheck(
          "the model's VLEN is " + Twine(ModelVLenB * 8) + " but QEMU's is " +
          Twine(Initial.VLenB * 8) +
          (ModelVLenB == 0 ? " (the model has no vector registers for the "
                             "ISA '" + Isa + "')"
                           : " (the -cpu value '" + Qemu.Cpu +
                                 "' sets QEMU's; VLEN comes from zvl*b)"));
  } else if (Facts->HasZve) {
    WithColor::warning(errs(), "snipgen-qemu-check")
        << "QEMU logs vector registers only with V, not with Zve* alone: "
           "v0-v31 and the vector CSRs are not compared (--zve-as-v runs "
           "QEMU with V)\n";
  }
  LockstepChecker Checker(**Reader, Initial, Settings, Outcome);
  (*Run)->addObserver(Checker);
  RunResult Result = (*Run)->run();
  Checker.finish(Result);
  if (Checker.logError())
    return cannotCheck(*Checker.logError());

  if (const auto &D = Checker.divergence()) {
    std::unique_ptr<InstructionPrinter> Printer;
    auto P = InstructionPrinter::create(Isa);
    if (P)
      Printer = std::move(*P);
    else
      consumeError(P.takeError()); // The report still has the encodings.
    // Replaying with --use-log would overwrite the user's log: no command.
    std::string Command = UseLog.empty() ? Qemu.commandLine() : "";
    std::string Kept = Log.Temporary ? "" : Qemu.LogPath;
    ReportContext Ctx{Settings, Printer.get(), QemuBase, Command, Kept, Isa};
    outs() << Input << ":\n";
    printDivergence(outs(), *D, Ctx);
    outs().flush();
    return ExitDiverged;
  }
  std::string Compared = "pc, x1-x31";
  if (Settings.FLen)
    Compared += ", f0-f31";
  if (Settings.FLen && Initial.HasFcsr)
    Compared += ", fcsr";
  if (Settings.CompareV)
    Compared += ", v0-v31, vl, vtype, vstart, vxrm, vxsat";
  outs() << "snipgen-qemu-check: " << Input << ": " << Checker.agreed()
         << " instructions agree with " << QemuBase << " -cpu " << Qemu.Cpu
         << " (" << Compared
         << (Settings.EachInstruction ? " after each" : " at the end")
         << "); both end at the EBREAK at 0x"
         << utohexstr(Result.FinalPC, true) << "\n";
  return 0;
}
