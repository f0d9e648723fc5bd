#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/OperandInitializer.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/VectorAccess.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

struct InstructionBuilder::Recipe {
  std::vector<std::vector<unsigned>> RegChoices; // per operand (regs only)
  std::vector<bool> Written; // per operand: the instruction writes it
  // LR/SC: the other half of the retry loop (same size).
  const OpcodeDesc *Partner = nullptr;
  bool Memory = false; // gets an address from the memory planner
};

namespace {
// Operand indices of an LR or SC: its result, its address base and (SC)
// the value it stores.
struct ReservationOperands {
  int Def = -1, Base = -1, Src = -1;
  explicit ReservationOperands(const OpcodeDesc &Op) {
    Base = Op.MemBaseOp;
    for (unsigned I = 0; I < Op.Operands.size(); ++I) {
      const OperandDesc &OD = Op.Operands[I];
      if (!OD.isReg() || OD.TiedTo >= 0 || (int)I == Base)
        continue;
      if (OD.IsDef && Def < 0)
        Def = I;
      else if (!OD.IsDef && Src < 0)
        Src = I;
    }
  }
};
} // namespace

const InstructionBuilder::Recipe &
InstructionBuilder::recipe(const OpcodeDesc &Op) const {
  if (Op.Opcode < RecipeHint.size() && RecipeHint[Op.Opcode].first == &Op)
    return Recipes[RecipeHint[Op.Opcode].second];
  unsigned Index = RecipeOf.find(&Op)->second;
  if (Op.Opcode >= RecipeHint.size())
    RecipeHint.resize(Op.Opcode + 1, {nullptr, 0});
  RecipeHint[Op.Opcode] = {&Op, Index};
  return Recipes[Index];
}

unsigned InstructionBuilder::pick(const std::vector<unsigned> &Candidates,
                                  std::initializer_list<unsigned> Avoid,
                                  bool Written) {
  std::vector<unsigned> Ok, Free;
  for (unsigned R : Candidates) {
    if (std::find(Avoid.begin(), Avoid.end(), R) != Avoid.end())
      continue;
    Ok.push_back(R);
    if (!Written || !Memory.isPinned(R))
      Free.push_back(R);
  }
  const std::vector<unsigned> &From = Free.empty() ? Ok : Free;
  return From.empty() ? 0 : From[RNG.below(From.size())];
}

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

void InstructionBuilder::setVectorUnit(VectorUnit *V) {
  Vector = V;
  if (!V)
    return;
  VectorMemory = std::make_unique<VectorAccessPlanner>(
      Env, Target, Memory, Registers, RNG, V->vlen());
  VectorAccessPlanner *P = VectorMemory.get();
  VectorMemoryHooks H;
  H.Prepare = [P](const OpcodeDesc &Op, const SourceMgr &SM, SMLoc Loc) {
    return P->prepare(Op, SM, Loc);
  };
  H.LegalUnder = [P](const OpcodeDesc &Op, const VectorConfig &C) {
    return P->legalUnder(Op, C);
  };
  H.Emit = [P](const OpcodeDesc &Op, const VectorConfig &C, bool Masked,
               CodeBuffer &Out) { return P->emit(Op, C, Masked, Out); };
  P->setAvoidV0(V->noMask());
  V->setMemoryHooks(std::move(H));
  MaxFootprint = std::max(MaxFootprint, V->maxFootprint() + P->maxFootprint());
}

Error InstructionBuilder::prepare(const OpcodeDesc &Op, const SourceMgr &SM,
                                  SMLoc Loc) {
  if (RecipeOf.count(&Op))
    return Error::success();
  if (Vector && Vector->handles(Op)) {
    MaxFootprint = std::max(MaxFootprint, Vector->maxFootprint());
    // Vector arithmetic's X/F inputs may get --valuegram-operands-regs
    // values (first: the operand draw avoids registers that cannot take
    // one); loads and stores have only address operands, VSET* vl/vtype.
    if (OperandInitializer *Init = Registers.operandInitializer())
      if (!Op.isMemoryAccess() && !StringRef(Op.Name).starts_with("VSET"))
        if (Error E = Init->prepareVector(Op))
          return E;
    return Vector->prepare(Op, SM, Loc);
  }
  auto Reject = [&](const Twine &Why) {
    return makeError(SM, Loc, "cannot generate '" + Op.Name + "': " + Why);
  };
  using RR = GenTarget::ReservationRole;
  RR Role = Target.reservationRole(Op);
  const OpcodeDesc *Partner = nullptr;
  if (Role != RR::None) {
    if (!Catalogue)
      return Reject("LR/SC are generated as retry loops, which need the ISA "
                    "catalogue");
    for (const std::string &Name : Target.reservationPartners(Op.Name))
      if ((Partner = Catalogue->lookup(Name)))
        break;
    if (!Partner)
      return Reject("no " +
                    Twine(Role == RR::LoadReserved ? "SC" : "LR") +
                    " of the same size is available to form a retry loop");
  }
  std::string Refused = Target.whyNotGenerated(Op);
  if (!Refused.empty())
    return Reject(Refused);
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
  bool Block = Target.isCacheBlockOp(Op);
  R.Memory = Op.isMemoryAccess() || Block;
  if (Block) {
    AccessSize = CacheBlockBytes;
    if (Op.MemBaseOp < 0)
      return Reject("its address operand is unknown");
  } else if (Op.isMemoryAccess()) {
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
  if (R.Memory) {
    // The memory planner decides base and offset; it needs to know which
    // registers and offsets this opcode can take.
    MemoryOpcodeInfo Info;
    Info.Op = &Op;
    Info.Size = AccessSize;
    // A cache block is aligned to its size and lies inside the scheme.
    Info.IsaAlign = Block ? CacheBlockBytes : Target.accessAlignment(Op);
    Info.Block = Block;
    Info.BaseCandidates = R.RegChoices[Op.MemBaseOp];
    if (Op.MemOffsetOp >= 0)
      Info.OffsetDomain = &Op.Operands[Op.MemOffsetOp].Imm;
    if (Error E = Memory.prepare(Info, SM, Loc))
      return E;
  }
  R.Partner = Partner;
  if (Role == RR::LoadReserved)
    MaxFootprint = std::max<uint64_t>(MaxFootprint, (8 + 3) * 4);
  else if (Role == RR::StoreConditional)
    MaxFootprint = std::max<uint64_t>(MaxFootprint, (8 + 3 + 8 + 1) * 4);
  RecipeOf[&Op] = Recipes.size();
  Recipes.push_back(std::move(R));
  if (Partner) {
    if (Error E = prepare(*Partner, SM, Loc))
      return E;
    bool IsLR = Role == RR::LoadReserved;
    return checkReservationRegisters(IsLR ? Op : *Partner,
                                     IsLR ? *Partner : Op, SM, Loc);
  }
  return Error::success();
}

Error InstructionBuilder::checkReservationRegisters(const OpcodeDesc &LR,
                                                    const OpcodeDesc &SC,
                                                    const SourceMgr &SM,
                                                    SMLoc Loc) {
  ReservationOperands L(LR), S(SC);
  auto Reject = [&](const Twine &Why) {
    return makeError(SM, Loc, "cannot generate the retry loop of '" +
                                  LR.Name + "' and '" + SC.Name + "': " + Why);
  };
  if (L.Def < 0 || L.Base < 0 || S.Def < 0 || S.Base < 0 || S.Src < 0)
    return Reject("unexpected operands");
  const Recipe &RL = recipe(LR), &RS = recipe(SC);
  unsigned Zero = Target.zeroRegister(Env);
  unsigned StatusRegs = 0;
  for (unsigned Reg : RS.RegChoices[S.Def])
    StatusRegs += Reg != Zero;
  // Base, LR result and SC status must differ; the status is not x0.
  if (RL.RegChoices[L.Def].size() < 2 || StatusRegs < 3 ||
      RS.RegChoices[S.Src].size() < 2)
    return Reject("it needs three distinct usable registers for the address "
                  "base, the LR's result and the SC's status (not x0), and "
                  "two for the SC's source (see the register reservations)");
  return Error::success();
}

void InstructionBuilder::emit(const OpcodeDesc &Op, CodeBuffer &Out) {
  if (Vector && Vector->handles(Op)) {
    Vector->emit(Op, Out);
    return;
  }
  const Recipe &R = recipe(Op);
  if (R.Partner) {
    bool IsSC = Target.reservationRole(Op) ==
                GenTarget::ReservationRole::StoreConditional;
    emitReservationLoop(IsSC ? *R.Partner : Op, IsSC ? Op : *R.Partner, Out);
    if (!IsSC)
      return;
    // The drawn SC itself follows the loop's SC: it must fail.
  }
  emitPlain(Op, R, Out);
}

void InstructionBuilder::emitReservationLoop(const OpcodeDesc &LR,
                                             const OpcodeDesc &SC,
                                             CodeBuffer &Out) {
  const Recipe &RL = recipe(LR), &RS = recipe(SC);
  ReservationOperands L(LR), S(SC);
  Memory.beginInstruction(LR, Out);
  MemoryAccess A;
  A.Op = &LR;
  A.BaseReg = pick(RL.RegChoices[L.Base], {}, false);
  size_t RecordIdx = Out.block().MemoryAccesses.size();
  PlacedAccess P = Memory.place(A, Out);
  unsigned Base = P.BaseReg;
  unsigned Zero = Target.zeroRegister(Env);
  unsigned Result = pick(RL.RegChoices[L.Def], {Base}, true);
  unsigned Status = pick(RS.RegChoices[S.Def], {Base, Zero, Result}, true);
  unsigned Src = pick(RS.RegChoices[S.Src], {Status}, false);
  auto Build = [&](const OpcodeDesc &Op, const ReservationOperands &O) {
    MCInst I;
    I.setOpcode(Op.Opcode);
    for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
      const OperandDesc &OD = Op.Operands[Idx];
      if (OD.TiedTo >= 0)
        I.addOperand(I.getOperand(OD.TiedTo));
      else if ((int)Idx == O.Base)
        I.addOperand(MCOperand::createReg(Base));
      else if ((int)Idx == O.Def)
        I.addOperand(MCOperand::createReg(&Op == &LR ? Result : Status));
      else if ((int)Idx == O.Src)
        I.addOperand(MCOperand::createReg(Src));
      else // no such operand on RISC-V; keep the instruction well-formed
        I.addOperand(MCOperand::createImm(0));
    }
    return I;
  };
  MCInst LRI = Build(LR, L), SCI = Build(SC, S);
  // Operand values are set before the loop: nothing but the LR and the SC
  // may run between them.
  if (OperandInitializer *Init = Registers.operandInitializer()) {
    SmallVector<unsigned, 8> Written;
    Init->beforePrimary(SC, SCI, Out, RNG, Written);
    Init->beforePrimary(LR, LRI, Out, RNG, Written);
    for (unsigned Reg : Written)
      Memory.clobbered(Reg);
  }
  std::vector<MemoryAccessRecord> &Records = Out.block().MemoryAccesses;
  MemoryAccessRecord Rec = Records[RecordIdx];
  Records[RecordIdx].Offset = Out.size();
  uint64_t LoopStart = Out.size();
  Out.emit(LRI);
  Rec.Offset = Out.size();
  Out.block().MemoryAccesses.push_back(Rec);
  Out.emit(SCI);
  Target.emitRetryBranch(Env, Status, int64_t(Out.size() - LoopStart), Out);
  if (OperandInitializer *Init = Registers.operandInitializer()) {
    Init->afterPrimary(LR, LRI);
    Init->afterPrimary(SC, SCI);
  }
  Memory.endInstruction(LRI, Out);
  Memory.endInstruction(SCI, Out);
  MemoryAccesses += 2;
}

std::vector<unsigned>
InstructionBuilder::askRegisterOracle(RegisterOracle &O, const OpcodeDesc &Op,
                                      const Recipe &R) {
  std::vector<unsigned> Chosen(Op.Operands.size());
  bool Done = false;
  while (!Done) { // the oracle gives up on rejections itself (a limit)
    O.begin();
    Done = true;
    for (unsigned Idx = 0; Idx < Op.Operands.size() && Done; ++Idx) {
      const OperandDesc &OD = Op.Operands[Idx];
      if (!OD.isReg() || OD.TiedTo >= 0)
        continue;
      // Written operands avoid pinned burst bases, as the random draw does.
      std::vector<unsigned> Allowed;
      for (unsigned Reg : R.RegChoices[Idx])
        if (!R.Written[Idx] || !Memory.isPinned(Reg))
          Allowed.push_back(Reg);
      if (Allowed.empty())
        Allowed = R.RegChoices[Idx];
      if (std::optional<unsigned> Reg = O.choose(Allowed))
        Chosen[Idx] = *Reg;
      else
        Done = false;
    }
  }
  return Chosen;
}

void InstructionBuilder::emitPlain(const OpcodeDesc &Op, const Recipe &R,
                                   CodeBuffer &Out) {
  Memory.beginInstruction(Op, Out);
  MCInst I;
  I.setOpcode(Op.Opcode);
  int64_t Offset = 0;
  size_t RecordIdx = ~size_t(0);
  std::vector<unsigned> Chosen; // by operand, from a register oracle
  if (RegisterOracle *O = Registers.registerOracle())
    Chosen = askRegisterOracle(*O, Op, R);
  for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
    const OperandDesc &OD = Op.Operands[Idx];
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    if (OD.isReg()) {
      if (!Chosen.empty()) {
        I.addOperand(MCOperand::createReg(Chosen[Idx]));
        continue;
      }
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
  if (R.Memory) {
    MemoryAccess A;
    A.Op = &Op;
    A.BaseReg = I.getOperand(Op.MemBaseOp).getReg();
    A.Offset = Offset;
    RecordIdx = Out.block().MemoryAccesses.size();
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
  // The access record names the instruction's own offset, past any operand
  // set-up emitted after the base.
  if (RecordIdx < Out.block().MemoryAccesses.size())
    Out.block().MemoryAccesses[RecordIdx].Offset = Out.size();
  Out.block().PrimaryOffsets.push_back(static_cast<uint32_t>(Out.size()));
  Out.emit(I);
  if (Init)
    Init->afterPrimary(Op, I);
  Memory.endInstruction(I, Out);
}

} // namespace snipgen
