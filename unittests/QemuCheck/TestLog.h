//===- TestLog.h - Write register dumps the way QEMU 10 prints them -------===//
#ifndef SNIPGEN_UNITTESTS_QEMUCHECK_TESTLOG_H
#define SNIPGEN_UNITTESTS_QEMUCHECK_TESTLOG_H

#include "llvm/ADT/SmallString.h"
#include "llvm/Support/FileSystem.h"
#include "llvm/Support/Format.h"
#include "llvm/Support/raw_ostream.h"

#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace snipgen::qemucheck::test {

/// One hart state as `-d cpu,fpu,vpu` shows it.
struct Dump {
  uint64_t PC = 0;
  std::array<uint64_t, 32> X = {};
  std::array<uint64_t, 32> F = {};
  uint64_t Fcsr = 0;
  bool WithV = true;
  unsigned VLenB = 16;
  uint64_t VStart = 0, Vxsat = 0, Vxrm = 0, VL = 0,
           VType = uint64_t(1) << 63;
  std::vector<uint8_t> V = std::vector<uint8_t>(32 * 16);
};

inline void printDump(llvm::raw_ostream &OS, const Dump &D) {
  static const char *const Abi[32] = {
      "zero", "ra", "sp", "gp", "tp",  "t0",  "t1", "t2", "s0", "s1", "a0",
      "a1",   "a2", "a3", "a4", "a5",  "a6",  "a7", "s2", "s3", "s4", "s5",
      "s6",   "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"};
  static const char *const FAbi[32] = {
      "ft0", "ft1", "ft2",  "ft3",  "ft4", "ft5", "ft6",  "ft7",
      "fs0", "fs1", "fa0",  "fa1",  "fa2", "fa3", "fa4",  "fa5",
      "fa6", "fa7", "fs2",  "fs3",  "fs4", "fs5", "fs6",  "fs7",
      "fs8", "fs9", "fs10", "fs11", "ft8", "ft9", "ft10", "ft11"};
  auto Name = [](std::string N) {
    N.resize(std::max<size_t>(N.size(), 8), ' ');
    return N;
  };
  OS << " " << Name("pc") << " " << llvm::format_hex_no_prefix(D.PC, 16)
     << "\n";
  for (unsigned I = 0; I < 32; ++I)
    OS << " " << Name(std::string("x").append(std::to_string(I)).append("/").append(Abi[I])) << " "
       << llvm::format_hex_no_prefix(D.X[I], 16) << (I % 4 == 3 ? "\n" : "");
  OS << " " << Name("fcsr") << " " << llvm::format_hex_no_prefix(D.Fcsr, 16)
     << "\n";
  for (unsigned I = 0; I < 32; ++I)
    OS << " " << Name(std::string("f").append(std::to_string(I)).append("/").append(FAbi[I])) << " "
       << llvm::format_hex_no_prefix(D.F[I], 16) << (I % 4 == 3 ? "\n" : "");
  if (!D.WithV)
    return;
  const std::pair<const char *, uint64_t> Csrs[] = {
      {"vstart", D.VStart}, {"vxsat", D.Vxsat},
      {"vxrm", D.Vxrm},     {"vcsr", D.Vxrm << 1 | D.Vxsat},
      {"vl", D.VL},         {"vtype", D.VType},
      {"vlenb", D.VLenB}};
  for (const auto &[N, V] : Csrs)
    OS << " " << Name(N) << " " << llvm::format_hex_no_prefix(V, 16) << "\n";
  for (unsigned R = 0; R < 32; ++R) {
    OS << " " << Name(std::string("v").append(std::to_string(R))) << " ";
    for (unsigned J = D.VLenB; J-- > 0;)
      OS << llvm::format_hex_no_prefix(D.V[R * D.VLenB + J], 2);
    OS << "\n";
  }
}

/// A temporary log file holding Dumps; removed with this object.
struct LogFile {
  llvm::SmallString<128> Path;
  explicit LogFile(const std::vector<Dump> &Dumps,
                   const std::string &Extra = "") {
    int FD = -1;
    llvm::sys::fs::createTemporaryFile("qemucheck-test", "log", FD, Path);
    llvm::raw_fd_ostream OS(FD, /*shouldClose=*/true);
    for (const Dump &D : Dumps)
      printDump(OS, D);
    OS << Extra;
  }
  ~LogFile() { llvm::sys::fs::remove(Path); }
};

} // namespace snipgen::qemucheck::test

#endif
