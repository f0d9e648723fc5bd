//===- CosimQemu.cpp - QEMU as a co-simulation secondary ------------------===//
//
// -cosim-model-plugins=qemu: the linked image runs under qemu-user with a
// register dump before every instruction (snipgen-qemu-check's library,
// QEMU 10), and the dumps are consumed one per primary instruction as the
// primary retires it: after every instruction pc, x1..x31, f0..f31 and fcsr
// must agree. The primary starts from QEMU's first dump (qemu-user's Linux
// start-up sets sp; -init-regs-in-elf snippets set the rest themselves).
//===----------------------------------------------------------------------===//
#include "Cosim.h"
#include "Lockstep.h"
#include "QemuLog.h"
#include "QemuRun.h"
#include "Report.h"
#include "snipgen/Support/Error.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;
using namespace snipgen::qemucheck;

namespace snipgen {

namespace {
class QemuCosim final : public QemuCosimCheck {
public:
  QemuCosim(std::string Isa, bool KeepLog, std::string LogPath)
      : Isa(std::move(Isa)), KeepLog(KeepLog), LogPath(std::move(LogPath)) {}
  ~QemuCosim() override {
    if (!KeepLog && !LogPath.empty())
      sys::fs::remove(LogPath);
  }
  Error prepare(const ElfImage &Image) override;
  void onRunStart(ModelHandle &M) override {
    if (Checker)
      Checker->onRunStart(M);
  }
  void onRetire(uint64_t PC, uint32_t Enc, uint32_t Size,
                uint64_t Next) override {
    if (Checker)
      Checker->onRetire(PC, Enc, Size, Next);
  }
  Error verdict() override;
  uint64_t agreed() const override { return Checker ? Checker->agreed() : 0; }
  std::string ImagePath;

private:
  std::string Isa;
  bool KeepLog;
  std::string LogPath;
  QemuInvocation Inv;
  QemuOutcome Outcome;
  std::unique_ptr<QemuLogReader> Reader;
  CompareSettings Settings;
  std::unique_ptr<LockstepChecker> Checker;
};
} // namespace

Error QemuCosim::prepare(const ElfImage &Image) {
  auto Facts = isaFacts(Isa);
  if (!Facts)
    return Facts.takeError();
  auto Program = findQemu(Image.XLen == 64 ? "qemu-riscv64" : "qemu-riscv32");
  if (!Program)
    return Program.takeError();
  Inv.Program = *Program;
  auto Cpu = qemuCpuForIsa(Isa, false);
  if (!Cpu)
    return Cpu.takeError();
  Inv.Cpu = *Cpu;
  Inv.Elf = ImagePath;
  if (LogPath.empty()) {
    SmallString<128> P;
    if (std::error_code EC =
            sys::fs::createTemporaryFile("snipgen-cosim-qemu", "log", P))
      return makeError("cannot create a temporary file: " + EC.message());
    LogPath = P.str().str();
  }
  Inv.LogPath = LogPath;
  if (Error E = probeSingleStepFlag(Inv))
    return E;
  auto Ran = runQemu(Inv);
  if (!Ran)
    return Ran.takeError();
  Outcome = *Ran;
  auto R = QemuLogReader::open(Inv.LogPath);
  if (!R)
    return R.takeError();
  Reader = std::move(*R);
  CpuState Initial;
  Expected<bool> First = Reader->next(Initial);
  if (!First)
    return First.takeError();
  if (!*First)
    return makeError("-cosim-model-plugins=qemu: QEMU " + Outcome.describe() +
                     " without executing an instruction: " + Outcome.Stderr +
                     "\n  command: " + Inv.commandLine());
  Settings.XLen = Image.XLen;
  Settings.FLen = Initial.HasF ? Facts->FLen : 0;
  Checker = std::make_unique<LockstepChecker>(*Reader, Initial, Settings,
                                              Outcome);
  return Error::success();
}

Error QemuCosim::verdict() {
  if (!Checker)
    return Error::success();
  if (Checker->logError())
    return makeError("-cosim-model-plugins=qemu: " + *Checker->logError());
  const auto &D = Checker->divergence();
  if (!D)
    return Error::success();
  std::string Text;
  raw_string_ostream OS(Text);
  auto Printer = InstructionPrinter::create(Isa);
  if (!Printer)
    consumeError(Printer.takeError());
  ReportContext Ctx{Settings, Printer ? Printer->get() : nullptr,
                    "qemu", Inv.commandLine(),
                    KeepLog ? StringRef(LogPath) : StringRef(), Isa};
  printDivergence(OS, *D, Ctx);
  // The combined log (QEMU's and the model's view of the last
  // instructions) precedes the error, as the manual has it.
  errs() << Text;
  return makeError("Interpreters states differ (primary model and qemu; "
                   "see the report above)");
}

Expected<std::unique_ptr<QemuCosimCheck>>
createQemuCosim(const RunOptions &RO, StringRef ImagePath,
                StringRef KeptLogPath) {
  auto C = std::make_unique<QemuCosim>(RO.Isa, !KeptLogPath.empty(),
                                       KeptLogPath.str());
  C->ImagePath = ImagePath.str();
  return std::unique_ptr<QemuCosimCheck>(std::move(C));
}

} // namespace snipgen
