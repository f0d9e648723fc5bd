//===- QemuCpu.h - QEMU 10 -cpu value for an ISA string ---------*- C++ -*-===//
//
// Turns a RISC-V ISA string (a user spelling such as "rv64gcv_zvl256b" or
// the versioned form of an ELF's .riscv.attributes) into the value of
// qemu-riscv{32,64}'s -cpu option that enables exactly what the ISA needs on
// QEMU 10's generic rv32/rv64 CPU, e.g. "rv64,zba=true,zbb=true" or
// "rv64,v=true,vext_spec=v1.0,vlen=256,elen=64".
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_QEMUCPU_H
#define SNIPGEN_TOOLS_QEMUCHECK_QEMUCPU_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include <string>

namespace snipgen::qemucheck {

/// What the comparison needs to know about an ISA string.
struct IsaFacts {
  unsigned XLen = 64;
  unsigned FLen = 0;  // 0, 32 or 64 (0 with Zfinx: no F registers).
  bool HasV = false;  // The full V extension (QEMU logs vector state).
  bool HasZve = false; // Some Zve* (or V): vector instructions exist.
  unsigned VLen = 0;  // VLEN QEMU is asked for: max(128, Zvl*b); 0: none.
  unsigned ELen = 0;  // 32 or 64; 0 without vector.
};
llvm::Expected<IsaFacts> isaFacts(llvm::StringRef Isa);

/// The -cpu value that enables what the ISA string needs. An Error names
/// every extension that QEMU 10 cannot enable (no property, or a VLEN out of
/// QEMU's range), so the check never starts with a CPU that would stop with
/// SIGILL in the middle of a program.
/// ZveAsV: with Zve* but no V, ask QEMU for V anyway (ELEN and VLEN as the
/// Zve* say), because QEMU logs vector state only with V. V is a superset:
/// a program legal for the Zve* runs the same, except EEW=64 vmulh*/vsmul
/// (not in Zve64*) and FP where the Zve* has none, which QEMU then executes.
llvm::Expected<std::string> qemuCpuForIsa(llvm::StringRef Isa,
                                          bool ZveAsV = false);

} // namespace snipgen::qemucheck

#endif
