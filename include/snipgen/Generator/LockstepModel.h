//===- LockstepModel.h - The built-in model, one step behind ----*- C++ -*-===//
//
// Runs the code being generated on the built-in RISC-V model while it is
// generated, so that generation can ask "what does this register hold at
// this point of the snippet?" (address hazards, FP NaN detection, ...).
//
// Usage:
//   auto LM = LockstepModel::create(Env, Layout, CodeSectionIndex);
//   ... emit instructions into a CodeBuffer ...
//   if (Error E = (*LM)->catchUp(Buffer.block().Code)) ...
//   uint64_t V = (*LM)->value(Reg);      // the model's value now
//   bool K = (*LM)->isKnown(Reg);        // same on every machine?
//
// catchUp() executes, in order, every instruction of the given bytes that it
// has not executed yet, each at its final address (code section VMA + offset:
// straight-line code in the first block of the first function). It is
// cheap to call often: only new instructions run. It is lazy on purpose: a
// generator that never asks never pays.
//
// "Known" values: the model starts with all registers zero but treats every
// register (except the zero register) and all data memory as unknown: on
// another machine (QEMU, hardware, the final run with random initial
// registers) they may differ. An instruction's results are known when all
// its register inputs and the memory bytes it reads are known; a store makes
// the bytes it writes known or unknown accordingly. Instructions with
// side effects the MC layer does not model (CSR accesses) and implicit
// inputs (the FP rounding mode) give unknown results unless set with
// setRegister(). Only known values may decide addresses or values that must
// hold everywhere; unknown values still show what this model computes.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_LOCKSTEPMODEL_H
#define SNIPGEN_GENERATOR_LOCKSTEPMODEL_H

#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Model/Model.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <memory>
#include <vector>

namespace snipgen {

class MCEnvironment;
struct Layout;

class LockstepModel {
public:
  /// A model with one region per layout section; code runs from the VMA of
  /// section CodeSection.
  static llvm::Expected<std::unique_ptr<LockstepModel>>
  create(const MCEnvironment &Env, const Layout &L, unsigned CodeSection);
  ~LockstepModel();

  /// Executes the instructions of Code (all bytes of the block emitted so
  /// far) that have not run yet. An instruction that does not execute
  /// (trap, unknown encoding) is an error naming it and its address.
  llvm::Error catchUp(llvm::ArrayRef<uint8_t> Code);
  /// Bytes of code executed so far.
  uint64_t position() const { return Cursor; }
  uint64_t executedInstructions() const { return Executed; }

  /// The current value of a GPR or FPR (LLVM register number).
  uint64_t value(unsigned Reg) const;
  /// True if Reg's value depends only on the snippet's own code.
  bool isKnown(unsigned Reg) const;
  /// Sets a register before or between catch-ups (e.g. to mirror the initial
  /// state of the final run), marking it known or unknown.
  void setRegister(unsigned Reg, uint64_t Value, bool Known);
  /// The last instruction executed (valid after the first catchUp).
  const llvm::MCInst &lastInstruction() const { return Last; }
  ModelHandle &model() { return *Model; }

private:
  LockstepModel(const MCEnvironment &Env) : Env(Env) {}
  void updateKnowledge(const llvm::MCInst &I);
  bool regKnown(unsigned Reg) const;
  void setRegKnown(unsigned Reg, bool Known);
  struct Access {
    uint64_t Addr;
    uint32_t Size;
    bool IsWrite;
  };
  static void onMemAccess(void *User, uint64_t Addr, uint32_t Size,
                          uint64_t Value, int IsWrite);

  const MCEnvironment &Env;
  std::unique_ptr<ModelHandle> Model;
  uint64_t CodeAddress = 0;
  /// code-layout places the code elsewhere than the lockstep model runs it:
  /// what an instruction computes from its own PC (AUIPC) is not known.
  bool PCUnknown = false;
  uint64_t Cursor = 0;
  uint64_t Executed = 0;
  unsigned ZeroReg = 0;
  std::vector<uint8_t> UnitKnown; // per register unit
  AddressSet KnownMemory;
  std::vector<Access> Accesses; // of the instruction being stepped
  llvm::MCInst Last;
};

} // namespace snipgen

#endif
