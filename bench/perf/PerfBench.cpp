//===- PerfBench.cpp - Every figure of the performance issue, as ratios ---===//
//
// Prints each row of the performance table (docs/contributing.md#benchmarks)
// as a ratio against a reference tool measured in the same run, whole
// processes (fork + exec, wait4 rusage):
//   1. snipgen, 1M primary instructions of the scalar mix with the model on,
//      vs llvm-mc-22 assembling the same instructions (the snippet's own
//      code, dumped with llvm-objdump-22 -d --no-show-raw-insn -M no-aliases);
//   2. peak RSS of that run (and of the same run with the model off);
//   3. start-up: 100 primary instructions with the model vs llvm-mc
//      assembling 100 of those instructions;
//   4. snipgen-run on the 1M snippet linked to an exec vs qemu-riscv64;
//   5. a 105M-instruction integer loop: snipgen-run vs qemu-riscv64;
//   6. a 52M-instruction FP loop (FP and integer instructions interleaved):
//      snipgen-run with its JIT vs SNIPGEN_JIT=off.
// Times are CPU seconds (user + sys) of the child, the best of --repeat runs:
// the machine is shared, and wall time mostly measures the neighbours.
// Asserts nothing except that paired runs agree on their exit status.
//   build/bin/snipgen-bench-perf [--repeat=N] [--keep]
//===----------------------------------------------------------------------===//
#include "llvm/ADT/SmallString.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <random>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace llvm;

static cl::opt<unsigned> Repeat("repeat",
                                cl::desc("Runs per figure; the fastest counts"),
                                cl::init(3));
static cl::opt<bool> Keep("keep", cl::desc("Keep the work directory"));

namespace {

struct Run {
  double Cpu = 0, Wall = 0;
  long PeakKB = 0;
  int Status = 0; // Exit code, or 128 + signal.
};

std::string Dir;

/// Runs Argv[0] with Argv, Env added to the environment, stdout and stderr
/// to Log (or /dev/null).
Run runOnce(const std::vector<std::string> &Argv,
            const std::vector<std::string> &Env, const std::string &Log) {
  auto Start = std::chrono::steady_clock::now();
  pid_t Pid = fork();
  if (Pid == 0) {
    for (const std::string &E : Env)
      putenv(const_cast<char *>(E.c_str()));
    int Fd = open(Log.empty() ? "/dev/null" : Log.c_str(),
                  O_WRONLY | O_CREAT | O_TRUNC, 0644);
    dup2(Fd, 1);
    dup2(Fd, 2);
    std::vector<char *> A;
    for (const std::string &S : Argv)
      A.push_back(const_cast<char *>(S.c_str()));
    A.push_back(nullptr);
    execv(A[0], A.data());
    _exit(127);
  }
  int Status = 0;
  struct rusage RU;
  wait4(Pid, &Status, 0, &RU);
  Run R;
  R.Wall = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                         Start)
               .count();
  R.Cpu = RU.ru_utime.tv_sec + RU.ru_utime.tv_usec / 1e6 + RU.ru_stime.tv_sec +
          RU.ru_stime.tv_usec / 1e6;
  R.PeakKB = RU.ru_maxrss;
  R.Status = WIFEXITED(Status) ? WEXITSTATUS(Status)
                               : 128 + (WIFSIGNALED(Status) ? WTERMSIG(Status) : 0);
  return R;
}

Run best(const std::vector<std::string> &Argv,
         const std::vector<std::string> &Env = {},
         const std::string &Log = "") {
  Run B;
  for (unsigned I = 0; I < std::max(1u, unsigned(Repeat)); ++I) {
    Run R = runOnce(Argv, Env, Log);
    if (I == 0 || R.Cpu < B.Cpu) {
      long Peak = std::max(B.PeakKB, R.PeakKB);
      B = R;
      B.PeakKB = Peak;
    }
  }
  return B;
}

[[noreturn]] void fail(const Twine &Why) {
  errs() << "snipgen-bench-perf: " << Why << "\n";
  std::exit(1);
}

void require(const Run &R, int Status, const Twine &What) {
  if (R.Status != Status)
    fail(What + " exited with status " + Twine(R.Status) + " (expected " +
         Twine(Status) + "; log in " + Dir + ")");
}

/// The guest's exit code from snipgen-run's status (2: the program reported
/// code N, given on stderr) and log.
int guestExit(const Run &R, const std::string &Log) {
  if (R.Status != 2)
    return R.Status == 0 ? 0 : -1;
  auto Buf = MemoryBuffer::getFile(Log);
  if (!Buf)
    return -1;
  StringRef Text = (*Buf)->getBuffer();
  size_t At = Text.find("exited with code ");
  int Code = -1;
  if (At == StringRef::npos ||
      Text.substr(At + 17).take_while(isDigit).getAsInteger(10, Code))
    return -1;
  return Code;
}

std::string tool(StringRef Name) {
  auto P = sys::findProgramByName(Name);
  if (!P)
    fail(Twine(Name) + " not found on PATH");
  return *P;
}

void writeFile(const std::string &Path, const std::string &Text) {
  std::error_code EC;
  raw_fd_ostream OS(Path, EC);
  if (EC)
    fail("cannot write " + Path);
  OS << Text;
}

/// The instructions of an llvm-objdump listing as assembly source, at most
/// Limit of them.
std::string listingToAsm(const std::string &Listing, size_t Limit) {
  auto Buf = MemoryBuffer::getFile(Listing);
  if (!Buf)
    fail("cannot read " + Listing);
  std::string S = "  .text\n";
  size_t N = 0;
  SmallVector<StringRef, 0> Lines;
  (*Buf)->getBuffer().split(Lines, '\n');
  for (StringRef L : Lines) {
    // "   10a4:      \tadd\ta0, a1, a2"
    auto [Addr, Rest] = L.split('\t');
    StringRef A = Addr.trim();
    if (Rest.empty() || !A.consume_back(":") || A.empty() ||
        A.find_first_not_of("0123456789abcdef") != StringRef::npos)
      continue;
    auto [Mnemonic, Ops] = Rest.split('\t');
    S += "  " + Mnemonic.str() + " " + Ops.split('<').first.str() + "\n";
    if (++N == Limit)
      break;
  }
  return S;
}

// A loop of straight-line ALU instructions (snipgen-model-bench's "chained"
// workload: each instruction reads the previous one's result, so neither
// QEMU's code generator nor the model's JIT can delete dead results), ending
// with the Linux exit syscall so that both runners end cleanly.
std::string integerLoop(uint64_t Instructions) {
  static const char *const Ops[] = {"add", "sub", "xor", "or",  "and", "sll",
                                    "srl", "sra", "slt", "sltu", "addw", "subw"};
  static const char *const Regs[] = {"t0", "t1", "t2", "t3", "t4", "t5",
                                     "t6", "a1", "a2", "a3", "a4", "a5",
                                     "a6", "s2", "s3", "s4"};
  const unsigned Block = 1000;
  std::mt19937_64 Rng(12345);
  std::string S = "  .text\n  .globl _start\n_start:\n";
  S += "  li s1, " + std::to_string(Instructions / (Block + 2)) + "\n";
  for (unsigned I = 0; I < 16; ++I)
    S += std::string("  li ") + Regs[I] + ", " + std::to_string(I * 7 + 1) + "\n";
  S += "loop:\n";
  std::string Prev = "t0";
  for (unsigned I = 0; I < Block; ++I) {
    const char *Op = Ops[Rng() % 12];
    std::string D = Regs[Rng() % 16], A = Regs[Rng() % 16], B = Regs[Rng() % 16];
    A = Prev;
    Prev = D;
    if (Rng() % 10 < 3)
      S += "  addi " + D + ", " + A + ", " +
           std::to_string(int(Rng() % 4095) - 2048) + "\n";
    else
      S += std::string("  ") + Op + " " + D + ", " + A + ", " + B + "\n";
  }
  S += "  addi s1, s1, -1\n  bnez s1, loop\n  li a0, 0\n";
  for (unsigned I = 0; I < 16; ++I)
    S += std::string("  xor a0, a0, ") + Regs[I] + "\n";
  S += "  andi a0, a0, 127\n  li a7, 93\n  ecall\n";
  return S;
}

// A loop whose body interleaves double-precision arithmetic with integer
// instructions (27 instructions per iteration), the shape of a generated
// FP mix: the compiled tier sees short integer runs between FP instructions.
// The values stay finite (x -> x * 0.5 + 1 converges).
std::string fpLoop(uint64_t Instructions) {
  const unsigned Body = 27;
  std::string S = "  .text\n  .globl _start\n_start:\n";
  S += "  li s1, " + std::to_string(Instructions / Body) + "\n";
  S += "  li t0, 1\n  fcvt.d.l fa1, t0\n  li t0, 2\n  fcvt.d.l fa2, t0\n"
       "  fdiv.d fa3, fa1, fa2\n  fmv.d fa0, fa1\n  fmv.d fa4, fa2\n"
       "  fmv.d fa5, fa1\n  li t0, 0\n  li t1, 3\n  li t2, 5\n";
  S += "loop:\n";
  for (unsigned I = 0; I < 4; ++I) {
    S += "  fmadd.d fa0, fa0, fa3, fa1\n  add t0, t0, t1\n"
         "  fmul.d fa4, fa4, fa3\n  xor t2, t2, t0\n"
         "  fadd.d fa4, fa4, fa1\n  addi t1, t1, 1\n";
  }
  S += "  fsub.d fa5, fa0, fa4\n";
  S += "  addi s1, s1, -1\n  bnez s1, loop\n";
  S += "  fcvt.l.d a0, fa5, rtz\n  xor a0, a0, t0\n  xor a0, a0, t2\n"
       "  andi a0, a0, 127\n  li a7, 93\n  ecall\n";
  return S;
}

void buildElf(const std::string &Gcc, const std::string &Asm,
              const std::string &Elf) {
  writeFile(Elf + ".S", Asm);
  Run R = runOnce({Gcc, "-nostdlib", "-nostartfiles", "-march=rv64gc",
                   "-mabi=lp64d", "-Wl,-Ttext=0x10000", Elf + ".S", "-o", Elf},
                  {}, Elf + ".log");
  require(R, 0, "riscv64-unknown-elf-gcc on " + Elf + ".S");
}

void row(const char *Figure, const std::string &Measured,
         const std::string &Reference, double Ratio, const char *Target) {
  std::printf("%-34s %-26s %-26s %8.3f  %s\n", Figure, Measured.c_str(),
              Reference.c_str(), Ratio, Target);
  std::fflush(stdout);
}

std::string secs(const char *Who, double S) {
  char Buf[64];
  std::snprintf(Buf, sizeof(Buf), "%s %.3f s", Who, S);
  return Buf;
}

} // namespace

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "snipgen performance figures\n");
  std::string Snipgen = SNIPGEN_BINARY, SnipgenRun = SNIPGEN_RUN_BINARY;
  std::string Layout = SNIPGEN_BENCH_LAYOUT;
  std::string Mc = tool("llvm-mc-22"), Objdump = tool("llvm-objdump-22"),
              Lld = tool("ld.lld-22"), Qemu = tool("qemu-riscv64"),
              Gcc = tool("riscv64-unknown-elf-gcc");
  SmallString<128> D;
  if (sys::fs::createUniqueDirectory("snipgen-bench-perf", D))
    fail("cannot create a work directory");
  Dir = D.str().str();
  std::string McAttr = "-mattr=+f,+c,+zifencei"; // The layout's march.

  std::printf("%-34s %-26s %-26s %8s  %s\n", "figure", "snipgen", "reference",
              "ratio", "target");

  // 1. Generation of 1M with the model on, against llvm-mc.
  std::string S1M = Dir + "/s1m";
  Run Gen = best({Snipgen, Layout, "-num-instrs=1000000", "-seed=1",
                  "-o=" + S1M},
                 {}, Dir + "/gen1m.log");
  require(Gen, 0, "snipgen -num-instrs=1000000");
  Run Dump = runOnce({Objdump, "-d", "--no-show-raw-insn", "-M", "no-aliases",
                      S1M},
                     {}, S1M + ".dis");
  require(Dump, 0, "llvm-objdump-22");
  writeFile(S1M + ".s", listingToAsm(S1M + ".dis", ~size_t(0)));
  Run Mc1M = best({Mc, "-triple=riscv64", McAttr, "-filetype=obj", S1M + ".s",
                   "-o", S1M + ".mc.o"},
                  {}, Dir + "/mc1m.log");
  require(Mc1M, 0, "llvm-mc-22 on the 1M listing");
  row("1M scalar mix, model on", secs("snipgen", Gen.Cpu),
      secs("llvm-mc", Mc1M.Cpu), Gen.Cpu / Mc1M.Cpu, "<= 0.30");

  // 2. Peak RSS of that run, and with the model off.
  Run GenOff = runOnce({Snipgen, Layout, "-num-instrs=1000000", "-seed=1",
                     "-model-plugin=None", "-o=" + Dir + "/s1m-off"},
                    {}, Dir + "/gen1m-off.log");
  require(GenOff, 0, "snipgen -num-instrs=1000000 -model-plugin=None");
  row("peak RSS of that run (MB)",
      "model on " + std::to_string(Gen.PeakKB / 1024),
      "model off " + std::to_string(GenOff.PeakKB / 1024),
      double(Gen.PeakKB) / GenOff.PeakKB, "<= 150 MB (model on)");

  // 3. Start-up: 100 instructions.
  std::string S100 = Dir + "/s100";
  Run Gen100 = best({Snipgen, Layout, "-num-instrs=100", "-seed=1",
                     "-o=" + S100},
                    {}, Dir + "/gen100.log");
  require(Gen100, 0, "snipgen -num-instrs=100");
  writeFile(S100 + ".s", listingToAsm(S1M + ".dis", 100));
  Run Mc100 = best({Mc, "-triple=riscv64", McAttr, "-filetype=obj",
                    S100 + ".s", "-o", S100 + ".mc.o"},
                   {}, Dir + "/mc100.log");
  require(Mc100, 0, "llvm-mc-22 on 100 instructions");
  row("start-up: 100 instructions", secs("snipgen", Gen100.Cpu),
      secs("llvm-mc", Mc100.Cpu), Gen100.Cpu / Mc100.Cpu, "<= 2");
  // The row above reads the probed ISA catalogue from the on-disk cache
  // (filled by the runs before it); the first run on a machine probes.
  Run Gen100Cold = best({Snipgen, Layout, "-num-instrs=100", "-seed=1",
                         "-o=" + S100 + "-cold"},
                        {"SNIPGEN_CACHE=off"}, Dir + "/gen100cold.log");
  require(Gen100Cold, 0, "snipgen -num-instrs=100 (SNIPGEN_CACHE=off)");
  std::printf("%-34s %-26s %-26s %8.3f\n", "  (start-up, catalogue probed)",
              secs("snipgen", Gen100Cold.Cpu).c_str(), "", Gen100Cold.Cpu / Mc100.Cpu);

  // 4. The 1M snippet, linked, run once.
  std::string Exec = S1M + ".elf";
  Run Link = runOnce({Lld, "-T", S1M + ".ld", S1M, "-e", "SnippyFunction",
                      "-o", Exec},
                     {}, Exec + ".log");
  require(Link, 0, "ld.lld-22");
  Run RunStraight = best({SnipgenRun, Exec}, {}, Dir + "/run1m.log");
  require(RunStraight, 0, "snipgen-run on the 1M exec");
  Run QemuStraight = best({Qemu, Exec}, {}, Dir + "/qemu1m.log");
  require(QemuStraight, 128 + SIGTRAP, "qemu-riscv64 on the 1M exec (ebreak)");
  row("1M straight-line exec", secs("snipgen-run", RunStraight.Cpu),
      secs("qemu", QemuStraight.Cpu), RunStraight.Cpu / QemuStraight.Cpu,
      "<= 0.05");

  // 5. 105M-instruction integer loop.
  std::string IntElf = Dir + "/intloop.elf";
  buildElf(Gcc, integerLoop(105000000), IntElf);
  Run RunInt = best({SnipgenRun, IntElf}, {}, Dir + "/runint.log");
  Run QemuInt = best({Qemu, IntElf}, {}, Dir + "/qemuint.log");
  RunInt.Status = guestExit(RunInt, Dir + "/runint.log");
  require(RunInt, QemuInt.Status, "snipgen-run on the integer loop");
  row("105M integer loop", secs("snipgen-run", RunInt.Cpu),
      secs("qemu", QemuInt.Cpu), RunInt.Cpu / QemuInt.Cpu, "<= 1.0");

  // 6. 52M-instruction FP loop, JIT on vs off.
  std::string FpElf = Dir + "/fploop.elf";
  buildElf(Gcc, fpLoop(52000000), FpElf);
  Run FpOn = best({SnipgenRun, FpElf}, {"SNIPGEN_JIT=on"}, Dir + "/fpon.log");
  Run FpOff = best({SnipgenRun, FpElf}, {"SNIPGEN_JIT=off"},
                   Dir + "/fpoff.log");
  Run FpQemu = best({Qemu, FpElf}, {}, Dir + "/qemufp.log");
  FpOn.Status = guestExit(FpOn, Dir + "/fpon.log");
  FpOff.Status = guestExit(FpOff, Dir + "/fpoff.log");
  require(FpOn, FpOff.Status, "snipgen-run on the FP loop with the JIT");
  require(FpOff, FpQemu.Status, "snipgen-run on the FP loop");
  row("52M FP loop, JIT on vs off", secs("JIT on", FpOn.Cpu),
      secs("JIT off", FpOff.Cpu), FpOn.Cpu / FpOff.Cpu, "<= 1.0");
  std::printf("%-34s %-26s %-26s %8.3f\n", "  (FP loop vs qemu, JIT on)", "",
              secs("qemu", FpQemu.Cpu).c_str(), FpOn.Cpu / FpQemu.Cpu);

  if (Keep)
    std::printf("work directory: %s\n", Dir.c_str());
  else
    sys::fs::remove_directories(Dir);
  return 0;
}
