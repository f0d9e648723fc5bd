#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
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
  unsigned AccessSize = 0;
  unsigned AccessAlign = 1;
};

InstructionBuilder::InstructionBuilder(const MCEnvironment &Env,
                                       const GenTarget &Target,
                                       const RegisterPolicy &Registers,
                                       const ImmediatePolicy &Immediates,
                                       MemoryPlanner &Memory, RandomEngine &RNG)
    : Env(Env), Target(Target), Registers(Registers), Immediates(Immediates),
      Memory(Memory), RNG(RNG),
      RecipeOf(Env.instrInfo().getNumOpcodes(), -1) {}

InstructionBuilder::~InstructionBuilder() = default;

Error InstructionBuilder::prepare(const OpcodeDesc &Op, const SourceMgr &SM,
                                  SMLoc Loc) {
  if (RecipeOf[Op.Opcode] >= 0)
    return Error::success();
  auto Reject = [&](const Twine &Why) {
    return makeError(SM, Loc, "cannot generate '" + Op.Name + "': " + Why);
  };
  if (Target.isControlFlow(Op))
    return Reject("branches, jumps, calls and returns are not supported yet "
                  "in straight-line snippets");
  if (Target.isStackPointerRelative(Op, Env))
    return Reject("stack-pointer-relative opcodes need a stack section and "
                  "-redefine-sp, which are not supported yet");
  Recipe R;
  if (Op.isMemoryAccess()) {
    R.AccessSize = Target.accessSize(Op.Name);
    if (!R.AccessSize || Op.MemBaseOp < 0)
      return Reject("the access size of this memory opcode is unknown "
                    "(vector and other configuration-dependent accesses "
                    "are not supported yet)");
    R.AccessAlign = Target.accessAlignment(Op);
    if (!Memory.admits(R.AccessSize, R.AccessAlign))
      return Reject("no RW section can hold an aligned " + Twine(R.AccessSize) +
                    "-byte access");
  }
  R.RegChoices.resize(Op.Operands.size());
  for (unsigned I = 0; I < Op.Operands.size(); ++I) {
    const OperandDesc &OD = Op.Operands[I];
    if (!OD.isReg() || OD.TiedTo >= 0)
      continue;
    R.RegChoices[I] = Registers.primaryCandidates(Op, I);
    if (R.RegChoices[I].empty())
      return Reject("operand " + Twine(I) +
                    " has no usable register after reservations");
  }
  RecipeOf[Op.Opcode] = Recipes.size();
  Recipes.push_back(std::move(R));
  return Error::success();
}

void InstructionBuilder::emit(const OpcodeDesc &Op, InstSink &Out) {
  const Recipe &R = Recipes[RecipeOf[Op.Opcode]];
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
      I.addOperand(MCOperand::createReg(C[RNG.below(C.size())]));
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
    A.Size = R.AccessSize;
    A.Align = R.AccessAlign;
    A.BaseReg = I.getOperand(Op.MemBaseOp).getReg();
    A.Offset = Offset;
    Memory.place(A, Out, RNG);
    ++MemoryAccesses;
  }
  Out.emit(I);
}

} // namespace snipgen
