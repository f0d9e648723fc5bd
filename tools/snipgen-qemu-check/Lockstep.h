//===- Lockstep.h - Compare the model with QEMU instruction by instruction ===//
//
// QEMU's log holds the state BEFORE every instruction; the model reports each
// retired instruction. So QEMU's dump k+1 must equal the model's state after
// its instruction k (pc, x1..x31, f0..f31, fcsr when QEMU prints it, and with
// V: v0..v31, vl, vtype, vstart, vxrm, vxsat).
// The checker starts the model from QEMU's first dump (qemu-user's Linux
// start-up has set sp, and the other registers may differ from a reset).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_QEMUCHECK_LOCKSTEP_H
#define SNIPGEN_TOOLS_QEMUCHECK_LOCKSTEP_H

#include "QemuLog.h"
#include "QemuRun.h"

#include "snipgen/Model/Runner.h"

#include <cstdint>
#include <deque>
#include <optional>
#include <string>
#include <vector>

namespace snipgen::qemucheck {

struct CompareSettings {
  unsigned XLen = 64;
  unsigned FLen = 64;  // 0: no F registers to compare.
  unsigned Context = 10; // Preceding instructions kept for the report.
  /// False: compare only the final state; the model then runs unobserved,
  /// so it may use its compiled tier (which observers switch off).
  bool EachInstruction = true;
  /// Compare v0..v31 and the vector CSRs (QEMU logs them with V only).
  bool CompareV = false;
};

/// CSR numbers of the state compared besides the register files.
namespace csrnum {
inline constexpr uint32_t Fcsr = 0x003, VStart = 0x008, Vxsat = 0x009,
                          Vxrm = 0x00A, Vcsr = 0x00F, VL = 0xC20,
                          VType = 0xC21, VLenB = 0xC22;
} // namespace csrnum

/// One retired instruction and QEMU's state before it.
struct StepRecord {
  uint64_t Number = 0; // 1-based position in the run.
  uint64_t PC = 0;
  uint32_t Encoding = 0;
  uint32_t Size = 4;
  CpuState Before;
};

struct RegisterDiff {
  char File = 'x'; // 'p' pc, 'x', 'f', 'c' CSR (Index = its number), 'v'
  unsigned Index = 0;
  uint64_t Qemu = 0;
  uint64_t Model = 0;
  std::vector<uint8_t> QemuBytes, ModelBytes; // For 'v': VLENB bytes each.
};

/// Why the check failed, with everything the report prints.
struct Divergence {
  enum Kind {
    InitialPC,      // The model does not start where QEMU starts.
    Registers,      // Some registers differ after an instruction.
    QemuEndedFirst, // The model retired an instruction QEMU did not finish.
    ModelEndedFirst,// The model stopped where QEMU went on.
    DifferentEnd,   // Both stopped at the same point, not at an EBREAK.
    FinalState,     // Compared only at the end: registers differ there.
  } What = Registers;
  StepRecord Step;          // The instruction concerned (Registers, ...).
  CpuState QemuAfter;       // For Registers.
  std::vector<RegisterDiff> Diffs;
  std::deque<StepRecord> History; // Oldest first, before Step.
  std::optional<StepRecord> Next; // For QemuEndedFirst: what follows Step.
  std::string Detail;       // Free text (stop reasons of both sides).
};

class LockstepChecker : public ModelObserver {
public:
  /// Qemu is how QEMU's run (whose log Log reads) ended.
  LockstepChecker(QemuLogReader &Log, const CpuState &Initial,
                  const CompareSettings &Settings, const QemuOutcome &Qemu)
      : Log(Log), Current(Initial), Settings(Settings), Qemu(Qemu) {}

  bool wantsEvents() const override { return Settings.EachInstruction; }
  void onRunStart(ModelHandle &Model) override;
  void onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                uint64_t NextPC) override;
  void onRunEnd(ModelHandle &Model,
                const snipgen_model_stop_info &Info) override;

  /// Judges how both runs ended; call after Runner::run. QEMU must stop
  /// with SIGTRAP at the EBREAK where the model stops.
  void finish(const RunResult &Model);

  /// Set when the log could not be read in the middle of the run.
  const std::optional<std::string> &logError() const { return LogError; }
  const std::optional<Divergence> &divergence() const { return Found; }
  /// Instructions whose results agreed.
  uint64_t agreed() const { return Agreed; }
  const CpuState &lastQemuState() const { return Current; }

private:
  void compare(const CpuState &Qemu, std::vector<RegisterDiff> &Diffs) const;
  std::string qemuEnd() const;
  void finishFinalOnly(const RunResult &ModelRun, const StepRecord &Stop);
  void diverge(Divergence::Kind What, const StepRecord &Step,
               std::string Detail = "");

  QemuLogReader &Log;
  CpuState Current; // QEMU's state before the model's next instruction.
  CompareSettings Settings;
  QemuOutcome Qemu;
  ModelHandle *Model = nullptr;
  std::deque<StepRecord> History;
  uint64_t Retired = 0;
  uint64_t Agreed = 0;
  bool Stopped = false; // After a divergence, later events are ignored.
  std::optional<Divergence> Found;
  std::optional<std::string> LogError;
  snipgen_model_stop_info StopInfo = {};
};

} // namespace snipgen::qemucheck

#endif
