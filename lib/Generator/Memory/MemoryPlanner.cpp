//===- MemoryPlanner.cpp - Addresses and base registers -------------------===//
#include "snipgen/Generator/MemoryPlanner.h"
#include "MemoryPlannerImpl.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/LockstepModel.h"
#include "snipgen/Generator/MemorySchemeSet.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MathExtras.h"
#include <limits>

using namespace llvm;

namespace snipgen {

OffsetSet OffsetSet::from(const ImmediateDomain *D) {
  OffsetSet O;
  O.D = D;
  if (!D) {
    O.Progression = true;
    return O;
  }
  if (!D->isExplicit()) {
    O.Progression = !D->ZeroExcluded;
    O.Lo = D->Min, O.Hi = D->Max, O.Step = D->Step;
    return O;
  }
  const std::vector<int64_t> &V = D->Values;
  O.Lo = V.front(), O.Hi = V.back();
  O.Step = V.size() > 1 ? uint64_t(V[1] - V[0]) : 1;
  O.Progression = true;
  for (size_t I = 1; I < V.size() && O.Progression; ++I)
    O.Progression = uint64_t(V[I] - V[I - 1]) == O.Step;
  return O;
}

bool OffsetSet::contains(int64_t V) const {
  if (!Progression)
    return D->contains(V);
  return V >= Lo && V <= Hi && (uint64_t(V) - uint64_t(Lo)) % Step == 0;
}

MemoryPlanner::MemoryPlanner(const MCEnvironment &Env, const GenTarget &Target,
                             MemorySchemeSet &Schemes,
                             const MemoryPlannerOptions &Opts)
    : Env(Env), Target(Target), Schemes(Schemes), Opts(Opts) {
  XLen = Env.selection().XLen;
  XLenMask = XLen == 32 ? 0xffffffffu : ~uint64_t(0);
  unsigned NumRegs = Env.regInfo().getNumRegs();
  Known.resize(NumRegs);
  LastPrimaryWrite.assign(NumRegs, 0);
  Pinned.assign(NumRegs, 0);
  InfoIndex.assign(Env.instrInfo().getNumOpcodes(), -1);
  IsBurstOpcode.assign(Env.instrInfo().getNumOpcodes(), 0);
}

MemoryPlanner::~MemoryPlanner() = default;

void MemoryPlanner::attach(const RegisterPolicy &R, RandomEngine &RNG) {
  Registers = &R;
  Exclusions = &R.writeExclusionList();
  AddrRNG.reseed(RNG.next());
  ScratchRegs.clear();
  for (unsigned Reg : Target.addressRegisters(Env))
    if (R.ancillaryMayWrite(Reg))
      ScratchRegs.push_back(Reg);
  forgetAll();
  LastBuffer = nullptr;
}

void MemoryPlanner::setLockstep(std::unique_ptr<LockstepModel> LM) {
  Lockstep = std::move(LM);
}

void MemoryPlanner::setBurstOpcodes(std::vector<unsigned> Opcodes) {
  for (unsigned Op : Opcodes)
    IsBurstOpcode[Op] = 1;
}

const MemoryOpcodeInfo *MemoryPlanner::info(unsigned Opcode) const {
  int I = InfoIndex[Opcode];
  return I < 0 ? nullptr : &Infos[I];
}

AccessRequest MemoryPlanner::request(const MemoryOpcodeInfo &Info,
                                     bool Burst) const {
  AccessRequest R;
  R.Size = Info.Size;
  R.IsaAlign = Info.IsaAlign;
  R.Burst = Burst;
  return R;
}

Error MemoryPlanner::prepare(const MemoryOpcodeInfo &Info, const SourceMgr &SM,
                             SMLoc Loc) {
  unsigned Opc = Info.Op->Opcode;
  if (InfoIndex[Opc] < 0) {
    InfoIndex[Opc] = Infos.size();
    Infos.push_back(Info);
    MemoryOpcodeInfo &I = Infos.back();
    I.Offsets = OffsetSet::from(I.OffsetDomain);
    I.CandidateRank.clear();
    if (I.BaseCandidates.size() < 255) {
      std::vector<uint8_t> Rank(Known.size(), 0);
      bool Ok = true;
      for (size_t K = 0; K < I.BaseCandidates.size() && Ok; ++K) {
        unsigned R = I.BaseCandidates[K];
        Ok = R < Rank.size() && !Rank[R];
        if (Ok)
          Rank[R] = uint8_t(K + 1);
      }
      if (Ok)
        I.CandidateRank = std::move(Rank);
    }
  }
  AccessRequest Plain = request(Info, false);
  if (Schemes.admits(Plain) ||
      (IsBurstOpcode[Opc] && Schemes.admits(request(Info, true))))
    return Error::success();
  std::string Align =
      Info.Block ? " (one cache block, -riscv-cbo-block-size: aligned to " +
                       utostr(Info.IsaAlign) + ")"
      : Info.IsaAlign > 1
          ? " (atomic: aligned to " + utostr(Info.IsaAlign) + ")"
          : "";
  return makeError(SM, Loc,
                   "cannot generate '" + Info.Op->Name +
                       "': no memory scheme admits its " + utostr(Info.Size) +
                       "-byte access" + Align + ":" +
                       Schemes.explainRejections(Plain));
}

//===----------------------------------------------------------------------===//
// Known register values
//===----------------------------------------------------------------------===//

void MemoryPlanner::setKnown(unsigned Reg, uint64_t Value) {
  if (!Known[Reg])
    KnownRegs.push_back(Reg);
  Known[Reg] = wrap(Value);
}

void MemoryPlanner::forget(unsigned Reg) {
  if (!Known[Reg])
    return;
  Known[Reg].reset();
  llvm::erase(KnownRegs, Reg);
}

void MemoryPlanner::clobbered(unsigned Reg) {
  forget(Reg);
  if (Reg < Pinned.size())
    Pinned[Reg] = 0; // members of a burst group re-materialise their base
}

void MemoryPlanner::forgetAll() {
  for (unsigned R : KnownRegs)
    Known[R].reset();
  KnownRegs.clear();
}

int64_t MemoryPlanner::signedDistance(uint64_t To, uint64_t From) const {
  uint64_t D = wrap(To - From);
  return XLen == 32 ? int64_t(int32_t(uint32_t(D))) : int64_t(D);
}

//===----------------------------------------------------------------------===//
// Choosing an address and a base
//===----------------------------------------------------------------------===//

AddressOracle::~AddressOracle() = default;

std::optional<std::pair<unsigned, uint64_t>>
MemoryPlanner::askOracle(const AccessRequest &R, unsigned Opcode) {
  std::vector<unsigned> Ids; // the schemes that may give R an address
  unsigned Align = 0;
  for (unsigned Id = 0; Id < Schemes.size(); ++Id) {
    MemoryScheme &S = Schemes.scheme(Id);
    if ((S.weight() > 0 || Schemes.usesDefaultScheme()) && S.admits(R)) {
      Ids.push_back(Id);
      unsigned A = S.alignment(R);
      Align = Align ? std::min(Align, A) : A;
    }
  }
  if (Ids.empty())
    return std::nullopt;
  if (std::optional<uint64_t> A =
          Oracle->address(R.Size, Align, R.Burst, Opcode)) {
    uint64_t Addr = *A;
    bool Fits = Addr <= std::numeric_limits<uint64_t>::max() - R.Size &&
                wrap(Addr) == Addr &&
                Schemes.allowed().contains(Addr, Addr + R.Size) &&
                (!R.hasWindow() || (Addr >= R.WindowLo && Addr <= R.WindowHi));
    if (Fits)
      for (unsigned Id : Ids) {
        MemoryScheme &S = Schemes.scheme(Id);
        if (Addr % S.alignment(R) == 0 && S.allows(Addr, R.Size, R.Burst))
          return std::make_pair(Id, Addr);
      }
    Oracle->reject(Addr, R.Size, Opcode);
    return std::nullopt;
  }
  std::array<uint64_t, 3> G = Oracle->addressId();
  unsigned Id = Ids[G[0] % Ids.size()];
  RandomEngine E(G[1] * 0x9E3779B97F4A7C15ull ^ (G[2] + 0x632BE59BD9B4E019ull));
  if (std::optional<uint64_t> A = Schemes.scheme(Id).choose(R, E))
    return std::make_pair(Id, *A);
  return std::nullopt;
}

std::pair<unsigned, uint64_t> MemoryPlanner::chooseAddress(AccessRequest R,
                                                           unsigned Opcode) {
  if (Oracle)
    if (auto P = askOracle(R, Opcode))
      return *P;
  if (std::optional<unsigned> Id = Schemes.pick(R, AddrRNG))
    if (std::optional<uint64_t> A = Schemes.scheme(*Id).choose(R, AddrRNG))
      return {*Id, *A};
  // prepare() checked that a scheme admits R; admits() and choose() agree.
  report_fatal_error("snipgen internal error: a memory scheme admitted an "
                     "access but chose no address for it");
}

std::optional<int64_t> MemoryPlanner::fitOffset(const OffsetSet &O,
                                                int64_t Preferred, int64_t Lo,
                                                int64_t Hi) {
  if (Lo > Hi)
    return std::nullopt;
  if (Preferred >= Lo && Preferred <= Hi && O.contains(Preferred))
    return Preferred;
  if (!O.Progression && O.D->isExplicit()) {
    // An irregular explicit domain: the values inside [Lo, Hi].
    const std::vector<int64_t> &V = O.D->Values;
    auto B = std::lower_bound(V.begin(), V.end(), Lo);
    auto E = std::upper_bound(V.begin(), V.end(), Hi);
    if (B == E)
      return std::nullopt;
    return B[AddrRNG.below(E - B)];
  }
  int64_t L = std::max(Lo, O.Lo), H = std::min(Hi, O.Hi);
  if (L > H)
    return std::nullopt;
  uint64_t FirstSlot = ((uint64_t)L - (uint64_t)O.Lo + O.Step - 1) / O.Step;
  uint64_t LastSlot = ((uint64_t)H - (uint64_t)O.Lo) / O.Step;
  if (FirstSlot > LastSlot)
    return std::nullopt;
  uint64_t Slot = AddrRNG.inRangeU(FirstSlot, LastSlot);
  int64_t V = int64_t((uint64_t)O.Lo + Slot * O.Step);
  if (V == 0 && !O.contains(0)) { // a domain without zero
    if (FirstSlot == LastSlot)
      return std::nullopt;
    V = int64_t((uint64_t)O.Lo + (Slot == LastSlot ? Slot - 1 : Slot + 1) * O.Step);
  }
  return V;
}

MemoryPlanner::BaseChoice
MemoryPlanner::cheapestBase(const MemoryOpcodeInfo &Info, uint64_t Address,
                            unsigned PreferredReg, int64_t PreferredOffset) {
  const OffsetSet &Offsets = Info.Offsets;
  const ImmediateDomain *D = Info.OffsetDomain;
  auto Usable = [&](unsigned R) { return !isPinned(R); };

  // No code: a base candidate already holds a value in offset reach.
  SmallVector<BaseChoice, 8> Free;
  auto TryReuse = [&](unsigned R) {
    if (!Usable(R))
      return;
    int64_t Off = signedDistance(Address, *Known[R]);
    if (Offsets.contains(Off))
      Free.push_back({BaseChoice::Reuse, R, 0, 0, *Known[R], Off, 0});
  };
  if (!Info.CandidateRank.empty()) {
    // The few known registers that are candidates, in candidate order (the
    // order of the scan below, which the random choice depends on).
    SmallVector<std::pair<uint8_t, unsigned>, 16> Ranked;
    for (unsigned R : KnownRegs)
      if (uint8_t Rank = Info.CandidateRank[R])
        Ranked.push_back({Rank, R});
    llvm::sort(Ranked);
    for (auto [Rank, R] : Ranked)
      TryReuse(R);
  } else {
    for (unsigned R : Info.BaseCandidates)
      if (Known[R])
        TryReuse(R);
  }
  if (!Free.empty()) {
    for (const BaseChoice &C : Free)
      if (C.Reg == PreferredReg)
        return C;
    return Free[AddrRNG.below(Free.size())];
  }

  unsigned Base = 0;
  if (llvm::is_contained(Info.BaseCandidates, PreferredReg) &&
      Usable(PreferredReg))
    Base = PreferredReg;
  else
    for (unsigned R : Info.BaseCandidates)
      if (Usable(R)) {
        Base = R;
        break;
      }
  if (!Base)
    return {BaseChoice::None, 0, 0, 0, 0, 0, ~0u};

  // One ADDI from a register whose value is known.
  auto [ImmLo, ImmHi] = Target.addImmediateRange();
  for (unsigned Src : KnownRegs) {
    int64_t Dist = signedDistance(Address, *Known[Src]);
    if (Dist < -(int64_t(1) << 40) || Dist > (int64_t(1) << 40))
      continue;
    if (std::optional<int64_t> Off =
            fitOffset(Offsets, PreferredOffset, Dist - ImmHi, Dist - ImmLo)) {
      uint64_t Value = wrap(Address - uint64_t(*Off));
      BaseChoice C{BaseChoice::AddImm, Base, Src, Dist - *Off, Value, *Off, 1};
      // A full materialisation of one instruction is as short and keeps the
      // drawn offset.
      uint64_t Drawn = wrap(Address - uint64_t(D ? PreferredOffset : 0));
      if (Target.materializationCost(Env, Drawn) <= 1)
        break;
      return C;
    }
  }
  int64_t Off = D ? PreferredOffset : 0;
  uint64_t Value = wrap(Address - uint64_t(Off));
  BaseChoice Best{BaseChoice::Materialize, Base, 0, 0, Value, Off,
                  Target.materializationCost(Env, Value)};
  // Far from every known value but a full constant is long (RV64 addresses
  // above 2 GiB take four instructions): the distance from a known register
  // with its low 12 bits moved into the offset is one LUI, plus the ADD.
  for (unsigned Src : KnownRegs) {
    if (Best.Cost <= 2)
      break;
    if (Src == Base)
      continue;
    int64_t Dist = signedDistance(Address, *Known[Src]);
    int64_t LowOff = SignExtend64<12>(Dist);
    if (!Offsets.contains(LowOff))
      continue;
    uint64_t Delta = wrap(uint64_t(Dist - LowOff));
    unsigned Cost = Target.materializationCost(Env, Delta) + 1;
    if (Cost < Best.Cost)
      Best = {BaseChoice::AddMaterialized, Base, Src, int64_t(Delta),
              wrap(Address - uint64_t(LowOff)), LowOff, Cost};
  }
  return Best;
}

void MemoryPlanner::emitBase(const BaseChoice &C, CodeBuffer &Out) {
  uint64_t Before = Out.emitted();
  switch (C.K) {
  case BaseChoice::None:
  case BaseChoice::Reuse:
    return;
  case BaseChoice::AddImm:
    Target.emitAddImmediate(Env, C.Reg, C.Src, C.Imm, Out);
    break;
  case BaseChoice::Materialize:
    Target.materializeValue(Env, C.Reg, C.Value, Out);
    break;
  case BaseChoice::AddMaterialized:
    Target.materializeValue(Env, C.Reg, uint64_t(C.Imm), Out);
    Target.emitAdd(Env, C.Reg, C.Reg, C.Src, Out);
    break;
  }
  setKnown(C.Reg, C.Value);
  Ancillary += Out.emitted() - Before;
}

void MemoryPlanner::record(CodeBuffer &Out, unsigned Scheme, uint64_t Address,
                           const MemoryOpcodeInfo &Info, unsigned Align,
                           uint32_t GroupNumber) {
  MemoryAccessRecord R;
  R.Offset = Out.size(); // the primary instruction comes next
  R.Address = Address;
  R.Scheme = Scheme;
  R.BurstGroup = GroupNumber;
  R.Size = Info.Size;
  R.Align = Align;
  R.Block = Info.Block;
  Out.block().MemoryAccesses.push_back(R);
}

PlacedAccess MemoryPlanner::placePlain(const MemoryOpcodeInfo &Info,
                                       const MemoryAccess &A, unsigned Scheme,
                                       uint64_t Address, unsigned Align,
                                       uint32_t GroupNumber, CodeBuffer &Out) {
  BaseChoice C = cheapestBase(Info, Address, A.BaseReg, A.Offset);
  if (C.K == BaseChoice::None) {
    // Every candidate is pinned by the burst group: give up the group's
    // remaining sharing rather than the access.
    endGroup();
    C = cheapestBase(Info, Address, A.BaseReg, A.Offset);
  }
  emitBase(C, Out);
  record(Out, Scheme, Address, Info, Align, GroupNumber);
  return {C.Reg, C.Offset, Address};
}

std::optional<PlacedAccess>
MemoryPlanner::placeWithHazard(const MemoryOpcodeInfo &Info,
                               const MemoryAccess &A, unsigned Scheme,
                               uint64_t Address, unsigned Align,
                               CodeBuffer &Out) {
  if (!Lockstep || HazardsBroken)
    return std::nullopt;
  if (!LockstepBlock)
    LockstepBlock = &Out.block();
  if (LockstepBlock != &Out.block()) {
    HazardsBroken = true; // straight-line code only, for now
    return std::nullopt;
  }
  if (Error E = Lockstep->catchUp(Out.block().Code)) {
    // The lockstep model follows one straight-line block; beyond that the
    // planner falls back to ordinary bases.
    consumeError(std::move(E));
    HazardsBroken = true;
    return std::nullopt;
  }
  // The most recent primary result among the base candidates whose value
  // does not depend on anything outside the snippet.
  unsigned Base = 0;
  uint64_t Newest = 0;
  for (unsigned R : Info.BaseCandidates)
    if (!isPinned(R) && LastPrimaryWrite[R] > Newest && Lockstep->isKnown(R)) {
      Newest = LastPrimaryWrite[R];
      Base = R;
    }
  if (!Base)
    return std::nullopt;
  int64_t Off = Info.OffsetDomain ? A.Offset : 0;
  uint64_t Value = wrap(Address - uint64_t(Off));
  int64_t Delta = signedDistance(Value, wrap(Lockstep->value(Base)));
  uint64_t Before = Out.emitted();
  auto [ImmLo, ImmHi] = Target.addImmediateRange();
  // Like any base setup, at most 8 instructions: the generator reserves 9
  // per primary instruction when it fills a code section.
  if ((Delta < ImmLo || Delta > ImmHi) &&
      Target.materializationCost(Env, wrap(uint64_t(Delta))) + 1 > 8)
    return std::nullopt;
  if (Delta >= ImmLo && Delta <= ImmHi) {
    Target.emitAddImmediate(Env, Base, Base, Delta, Out);
  } else {
    std::vector<unsigned> Scratch;
    for (unsigned R : ScratchRegs)
      if (R != Base && !isPinned(R))
        Scratch.push_back(R);
    if (Scratch.empty())
      return std::nullopt;
    unsigned T = Scratch[AddrRNG.below(Scratch.size())];
    uint64_t DeltaBits = wrap(uint64_t(Delta));
    Target.materializeValue(Env, T, DeltaBits, Out);
    Target.emitAdd(Env, Base, Base, T, Out);
    setKnown(T, DeltaBits);
  }
  Ancillary += Out.emitted() - Before;
  setKnown(Base, Value);
  ++Hazards;
  record(Out, Scheme, Address, Info, Align, 0);
  return PlacedAccess{Base, Off, Address};
}

//===----------------------------------------------------------------------===//
// The per-instruction protocol
//===----------------------------------------------------------------------===//

void MemoryPlanner::announceBurstMember(ArrayRef<const OpcodeDesc *> Members,
                                        unsigned Index) {
  if (Index == 0)
    Announced.assign(Members.begin(), Members.end());
  AnnouncedIndex = int(Index);
}

void MemoryPlanner::skipNeutralCode(CodeBuffer &Out, uint64_t Before) {
  if (&Out == LastBuffer && &Out.block() == LastBlock && LastSize == Before)
    LastSize = Out.size();
}

void MemoryPlanner::beginInstruction(const OpcodeDesc &Op, CodeBuffer &Out) {
  if (&Out != LastBuffer || &Out.block() != LastBlock ||
      Out.size() != LastSize) {
    // Code we did not see may have changed registers, or control may enter
    // here from elsewhere: trust nothing.
    forgetAll();
    endGroup();
  }
  ++PrimaryCount;
  int Index = AnnouncedIndex;
  AnnouncedIndex = -1;
  if (Index == 0) {
    endGroup();
    planGroup(Out);
  }
  if (Index >= 0 && size_t(Index) < Group.size())
    CurrentMember = Index;
  else {
    CurrentMember = -1;
    endGroup();
  }
}

PlacedAccess MemoryPlanner::place(const MemoryAccess &A, CodeBuffer &Out) {
  const MemoryOpcodeInfo &Info = *info(A.Op->Opcode);
  if (CurrentMember >= 0) {
    const GroupMember &M = Group[CurrentMember];
    if (M.Planned) {
      if (isPinned(M.BaseReg) && Known[M.BaseReg] &&
          *Known[M.BaseReg] == M.BaseValue) {
        record(Out, M.Scheme, M.Address, Info, M.Align, GroupId);
        return {M.BaseReg, M.Offset, M.Address};
      }
      // The shared base was overwritten: set it up again right here.
      return placePlain(Info, A, M.Scheme, M.Address, M.Align, GroupId, Out);
    }
    if (M.FromOracle) // the oracle's address, without a shared base
      return placePlain(Info, A, M.Scheme, M.Address, M.Align, GroupId, Out);
  }
  AccessRequest R = request(Info, false);
  if (CurrentMember >= 0 && IsBurstOpcode[A.Op->Opcode]) {
    R.Burst = true;
    if (!Schemes.admits(R))
      R.Burst = false;
  }
  auto [Scheme, Address] = chooseAddress(R, A.Op->Opcode);
  unsigned Align = Schemes.scheme(Scheme).alignment(R);
  if (Opts.AddressHazards && CurrentMember < 0)
    if (std::optional<PlacedAccess> P =
            placeWithHazard(Info, A, Scheme, Address, Align, Out))
      return *P;
  return placePlain(Info, A, Scheme, Address, Align,
                    CurrentMember >= 0 ? GroupId : 0, Out);
}

void MemoryPlanner::noteAncillary(CodeBuffer &Out, ArrayRef<unsigned> Written) {
  for (unsigned R : Written)
    clobbered(R);
  if (&Out == LastBuffer && &Out.block() == LastBlock)
    LastSize = Out.size();
}

unsigned MemoryPlanner::setBase(const OpcodeDesc &Op, uint64_t Address,
                                unsigned Preferred, CodeBuffer &Out) {
  const MemoryOpcodeInfo &Info = *info(Op.Opcode);
  BaseChoice C = cheapestBase(Info, Address, Preferred, 0);
  if (C.K == BaseChoice::None) {
    endGroup();
    C = cheapestBase(Info, Address, Preferred, 0);
  }
  emitBase(C, Out);
  return C.Reg;
}

void MemoryPlanner::endInstruction(const MCInst &I, CodeBuffer &Out) {
  const MCInstrDesc &D = Env.instrInfo().get(I.getOpcode());
  // A def names a register that may overlap others: a GPR pair (AMOCAS.Q,
  // AMOCAS.D on RV32: rd X20_X21 writes x20 and x21) or a vector group.
  // Every register it overlaps is overwritten.
  auto Written = [&](unsigned Def) {
    if (!Def)
      return;
    if (Def >= Overlaps.size())
      Overlaps.resize(Def + 1);
    std::vector<unsigned> &Regs = Overlaps[Def];
    if (Regs.empty())
      for (MCRegAliasIterator AI(Def, &Env.regInfo(), /*IncludeSelf=*/true);
           AI.isValid(); ++AI)
        if (*AI < Known.size())
          Regs.push_back(*AI);
    for (unsigned Reg : Regs) {
      forget(Reg);
      LastPrimaryWrite[Reg] = PrimaryCount;
      Pinned[Reg] = 0; // a group base overwritten: members re-materialise
    }
  };
  for (unsigned Idx = 0; Idx < D.getNumDefs() && Idx < I.getNumOperands();
       ++Idx)
    if (I.getOperand(Idx).isReg())
      Written(I.getOperand(Idx).getReg().id());
  for (MCPhysReg R : D.implicit_defs())
    Written(R);
  LastBuffer = &Out;
  LastBlock = &Out.block();
  LastSize = Out.size();
  if (CurrentMember >= 0 && size_t(CurrentMember) + 1 == Group.size())
    endGroup();
  CurrentMember = -1;
}

} // namespace snipgen
