//===- Lockstep.cpp - Compare the model with QEMU instruction by instruction =//
#include "Lockstep.h"

#include "llvm/ADT/StringExtras.h"

#include <cstring>

using namespace llvm;

namespace snipgen::qemucheck {

static constexpr uint32_t CsrFcsr = csrnum::Fcsr;

void LockstepChecker::onRunStart(ModelHandle &M) {
  Model = &M;
  if (M.pc() != Current.PC) {
    StepRecord Start;
    Start.PC = M.pc();
    Start.Before = Current;
    diverge(Divergence::InitialPC, Start,
            "QEMU starts at pc 0x" + utohexstr(Current.PC) +
                ", the model at 0x" + utohexstr(M.pc()) +
                " (the ELF entry or --entry)");
    return;
  }
  // qemu-user starts a program the way Linux does: sp points into a stack
  // it mapped, the rest is (today) zero. Copy every register instead of
  // assuming so.
  for (unsigned I = 1; I < 32; ++I)
    M.setX(I, Current.X[I]);
  if (Settings.FLen && Current.HasF)
    for (unsigned I = 0; I < 32; ++I)
      M.setF(I, Current.F[I]);
  // qemu-user 7.2 does not print fcsr; Linux starts every process with
  // fcsr = 0 (round to nearest, no flags).
  if (Settings.FLen)
    M.api().set_csr(M.get(), CsrFcsr, Current.HasFcsr ? Current.Fcsr : 0);
  // Linux starts a process with zero vector registers, vxrm = vxsat =
  // vstart = 0 and vill set; copy what QEMU shows. vl and vtype are
  // read-only: a model that starts elsewhere shows at the first compare.
  if (Settings.CompareV && Current.HasV) {
    const snipgen_model_api &A = M.api();
    for (unsigned R = 0; R < 32; ++R)
      A.set_v(M.get(), R, Current.v(R), Current.VLenB);
    A.set_csr(M.get(), csrnum::Vxrm, Current.Vxrm);
    A.set_csr(M.get(), csrnum::Vxsat, Current.Vxsat);
    A.set_csr(M.get(), csrnum::VStart, Current.VStart);
  }
}

/// Vector registers and CSRs: the model's through its C interface.
static void compareVector(ModelHandle &Model, const CpuState &Qemu,
                          uint64_t XMask, std::vector<RegisterDiff> &Diffs) {
  const snipgen_model_api &A = Model.api();
  struct {
    uint32_t Csr;
    uint64_t Qemu;
  } const Csrs[] = {{csrnum::VL, Qemu.VL},
                    {csrnum::VType, Qemu.VType},
                    {csrnum::VStart, Qemu.VStart},
                    {csrnum::Vxrm, Qemu.Vxrm},
                    {csrnum::Vxsat, Qemu.Vxsat}};
  for (const auto &C : Csrs) {
    uint64_t V = 0;
    // A CSR the model lacks reads as all ones: never equal to QEMU's.
    if (A.get_csr(Model.get(), C.Csr, &V) != 0)
      V = ~uint64_t(0);
    if ((V & XMask) != (C.Qemu & XMask))
      Diffs.push_back({'c', C.Csr, C.Qemu, V, {}, {}});
  }
  uint8_t Bytes[QemuMaxVLenBytes];
  unsigned N = Qemu.VLenB;
  for (unsigned R = 0; R < 32; ++R) {
    if (A.get_v(Model.get(), R, Bytes, N) != 0)
      std::memset(Bytes, 0xee, N);
    if (std::memcmp(Bytes, Qemu.v(R), N) != 0)
      Diffs.push_back({'v', R, 0, 0,
                       std::vector<uint8_t>(Qemu.v(R), Qemu.v(R) + N),
                       std::vector<uint8_t>(Bytes, Bytes + N)});
  }
}

void LockstepChecker::compare(const CpuState &Qemu,
                              std::vector<RegisterDiff> &Diffs) const {
  uint64_t XMask = Settings.XLen == 32 ? 0xffffffffu : ~uint64_t(0);
  uint64_t ModelPC = Model->pc();
  if ((ModelPC & XMask) != (Qemu.PC & XMask))
    Diffs.push_back({'p', 0, Qemu.PC, ModelPC, {}, {}});
  for (unsigned I = 1; I < 32; ++I) {
    uint64_t V = Model->x(I);
    if ((V & XMask) != (Qemu.X[I] & XMask))
      Diffs.push_back({'x', I, Qemu.X[I], V, {}, {}});
  }
  if (Settings.FLen && Qemu.HasF) {
    // With FLEN = 32 only the low half is architectural (QEMU keeps single
    // values NaN-boxed in 64-bit registers).
    uint64_t FMask = Settings.FLen == 32 ? 0xffffffffu : ~uint64_t(0);
    for (unsigned I = 0; I < 32; ++I) {
      uint64_t V = Model->f(I);
      if ((V & FMask) != (Qemu.F[I] & FMask))
        Diffs.push_back({'f', I, Qemu.F[I], V, {}, {}});
    }
  }
  if (Settings.FLen && Qemu.HasFcsr) {
    uint64_t V = 0;
    Model->api().get_csr(Model->get(), CsrFcsr, &V);
    if (V != Qemu.Fcsr)
      Diffs.push_back({'c', CsrFcsr, Qemu.Fcsr, V, {}, {}});
  }
  if (Settings.CompareV && Qemu.HasV)
    compareVector(*Model, Qemu, XMask, Diffs);
}

void LockstepChecker::diverge(Divergence::Kind What, const StepRecord &Step,
                              std::string Detail) {
  Divergence D;
  D.What = What;
  D.Step = Step;
  D.History = History;
  D.Detail = std::move(Detail);
  Found = std::move(D);
  Stopped = true;
}

void LockstepChecker::onRetire(uint64_t PC, uint32_t Encoding, uint32_t Size,
                               uint64_t NextPC) {
  if (Stopped)
    return;
  StepRecord Step;
  Step.Number = ++Retired;
  Step.PC = PC;
  Step.Encoding = Encoding;
  Step.Size = Size;
  Step.Before = Current;

  CpuState After;
  Expected<bool> More = Log.next(After);
  if (!More) {
    LogError = toString(More.takeError());
    Stopped = true;
    return;
  }
  if (!*More) {
    // QEMU logs a state before executing an instruction but after
    // translating it, so a fault while fetching or translating the next
    // instruction also ends the log here.
    diverge(Divergence::QemuEndedFirst, Step,
            qemuEnd() + ", while executing this instruction or while "
                        "fetching the next one");
    StepRecord Following;
    Following.Number = Step.Number + 1;
    Following.PC = NextPC;
    uint8_t Bytes[4] = {};
    const snipgen_model_api &API = Model->api();
    if (API.read_mem(Model->get(), NextPC, Bytes, 2) == 0) {
      Following.Size = (Bytes[0] & 3) == 3 ? 4 : 2;
      if (Following.Size == 2 ||
          API.read_mem(Model->get(), NextPC, Bytes, 4) == 0) {
        Following.Encoding = uint32_t(Bytes[0]) | uint32_t(Bytes[1]) << 8 |
                             uint32_t(Bytes[2]) << 16 |
                             uint32_t(Bytes[3]) << 24;
        if (Following.Size == 2)
          Following.Encoding &= 0xffff;
        Found->Next = Following;
      }
    }
    return;
  }
  std::vector<RegisterDiff> Diffs;
  compare(After, Diffs);
  if (!Diffs.empty()) {
    diverge(Divergence::Registers, Step);
    Found->QemuAfter = After;
    Found->Diffs = std::move(Diffs);
    return;
  }
  ++Agreed;
  History.push_back(std::move(Step));
  if (History.size() > Settings.Context)
    History.pop_front();
  Current = After;
}

void LockstepChecker::onRunEnd(ModelHandle &,
                               const snipgen_model_stop_info &Info) {
  StopInfo = Info;
  StopInfo.message = nullptr; // Only valid during this call.
}

std::string LockstepChecker::qemuEnd() const {
  std::string Text = "QEMU " + Qemu.describe();
  if (!Qemu.Stderr.empty())
    Text += " (stderr: " + Qemu.Stderr + ")";
  return Text;
}

void LockstepChecker::finish(const RunResult &ModelRun) {
  if (Stopped)
    return;
  // The instruction the model stopped at (not executed, or trapping).
  StepRecord Stop;
  Stop.Number = Retired + 1;
  Stop.PC = ModelRun.FinalPC;
  Stop.Encoding = StopInfo.encoding;
  Stop.Size = (StopInfo.encoding & 3) == 3 ? 4 : 2;
  Stop.Before = Current;
  if (!Settings.EachInstruction) {
    finishFinalOnly(ModelRun, Stop);
    return;
  }
  std::string ModelSide = "the model stopped: " + ModelRun.Message;

  CpuState QemuNext;
  Expected<bool> More = Log.next(QemuNext);
  if (!More) {
    LogError = toString(More.takeError());
    return;
  }
  if (*More) {
    diverge(Divergence::ModelEndedFirst, Stop,
            ModelSide + "; QEMU executed this instruction and went on to pc "
                        "0x" + utohexstr(QemuNext.PC));
    return;
  }
  bool ModelAtEbreak = ModelRun.Result == SNIPGEN_STEP_EBREAK;
  if (ModelAtEbreak && Qemu.endedWithSigtrap() && Current.PC == Stop.PC)
    return; // Both reached the snippet's final EBREAK: agreement.
  diverge(Divergence::DifferentEnd, Stop, ModelSide + "; " + qemuEnd());
}

} // namespace snipgen::qemucheck

namespace snipgen::qemucheck {

void LockstepChecker::finishFinalOnly(const RunResult &ModelRun,
                                      const StepRecord &Stop) {
  // QEMU's last dump is its state before the instruction it stopped at.
  uint64_t QemuExecuted = 0;
  CpuState Next;
  while (true) {
    Expected<bool> More = Log.next(Next);
    if (!More) {
      LogError = toString(More.takeError());
      return;
    }
    if (!*More)
      break;
    Current = Next;
    ++QemuExecuted;
  }
  StepRecord End = Stop;
  End.Number = ModelRun.Retired + 1;
  End.Before = Current;
  std::string Counts = "the model retired " +
                       std::to_string(ModelRun.Retired) + " instructions, " +
                       "QEMU " + std::to_string(QemuExecuted);
  if (ModelRun.Retired != QemuExecuted || Current.PC != ModelRun.FinalPC) {
    diverge(Divergence::DifferentEnd, End,
            Counts + "; the model stopped: " + ModelRun.Message + "; " +
                qemuEnd());
    return;
  }
  std::vector<RegisterDiff> Diffs;
  compare(Current, Diffs);
  if (!Diffs.empty()) {
    diverge(Divergence::FinalState, End, Counts);
    Found->QemuAfter = Current;
    Found->Diffs = std::move(Diffs);
    return;
  }
  Agreed = ModelRun.Retired;
  if (ModelRun.Result != SNIPGEN_STEP_EBREAK || !Qemu.endedWithSigtrap())
    diverge(Divergence::DifferentEnd, End,
            "the model stopped: " + ModelRun.Message + "; " + qemuEnd());
}

} // namespace snipgen::qemucheck
