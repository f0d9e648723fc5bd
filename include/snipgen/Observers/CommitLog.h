//===- CommitLog.h - Spike-style commit-log trace ---------------*- C++ -*-===//
//
// Writes, after a "#===Simulation Start===" watermark, two lines per retired
// instruction, exactly as Spike does with `-l --log-commits`:
//
//   core   0: 0x0000000080000000 (0x00000297) auipc   t0, 0
//   core   0: 3 0x0000000080000000 (0x00000297) x5  0x0000000080000000
//
// The first is Spike's instruction log line (pc, 32-bit bits, disassembly),
// the second its commit line: privilege (3 = M), pc and bits (XLEN/length
// wide), then every write in program order - " x5  0x..." / " f1  0x..."
// (FLEN wide) / " c768_mstatus 0x..." - and every memory access: loads as
// " mem 0x<addr>", stores as " mem 0x<addr> 0x<value>" (value as wide as the
// access). Writes to x0 are not listed. Vector register writes follow
// Spike too: before the first one of an instruction the vector context
// " e<sew> m<lmul>|mf<n> l<vl>", then " v8  0x<VLEN/4 hex digits>" (the
// register's bytes, most significant first) per register written. A trap
// prints Spike's
//   core   0: exception trap_illegal_instruction, epc 0x...
//   core   0:           tval 0x...
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_OBSERVERS_COMMITLOG_H
#define SNIPGEN_OBSERVERS_COMMITLOG_H

#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Runner.h"
#include "llvm/Support/raw_ostream.h"
#include <algorithm>
#include <cstring>
#include <string>
#include <vector>

namespace snipgen {

class CommitLogObserver : public ModelObserver {
public:
  /// OS receives the log; Printer disassembles (it must match the ISA).
  CommitLogObserver(llvm::raw_ostream &OS, const InstructionPrinter &Printer,
                    unsigned HartId = 0);

  void onRunStart(ModelHandle &Model) override;
  void onRegWrite(uint32_t File, uint32_t Index, uint64_t Value) override;
  void onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                   bool IsWrite) override;
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  void onTrap(uint64_t PC, uint32_t Cause, uint64_t Tval) override;
  void onRunEnd(ModelHandle &Model, const snipgen_model_stop_info &) override;

  /// Spike's name of a CSR ("mstatus"); "csr<N>" when unnamed.
  static std::string csrName(uint32_t Num);

private:
  /// Both lines' fixed parts for (PC, Encoding): the instruction line and the
  /// commit line up to the effects. Cached: disassembly is slow.
  const std::string &linePrefix(uint64_t PC, uint32_t Encoding, uint32_t Size);
  /// Effects buffer: register writes, then loads, then stores (Spike order).
  /// Grows for vector instructions (up to 1024 element accesses and eight
  /// 1024-bit registers); 1 KiB covers every scalar instruction.
  struct Effects {
    std::vector<char> Storage = std::vector<char>(1024);
    char *Buf = Storage.data();
    unsigned Len = 0;
    unsigned room() const { return unsigned(Storage.size()) - Len; }
    void reserve(unsigned N) {
      if (N > room()) {
        Storage.resize(std::max<size_t>(Storage.size() * 2, Len + N));
        Buf = Storage.data();
      }
    }
    void append(const char *S, unsigned N) {
      reserve(N);
      std::memcpy(Buf + Len, S, N);
      Len += N;
    }
  };
  void appendHex(Effects &E, uint64_t V, unsigned Digits);
  /// " v8  0x..." (with the vector context first) for register Index.
  void appendVReg(unsigned Index);

  llvm::raw_ostream &OS;
  const InstructionPrinter &Printer;
  char CorePrefix[16];
  unsigned XLen = 64, FLen = 64;
  ModelHandle *Model = nullptr;
  Effects Regs, Loads, Stores;
  // Direct-mapped cache of line prefixes, indexed by pc / 2.
  struct CachedLine {
    uint64_t PC = ~0ull;
    uint32_t Encoding = 0;
    std::string Text;
  };
  std::vector<CachedLine> Lines = std::vector<CachedLine>(8192);
  std::string XNames[32], FNames[32], VNames[32]; // " x5  ", " f1  "
  bool VecContextShown = false; // " e32 m1 l4" printed for this instruction.
  std::vector<uint8_t> VBytes;  // One vector register, from get_v.
};

} // namespace snipgen

#endif
