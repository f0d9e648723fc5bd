//===- StartStub.cpp - A caller for a returning exec snippet --------------===//
#include "StartStub.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"

using namespace llvm;

namespace snipgen {

Error addStartStub(Program &P, const Layout &L, const MCEnvironment &Env,
                   const ControlFlowTarget &CFT) {
  const uint64_t At = P.Map.CodeEnd;
  unsigned Ebreak = Env.findOpcode("EBREAK");
  if (!Ebreak)
    return makeInternalError("start stub: EBREAK is missing from the target");
  // A call of the entry function (through the ABI return address).
  Terminator Call;
  Call.Kind = TerminatorKind::Call;
  Call.Callee = 0;
  SmallVector<MCInst, 4> Insts;
  int64_t D = int64_t(P.Functions.front().Address - At);
  unsigned Form = 0;
  while (!CFT.buildTerminator(Call, Form, D, Insts))
    if (++Form >= ControlFlowTarget::NumForms)
      return makeInternalError("start stub: the entry function is out of "
                               "reach of a call");
  MCInst Stop;
  Stop.setOpcode(Ebreak);
  Insts.push_back(Stop);
  BasicBlock Tmp;
  CodeBuffer Out(Env, Tmp);
  for (const MCInst &I : Insts)
    Out.emit(I);
  if (Error E = Out.takeError())
    return E;
  int Section = -1;
  for (unsigned I = 0; I < L.Sections.size(); ++I) {
    const SectionDesc &S = L.Sections[I];
    if (S.Access.X && At >= S.VMA && At + Tmp.Code.size() <= S.end())
      Section = static_cast<int>(I);
  }
  if (Section < 0)
    return makeError("-object-type=exec with -last-instr=RET: the start "
                     "code that calls '" +
                     P.Functions.front().Name + "' and stops where it "
                     "returns (" +
                     Twine(Tmp.Code.size()) +
                     " bytes) does not fit after the code at 0x" +
                     utohexstr(At) +
                     "; leave room at the end of the executable section");
  P.StartStub.Name = StartStubName;
  P.StartStub.Address = At;
  P.StartStub.Section = Section;
  P.StartStub.Code.Bytes = std::move(Tmp.Code);
  P.StartStub.Code.NumInstrs = Tmp.NumInstrs;
  return Error::success();
}

} // namespace snipgen
