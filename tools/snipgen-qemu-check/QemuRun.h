//===- QemuRun.h - Run an ELF under qemu-user with a per-insn log -*- C++ -*-===//
//
// Runs `qemu-riscv{32,64} -cpu <cpu> -singlestep -d cpu,fpu,nochain -D <log>`
// (with `-one-insn-per-tb` instead of `-singlestep` on QEMU versions that
// have it) and reports how the guest ended.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_QEMURUN_H
#define SNIPGEN_TOOLS_QEMUCHECK_QEMURUN_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen::qemucheck {

/// What the comparison needs to know about an ISA string.
struct IsaFacts {
  unsigned XLen = 64;
  unsigned FLen = 0; // 0, 32 or 64.
};
llvm::Expected<IsaFacts> isaFacts(llvm::StringRef Isa);

/// The -cpu value that enables what the ISA string needs, e.g.
/// "rv64,zba=true,zbb=true". Extensions with no known QEMU property are
/// appended to Unknown (QEMU is likely to stop at their first instruction).
llvm::Expected<std::string> qemuCpuForIsa(llvm::StringRef Isa, unsigned XLen,
                                          std::vector<std::string> &Unknown);

struct QemuInvocation {
  std::string Program;  // Resolved path of qemu-riscv64/qemu-riscv32.
  std::string Cpu;      // -cpu value.
  std::string Elf;
  std::string LogPath;  // Where -D writes the register dumps.
  unsigned TimeoutSeconds = 120;

  /// The argument vector, also printed in reports so they can be replayed.
  std::vector<std::string> arguments() const;
  std::string commandLine() const;
  bool UseOneInsnPerTB = false; // Newer QEMU: -one-insn-per-tb.
};

/// How the guest program ended.
struct QemuOutcome {
  enum Kind { Exited, Signalled, TimedOut } How = Exited;
  int ExitCode = 0;        // For Exited.
  std::string SignalName;  // For Signalled: "SIGTRAP", ... or libc's text.
  std::string Stderr;      // What QEMU printed on stderr (trimmed).
  std::string describe() const;
  bool endedWithSigtrap() const {
    return How == Signalled && SignalName == "SIGTRAP";
  }
};

/// Finds Name (a path or a program in PATH); the error tells how to get it.
llvm::Expected<std::string> findQemu(llvm::StringRef Name);

/// Fills in UseOneInsnPerTB by asking `qemu -h` which flag it has.
llvm::Error probeSingleStepFlag(QemuInvocation &Inv);

/// Runs QEMU to completion (or the timeout). An Error means QEMU could not
/// be started at all.
llvm::Expected<QemuOutcome> runQemu(const QemuInvocation &Inv);

} // namespace snipgen::qemucheck

#endif
