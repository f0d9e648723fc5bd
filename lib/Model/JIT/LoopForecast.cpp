//===- LoopForecast.cpp - How long a counted self-loop will run -----------===//
#include "JIT/LoopForecast.h"

#include <cassert>

namespace snipgen::model::jit {
namespace {

/// The X register an instruction of rule R writes, or -1 (none or x0).
int writtenRegister(const Rule &R, const Decoded &D) {
  switch (R.S) {
  case Shape::RegReg:
  case Shape::RegImm:
  case Shape::Unary:
  case Shape::UpperImm:
  case Shape::AddUpperPC:
  case Shape::LoadImm:
  case Shape::Move:
  case Shape::Load:
  case Shape::Jal:
  case Shape::Jalr:
    return int(D.Ops[0]);
  case Shape::JumpImm:
  case Shape::JumpReg:
    return R.Link;
  case Shape::Call:
    return R.WritesX ? int(D.Ops[0]) : -1;
  case Shape::Unsupported:
  case Shape::Nop:
  case Shape::Store:
  case Shape::Branch:
  case Shape::BranchZero:
    return -1;
  }
  return -1;
}

/// How register Reg changes per iteration of the body (Insts without the
/// final branch): false if it is not a counter (see the header).
bool stepOf(const BlockPlan &Plan, const OpcodeRules &Rules, unsigned Reg,
            int64_t &Step) {
  Step = 0;
  if (Reg == 0)
    return true;
  bool Written = false;
  for (size_t I = 0; I + 1 < Plan.Insts.size(); ++I) {
    const Decoded &D = *Plan.Insts[I];
    const Rule &R = Rules[D.Opcode];
    if (writtenRegister(R, D) != int(Reg))
      continue;
    if (Written || R.S != Shape::RegImm || R.O != Op::Add ||
        D.Ops[1] != int64_t(Reg))
      return false;
    Written = true;
    Step = D.Ops[2];
  }
  return true;
}

/// V modulo 2^XLen.
uint64_t wrap(__int128 V, unsigned XLen) {
  uint64_t W = uint64_t(V);
  return XLen == 64 ? W : W & ((uint64_t(1) << XLen) - 1);
}

/// The smallest K >= 1 with K * Step == Want modulo 2^XLen (both reduced
/// modulo 2^XLen), or 0 if there is none.
__int128 firstMultiple(uint64_t Want, uint64_t Step, unsigned XLen) {
  if (Step == 0)
    return Want == 0 ? 1 : 0;
  // Step = Odd * 2^T: a solution needs 2^T | Want, and is then unique
  // modulo 2^(XLen-T): K = (Want >> T) * Odd^-1.
  unsigned T = unsigned(__builtin_ctzll(Step));
  if (Want & ((uint64_t(1) << T) - 1))
    return 0;
  uint64_t Odd = Step >> T, Inverse = Odd; // Newton: 5 steps give 64 bits.
  for (int I = 0; I < 5; ++I)
    Inverse *= 2 - Odd * Inverse;
  unsigned Bits = XLen - T;
  uint64_t Mask = Bits == 64 ? ~0ull : (uint64_t(1) << Bits) - 1;
  uint64_t K = ((Want >> T) * Inverse) & Mask;
  return K != 0 ? __int128(K) : __int128(Mask) + 1;
}

/// The smallest K >= 1 with Base + K * Step >= 0, for Step > 0.
__int128 firstNonNegative(__int128 Base, __int128 Step) {
  if (Base + Step >= 0)
    return 1;
  return (-Base + Step - 1) / Step; // ceil(-Base / Step)
}

} // namespace

uint64_t forecastIterations(const BlockPlan &Plan, const OpcodeRules &Rules,
                            const uint64_t *X, unsigned XLen) {
  assert(Plan.SelfLoop && !Plan.Insts.empty());
  const Decoded &Br = *Plan.Insts.back();
  const Rule &R = Rules[Br.Opcode];
  unsigned RegA, RegB;
  if (R.S == Shape::Branch) {
    RegA = unsigned(Br.Ops[0]);
    RegB = unsigned(Br.Ops[1]);
  } else if (R.S == Shape::BranchZero) {
    RegA = unsigned(Br.Ops[0]);
    RegB = 0;
  } else {
    return 0;
  }
  int64_t StepA, StepB;
  if (RegA >= 32 || RegB >= 32 || !stepOf(Plan, Rules, RegA, StepA) ||
      !stepOf(Plan, Rules, RegB, StepB))
    return 0;

  // Register values as the branch compares them, widened so that adding K
  // steps cannot overflow: signed or unsigned XLEN-bit integers.
  bool Unsigned = R.C == Cond::Ltu || R.C == Cond::Geu;
  auto Value = [&](unsigned Reg) -> __int128 {
    uint64_t V = Reg ? X[Reg] : 0;
    if (XLen == 32)
      return Unsigned ? __int128(uint32_t(V)) : __int128(int32_t(V));
    return Unsigned ? __int128(V) : __int128(int64_t(V));
  };
  // The branch at the end of iteration K (K = 1 for the one about to run)
  // compares A0 + K * StepA with B0 + K * StepB: D(K) = D0 + K * DStep is
  // their difference.
  __int128 D0 = Value(RegA) - Value(RegB);
  __int128 DStep = __int128(StepA) - __int128(StepB);
  __int128 K = 0; // Iteration whose branch falls through; 0: never.
  switch (R.C) {
  case Cond::Eq: // Taken while equal (compared modulo 2^XLEN).
    K = wrap(D0 + DStep, XLen) != 0 ? 1 : wrap(DStep, XLen) != 0 ? 2 : 0;
    break;
  case Cond::Ne: // Taken until equal.
    K = firstMultiple(wrap(-D0, XLen), wrap(DStep, XLen), XLen);
    break;
  case Cond::Lt: // Taken while D < 0.
  case Cond::Ltu:
    if (DStep <= 0)
      K = D0 + DStep < 0 ? 0 : 1;
    else
      K = firstNonNegative(D0, DStep);
    break;
  case Cond::Ge: // Taken while D >= 0: until -D - 1 >= 0.
  case Cond::Geu:
    if (DStep >= 0)
      K = D0 + DStep >= 0 ? 0 : 1;
    else
      K = firstNonNegative(-D0 - 1, -DStep);
    break;
  }
  if (K == 0)
    return Unbounded;
  // The ordered compares above hold while neither counter wraps around: the
  // counters move monotonically, so both must still be in range at K.
  // Otherwise the compare sees wrapped values, which the forecast does not
  // follow. (Equality is exact modulo 2^XLEN.)
  __int128 Min = Unsigned ? 0 : -(__int128(1) << (XLen - 1));
  __int128 Max = Unsigned ? (__int128(1) << XLen) - 1
                          : (__int128(1) << (XLen - 1)) - 1;
  __int128 AtK[] = {Value(RegA) + K * StepA, Value(RegB) + K * StepB};
  if (R.C != Cond::Eq && R.C != Cond::Ne)
    for (__int128 V : AtK)
      if (V < Min || V > Max)
        return 0;
  if (K > __int128(Unbounded - 1))
    return Unbounded - 1;
  return uint64_t(K);
}

} // namespace snipgen::model::jit
