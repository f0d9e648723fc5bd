//===- ModelBench.cpp - Model MIPS against qemu-riscv64 -------------------===//
//
// Builds one ELF per workload with riscv64-unknown-elf-gcc - a long
// straight-line block of ALU instructions looped until the requested number
// of instructions, ending with the Linux exit syscall so that both runners
// end cleanly - and times, in the same process run:
//   * the built-in model without observers, interpreted only (SNIPGEN_JIT=off)
//     and with its compiled tier (JIT, the default; see docs/model.md),
//   * the model with the commit-log trace (written to /dev/null, so the
//     figure measures the model and the formatting, not the disk),
//   * qemu-riscv64 on the same ELF (the ratios' denominator).
// All exit codes must agree (the program folds its registers into a0).
//
// Workloads (a vector loop too, see makeVectorProgram): "independent" picks random registers (the generator's typical
// shape); "chained" makes every instruction depend on the previous one,
// which stops QEMU's code generator (and the model's) from deleting dead
// results. The JIT figure includes interpreting the block until it is hot
// and compiling it. --repeat=N keeps the fastest of N runs of each runner.
//===----------------------------------------------------------------------===//
#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Runner.h"
#include "snipgen/Observers/CommitLog.h"

#include "llvm/Support/CommandLine.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Program.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <random>
#include <string>

using namespace llvm;
using namespace snipgen;

static cl::opt<uint64_t> Instructions("instructions",
                                      cl::desc("Instructions per timed run"),
                                      cl::init(100000000));
static cl::opt<uint64_t>
    TracedInstructions("traced-instructions",
                       cl::desc("Instructions for the traced run"),
                       cl::init(10000000));
static cl::opt<unsigned> BlockSize("block", cl::desc("Straight-line length"),
                                   cl::init(1000));
static cl::opt<unsigned>
    Repeat("repeat",
           cl::desc("Time every runner this many times and keep the fastest "
                    "(steadier figures on a shared machine)"),
           cl::init(1));

static const char *const Ops[] = {"add", "sub", "xor",  "or",  "and",
                                  "sll", "srl", "sra",  "slt", "sltu",
                                  "addw", "subw", "mul"};
static const char *const Regs[] = {"t0", "t1", "t2", "t3", "t4", "t5",
                                   "t6", "a1", "a2", "a3", "a4", "a5",
                                   "a6", "s2", "s3", "s4"};

static std::string makeProgram(bool Chained, uint64_t Iterations) {
  std::mt19937_64 Rng(12345); // Fixed: the same program every run.
  std::string S = "  .text\n  .globl _start\n_start:\n";
  S += "  li s1, " + std::to_string(Iterations) + "\n";
  for (unsigned I = 0; I < 16; ++I)
    S += std::string("  li ") + Regs[I] + ", " + std::to_string(I * 7 + 1) + "\n";
  S += "loop:\n";
  std::string Prev = "t0";
  for (unsigned I = 0; I < BlockSize; ++I) {
    const char *Op = Ops[Rng() % 12]; // mul excluded: same cost everywhere
    std::string D = Regs[Rng() % 16], A = Regs[Rng() % 16], B = Regs[Rng() % 16];
    if (Chained)
      A = Prev;
    if (Rng() % 10 < 3)
      S += "  addi " + D + ", " + A + ", " + std::to_string(int(Rng() % 4095) - 2048) + "\n";
    else
      S += std::string("  ") + Op + " " + D + ", " + A + ", " + B + "\n";
    Prev = D;
  }
  S += "  addi s1, s1, -1\n  bnez s1, loop\n  li a0, 0\n";
  for (unsigned I = 0; I < 16; ++I)
    S += std::string("  xor a0, a0, ") + Regs[I] + "\n";
  S += "  andi a0, a0, 127\n  li a7, 93\n  ecall\n";
  return S;
}

/// The vector workload (e32, m1; VLEN 128 gives 4 elements): per iteration
/// two unit-stride loads, five integer vector operations, one store and one
/// vsetvli, plus the loop counter - 11 instructions, 9 of them vector.
static std::string makeVectorProgram(uint64_t Iterations) {
  std::string S = "  .text\n  .globl _start\n_start:\n";
  S += "  la a0, vbuf\n  addi a1, a0, 16\n  addi a2, a0, 32\n  li t1, 4\n";
  S += "  li s1, " + std::to_string(Iterations) + "\n";
  S += "loop:\n"
       "  vsetvli t0, t1, e32, m1, ta, ma\n"
       "  vle32.v v1, (a0)\n"
       "  vle32.v v2, (a1)\n"
       "  vadd.vv v3, v1, v2\n"
       "  vxor.vv v4, v3, v1\n"
       "  vsll.vi v5, v4, 1\n"
       "  vmul.vv v6, v5, v2\n"
       "  vsub.vv v7, v6, v3\n"
       "  vse32.v v7, (a2)\n"
       "  addi s1, s1, -1\n"
       "  bnez s1, loop\n";
  S += "  lw a0, 44(a0)\n  andi a0, a0, 127\n  li a7, 93\n  ecall\n";
  S += "  .data\n  .align 4\nvbuf:\n"
       "  .word 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 0\n";
  return S;
}

static double seconds(std::chrono::steady_clock::time_point Start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - Start)
      .count();
}

struct Outcome {
  double Seconds = 0;
  uint64_t Retired = 0;
  uint64_t ExitCode = 0;
  int Result = SNIPGEN_STEP_ERROR;
  std::string Message;
};

/// JIT chooses the model's tier through the environment, which the built-in
/// model reads when it is created (the C interface has no field for it).
static Outcome runModelOnce(const ElfImage &Image, ModelObserver *Obs,
                            bool JIT) {
  setenv("SNIPGEN_JIT", JIT ? "on" : "off", 1);
  RunOptions Options;
  Options.MaxSteps = ~0ull;
  auto R = Runner::create(Image, Options);
  if (!R) {
    errs() << toString(R.takeError()) << "\n";
    exit(1);
  }
  if (Obs)
    (*R)->addObserver(*Obs);
  auto Start = std::chrono::steady_clock::now();
  RunResult Result = (*R)->run();
  Outcome O;
  O.Seconds = seconds(Start);
  O.Retired = Result.Retired;
  O.ExitCode = Result.ExitCode;
  O.Result = Result.Result;
  O.Message = Result.Message;
  return O;
}

static Outcome runModel(const ElfImage &Image, ModelObserver *Obs, bool JIT) {
  Outcome Best = runModelOnce(Image, Obs, JIT);
  for (unsigned I = 1; I < Repeat; ++I) {
    Outcome O = runModelOnce(Image, Obs, JIT);
    if (O.Seconds < Best.Seconds)
      Best = O;
  }
  return Best;
}

static bool build(const std::string &Gcc, const std::string &Asm,
                  const std::string &Elf, StringRef March = "-march=rv64gc") {
  std::string Src = Elf + ".S";
  {
    std::error_code EC;
    raw_fd_ostream OS(Src, EC);
    if (EC)
      return false;
    OS << Asm;
  }
  StringRef Args[] = {Gcc, "-nostdlib", "-nostartfiles", March,
                      "-mabi=lp64d", "-Wl,-Ttext=0x10000", Src, "-o", Elf};
  return sys::ExecuteAndWait(Gcc, Args) == 0;
}

/// Times QEMU on Elf with QArgs (best of Repeat); returns seconds, -1 on a
/// failure to start.
static double timeQemu(ArrayRef<StringRef> QArgs, int &Exit) {
  double Best = 0;
  for (unsigned I = 0; I < std::max(1u, unsigned(Repeat)); ++I) {
    auto Start = std::chrono::steady_clock::now();
    Exit = sys::ExecuteAndWait(QArgs[0], QArgs);
    double S = seconds(Start);
    if (I == 0 || S < Best)
      Best = S;
  }
  return Best;
}

/// The RVV loop: model (interpreter; vector instructions end compiled
/// blocks, so the JIT row shows the scalar glue compiled around them) next
/// to qemu-riscv64 with its translator and with one instruction per block.
static bool runVectorWorkload(const std::string &Gcc, const std::string &Qemu,
                              StringRef Dir) {
  const char *Name = "vector";
  std::string Elf = (Dir + "/vector.elf").str();
  if (!build(Gcc, makeVectorProgram(Instructions / 11), Elf,
             "-march=rv64gcv")) {
    errs() << "cannot build the vector workload\n";
    return false;
  }
  auto Image = ElfImage::read(Elf);
  if (!Image) {
    errs() << "cannot read the vector workload ELF\n";
    return false;
  }
  Outcome Plain = runModel(*Image, nullptr, /*JIT=*/false);
  if (Plain.Result != SNIPGEN_STEP_EXIT) {
    // E.g. a build without the vector integer semantics.
    std::printf("%-12s model stopped: %s\n", Name, Plain.Message.c_str());
    return false;
  }
  double PlainMips = Plain.Retired / Plain.Seconds / 1e6;
  std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name,
              "model (interpreter)", (unsigned long long)Plain.Retired,
              Plain.Seconds, PlainMips);
  Outcome Jitted = runModel(*Image, nullptr, /*JIT=*/true);
  double JitMips = Jitted.Retired / Jitted.Seconds / 1e6;
  std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name, "model (JIT)",
              (unsigned long long)Jitted.Retired, Jitted.Seconds, JitMips);
  if (Qemu.empty()) {
    std::printf("%-12s %-22s (qemu-riscv64 not installed)\n", Name, "qemu");
    return true;
  }
  const char *Cpu = "rv64,v=true,vlen=128,elen=64,vext_spec=v1.0";
  int Exit = 0, ExitOne = 0;
  double Q = timeQemu({Qemu, "-cpu", Cpu, Elf}, Exit);
  double QOne = timeQemu({Qemu, "-cpu", Cpu, "-one-insn-per-tb", Elf}, ExitOne);
  double QMips = Plain.Retired / Q / 1e6, QOneMips = Plain.Retired / QOne / 1e6;
  std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name, "qemu-riscv64",
              (unsigned long long)Plain.Retired, Q, QMips);
  std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name,
              "qemu -one-insn-per-tb", (unsigned long long)Plain.Retired, QOne,
              QOneMips);
  bool Agree = uint64_t(Exit) == Plain.ExitCode &&
               uint64_t(ExitOne) == Plain.ExitCode &&
               Jitted.ExitCode == Plain.ExitCode;
  std::printf("%-12s model / qemu = %.3f interpreted, %.3f with the JIT; "
              "model / qemu one-insn-per-tb = %.3f%s\n",
              Name, PlainMips / QMips, JitMips / QMips, PlainMips / QOneMips,
              Agree ? "" : "  (EXIT CODES DIFFER: the runs disagree!)");
  return true;
}

int main(int argc, char **argv) {
  cl::ParseCommandLineOptions(argc, argv, "model speed against qemu-riscv64\n");
  auto Gcc = sys::findProgramByName("riscv64-unknown-elf-gcc");
  auto Qemu = sys::findProgramByName("qemu-riscv64");
  if (!Gcc) {
    errs() << "riscv64-unknown-elf-gcc not found: cannot build the workload\n";
    return 1;
  }
  SmallString<128> Dir;
  sys::fs::createUniqueDirectory("snipgen-model-bench", Dir);
  auto Printer = InstructionPrinter::create("rv64gc");
  if (!Printer) {
    errs() << toString(Printer.takeError()) << "\n";
    return 1;
  }
  std::printf("%-12s %-22s %12s %10s %10s\n", "workload", "runner",
              "instructions", "seconds", "MIPS");
  for (bool Chained : {false, true}) {
    const char *Name = Chained ? "chained" : "independent";
    uint64_t PerIter = BlockSize + 2;
    std::string Elf = (Dir + "/" + Name + ".elf").str();
    std::string TracedElf = (Dir + "/" + Name + "-traced.elf").str();
    if (!build(*Gcc, makeProgram(Chained, Instructions / PerIter), Elf) ||
        !build(*Gcc, makeProgram(Chained, TracedInstructions / PerIter),
               TracedElf)) {
      errs() << "cannot build the " << Name << " workload\n";
      return 1;
    }
    auto Image = ElfImage::read(Elf);
    auto TracedImage = ElfImage::read(TracedElf);
    if (!Image || !TracedImage) {
      errs() << "cannot read the workload ELF\n";
      return 1;
    }
    Outcome Plain = runModel(*Image, nullptr, /*JIT=*/false);
    double PlainMips = Plain.Retired / Plain.Seconds / 1e6;
    std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name, "model (interpreter)",
                (unsigned long long)Plain.Retired, Plain.Seconds, PlainMips);
    Outcome Jitted = runModel(*Image, nullptr, /*JIT=*/true);
    double JitMips = Jitted.Retired / Jitted.Seconds / 1e6;
    std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name, "model (JIT)",
                (unsigned long long)Jitted.Retired, Jitted.Seconds, JitMips);
    if (Jitted.ExitCode != Plain.ExitCode || Jitted.Retired != Plain.Retired)
      std::printf("%-12s (TIERS DIFFER: the runs disagree!)\n", Name);

    std::error_code EC;
    raw_fd_ostream Null("/dev/null", EC);
    Null.SetBufferSize(1 << 20);
    CommitLogObserver Trace(Null, **Printer);
    Outcome Traced = runModel(*TracedImage, &Trace, /*JIT=*/true);
    std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name,
                "model + commit log", (unsigned long long)Traced.Retired,
                Traced.Seconds, Traced.Retired / Traced.Seconds / 1e6);

    if (!Qemu) {
      std::printf("%-12s %-22s (qemu-riscv64 not installed)\n", Name, "qemu");
      continue;
    }
    StringRef QArgs[] = {*Qemu, Elf};
    int QemuExit = 0;
    double QemuSeconds = 0;
    for (unsigned I = 0; I < std::max(1u, unsigned(Repeat)); ++I) {
      auto Start = std::chrono::steady_clock::now();
      QemuExit = sys::ExecuteAndWait(*Qemu, QArgs);
      double S = seconds(Start);
      if (I == 0 || S < QemuSeconds)
        QemuSeconds = S;
    }
    double QemuMips = Plain.Retired / QemuSeconds / 1e6;
    std::printf("%-12s %-22s %12llu %10.3f %10.1f\n", Name, "qemu-riscv64",
                (unsigned long long)Plain.Retired, QemuSeconds, QemuMips);
    std::printf("%-12s model / qemu = %.3f with the JIT, %.3f interpreted%s\n",
                Name, JitMips / QemuMips, PlainMips / QemuMips,
                uint64_t(QemuExit) == Plain.ExitCode
                    ? ""
                    : "  (EXIT CODES DIFFER: the runs disagree!)");
  }
  if (!runVectorWorkload(*Gcc, Qemu ? *Qemu : std::string(), Dir))
    return 1;
  sys::fs::remove_directories(Dir);
  return 0;
}
