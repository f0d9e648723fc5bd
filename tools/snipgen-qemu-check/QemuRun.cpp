//===- QemuRun.cpp - Run an ELF under qemu-user with a per-insn log -------===//
#include "QemuRun.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"

#include <csignal>
#include <cstring>
#include <sys/resource.h>

using namespace llvm;

namespace snipgen::qemucheck {

static Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

Expected<std::string> findQemu(StringRef Name) {
  if (Name.contains('/')) {
    if (!sys::fs::can_execute(Name))
      return error("cannot execute QEMU at '" + Name + "'");
    return Name.str();
  }
  auto Path = sys::findProgramByName(Name);
  if (!Path)
    return error("cannot find '" + Name +
                 "' in PATH: install QEMU user-mode emulation (Debian: "
                 "apt-get install qemu-user) or pass --qemu=<path>");
  return *Path;
}

std::vector<std::string> QemuInvocation::arguments() const {
  return {Program,
          "-cpu",
          Cpu,
          "-one-insn-per-tb",
          // nochain: translation blocks never jump straight into each
          // other, so every one of them logs its state. fpu adds fcsr and
          // f0..f31, vpu the vector CSRs and v0..v31 (with V).
          "-d",
          "cpu,fpu,vpu,nochain",
          "-D",
          LogPath,
          Elf};
}

std::string QemuInvocation::commandLine() const {
  std::string Line;
  for (const std::string &A : arguments()) {
    if (!Line.empty())
      Line += ' ';
    Line += A;
  }
  return Line;
}

/// A temporary file that is removed when this goes out of scope.
namespace {
struct TempFile {
  SmallString<128> Path;
  Error create(StringRef Suffix) {
    if (std::error_code EC = sys::fs::createTemporaryFile(
            "snipgen-qemu-check", Suffix, Path))
      return error("cannot create a temporary file: " + EC.message());
    return Error::success();
  }
  std::string read() const {
    auto Buf = MemoryBuffer::getFile(Path);
    return Buf ? (*Buf)->getBuffer().trim().str() : std::string();
  }
  ~TempFile() {
    if (!Path.empty())
      sys::fs::remove(Path);
  }
};
} // namespace

Error probeSingleStepFlag(const QemuInvocation &Inv) {
  TempFile Help;
  if (Error E = Help.create("txt"))
    return E;
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(Help.Path),
                                          StringRef(Help.Path)};
  std::string ErrMsg;
  StringRef Args[] = {Inv.Program, "-h"};
  int RC = sys::ExecuteAndWait(Inv.Program, Args, std::nullopt, Redirects,
                               /*SecondsToWait=*/30, 0, &ErrMsg);
  if (RC < 0)
    return error("cannot run '" + Inv.Program + " -h': " + ErrMsg);
  std::string Text = Help.read();
  // QEMU 8.1 renamed -singlestep to -one-insn-per-tb, and later releases
  // dropped the old name; the log format read here is QEMU 10's.
  if (StringRef(Text).contains("-one-insn-per-tb"))
    return Error::success();
  if (StringRef(Text).contains("-singlestep"))
    return error("'" + Inv.Program +
                 "' is too old: it has -singlestep but not -one-insn-per-tb "
                 "(QEMU 8.1 or later is needed; the reference is QEMU 10.0, "
                 "Debian: apt-get install -t bookworm-backports qemu-user)");
  return error("'" + Inv.Program +
               "' has no -one-insn-per-tb option (is it QEMU user-mode "
               "emulation?)");
  return Error::success();
}

std::string QemuOutcome::describe() const {
  switch (How) {
  case Exited:
    return "exited with status " + std::to_string(ExitCode);
  case Signalled:
    return "was killed by " + SignalName;
  case TimedOut:
    return "did not finish in time (killed)";
  }
  return "?";
}

/// "SIGTRAP" for libc's text of SIGTRAP ("Trace/breakpoint trap"), which is
/// what LLVM's process API reports for a child killed by a signal.
static std::string signalName(StringRef Text) {
  static const std::pair<int, const char *> Known[] = {
      {SIGTRAP, "SIGTRAP"}, {SIGILL, "SIGILL"},   {SIGSEGV, "SIGSEGV"},
      {SIGBUS, "SIGBUS"},   {SIGFPE, "SIGFPE"},   {SIGABRT, "SIGABRT"},
      {SIGKILL, "SIGKILL"}, {SIGSYS, "SIGSYS"},   {SIGXCPU, "SIGXCPU"},
      {SIGTERM, "SIGTERM"}};
  for (const auto &[Number, Name] : Known)
    if (Text.starts_with(strsignal(Number)))
      return Name;
  return Text.str();
}

Expected<QemuOutcome> runQemu(const QemuInvocation &Inv) {
  // qemu-user writes a core file of the guest into the working directory
  // when the guest dies of a signal and core files are allowed; a snippet
  // that ends with EBREAK always does. Children inherit this limit.
  struct rlimit NoCore = {0, 0};
  setrlimit(RLIMIT_CORE, &NoCore);

  TempFile Stderr;
  if (Error E = Stderr.create("stderr"))
    return E;
  std::vector<std::string> Args = Inv.arguments();
  std::vector<StringRef> ArgRefs(Args.begin(), Args.end());
  std::optional<StringRef> Redirects[] = {StringRef(""), StringRef(""),
                                          StringRef(Stderr.Path)};
  std::string ErrMsg;
  bool ExecutionFailed = false;
  int RC = sys::ExecuteAndWait(Inv.Program, ArgRefs, std::nullopt, Redirects,
                               Inv.TimeoutSeconds, 0, &ErrMsg,
                               &ExecutionFailed);
  if (ExecutionFailed || RC == -1)
    return error("cannot run " + Inv.Program + ": " + ErrMsg);
  QemuOutcome Out;
  Out.Stderr = Stderr.read();
  if (RC >= 0) {
    Out.How = QemuOutcome::Exited;
    Out.ExitCode = RC;
  } else if (StringRef(ErrMsg).contains("timed out")) {
    Out.How = QemuOutcome::TimedOut;
  } else {
    Out.How = QemuOutcome::Signalled;
    Out.SignalName = signalName(ErrMsg);
  }
  return Out;
}

} // namespace snipgen::qemucheck
