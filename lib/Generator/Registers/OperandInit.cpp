//===- OperandInit.cpp - Operand values before primary instructions -------===//
#include "snipgen/Generator/OperandInit.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/FPControl.h"
#include "snipgen/Generator/FPUOverwrite.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/Valuegram.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/MC/MCRegisterInfo.h"

using namespace llvm;

namespace snipgen {

OperandInitializer::~OperandInitializer() = default;
OperandValueSource::~OperandValueSource() = default;

std::vector<InitOperand> initialisableOperands(const OpcodeDesc &Op,
                                               const MCEnvironment &Env,
                                               const GenTarget &Target,
                                               bool Outputs) {
  unsigned Zero = Target.zeroRegister(Env);
  std::vector<InitOperand> Out;
  // Inputs first, then (with Outputs) the destinations.
  for (unsigned K = 0; K < 2 * Op.Operands.size(); ++K) {
    unsigned I = K % Op.Operands.size();
    bool WantDefs = K >= Op.Operands.size();
    if (WantDefs && !Outputs)
      break;
    const OperandDesc &OD = Op.Operands[I];
    if (OD.Role != OperandRole::Register || OD.IsDef != WantDefs ||
        OD.TiedTo >= 0 || (int)I == Op.MemBaseOp)
      continue;
    unsigned Any = 0;
    for (unsigned R : OD.LegalRegs)
      if (R && R != Zero)
        Any = R;
    if (!Any)
      continue; // fixed to x0 (or optional and absent)
    GenTarget::RegisterFacts F = Target.describeRegister(Env, Any);
    if (F.K != GenTarget::RegisterFacts::GPR &&
        F.K != GenTarget::RegisterFacts::FPR)
      continue; // vector registers are not initialised (manual)
    Out.push_back({I, F.K, F.Bits});
  }
  return Out;
}

//===-- RegisterWriter -----------------------------------------------------===//

RegisterWriter::RegisterWriter(const MCEnvironment &Env,
                               const GenTarget &Target,
                               const RegisterPolicy &Registers)
    : Env(Env), Target(Target), Registers(Registers) {
  // High registers first: x31, x30, ... are the least likely to matter to
  // the ABI-conscious reader of the snippet.
  std::vector<unsigned> All = Target.addressRegisters(Env);
  GPRs.assign(All.rbegin(), All.rend());
}

const GenTarget::RegisterFacts &RegisterWriter::facts(unsigned Reg) const {
  auto It = Facts.find(Reg);
  if (It == Facts.end())
    It = Facts.try_emplace(Reg, Target.describeRegister(Env, Reg)).first;
  return It->second;
}

bool RegisterWriter::canWrite(unsigned Reg) const {
  return Reg && Registers.ancillaryMayWrite(Reg) &&
         Target.writeRegisterScratchCount(Env, Reg) >= 0;
}

bool RegisterWriter::write(unsigned Reg, uint64_t Value, const MCInst &Avoid,
                           InstSink &Out, SmallVectorImpl<unsigned> &Written) {
  int Need = Target.writeRegisterScratchCount(Env, Reg);
  if (Need < 0)
    return false;
  auto UsedByInst = [&](unsigned R) {
    return any_of(Avoid, [&](const MCOperand &O) {
      return O.isReg() && Env.regInfo().regsOverlap(O.getReg(), R);
    });
  };
  SmallVector<unsigned, 2> Scratch;
  for (unsigned R : GPRs) {
    if ((int)Scratch.size() == Need)
      break;
    if (R != Reg && Registers.ancillaryMayWrite(R) &&
        Registers.ancillaryMayRead(R) && !UsedByInst(R))
      Scratch.push_back(R);
  }
  if ((int)Scratch.size() < Need)
    return false;
  Target.writeRegister(Env, Reg, Value, Scratch, Out);
  Written.push_back(Reg);
  Written.append(Scratch.begin(), Scratch.end());
  return true;
}

//===-- ValueInitializer ---------------------------------------------------===//

ValueInitializer::ValueInitializer(const MCEnvironment &Env,
                                   const GenTarget &Target,
                                   const RegisterPolicy &Registers)
    : Writer(Env, Target, Registers) {}

ValueInitializer::~ValueInitializer() = default;

void ValueInitializer::setOperandValues(std::unique_ptr<OperandValueSource> S) {
  Values = std::move(S);
}

void ValueInitializer::setFPUOverwrite(std::unique_ptr<FPUOverwrite> F) {
  FPU = std::move(F);
}

Error ValueInitializer::prepare(const OpcodeDesc &Op) {
  if (Prepared.count(&Op))
    return Error::success();
  PerOpcode P;
  P.Operands =
      initialisableOperands(Op, Writer.env(), Writer.target(), InitOutputs);
  if (Values)
    if (Error E = Values->prepare(Op, P.Operands))
      return E;
  if (FPU)
    if (Error E = FPU->prepare(Op))
      return E;
  if (Values && Values->covers(Op))
    for (const InitOperand &O : P.Operands) {
      unsigned Any = 0;
      for (unsigned R : Op.Operands[O.OpIdx].LegalRegs)
        Any = R ? R : Any;
      if (Writer.target().writeRegisterScratchCount(Writer.env(), Any) < 0)
        return makeError("cannot give operand " + Twine(O.OpIdx) + " of '" +
                         Op.Name + "' a value: this subtarget cannot move " +
                         Twine(O.Bits) + "-bit values into that register "
                         "(64-bit FP registers on RV32)");
      P.Initialised.push_back(O.OpIdx);
    }
  if (GuardsFRM)
    if (std::optional<FPControlSourceRule> Rule = fpControlSourceRule(Op.Name))
      P.Initialised.push_back(Rule->Operand);
  Prepared[&Op] = std::move(P);
  return Error::success();
}

Error ValueInitializer::prepareVector(const OpcodeDesc &Op) {
  if (Prepared.count(&Op))
    return Error::success();
  PerOpcode P;
  P.Vector = true;
  if (Values && Values->forVectorOpcodes()) {
    P.Operands = initialisableOperands(Op, Writer.env(), Writer.target());
    if (Error E = Values->prepare(Op, P.Operands))
      return E;
    if (Values->covers(Op))
      for (const InitOperand &O : P.Operands) {
        unsigned Any = 0;
        for (unsigned R : Op.Operands[O.OpIdx].LegalRegs)
          Any = R ? R : Any;
        if (Writer.target().writeRegisterScratchCount(Writer.env(), Any) >= 0)
          P.Initialised.push_back(O.OpIdx);
      }
  }
  Prepared[&Op] = std::move(P);
  return Error::success();
}

bool ValueInitializer::initialises(const OpcodeDesc &Op, unsigned OpIdx) const {
  auto It = Prepared.find(&Op);
  return It != Prepared.end() && is_contained(It->second.Initialised, OpIdx);
}

void ValueInitializer::beforePrimary(const OpcodeDesc &Op, const MCInst &Inst,
                                     CodeBuffer &Out, RandomEngine &RNG,
                                     SmallVectorImpl<unsigned> &Written) {
  const PerOpcode &P = Prepared.find(&Op)->second;
  if (FPU && !P.Vector)
    FPU->beforePrimary(Op, Inst, Writer, Out, RNG, Written);
  // Registers given explicit values this time (the FP-control guard and a
  // repeated register keep the first value).
  SmallVector<unsigned, 4> Set;
  auto Write = [&](unsigned Reg, uint64_t V) {
    if (is_contained(Set, Reg) || !Writer.canWrite(Reg) ||
        (Op.MemBaseOp >= 0 &&
         Inst.getOperand(Op.MemBaseOp).getReg().id() == Reg))
      return;
    if (!Writer.write(Reg, V, Inst, Out, Written))
      return;
    Set.push_back(Reg);
    if (FPU)
      FPU->noteWrite(Reg, V, Writer);
  };
  if (Values && !P.Operands.empty() &&
      (!P.Vector || Values->forVectorOpcodes())) {
    Scratch.clear();
    Values->draw(Op, P.Operands, Inst, RNG, Scratch);
    for (unsigned K = 0; K < P.Operands.size() && K < Scratch.size(); ++K)
      if (Scratch[K])
        Write(Inst.getOperand(P.Operands[K].OpIdx).getReg().id(), *Scratch[K]);
  }
  if (GuardsFRM && !P.Vector)
    if (std::optional<FPControlSourceRule> Rule = fpControlSourceRule(Op.Name)) {
      unsigned Reg = Inst.getOperand(Rule->Operand).getReg().id();
      uint64_t RM = RNG.below(5); // RNE, RTZ, RDN, RUP, RMM
      Write(Reg, Rule->IsFCSR ? (RM << 5) | RNG.below(32) : RM);
    }
}

void ValueInitializer::afterPrimary(const OpcodeDesc &Op, const MCInst &Inst) {
  auto It = Prepared.find(&Op);
  if (It != Prepared.end() && It->second.Vector)
    return;
  if (FPU)
    FPU->afterPrimary(Op, Inst);
}

} // namespace snipgen
