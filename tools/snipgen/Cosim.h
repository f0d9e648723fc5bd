//===- Cosim.h - Secondary models in lockstep (manual: Co-simulation) -*- C++ -*-===//
//
// -cosim-model-plugins=a.so,b.so: every secondary model loads the same image,
// starts from the primary's registers, and executes one instruction each time
// the primary retires one. The integer and FP register files are compared
// after every instruction; the first difference fails the run with
// "Interpreters states differ", naming the instruction, the register and both
// values, after the combined log of the last instructions of all models.
// With -trace-log=log each secondary writes log.<plugin> (one line per
// instruction: pc, disassembly, the registers it changed).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_COSIM_H
#define SNIPGEN_TOOLS_SNIPGEN_COSIM_H

#include "snipgen/Generator/MemoryCheck.h"
#include "snipgen/Model/Disassembler.h"
#include "snipgen/Model/Runner.h"
#include <deque>
#include <memory>
#include <string>

namespace snipgen {

class CosimCheck final : public RunCheck {
public:
  /// Plugin: path of the secondary's library. RO: the primary's run options
  /// (ISA, entry, model-only regions).
  static llvm::Expected<std::unique_ptr<CosimCheck>>
  create(llvm::StringRef Plugin, const RunOptions &RO, bool WantLog);
  llvm::Error prepare(const ElfImage &Image) override;
  void onRunStart(ModelHandle &M) override;
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  llvm::Error verdict() override;
  /// Short name of the plugin (file stem): log.<name>.
  const std::string &name() const { return Name; }
  /// The secondary's trace (empty unless WantLog).
  const std::string &log() const { return Log; }
  uint64_t steps() const { return Steps; }

private:
  CosimCheck() = default;
  void note(const std::string &Line);
  const snipgen_model_api *API = nullptr;
  RunOptions RO;
  std::string Name, Log, Problem;
  bool WantLog = false;
  std::unique_ptr<Runner> Secondary;
  std::unique_ptr<InstructionPrinter> Printer;
  ModelHandle *Primary = nullptr;
  bool HasF = false;
  uint64_t Steps = 0;
  std::deque<std::string> Recent; // the combined log's tail
  std::vector<uint64_t> LastX, LastF;
};

/// -cosim-model-plugins=qemu (CosimQemu.cpp): ImagePath is the linked image
/// the primary runs; KeptLogPath (may be empty) keeps QEMU's log there.
class QemuCosimCheck : public RunCheck {
public:
  /// Instructions whose results agreed with QEMU's.
  virtual uint64_t agreed() const = 0;
};
llvm::Expected<std::unique_ptr<QemuCosimCheck>>
createQemuCosim(const RunOptions &RO, llvm::StringRef ImagePath,
                llvm::StringRef KeptLogPath);

} // namespace snipgen

#endif
