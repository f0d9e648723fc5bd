//===- QemuRun.cpp - Run an ELF under qemu-user with a per-insn log -------===//
#include "QemuRun.h"

#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Path.h"
#include "llvm/Support/Program.h"
#include "llvm/TargetParser/RISCVISAInfo.h"

#include <csignal>
#include <cstring>
#include <sys/resource.h>

using namespace llvm;

namespace snipgen::qemucheck {

static Error error(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

namespace {
/// How QEMU (7.2 property names) turns on one ISA extension.
struct QemuProperty {
  const char *Extension;
  const char *Property; // Empty: on whenever the base/parent is on.
};
} // namespace

// Single letters m, a, f, d, c are on in QEMU's generic rv32/rv64 CPUs, and
// so are Zicsr and Zifencei; LLVM lists sub-extensions they imply (zmmul,
// zaamo, zca...) which QEMU has no switch for.
static const QemuProperty QemuProperties[] = {
    {"i", ""},          {"m", ""},          {"a", ""},
    {"f", ""},          {"d", ""},          {"c", ""},
    {"b", ""},          {"zicsr", ""},      {"zifencei", ""},
    {"zicntr", ""},     {"zihpm", ""},      {"zmmul", ""},
    {"zaamo", ""},      {"zalrsc", ""},     {"zca", ""},
    {"zcf", ""},        {"zcd", ""},        {"v", "v"},
    {"zba", "zba"},     {"zbb", "zbb"},     {"zbc", "zbc"},
    {"zbs", "zbs"},     {"zbkb", "zbkb"},   {"zbkc", "zbkc"},
    {"zbkx", "zbkx"},   {"zknd", "zknd"},   {"zkne", "zkne"},
    {"zknh", "zknh"},   {"zksed", "zksed"}, {"zksh", "zksh"},
    {"zkr", "zkr"},     {"zkt", "zkt"},     {"zfh", "Zfh"},
    {"zfhmin", "Zfhmin"}, {"zve32f", "Zve32f"}, {"zve64f", "Zve64f"},
    {"zicbom", "zicbom"}, {"zicboz", "zicboz"},
    // Not in QEMU 7.2 (added in 8.x under these names): asking for them
    // makes an old QEMU refuse the -cpu value with a clear message, instead
    // of failing later with SIGILL in the middle of the snippet.
    {"zicond", "zicond"}, {"zfa", "zfa"},   {"zcb", "zcb"},
};

/// Accepts both user spellings ("rv64gc_zba") and the versioned form of
/// ELF attributes ("rv64i2p1_m2p0_...").
static Expected<std::unique_ptr<RISCVISAInfo>> parseIsa(StringRef Isa) {
  auto Info = RISCVISAInfo::parseArchString(
      Isa, /*EnableExperimentalExtension=*/true,
      /*ExperimentalExtensionVersionCheck=*/false);
  if (Info)
    return Info;
  consumeError(Info.takeError());
  Info = RISCVISAInfo::parseNormalizedArchString(Isa);
  if (!Info)
    return error("cannot parse the ISA string '" + Isa +
                 "': " + toString(Info.takeError()));
  return Info;
}

Expected<IsaFacts> isaFacts(StringRef Isa) {
  auto Info = parseIsa(Isa);
  if (!Info)
    return Info.takeError();
  IsaFacts Facts;
  Facts.XLen = (*Info)->getXLen();
  // parseNormalizedArchString leaves FLen unset; the letters still tell.
  Facts.FLen = (*Info)->hasExtension("d")   ? 64
               : (*Info)->hasExtension("f") ? 32
                                            : 0;
  return Facts;
}

Expected<std::string> qemuCpuForIsa(StringRef Isa, unsigned XLen,
                                    std::vector<std::string> &Unknown) {
  auto Info = parseIsa(Isa);
  if (!Info)
    return error("cannot derive a QEMU -cpu value: " +
                 toString(Info.takeError()) + " (pass --cpu)");
  std::string Cpu = XLen == 32 ? "rv32" : "rv64";
  bool HasVector = false;
  for (const auto &Ext : (*Info)->getExtensions()) {
    StringRef Name = Ext.first;
    if (Name == "v")
      HasVector = true;
    // Vector sub-extensions (zve*, zvl*b) come with 'v'.
    if (HasVector && (Name.starts_with("zve") || Name.starts_with("zvl")))
      continue;
    const QemuProperty *Found = nullptr;
    for (const QemuProperty &P : QemuProperties)
      if (Name == P.Extension)
        Found = &P;
    if (!Found) {
      Unknown.push_back(Name.str());
      continue;
    }
    if (*Found->Property)
      Cpu += std::string(",") + Found->Property + "=true";
  }
  if (HasVector)
    Cpu += ",vext_spec=v1.0,vlen=" +
           std::to_string(std::max(128u, (*Info)->getMinVLen()));
  return Cpu;
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
          UseOneInsnPerTB ? "-one-insn-per-tb" : "-singlestep",
          // nochain: translation blocks never jump straight into each
          // other, so every one of them logs its state.
          "-d",
          "cpu,fpu,nochain",
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

Error probeSingleStepFlag(QemuInvocation &Inv) {
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
  // QEMU 8.1 renamed -singlestep to -one-insn-per-tb (and later dropped the
  // old name); 7.2 only knows -singlestep.
  Inv.UseOneInsnPerTB = StringRef(Text).contains("-one-insn-per-tb");
  if (!Inv.UseOneInsnPerTB && !StringRef(Text).contains("-singlestep"))
    return error("'" + Inv.Program +
                 "' has neither -singlestep nor -one-insn-per-tb (is it "
                 "QEMU user-mode emulation?)");
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
