//===- SNTF.h - SNippy Trace Format writer ----------------------*- C++ -*-===//
//
// The manual's "Converting Traces" chapter, version 1.0. Header:
//   # SNTF
//   # 1.0
//   # +time  # +pc  # +instr-code  # +next-pc  # +registers-changed
//   # +memory-accesses                (one per line)
// then one line per retired instruction with the enabled fields separated by
// a space:
//   <time> <pc> <instr-code> <next-pc>[ <reg>=<value>,...][ <addr>:<R|W>:<value>,...]
// time is the index of the instruction (0-based), pc/next-pc/addresses are
// XLEN/4 hex digits, instr-code 8 hex digits, X values XLEN/4 digits, F
// values FLEN/4 digits, memory values as many digits as the access has bytes
// times two. The last instruction's next-pc is the --trace-end-pc value
// (default 0).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_OBSERVERS_SNTF_H
#define SNIPGEN_OBSERVERS_SNTF_H

#include "snipgen/Model/Runner.h"
#include "llvm/Support/raw_ostream.h"
#include <string>

namespace snipgen {

struct SNTFFeatures {
  bool Time = true, PC = true, InstrCode = true, NextPC = true,
       RegistersChanged = true, MemoryAccesses = true;
};

class SNTFObserver : public ModelObserver {
public:
  SNTFObserver(llvm::raw_ostream &OS, uint64_t TraceEndPC = 0,
               SNTFFeatures Features = {});
  void onRunStart(ModelHandle &Model) override;
  void onRegWrite(uint32_t File, uint32_t Index, uint64_t Value) override;
  void onMemAccess(uint64_t Addr, uint32_t Size, uint64_t Value,
                   bool IsWrite) override;
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  void onTrap(uint64_t PC, uint32_t Cause, uint64_t Tval) override;
  void onRunEnd(ModelHandle &Model, const snipgen_model_stop_info &) override;

private:
  void flushHeld(bool AtEnd);
  llvm::raw_ostream &OS;
  uint64_t TraceEndPC;
  SNTFFeatures Features;
  unsigned XLen = 64, FLen = 64;
  uint64_t Time = 0;
  std::string Regs, Mems; // Effects of the current instruction.
  // The last retired instruction, held until its successor shows whether it
  // was the last one (whose next-pc is TraceEndPC).
  bool Holding = false;
  std::string HeldPrefix, HeldSuffix; // Fields before/after next-pc.
  uint64_t HeldNextPC = 0;
};

} // namespace snipgen

#endif
