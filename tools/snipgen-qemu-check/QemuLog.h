//===- QemuLog.h - Read the register dumps of `qemu -d cpu,fpu,vpu` -*- C++ -*-===//
//
// With one instruction per translation block, QEMU 10's
// `qemu-riscv{32,64} -d cpu,fpu,vpu` writes the architectural state before
// every executed instruction (each line starts with a space; XLEN/4 digits
// for pc and x registers, 16 for f registers):
//
//     pc       0000000000010000
//     x0/zero  0000000000000000 x1/ra    0000000000000000 ...   (4 a line)
//     ...
//     fcsr     0000000000000000                 (-d fpu, when F is on)
//     f0/ft0   0000000000000000 f1/ft1   0000000000000000 ...
//     vstart   0000000000000000                 (-d vpu, only with V:
//     vxsat .. vxrm .. vcsr .. vl .. vtype .. vlenb    not with Zve* alone)
//     v0       000000000000000000000000000000ff
//     ...                                       (VLEN/4 digits, the most
//                                                significant byte first)
//
// The reader walks such a log one dump at a time, so a long run costs the
// memory of one mapped file, not of every state.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_QEMULOG_H
#define SNIPGEN_TOOLS_QEMUCHECK_QEMULOG_H

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/MemoryBuffer.h"
#include <array>
#include <cstdint>
#include <memory>
#include <string>

namespace snipgen::qemucheck {

/// Largest VLEN QEMU 10 supports (1024 bits), in bytes.
inline constexpr unsigned QemuMaxVLenBytes = 128;

/// The registers one QEMU dump shows.
struct CpuState {
  uint64_t PC = 0;
  std::array<uint64_t, 32> X = {};
  std::array<uint64_t, 32> F = {};
  bool HasF = false;     // f0..f31 were printed (needs `-d fpu`).
  bool HasFcsr = false;  // fcsr was printed (not by qemu-user 7.2).
  uint64_t Fcsr = 0;
  // Vector state (-d vpu with V on): the CSRs and v0..v31.
  bool HasV = false;
  unsigned VLenB = 0; // Bytes per vector register.
  uint64_t VStart = 0, Vxsat = 0, Vxrm = 0, Vcsr = 0, VL = 0, VType = 0;
  /// Register r is bytes [r * VLenB, (r + 1) * VLenB), byte 0 = element 0's
  /// lowest byte (the log prints the most significant byte first).
  std::array<uint8_t, 32 * QemuMaxVLenBytes> V = {};
  const uint8_t *v(unsigned R) const { return V.data() + R * VLenB; }
  size_t Line = 0;       // 1-based line of the dump's "pc" line.
};

class QemuLogReader {
public:
  static llvm::Expected<std::unique_ptr<QemuLogReader>>
  open(llvm::StringRef Path);

  /// Reads the next dump into Out. Returns false at the end of the log.
  llvm::Expected<bool> next(CpuState &Out);

  /// Number of dumps in the whole log (a fast scan, independent of next()).
  size_t countDumps() const;

  const std::string &path() const { return Path; }

private:
  QemuLogReader() = default;
  llvm::Error parseRegisterLine(llvm::StringRef Line, CpuState &Out,
                                uint64_t &SeenX, uint64_t &SeenF,
                                uint64_t &SeenV, unsigned &SeenVCsrs);
  llvm::Error parseVectorRegister(unsigned Index, llvm::StringRef Name,
                                  llvm::StringRef Text, CpuState &Out);
  llvm::Error syntaxError(const llvm::Twine &Why) const;

  std::unique_ptr<llvm::MemoryBuffer> Buffer;
  std::string Path;
  size_t Pos = 0;     // Offset of the next unread line.
  size_t LineNo = 0;  // Lines consumed so far.
};

} // namespace snipgen::qemucheck

#endif
