//===- QemuRun.h - Run an ELF under qemu-user with a per-insn log -*- C++ -*-===//
//
// Runs `qemu-riscv{32,64} -cpu <cpu> -one-insn-per-tb -d cpu,fpu,vpu,nochain
// -D <log>` (QEMU 8.1 or later; the reference is QEMU 10.0) and reports how
// the guest ended.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_QEMURUN_H
#define SNIPGEN_TOOLS_QEMUCHECK_QEMURUN_H

#include "QemuCpu.h"

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>
#include <vector>

namespace snipgen::qemucheck {

struct QemuInvocation {
  std::string Program;  // Resolved path of qemu-riscv64/qemu-riscv32.
  std::string Cpu;      // -cpu value.
  std::string Elf;
  std::string LogPath;  // Where -D writes the register dumps.
  unsigned TimeoutSeconds = 120;

  /// The argument vector, also printed in reports so they can be replayed.
  std::vector<std::string> arguments() const;
  std::string commandLine() const;
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

/// Asks `qemu -h` whether this QEMU has -one-insn-per-tb (8.1 and later;
/// 7.2's -singlestep is gone from QEMU 10); an Error says it is too old.
llvm::Error probeSingleStepFlag(const QemuInvocation &Inv);

/// Runs QEMU to completion (or the timeout). An Error means QEMU could not
/// be started at all.
llvm::Expected<QemuOutcome> runQemu(const QemuInvocation &Inv);

} // namespace snipgen::qemucheck

#endif
