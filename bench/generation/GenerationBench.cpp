//===- GenerationBench.cpp - Generation throughput, scaling and memory ----===//
//
// Runs the snipgen binary on the manual's layout-example mix (ALU + LW/SW) for
// 100k and 1M primary instructions, measuring wall time and peak RSS
// (wait4 rusage). Then decodes the 1M snippet and times LLVM's raw
// MCCodeEmitter on exactly those instructions in the same run, as the
// denominator of the ratio. Then the same mix with memory schemes and burst
// groups on (layout-memory-big.yaml), against the plain mix. Prints figures;
// asserts nothing (the machine is small and noisy: compare ratios).
//===----------------------------------------------------------------------===//
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCFixup.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Object/ELFObjectFile.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/raw_ostream.h"
#include <chrono>
#include <cstdio>
#include <string>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

using namespace llvm;
using namespace snipgen;

namespace {

struct RunResult {
  double Seconds = 0;
  long PeakKB = 0;
};

RunResult runSnipgen(const std::string &Layout, uint64_t N,
                     const std::string &Out) {
  std::string NumArg = "-num-instrs=" + std::to_string(N);
  std::string OutArg = "-o=" + Out;
  auto Start = std::chrono::steady_clock::now();
  pid_t Pid = fork();
  if (Pid == 0) {
    freopen("/dev/null", "w", stderr);
    execl(SNIPGEN_BINARY, SNIPGEN_BINARY, Layout.c_str(), NumArg.c_str(),
          "-seed=1", OutArg.c_str(), (char *)nullptr);
    _exit(127);
  }
  int Status = 0;
  struct rusage RU;
  wait4(Pid, &Status, 0, &RU);
  RunResult R;
  R.Seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() -
                                            Start)
                  .count();
  R.PeakKB = RU.ru_maxrss;
  if (!WIFEXITED(Status) || WEXITSTATUS(Status) != 0) {
    errs() << "snipgen failed for N=" << N << "\n";
    exit(1);
  }
  return R;
}

RunResult best(const std::string &Layout, uint64_t N, const std::string &Out,
               int Reps) {
  RunResult B{1e30, 0};
  for (int I = 0; I < Reps; ++I) {
    RunResult R = runSnipgen(Layout, N, Out);
    if (R.Seconds < B.Seconds)
      B.Seconds = R.Seconds;
    B.PeakKB = std::max(B.PeakKB, R.PeakKB);
  }
  return B;
}

// Decodes every instruction of the code section of an ELF object.
std::vector<MCInst> decodeSnippet(const MCEnvironment &Env,
                                  const std::string &Path) {
  auto Bin = object::ObjectFile::createObjectFile(Path);
  if (!Bin) {
    errs() << toString(Bin.takeError()) << "\n";
    exit(1);
  }
  std::vector<MCInst> Insts;
  for (const object::SectionRef &S : Bin->getBinary()->sections()) {
    if (!S.isText())
      continue;
    StringRef Data = cantFail(S.getContents());
    ArrayRef<uint8_t> Bytes(reinterpret_cast<const uint8_t *>(Data.data()),
                            Data.size());
    for (size_t Off = 0; Off < Bytes.size();) {
      MCInst I;
      unsigned Size = Env.decode(Bytes.slice(Off), Off, I);
      if (!Size) {
        errs() << "undecodable bytes at " << Off << "\n";
        exit(1);
      }
      Insts.push_back(I);
      Off += Size;
    }
  }
  return Insts;
}

} // namespace

int main(int Argc, char **Argv) {
  std::string Layout = Argc > 1 ? Argv[1] : SNIPGEN_BENCH_LAYOUT;
  SmallString<128> Dir;
  sys::fs::createUniqueDirectory("snipgen-bench", Dir);
  std::string Out100k = (Dir + "/s100k.elf").str();
  std::string Out1M = (Dir + "/s1m.elf").str();

  outs() << "generation benchmark: layout " << Layout << "\n";
  RunResult R100k = best(Layout, 100000, Out100k, 3);
  RunResult R1M = best(Layout, 1000000, Out1M, 3);

  SubtargetSelection Sel;
  Sel.TheTriple = Triple("riscv64-unknown-elf");
  Sel.CPU = "generic-rv64";
  Sel.Features = "+f,+c,+zifencei,+zicsr";
  Sel.ABI = "lp64f";
  auto Env = cantFail(MCEnvironment::create(Sel));
  std::vector<MCInst> Insts = decodeSnippet(*Env, Out1M);

  // Raw encoder rate on the very same instructions (best of 5).
  double EncSecs = 1e30;
  SmallVector<char, 16> Buf;
  SmallVector<MCFixup, 2> Fixups;
  for (int Rep = 0; Rep < 5; ++Rep) {
    auto Start = std::chrono::steady_clock::now();
    for (const MCInst &I : Insts) {
      Buf.clear();
      Env->codeEmitter().encodeInstruction(I, Buf, Fixups,
                                           Env->subtargetInfo());
    }
    EncSecs = std::min(EncSecs, std::chrono::duration<double>(
                                    std::chrono::steady_clock::now() - Start)
                                    .count());
  }
  double EncRate = Insts.size() / EncSecs;
  double PrimRate = 1e6 / R1M.Seconds;
  double TotalRate = Insts.size() / R1M.Seconds;

  std::printf("  1,000,000 primary instructions (%zu emitted incl. ancillary)\n",
              Insts.size());
  std::printf("  end to end: %.3f s -> %.2f M primary instr/s (%.2f M emitted/s)\n",
              R1M.Seconds, PrimRate / 1e6, TotalRate / 1e6);
  std::printf("  raw MCCodeEmitter on the same instructions: %.2f M instr/s\n",
              EncRate / 1e6);
  std::printf("  ratio end-to-end emitted rate / raw encoder rate: %.3f\n",
              TotalRate / EncRate);
  std::printf("  peak RSS at 1M: %.1f MB\n", R1M.PeakKB / 1024.0);
  std::printf("  100k: %.3f s, 1M: %.3f s, scaling 1M/100k = %.2f (linear = 10)\n",
              R100k.Seconds, R1M.Seconds, R1M.Seconds / R100k.Seconds);
  std::printf("  marginal rate between 100k and 1M: %.2f M primary instr/s "
              "(start-up, mostly ISA probing, is the fixed part)\n",
              0.9 / (R1M.Seconds - R100k.Seconds));
  std::printf("  targets: >= 2 M primary/s, <= 150 MB, roughly linear\n");

  // Memory schemes on (access ranges, evictions, addresses, restricted
  // addresses, store bursts): the same mix, measured the same way.
  if (Argc <= 1) {
    std::string OutMem = (Dir + "/mem1m.elf").str();
    RunResult Mem1M = best(SNIPGEN_BENCH_MEMORY_LAYOUT, 1000000, OutMem, 3);
    std::printf("memory schemes + burst: layout %s\n",
                SNIPGEN_BENCH_MEMORY_LAYOUT);
    std::printf("  end to end: %.3f s -> %.2f M primary instr/s (plain mix: "
                "%.2f M/s)\n",
                Mem1M.Seconds, 1e6 / Mem1M.Seconds / 1e6, PrimRate / 1e6);
    std::printf("  slowdown vs the plain mix: %.2fx (target <= 2x), peak RSS "
                "%.1f MB\n",
                Mem1M.Seconds / R1M.Seconds, Mem1M.PeakKB / 1024.0);
  }
  // RVV: the vector mix (layout-vector-big.yaml), every vector operand
  // checked by the legality oracle. Target: at least half the scalar rate.
  if (Argc <= 1) {
    std::string OutVec = (Dir + "/vec1m.elf").str();
    RunResult Vec1M = best(SNIPGEN_BENCH_VECTOR_LAYOUT, 1000000, OutVec, 3);
    std::printf("vector mix: layout %s\n", SNIPGEN_BENCH_VECTOR_LAYOUT);
    std::printf("  end to end: %.3f s -> %.2f M primary instr/s (plain mix: "
                "%.2f M/s)\n",
                Vec1M.Seconds, 1e6 / Vec1M.Seconds / 1e6, PrimRate / 1e6);
    std::printf("  vector rate / scalar rate: %.2f (target >= 0.5), peak RSS "
                "%.1f MB\n",
                R1M.Seconds / Vec1M.Seconds, Vec1M.PeakKB / 1024.0);
  }
  sys::fs::remove_directories(Dir);
  return 0;
}
