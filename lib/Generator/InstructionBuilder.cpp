#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/OperandInitializer.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"

using namespace llvm;

namespace snipgen {

struct InstructionBuilder::Recipe {
  std::vector<std::vector<unsigned>> RegChoices; // per operand (regs only)
  std::vector<bool> Written; // per operand: the instruction writes it
};

InstructionBuilder::InstructionBuilder(const MCEnvironment &Env,
                                       const GenTarget &Target,
                                       const RegisterPolicy &Registers,
                                       const ImmediatePolicy &Immediates,
                                       MemoryPlanner &Memory, RandomEngine &RNG)
    : Env(Env), Target(Target), Registers(Registers), Immediates(Immediates),
      Memory(Memory), RNG(RNG) {
  Memory.attach(Registers, RNG);
}

InstructionBuilder::~InstructionBuilder() = default;

Error InstructionBuilder::prepare(const OpcodeDesc &Op, const SourceMgr &SM,
                                  SMLoc Loc) {
  if (RecipeOf.count(&Op))
    return Error::success();
  auto Reject = [&](const Twine &Why) {
    return makeError(SM, Loc, "cannot generate '" + Op.Name + "': " + Why);
  };
  if (Target.isControlFlow(Op))
    return Reject("branches, jumps, calls and returns are not supported yet "
                  "in straight-line snippets");
  // SP-relative opcodes address memory through x2 like any base register,
  // which needs x2 free of the stack pointer (--redefine-sp, static stack).
  if (Target.isStackPointerRelative(Op, Env) &&
      Registers.stackPointer() == Target.stackPointer(Env))
    return Reject("stack-pointer-relative opcodes need the stack pointer "
                  "moved out of SP (--redefine-sp=any-not-SP) or a static "
                  "stack");
  // Before the candidates: operands it will initialise avoid x0.
  if (OperandInitializer *Init = Registers.operandInitializer())
    if (Error E = Init->prepare(Op))
      return E;
  Recipe R;
  unsigned AccessSize = 0;
  if (Op.isMemoryAccess()) {
    AccessSize = Target.accessSize(Op.Name);
    if (!AccessSize || Op.MemBaseOp < 0)
      return Reject("the access size of this memory opcode is unknown "
                    "(vector and other configuration-dependent accesses "
                    "are not supported yet)");
  }
  R.RegChoices.resize(Op.Operands.size());
  R.Written.resize(Op.Operands.size());
  for (unsigned I = 0; I < Op.Operands.size(); ++I) {
    const OperandDesc &OD = Op.Operands[I];
    R.Written[I] = OD.IsDef;
    if (!OD.isReg() || OD.TiedTo >= 0)
      continue;
    R.RegChoices[I] = Registers.primaryCandidates(Op, I);
    if (R.RegChoices[I].empty())
      return Reject("operand " + Twine(I) +
                    " has no usable register after reservations");
  }
  for (unsigned I = 0; I < Op.Operands.size(); ++I)
    if (Op.Operands[I].TiedTo >= 0 && Op.Operands[I].IsDef)
      R.Written[Op.Operands[I].TiedTo] = true;
  if (Op.isMemoryAccess()) {
    // The memory planner decides base and offset; it needs to know which
    // registers and offsets this opcode can take.
    MemoryOpcodeInfo Info;
    Info.Op = &Op;
    Info.Size = AccessSize;
    Info.IsaAlign = Target.accessAlignment(Op);
    Info.BaseCandidates = R.RegChoices[Op.MemBaseOp];
    if (Op.MemOffsetOp >= 0)
      Info.OffsetDomain = &Op.Operands[Op.MemOffsetOp].Imm;
    if (Error E = Memory.prepare(Info, SM, Loc))
      return E;
  }
  RecipeOf[&Op] = Recipes.size();
  Recipes.push_back(std::move(R));
  return Error::success();
}

void InstructionBuilder::emit(const OpcodeDesc &Op, CodeBuffer &Out) {
  const Recipe &R = Recipes[RecipeOf.find(&Op)->second];
  Memory.beginInstruction(Op, Out);
  MCInst I;
  I.setOpcode(Op.Opcode);
  int64_t Offset = 0;
  for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
    const OperandDesc &OD = Op.Operands[Idx];
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    if (OD.isReg()) {
      const std::vector<unsigned> &C = R.RegChoices[Idx];
      size_t Pick = RNG.below(C.size());
      // A burst group's base registers must survive until its last member:
      // take the next candidate instead (no extra draw, so the sequence of
      // random choices does not depend on the memory scheme).
      if (R.Written[Idx])
        for (size_t K = 0; K < C.size() && Memory.isPinned(C[Pick]); ++K)
          Pick = (Pick + 1) % C.size();
      I.addOperand(MCOperand::createReg(C[Pick]));
      continue;
    }
    int64_t V = Immediates.choose(Op, Idx, RNG);
    if ((int)Idx == Op.MemOffsetOp)
      Offset = V;
    I.addOperand(MCOperand::createImm(V));
  }
  if (Op.isMemoryAccess()) {
    MemoryAccess A;
    A.Op = &Op;
    A.BaseReg = I.getOperand(Op.MemBaseOp).getReg();
    A.Offset = Offset;
    PlacedAccess P = Memory.place(A, Out);
    I.getOperand(Op.MemBaseOp).setReg(P.BaseReg);
    if (Op.MemOffsetOp >= 0)
      I.getOperand(Op.MemOffsetOp).setImm(P.Offset);
    for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx)
      if (Op.Operands[Idx].TiedTo >= 0)
        I.getOperand(Idx) = I.getOperand(Op.Operands[Idx].TiedTo);
    ++MemoryAccesses;
  }
  // Operand values and NaN overwriting, after the base is set up: that code
  // never writes the base, and the planner forgets what it overwrites.
  OperandInitializer *Init = Registers.operandInitializer();
  if (Init) {
    SmallVector<unsigned, 8> Written;
    Init->beforePrimary(Op, I, Out, RNG, Written);
    for (unsigned Reg : Written)
      Memory.clobbered(Reg);
  }
  Out.block().PrimaryOffsets.push_back(static_cast<uint32_t>(Out.size()));
  Out.emit(I);
  if (Init)
    Init->afterPrimary(Op, I);
  Memory.endInstruction(I, Out);
}

} // namespace snipgen
