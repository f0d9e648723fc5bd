#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

RegisterPolicy::RegisterPolicy(const MCEnvironment &Env,
                               const GenTarget &Target,
                               const GeneratorConfig &Config)
    : Env(Env), Zero(Target.zeroRegister(Env)), SP(Target.stackPointer(Env)),
      RA(Target.returnAddress(Env)), PreserveRA(Config.LastInstrIsReturn) {}

std::vector<unsigned> RegisterPolicy::primaryCandidates(const OpcodeDesc &Op,
                                                        unsigned Idx) const {
  const OperandDesc &OD = Op.Operands[Idx];
  bool Written = OD.IsDef || any_of(Op.Operands, [&](const OperandDesc &O) {
                   return O.TiedTo == (int)Idx && O.IsDef;
                 });
  bool Read = !OD.IsDef || OD.TiedTo >= 0;
  bool IsBase = (int)Idx == Op.MemBaseOp;
  std::vector<unsigned> C;
  for (unsigned Reg : OD.LegalRegs) {
    if (Reg == SP)
      continue; // the stack pointer is never touched by default
    if ((Written || IsBase) && Reg == Zero)
      continue; // x0 as destination is a hint; as base it holds no address
    if ((Written || IsBase) && PreserveRA && Reg == RA)
      continue; // RET needs the return address intact
    if (Written && NoPrimaryWrite.count(Reg))
      continue;
    if ((Read || IsBase) && NoPrimaryRead.count(Reg))
      continue;
    if (IsBase && NoAncillaryWrite.count(Reg))
      continue; // the base is written by ancillary address code
    C.push_back(Reg);
  }
  // Optional operands (e.g. a vector mask) list NoRegister (0) as legal;
  // keep it only when it is the one choice left.
  if (C.size() > 1)
    C.erase(std::remove(C.begin(), C.end(), 0u), C.end());
  return C;
}

bool RegisterPolicy::ancillaryMayWrite(unsigned Reg) const {
  return Reg != SP && Reg != Zero && !(PreserveRA && Reg == RA) &&
         !NoAncillaryWrite.count(Reg);
}

} // namespace snipgen
