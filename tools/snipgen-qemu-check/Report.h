//===- Report.h - Print a divergence between the model and QEMU -*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_REPORT_H
#define SNIPGEN_TOOLS_QEMUCHECK_REPORT_H

#include "Lockstep.h"

#include "llvm/ADT/StringRef.h"

namespace llvm {
class raw_ostream;
}

namespace snipgen {
class InstructionPrinter;
}

namespace snipgen::qemucheck {

struct ReportContext {
  const CompareSettings &Settings;
  const InstructionPrinter *Printer; // May be null: no disassembly.
  llvm::StringRef QemuName;          // "qemu-riscv64"
  llvm::StringRef QemuCommand;       // To replay QEMU's side; may be empty.
  llvm::StringRef KeptLog;           // QEMU's log, if it is kept.
  llvm::StringRef ModelIsa;
};

/// The first divergence: the instruction, every differing register with
/// both values, the values of its operands before it, and the instructions
/// before it with the registers they wrote.
void printDivergence(llvm::raw_ostream &OS, const Divergence &D,
                     const ReportContext &Ctx);

} // namespace snipgen::qemucheck

#endif
