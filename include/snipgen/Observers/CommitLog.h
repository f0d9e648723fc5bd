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
// access). Writes to x0 are not listed. A trap prints Spike's
//   core   0: exception trap_illegal_instruction, epc 0x...
//   core   0:           tval 0x...
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_OBSERVERS_COMMITLOG_H
#define SNIPGEN_OBSERVERS_COMMITLOG_H

#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Runner.h"
#include "llvm/Support/raw_ostream.h"
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
  struct Effects {
    char Buf[1024];
    unsigned Len = 0;
    void append(const char *S, unsigned N) {
      if (Len + N <= sizeof(Buf)) {
        std::memcpy(Buf + Len, S, N);
        Len += N;
      }
    }
  };
  void appendHex(Effects &E, uint64_t V, unsigned Digits);

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
  std::string XNames[32], FNames[32]; // " x5  ", " f1  "
};

} // namespace snipgen

#endif
