//===- LockstepModel.cpp - The built-in model, one step behind ------------===//
#include "snipgen/Generator/LockstepModel.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Model/Model.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

LockstepModel::~LockstepModel() = default;

Expected<std::unique_ptr<LockstepModel>>
LockstepModel::create(const MCEnvironment &Env, const Layout &L,
                      unsigned CodeSection) {
  std::unique_ptr<LockstepModel> LM(new LockstepModel(Env));
  ModelConfig C;
  C.Isa = Env.selection().ISAString;
  C.XLen = Env.selection().XLen;
  C.AllowMisaligned = true;
  for (const SectionDesc &S : L.Sections) {
    uint32_t Rights = SNIPGEN_MEM_R;
    if (S.Access.W)
      Rights |= SNIPGEN_MEM_W;
    if (S.Access.X)
      Rights |= SNIPGEN_MEM_X;
    C.Regions.push_back({S.VMA, S.Size, Rights, "section " + S.Name});
  }
  auto M = ModelHandle::create(*getBuiltinModelAPI(), C);
  if (!M)
    return makeError("cannot create the lockstep model: " +
                     toString(M.takeError()));
  LM->Model = std::move(*M);
  // Runtime-initialised memory as the snippet's first code leaves it (that
  // code runs here once per instruction, not as a loop).
  for (const SectionDesc &S : L.Sections) {
    const std::vector<uint8_t> &C =
        S.RuntimeContents.empty() ? S.InitialContents : S.RuntimeContents;
    if (!C.empty() && LM->Model->api().write_mem(LM->Model->get(), S.VMA,
                                                 C.data(), C.size()) != 0)
      return makeError("cannot initialise section '" + S.Name +
                       "' in the lockstep model");
  }
  LM->CodeAddress = L.Sections[CodeSection].VMA;
  LM->PCUnknown = L.SMC.HasCodeLayout;
  LM->Model->setPC(LM->CodeAddress);
  snipgen_model_observer Obs = {LM.get(), nullptr, &LockstepModel::onMemAccess,
                                nullptr, nullptr};
  LM->Model->api().set_observer(LM->Model->get(), &Obs);
  const MCRegisterInfo &MRI = Env.regInfo();
  LM->UnitKnown.assign(MRI.getNumRegUnits(), 0);
  LM->ZeroReg = Env.findRegister("X0");
  LM->setRegKnown(LM->ZeroReg, true);
  return LM;
}

void LockstepModel::onMemAccess(void *User, uint64_t Addr, uint32_t Size,
                                uint64_t, int IsWrite) {
  static_cast<LockstepModel *>(User)->Accesses.push_back(
      {Addr, Size, IsWrite != 0});
}

bool LockstepModel::regKnown(unsigned Reg) const {
  if (!Reg || Reg == ZeroReg)
    return true;
  for (MCRegUnit U : Env.regInfo().regunits(MCRegister(Reg)))
    if (!UnitKnown[static_cast<unsigned>(U)])
      return false;
  return true;
}

void LockstepModel::setRegKnown(unsigned Reg, bool Known) {
  if (!Reg)
    return;
  for (MCRegUnit U : Env.regInfo().regunits(MCRegister(Reg)))
    UnitKnown[static_cast<unsigned>(U)] = Known;
}

bool LockstepModel::isKnown(unsigned Reg) const { return regKnown(Reg); }

// GPRs are X<n>, FPRs F<n>_{H,F,D}: the encoding value is the index.
uint64_t LockstepModel::value(unsigned Reg) const {
  StringRef Name = Env.regInfo().getName(Reg);
  unsigned Index = Env.regInfo().getEncodingValue(MCRegister(Reg));
  if (Name.starts_with("X"))
    return Model->x(Index);
  if (Name.starts_with("F"))
    return Model->f(Index);
  return 0;
}

void LockstepModel::setRegister(unsigned Reg, uint64_t Value, bool Known) {
  StringRef Name = Env.regInfo().getName(Reg);
  unsigned Index = Env.regInfo().getEncodingValue(MCRegister(Reg));
  if (Name.starts_with("X"))
    Model->setX(Index, Value);
  else if (Name.starts_with("F"))
    Model->setF(Index, Value);
  if (Reg != ZeroReg)
    setRegKnown(Reg, Known);
}

void LockstepModel::updateKnowledge(const MCInst &I) {
  const MCInstrDesc &D = Env.instrInfo().get(I.getOpcode());
  // Inputs: explicit register operands after the defs, implicit uses, and
  // the bytes the instruction read.
  bool InputsKnown = !D.hasUnmodeledSideEffects();
  // A value computed from the PC (AUIPC) where the blocks move after
  // generation (code-layout).
  if (PCUnknown)
    for (const MCOperandInfo &OI : D.operands())
      if (OI.OperandType == MCOI::OPERAND_PCREL)
        InputsKnown = false;
  if (PCUnknown && Env.instrInfo().getName(I.getOpcode()) == "AUIPC")
    InputsKnown = false;
  for (unsigned Idx = D.getNumDefs(); InputsKnown && Idx < I.getNumOperands();
       ++Idx)
    if (I.getOperand(Idx).isReg())
      InputsKnown = regKnown(I.getOperand(Idx).getReg().id());
  for (MCPhysReg R : D.implicit_uses())
    InputsKnown = InputsKnown && regKnown(R);
  for (const Access &A : Accesses)
    if (!A.IsWrite)
      InputsKnown = InputsKnown && KnownMemory.contains(A.Addr, A.Addr + A.Size);
  for (unsigned Idx = 0; Idx < D.getNumDefs(); ++Idx)
    if (I.getOperand(Idx).isReg() && I.getOperand(Idx).getReg().id() != ZeroReg)
      setRegKnown(I.getOperand(Idx).getReg().id(), InputsKnown);
  for (MCPhysReg R : D.implicit_defs())
    setRegKnown(R, InputsKnown);
  for (const Access &A : Accesses)
    if (A.IsWrite) {
      if (InputsKnown)
        KnownMemory.add(A.Addr, A.Addr + A.Size);
      else
        KnownMemory.subtract(A.Addr, A.Addr + A.Size);
    }
}

Error LockstepModel::catchUp(ArrayRef<uint8_t> Code) {
  if (Code.size() < Cursor)
    return makeInternalError(
        "lockstep model: the code shrank from " + Twine(Cursor) + " to " +
        Twine(Code.size()) + " bytes (it follows one straight-line block)");
  const snipgen_model_api &API = Model->api();
  // The new bytes go to memory first, then run from memory: code that
  // rewrites code ahead of it (smcgram) runs what it stored, as on a hart.
  if (Cursor < Code.size() &&
      API.write_mem(Model->get(), CodeAddress + Cursor, Code.data() + Cursor,
                    Code.size() - Cursor) != 0)
    return makeInternalError("lockstep model: code address 0x" +
                             utohexstr(CodeAddress + Cursor) +
                             " is outside the code section");
  while (Cursor < Code.size()) {
    uint64_t PC = CodeAddress + Cursor;
    uint8_t Fetched[4] = {0, 0, 0, 0};
    uint64_t Avail = std::min<uint64_t>(4, Code.size() - Cursor);
    if (API.read_mem(Model->get(), PC, Fetched, Avail) != 0)
      return makeInternalError("lockstep model: cannot read the code at 0x" +
                               utohexstr(PC));
    unsigned Size = Env.decode(ArrayRef<uint8_t>(Fetched, Avail), PC, Last);
    if (!Size || Cursor + Size > Code.size())
      return makeInternalError("lockstep model: cannot decode the code at 0x" +
                               utohexstr(PC));
    Model->setPC(PC);
    Accesses.clear();
    int R = API.step(Model->get());
    if (R != SNIPGEN_STEP_OK) {
      snipgen_model_stop_info Info = Model->stopInfo();
      return makeInternalError("lockstep model: '" + Env.print(Last, PC) +
                               "' at 0x" + utohexstr(PC) + " did not execute (" +
                               stepResultName(R) + "): " +
                               (Info.message ? Info.message : ""));
    }
    updateKnowledge(Last);
    Cursor += Size;
    ++Executed;
  }
  return Error::success();
}

} // namespace snipgen
