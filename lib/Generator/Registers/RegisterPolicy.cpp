#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/OperandInitializer.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "snipgen/Config/ValueConfig.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/MC/MCRegisterInfo.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

RegisterOracle::~RegisterOracle() = default;

RegisterPolicy::RegisterPolicy(const MCEnvironment &Env,
                               const GenTarget &Target,
                               const GeneratorConfig &Config)
    : Env(Env), Target(Target), Zero(Target.zeroRegister(Env)),
      SP(Target.stackPointer(Env)),
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
    if (SP && Reg == SP)
      continue; // the stack pointer is never touched by default
    // x0 as destination is a hint, as base it holds no address; an operand
    // that allows only x0 (the CSR pseudo-instructions) keeps it.
    if ((Written || IsBase) && Reg == Zero && OD.LegalRegs.size() > 1)
      continue;
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
  // An operand that gets a value before the instruction needs a register
  // that can hold one.
  if (Operands && !Written && !IsBase && Operands->initialises(Op, Idx)) {
    std::vector<unsigned> Writable;
    for (unsigned Reg : C)
      if (Reg && Reg != Zero && ancillaryMayWrite(Reg))
        Writable.push_back(Reg);
    if (!Writable.empty())
      C = std::move(Writable);
  }
  // Optional operands (e.g. a vector mask) list NoRegister (0) as legal;
  // keep it only when it is the one choice left.
  if (C.size() > 1)
    C.erase(std::remove(C.begin(), C.end(), 0u), C.end());
  return C;
}

void RegisterPolicy::reserve(unsigned Reg, unsigned Bits) {
  // A vector register is also covered by every register group containing
  // it: at LMUL (or widened EMUL) L, the group of v<n> starts at
  // v<L*floor(n/L)>. The MC layer names only the group's first register, so
  // those first registers are reserved too (V5 reserves V4 and V0) - for
  // primary instructions only: ancillary code (initialisation, saves,
  // self-check stores) names single whole registers, so v4 itself stays
  // usable there.
  GenTarget::RegisterFacts F = Target.describeRegister(Env, Reg);
  if (F.K == GenTarget::RegisterFacts::Vector && F.Index % 8)
    for (unsigned L : {2u, 4u, 8u})
      if (unsigned Start = F.Index / L * L; Start != F.Index)
        if (unsigned G = Env.findRegister(("V" + Twine(Start)).str()))
          reserveOne(G, Bits, /*PrimaryOnly=*/true);
  reserveOne(Reg, Bits, /*PrimaryOnly=*/false);
}

void RegisterPolicy::reserveOne(unsigned Reg, unsigned Bits,
                                bool PrimaryOnly) {
  for (MCRegAliasIterator AI(Reg, &Env.regInfo(), /*IncludeSelf=*/true);
       AI.isValid(); ++AI) {
    unsigned R = *AI;
    if (Bits & (ReserveRead | ReserveSoftRead))
      NoPrimaryRead.insert(R);
    if (Bits & (ReserveWrite | ReserveSoftWrite))
      NoPrimaryWrite.insert(R);
    if (PrimaryOnly)
      continue;
    if (Bits & ReserveRead)
      NoAncillaryRead.insert(R);
    if (Bits & ReserveWrite)
      NoAncillaryWrite.insert(R);
  }
}

void RegisterPolicy::setInitialValues(std::vector<uint64_t> X,
                                      std::vector<uint64_t> F, unsigned FRM,
                                      unsigned FFlags,
                                      std::vector<std::vector<uint8_t>> V) {
  InitialX = std::move(X);
  InitialV = std::move(V);
  InitialF = std::move(F);
  InitialFRM = FRM;
  InitialFFlags = FFlags;
}

GenTarget::RegisterInitRequest RegisterPolicy::registerInitRequest() const {
  GenTarget::RegisterInitRequest Req;
  Req.PreserveReturnAddress = PreserveRA;
  Req.XValues = InitialX;
  Req.FValues = InitialF;
  Req.VValues = InitialV;
  Req.FRM = InitialFRM;
  Req.FFlags = InitialFFlags;
  Req.MayWrite = [this](unsigned R) { return !NoAncillaryWrite.count(R); };
  Req.MayRead = [this](unsigned R) { return !NoAncillaryRead.count(R); };
  Req.MemoryFills = MemoryFills;
  Req.MemoryInitCall = MemoryInitCall;
  Req.InitCallRegs = &InitCallRegs;
  return Req;
}

bool RegisterPolicy::ancillaryMayWrite(unsigned Reg) const {
  // Scratch and address registers are read back too: a hard R reservation
  // keeps ancillary code away as well.
  return Reg != SP && Reg != Zero && !(PreserveRA && Reg == RA) &&
         !NoAncillaryWrite.count(Reg) && !NoAncillaryRead.count(Reg) &&
         !isWriteExcluded(Reg);
}

} // namespace snipgen
