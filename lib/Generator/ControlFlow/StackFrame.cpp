//===- StackFrame.cpp - Prologues, epilogues and call wrappers ------------===//
//
// Frame layout (offsets from the frame base: the stack pointer after the
// adjustment, or the function's static area):
//   [caller's sp]  entry with --honor-target-abi and a `stack` section
//   [ra]           functions that call others and must return (the
//                  function's own return-address register)
//   [saves...]     entry: spilled / callee-saved registers
// Each slot is aligned to its size; the frame to the stack alignment.
//===----------------------------------------------------------------------===//
#include "StackFrame.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

FrameLayout FrameEmitter::layout(bool IsEntry, bool SavesRA,
                                 unsigned RA) const {
  FrameLayout F;
  F.SavesRA = SavesRA;
  uint64_t Offset = 0;
  auto Add = [&](unsigned Reg) {
    unsigned Size = CFT.slotSize(Reg);
    Offset = alignTo(Offset, Size);
    int64_t At = Offset;
    Offset += Size;
    return At;
  };
  if (IsEntry && Plan.SaveCallerSP)
    F.CallerSPSlot = Add(Plan.SP);
  if (SavesRA)
    F.Slots.push_back({RA, Add(RA)});
  if (IsEntry)
    for (unsigned R : Plan.EntrySaves)
      if (!(SavesRA && R == RA))
        F.Slots.push_back({R, Add(R)});
  F.Size = alignTo(Offset, CFT.stackAlignment());
  return F;
}

bool FrameEmitter::placeStatic(std::vector<FrameLayout> &Frames,
                               uint64_t &Needed) const {
  uint64_t At = alignTo(Plan.Base, CFT.stackAlignment());
  for (FrameLayout &F : Frames) {
    F.StaticArea = At;
    At += F.Size;
  }
  Needed = At - Plan.Base;
  return At <= Plan.Top;
}

void FrameEmitter::saveSlots(const FrameLayout &F, unsigned Base,
                             InstSink &Out) const {
  for (auto [Reg, Offset] : F.Slots)
    CFT.emitStore(Reg, Base, Offset, Out);
}

void FrameEmitter::restoreSlots(const FrameLayout &F, unsigned Base,
                                InstSink &Out) const {
  for (auto [Reg, Offset] : F.Slots)
    CFT.emitLoad(Reg, Base, Offset, Out);
}

void FrameEmitter::globalsToUtility(bool Store, unsigned Base,
                                    InstSink &Out) const {
  Target.materializeValue(Env, Base, Plan.Utility, Out);
  int64_t Offset = 0;
  for (unsigned R : Plan.Globals) {
    Offset = alignTo(Offset, CFT.slotSize(R));
    if (Store)
      CFT.emitStore(R, Base, Offset, Out);
    else
      CFT.emitLoad(R, Base, Offset, Out);
    Offset += CFT.slotSize(R);
  }
}

void FrameEmitter::entryPrologue(const FrameLayout &F, InstSink &Out) const {
  if (Plan.Mode == StackMode::Static) {
    if (!F.Slots.empty()) {
      Target.materializeValue(Env, F.StaticBase, F.StaticArea, Out);
      saveSlots(F, F.StaticBase, Out);
    }
    return;
  }
  if (Plan.Mode != StackMode::Dynamic)
    return;
  if (!Plan.External) {
    if (Plan.SaveCallerSP)
      CFT.emitAddImm(Plan.Temp, Plan.SP, 0, Out);
    Target.materializeValue(Env, Plan.SP, Plan.Top, Out);
  }
  if (F.Size)
    CFT.emitAddImm(Plan.SP, Plan.SP, -(int64_t)F.Size, Out);
  if (Plan.SaveCallerSP)
    CFT.emitStore(Plan.Temp, Plan.SP, F.CallerSPSlot, Out);
  saveSlots(F, Plan.SP, Out);
  if (Plan.GlobalsInUtility)
    globalsToUtility(/*Store=*/true, Plan.Temp, Out);
}

void FrameEmitter::entryEpilogue(const FrameLayout &F, InstSink &Out) const {
  if (Plan.Mode == StackMode::Static) {
    if (!F.Slots.empty()) {
      Target.materializeValue(Env, F.StaticBase, F.StaticArea, Out);
      restoreSlots(F, F.StaticBase, Out);
    }
    return;
  }
  if (Plan.Mode != StackMode::Dynamic)
    return;
  // gp/tp first: the scratch that addresses them may be a restored register.
  if (Plan.GlobalsInUtility)
    globalsToUtility(/*Store=*/false, Plan.Temp, Out);
  restoreSlots(F, Plan.SP, Out);
  if (Plan.SaveCallerSP)
    CFT.emitLoad(Plan.SP, Plan.SP, F.CallerSPSlot,
                 Out); // last: frees the frame
  else if (F.Size)
    CFT.emitAddImm(Plan.SP, Plan.SP, F.Size, Out);
}

void FrameEmitter::prologue(const FrameLayout &F, InstSink &Out) const {
  if (F.Slots.empty())
    return;
  if (Plan.Mode == StackMode::Static) {
    Target.materializeValue(Env, F.StaticBase, F.StaticArea, Out);
    saveSlots(F, F.StaticBase, Out);
    return;
  }
  CFT.emitAddImm(Plan.SP, Plan.SP, -(int64_t)F.Size, Out);
  saveSlots(F, Plan.SP, Out);
}

void FrameEmitter::epilogue(const FrameLayout &F, InstSink &Out) const {
  if (F.Slots.empty())
    return;
  if (Plan.Mode == StackMode::Static) {
    Target.materializeValue(Env, F.StaticBase, F.StaticArea, Out);
    restoreSlots(F, F.StaticBase, Out);
    return;
  }
  restoreSlots(F, Plan.SP, Out);
  CFT.emitAddImm(Plan.SP, Plan.SP, F.Size, Out);
}

// The frame around an external call (offsets from the adjusted stack
// pointer): the scalar registers of -preserve-caller-saved-regs, then, when
// vector registers are preserved, the vector unit state (vl, vtype, vcsr:
// not preserved by the callee either) and the vector registers as one
// block. Scalars first keep their offsets within a load's immediate.
FrameEmitter::ExternalFrame FrameEmitter::externalLayout() const {
  ExternalFrame F;
  uint64_t Offset = 0;
  for (unsigned R : Plan.PreserveAroundExternal) {
    if (CFT.isVectorRegister(R)) {
      F.Vectors.push_back(R);
      continue;
    }
    Offset = alignTo(Offset, CFT.slotSize(R));
    F.Scalars.push_back({R, (int64_t)Offset});
    Offset += CFT.slotSize(R);
  }
  if (!F.Vectors.empty()) {
    Offset = alignTo(Offset, 16);
    F.VectorState = Offset;
    Offset += CFT.vectorStateBytes();
    Offset = alignTo(Offset, std::max(16u, CFT.slotSize(F.Vectors[0])));
    F.VectorBlock = Offset;
    Offset += uint64_t(CFT.slotSize(F.Vectors[0])) * F.Vectors.size();
  }
  F.Size = alignTo(Offset, CFT.stackAlignment());
  return F;
}

uint64_t FrameEmitter::externalCallFrame() const {
  return externalLayout().Size;
}

// Both clobber only ra, which the call writes anyway.
void FrameEmitter::beforeExternalCall(InstSink &Out) const {
  ExternalFrame F = externalLayout();
  unsigned RA = Env.findRegister("X1");
  if (F.Size) {
    CFT.emitAddImm(Plan.SP, Plan.SP, -(int64_t)F.Size, Out);
    for (auto [R, Offset] : F.Scalars)
      CFT.emitStore(R, Plan.SP, Offset, Out);
    if (!F.Vectors.empty()) {
      CFT.emitVectorStateSave(Plan.SP, F.VectorState, RA, Out);
      CFT.emitVectorBlock(F.Vectors, Plan.SP, F.VectorBlock, RA,
                          /*Save=*/true, Out);
    }
  }
  if (Plan.GlobalsInUtility)
    globalsToUtility(/*Store=*/false, RA, Out);
}

void FrameEmitter::afterExternalCall(InstSink &Out) const {
  ExternalFrame F = externalLayout();
  if (!F.Size)
    return;
  unsigned RA = Env.findRegister("X1");
  if (!F.Vectors.empty()) {
    CFT.emitVectorBlock(F.Vectors, Plan.SP, F.VectorBlock, RA,
                        /*Save=*/false, Out);
    CFT.emitVectorStateRestore(Plan.SP, F.VectorState, RA, Out);
  }
  for (auto [R, Offset] : F.Scalars)
    CFT.emitLoad(R, Plan.SP, Offset, Out);
  CFT.emitAddImm(Plan.SP, Plan.SP, F.Size, Out);
}

} // namespace snipgen
