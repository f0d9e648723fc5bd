#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/AssemblerCheck.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrDesc.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

//===-- ImmediateDomain ---------------------------------------------------===//

bool ImmediateDomain::contains(int64_t V) const {
  if (isExplicit())
    return std::binary_search(Values.begin(), Values.end(), V);
  if (V < Min || V > Max || (ZeroExcluded && V == 0))
    return false;
  return ((uint64_t)V - (uint64_t)Min) % Step == 0;
}

uint64_t ImmediateDomain::count() const {
  if (isExplicit())
    return Values.size();
  return ((uint64_t)Max - (uint64_t)Min) / Step + 1 - (ZeroExcluded ? 1 : 0);
}

int64_t ImmediateDomain::draw(RandomEngine &RNG) const {
  if (isExplicit()) {
    uint64_t I = RNG.below(Values.size());
    // Sorted and distinct: a span of size - 1 is every integer in it (most
    // 12-bit fields), and the value needs no load from a table that large
    // runs keep evicting from the cache.
    if (uint64_t(Values.back()) - uint64_t(Values.front()) == Values.size() - 1)
      return int64_t(uint64_t(Values.front()) + I);
    return Values[I];
  }
  uint64_t Slots = ((uint64_t)Max - (uint64_t)Min) / Step + 1;
  while (true) {
    int64_t V = (int64_t)((uint64_t)Min + RNG.below(Slots) * Step);
    if (!(ZeroExcluded && V == 0))
      return V;
  }
}

//===-- Probing -----------------------------------------------------------===//

namespace {

// Fields with at most this many candidate values are probed value by value.
constexpr uint64_t ExhaustiveLimit = 4096;

class Prober {
public:
  explicit Prober(const MCEnvironment &Env) : Env(Env) {}

  /// Encodes I and decodes it back; true if the result is identical.
  bool roundTrips(const MCInst &I, unsigned Size) {
    Buf.clear();
    if (!Env.encode(I, Buf) || Buf.size() != Size)
      return false;
    ArrayRef<uint8_t> Bytes(reinterpret_cast<const uint8_t *>(Buf.data()),
                            Buf.size());
    if (Env.decode(Bytes, 0, Decoded) != Size)
      return false;
    return sameInst(I, Decoded);
  }

private:
  static bool sameInst(const MCInst &A, const MCInst &B) {
    if (A.getOpcode() != B.getOpcode() ||
        A.getNumOperands() != B.getNumOperands())
      return false;
    for (unsigned I = 0, E = A.getNumOperands(); I != E; ++I) {
      const MCOperand &X = A.getOperand(I), &Y = B.getOperand(I);
      if (X.isReg() != Y.isReg() || X.isImm() != Y.isImm())
        return false;
      if (X.isReg() && X.getReg() != Y.getReg())
        return false;
      if (X.isImm() && X.getImm() != Y.getImm())
        return false;
    }
    return true;
  }

  const MCEnvironment &Env;
  SmallVector<char, 16> Buf;
  MCInst Decoded;
};

class OpcodeProber {
public:
  OpcodeProber(const MCEnvironment &Env, Prober &P, OpcodeDesc &Desc)
      : Env(Env), P(P), Desc(Desc),
        MID(Env.instrInfo().get(Desc.Opcode)) {}

  /// Builds a round-tripping instance; false if the opcode is unavailable.
  bool findBaseInstance();
  void probeOperandDomains();
  const MCInst &base() const { return Base; }

private:
  bool test() { return P.roundTrips(Work, Desc.Size); }
  void setOperand(unsigned Idx, const MCOperand &Op) {
    Work.getOperand(Idx) = Op;
    for (unsigned J = 0; J < Desc.Operands.size(); ++J)
      if (Desc.Operands[J].TiedTo == (int)Idx)
        Work.getOperand(J) = Op;
  }
  bool testImm(unsigned Idx, int64_t V) {
    setOperand(Idx, MCOperand::createImm(V));
    return test();
  }
  std::vector<unsigned> classMembers(int RC) const {
    const MCRegisterClass &C = Env.regInfo().getRegClass(RC);
    return std::vector<unsigned>(C.begin(), C.end());
  }
  void probeRegister(unsigned Idx);
  void probeImmediate(unsigned Idx);

  const MCEnvironment &Env;
  Prober &P;
  OpcodeDesc &Desc;
  const MCInstrDesc &MID;
  MCInst Base, Work;
};

bool OpcodeProber::findBaseInstance() {
  static const int64_t ImmCandidates[] = {1, 2, 4, 8, 16, 32, 64, 0, -1, 3};
  const unsigned NumOps = Desc.Operands.size();
  for (unsigned RegVariant = 0; RegVariant < 3; ++RegVariant) {
    for (int64_t Imm : ImmCandidates) {
      Work.clear();
      Work.setOpcode(Desc.Opcode);
      bool Ok = true;
      for (unsigned I = 0; I < NumOps && Ok; ++I) {
        const OperandDesc &OD = Desc.Operands[I];
        if (OD.TiedTo >= 0 && OD.TiedTo < (int)I) {
          Work.addOperand(Work.getOperand(OD.TiedTo));
          continue;
        }
        if (OD.isReg()) {
          if (OD.RegClass < 0) {
            Ok = false;
            break;
          }
          std::vector<unsigned> M = classMembers(OD.RegClass);
          if (M.empty()) {
            Ok = false;
            break;
          }
          // Mid-class registers avoid special ones (x0, sp, v0) first.
          size_t Pick = (M.size() / 2 + RegVariant) % M.size();
          Work.addOperand(MCOperand::createReg(M[Pick]));
        } else {
          Work.addOperand(MCOperand::createImm(Imm));
        }
      }
      if (Ok && test()) {
        Base = Work;
        return true;
      }
    }
  }
  return false;
}

void OpcodeProber::probeRegister(unsigned Idx) {
  OperandDesc &OD = Desc.Operands[Idx];
  std::vector<unsigned> Candidates = classMembers(OD.RegClass);
  Candidates.insert(Candidates.begin(), 0u); // NoRegister: optional operands
  for (unsigned R : Candidates) {
    Work = Base;
    setOperand(Idx, MCOperand::createReg(R));
    if (test())
      OD.LegalRegs.push_back(R);
  }
}

void OpcodeProber::probeImmediate(unsigned Idx) {
  ImmediateDomain &D = Desc.Operands[Idx].Imm;
  Work = Base;
  // Step: the smallest power of two the field accepts.
  int StepLog = -1;
  for (int S = 0; S < 24 && StepLog < 0; ++S)
    if (testImm(Idx, int64_t(1) << S) || testImm(Idx, -(int64_t(1) << S)))
      StepLog = S;
  bool ZeroOk = testImm(Idx, 0);
  if (StepLog < 0) {
    // Only the base value (or zero) encodes.
    int64_t V = Base.getOperand(Idx).getImm();
    D.Values = {V};
    if (ZeroOk && V != 0)
      D.Values.insert(D.Values.begin(), 0);
    std::sort(D.Values.begin(), D.Values.end());
    D.Min = D.Values.front();
    D.Max = D.Values.back();
    return;
  }
  D.Step = uint64_t(1) << StepLog;
  int PosLog = -1, NegLog = -1;
  for (int K = StepLog; K < 63; ++K)
    if (testImm(Idx, int64_t(1) << K))
      PosLog = K;
  for (int K = StepLog; K < 63; ++K)
    if (testImm(Idx, -(int64_t(1) << K)))
      NegLog = K;
  if (PosLog >= 0) {
    int64_t Top = PosLog >= 62 ? INT64_MAX - (int64_t)(D.Step - 1)
                               : (int64_t(1) << (PosLog + 1)) - (int64_t)D.Step;
    D.Max = testImm(Idx, Top) ? Top : (int64_t(1) << PosLog);
  } else {
    D.Max = ZeroOk ? 0 : -(int64_t)D.Step;
  }
  if (NegLog >= 0)
    D.Min = -(int64_t(1) << NegLog);
  else
    D.Min = ZeroOk ? 0 : (int64_t)D.Step;
  if (D.Min > D.Max) {
    D.Values = {Base.getOperand(Idx).getImm()};
    D.Min = D.Max = D.Values.front();
    return;
  }
  uint64_t Slots = ((uint64_t)D.Max - (uint64_t)D.Min) / D.Step + 1;
  if (Slots <= ExhaustiveLimit) {
    for (uint64_t I = 0; I < Slots; ++I) {
      int64_t V = (int64_t)((uint64_t)D.Min + I * D.Step);
      if (testImm(Idx, V))
        D.Values.push_back(V);
    }
    if (D.Values.empty())
      D.Values.push_back(Base.getOperand(Idx).getImm());
    D.Min = D.Values.front();
    D.Max = D.Values.back();
    return;
  }
  D.ZeroExcluded = D.Min <= 0 && D.Max >= 0 && !ZeroOk;
}

void OpcodeProber::probeOperandDomains() {
  for (unsigned I = 0; I < Desc.Operands.size(); ++I) {
    OperandDesc &OD = Desc.Operands[I];
    if (OD.TiedTo >= 0)
      continue; // follows its partner
    if (OD.isReg())
      probeRegister(I);
    else
      probeImmediate(I);
  }
  // Tied operands share their partner's domain.
  for (OperandDesc &OD : Desc.Operands)
    if (OD.TiedTo >= 0) {
      OD.LegalRegs = Desc.Operands[OD.TiedTo].LegalRegs;
      OD.Imm = Desc.Operands[OD.TiedTo].Imm;
    }
}

OpcodeDesc describe(const MCEnvironment &Env, unsigned Opcode) {
  const MCInstrDesc &MID = Env.instrInfo().get(Opcode);
  OpcodeDesc D;
  D.Opcode = Opcode;
  D.Name = Env.instrInfo().getName(Opcode);
  D.Size = MID.getSize();
  D.MayLoad = MID.mayLoad();
  D.MayStore = MID.mayStore();
  D.IsBranch = MID.isBranch();
  D.IsCall = MID.isCall();
  D.IsReturn = MID.isReturn();
  D.IsIndirectBranch = MID.isIndirectBranch();
  D.IsTerminator = MID.isTerminator();
  D.IsBarrier = MID.isBarrier();
  D.HasSideEffects = MID.hasUnmodeledSideEffects();
  for (unsigned I = 0, E = MID.getNumOperands(); I != E; ++I) {
    const MCOperandInfo &OI = MID.operands()[I];
    OperandDesc OD;
    OD.LLVMType = OI.OperandType;
    OD.IsDef = I < MID.getNumDefs();
    OD.TiedTo = MID.getOperandConstraint(I, MCOI::TIED_TO);
    OD.RegClass = Env.operandRegClass(Opcode, I);
    if (OI.OperandType == MCOI::OPERAND_MEMORY && OD.RegClass >= 0)
      OD.Role = OperandRole::MemoryBase;
    else if (OI.OperandType == MCOI::OPERAND_PCREL) {
      OD.Role = OperandRole::PCRelative;
      D.HasPCRelOperand = true;
    }
    else if (OI.OperandType == MCOI::OPERAND_REGISTER || OD.RegClass >= 0) {
      OD.Role = OperandRole::Register;
      if (OD.RegClass < 0)
        OD.RegClass = OI.RegClass;
    } else
      OD.Role = OperandRole::Immediate;
    D.Operands.push_back(std::move(OD));
  }
  for (unsigned I = 0; I < D.Operands.size(); ++I)
    if (D.Operands[I].Role == OperandRole::MemoryBase) {
      D.MemBaseOp = I;
      if (I + 1 < D.Operands.size() &&
          D.Operands[I + 1].Role == OperandRole::Immediate)
        D.MemOffsetOp = I + 1;
    }
  return D;
}

// Fields with at most this many decodable values have every value checked
// by the assembler; larger ones only at their edges and around zero (their
// checks fall back to every value if one of those is refused).
constexpr uint64_t FullAsmCheckLimit = 64;

/// Drops the immediates the decoder accepts but the ISA does not: values the
/// assembler refuses (AssemblerCheck.h). Opcodes left without any legal value
/// for a field are removed (returned false in Keep).
void keepAssemblerLegalImmediates(const MCEnvironment &Env,
                                  std::vector<OpcodeDesc> &Descs,
                                  const std::vector<MCInst> &Bases,
                                  std::vector<bool> &Keep) {
  struct Probe {
    unsigned Desc, Op;
    int64_t Value;
  };
  std::vector<Probe> Probes;
  std::vector<MCInst> Insts;
  auto Add = [&](unsigned DI, unsigned OpIdx, int64_t V) {
    MCInst I = Bases[DI];
    I.getOperand(OpIdx) = MCOperand::createImm(V);
    for (unsigned J = 0; J < Descs[DI].Operands.size(); ++J)
      if (Descs[DI].Operands[J].TiedTo == (int)OpIdx)
        I.getOperand(J) = MCOperand::createImm(V);
    Probes.push_back({DI, OpIdx, V});
    Insts.push_back(std::move(I));
  };
  auto AddField = [&](unsigned DI, unsigned OpIdx, bool Full) {
    const ImmediateDomain &D = Descs[DI].Operands[OpIdx].Imm;
    if (Full) {
      for (int64_t V : D.Values)
        Add(DI, OpIdx, V);
      return;
    }
    SmallVector<int64_t, 8> Samples;
    int64_t Step = (int64_t)D.Step;
    for (int64_t V : {D.Min, D.Max, D.Min + Step, D.Max - Step, int64_t(0),
                      Step, -Step})
      if (D.contains(V) && !is_contained(Samples, V))
        Samples.push_back(V);
    for (int64_t V : Samples)
      Add(DI, OpIdx, V);
  };
  for (unsigned DI = 0; DI < Descs.size(); ++DI)
    for (unsigned OpIdx = 0; OpIdx < Descs[DI].Operands.size(); ++OpIdx) {
      const OperandDesc &OD = Descs[DI].Operands[OpIdx];
      if (OD.Role != OperandRole::Immediate || OD.TiedTo >= 0)
        continue;
      AddField(DI, OpIdx,
               OD.Imm.isExplicit() && OD.Imm.Values.size() <= FullAsmCheckLimit);
    }
  AssemblerCheck Asm(Env);
  std::vector<bool> Ok = Asm.accepts(Insts);

  // Refused samples of a large field: check all of its values.
  std::vector<std::pair<unsigned, unsigned>> Refused; // (desc, operand)
  for (size_t K = 0; K < Probes.size(); ++K)
    if (!Ok[K]) {
      std::pair<unsigned, unsigned> F{Probes[K].Desc, Probes[K].Op};
      if (!is_contained(Refused, F))
        Refused.push_back(F);
    }
  std::vector<Probe> Second;
  std::vector<bool> SecondOk;
  Probes.swap(Second);
  Insts.clear();
  for (auto [DI, OpIdx] : Refused) {
    const ImmediateDomain &D = Descs[DI].Operands[OpIdx].Imm;
    if (D.isExplicit() && D.Values.size() > FullAsmCheckLimit)
      AddField(DI, OpIdx, /*Full=*/true);
  }
  SecondOk = Asm.accepts(Insts);
  Probes.swap(Second); // Probes: first round, Second: full re-checks

  auto Drop = [&](unsigned DI, unsigned OpIdx, int64_t V) {
    ImmediateDomain &D = Descs[DI].Operands[OpIdx].Imm;
    if (D.isExplicit()) {
      llvm::erase(D.Values, V);
      return;
    }
    // A large range whose edge is refused: shrink the range.
    if (V == D.Min && D.Min < D.Max)
      D.Min += (int64_t)D.Step;
    else if (V == D.Max && D.Min < D.Max)
      D.Max -= (int64_t)D.Step;
    else if (V == 0)
      D.ZeroExcluded = true;
  };
  std::vector<bool> FullyRechecked(Probes.size(), false);
  for (size_t K = 0; K < Second.size(); ++K)
    if (!SecondOk[K])
      Drop(Second[K].Desc, Second[K].Op, Second[K].Value);
  for (size_t K = 0; K < Probes.size(); ++K) {
    if (Ok[K])
      continue;
    const ImmediateDomain &D = Descs[Probes[K].Desc].Operands[Probes[K].Op].Imm;
    if (D.isExplicit() && D.Values.size() > FullAsmCheckLimit)
      continue; // handled by the full re-check
    Drop(Probes[K].Desc, Probes[K].Op, Probes[K].Value);
  }
  for (unsigned DI = 0; DI < Descs.size(); ++DI)
    for (OperandDesc &OD : Descs[DI].Operands) {
      if (OD.Role != OperandRole::Immediate || OD.TiedTo >= 0)
        continue;
      ImmediateDomain &D = OD.Imm;
      if (D.isExplicit()) {
        if (D.Values.empty()) {
          Keep[DI] = false;
          continue;
        }
        D.Min = D.Values.front();
        D.Max = D.Values.back();
      }
    }
  // Tied operands follow their partner again.
  for (OpcodeDesc &Desc : Descs)
    for (OperandDesc &OD : Desc.Operands)
      if (OD.TiedTo >= 0 && !Desc.Operands[OD.TiedTo].isReg())
        OD.Imm = Desc.Operands[OD.TiedTo].Imm;
}

} // namespace

Expected<std::unique_ptr<ISACatalogue>>
ISACatalogue::build(const MCEnvironment &Env, const GenTarget &Target) {
  std::string Key = cacheKey(Env, Target);
  std::string Path = cachePath(Key);
  if (!Path.empty())
    if (std::unique_ptr<ISACatalogue> Cat = loadCached(Env, Key, Path))
      return Cat;
  auto Cat = probe(Env, Target);
  if (Cat && !Path.empty())
    (*Cat)->saveCached(Key, Path);
  return Cat;
}

void ISACatalogue::index() {
  ByName.clear();
  ByOpcode.assign(Env.instrInfo().getNumOpcodes(), -1);
  for (unsigned I = 0; I < Available.size(); ++I) {
    ByName[Available[I].Name] = I;
    ByOpcode[Available[I].Opcode] = I;
  }
}

Expected<std::unique_ptr<ISACatalogue>>
ISACatalogue::probe(const MCEnvironment &Env, const GenTarget &Target) {
  std::unique_ptr<ISACatalogue> Cat(new ISACatalogue(Env));
  const MCInstrInfo &MII = Env.instrInfo();
  Prober P(Env);
  std::vector<MCInst> Bases;
  Cat->ByOpcode.assign(MII.getNumOpcodes(), -1);
  Cat->Unavailable.assign(MII.getNumOpcodes(), false);
  for (unsigned Op = 0, E = MII.getNumOpcodes(); Op != E; ++Op) {
    const MCInstrDesc &MID = MII.get(Op);
    if (MID.isPseudo() || MID.getSize() == 0)
      continue;
    StringRef Name = MII.getName(Op);
    if (!Target.shouldProbe(Name, Env.selection())) {
      Cat->Unavailable[Op] = true;
      continue;
    }
    OpcodeDesc Desc = describe(Env, Op);
    OpcodeProber OP(Env, P, Desc);
    if (!OP.findBaseInstance()) {
      Cat->Unavailable[Op] = true;
      continue;
    }
    OP.probeOperandDomains();
    Bases.push_back(OP.base());
    Cat->Available.push_back(std::move(Desc));
  }
  std::vector<bool> Keep(Cat->Available.size(), true);
  keepAssemblerLegalImmediates(Env, Cat->Available, Bases, Keep);
  for (size_t I = Cat->Available.size(); I-- > 0;)
    if (!Keep[I]) {
      Cat->Unavailable[Cat->Available[I].Opcode] = true;
      Cat->Available.erase(Cat->Available.begin() + I);
    }
  std::sort(Cat->Available.begin(), Cat->Available.end(),
            [](const OpcodeDesc &A, const OpcodeDesc &B) { return A.Name < B.Name; });
  Cat->index();
  return std::move(Cat);
}

const OpcodeDesc *ISACatalogue::lookup(StringRef Name) const {
  auto It = ByName.find(Name);
  return It == ByName.end() ? nullptr : &Available[It->second];
}

const OpcodeDesc *ISACatalogue::lookup(unsigned Opcode) const {
  if (Opcode >= ByOpcode.size() || ByOpcode[Opcode] < 0)
    return nullptr;
  return &Available[ByOpcode[Opcode]];
}

bool ISACatalogue::isKnownButUnavailable(StringRef Name) const {
  unsigned Op = Env.findOpcode(Name);
  return Op < Unavailable.size() && Unavailable[Op];
}

} // namespace snipgen
