//===- RISCVMaterialize.cpp - Constants into registers --------------------===//
//
// LUI/ADDI(W)/SLLI sequences that leave an exact XLEN-bit value in a
// register. For 32-bit values: LUI hi20 + ADDI(W) lo12 (ADDIW on RV64 so the
// 32-bit wrap-around and sign extension match the value). Wider values are
// built recursively: the value without its low 12 bits, shifted right by
// its trailing zeros, then SLLI and ADDI lo12. At most 8 instructions.
// The memory planner compares these costs with cheaper ways to reach an
// address (an ADDI from a register whose value it knows).
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/MathExtras.h"
#include <bit>

using namespace llvm;

namespace snipgen {

static void buildSteps(int64_t V, unsigned XLen,
                       std::vector<MaterializeStep> &Steps) {
  int64_t Lo = SignExtend64<12>(V);
  if (XLen == 32 || isInt<32>(V)) {
    uint64_t Hi20 = (((uint64_t)V - (uint64_t)Lo) >> 12) & 0xfffff;
    if (Hi20) {
      Steps.push_back({MaterializeStep::LUI, false, (int64_t)Hi20});
      if (Lo)
        Steps.push_back(
            {XLen == 64 ? MaterializeStep::ADDIW : MaterializeStep::ADDI, false,
             Lo});
    } else {
      Steps.push_back({MaterializeStep::ADDI, true, Lo});
    }
    return;
  }
  uint64_t Hi = (uint64_t)V - (uint64_t)Lo; // low 12 bits are zero
  unsigned Shift = std::countr_zero(Hi);
  buildSteps((int64_t)Hi >> Shift, XLen, Steps);
  Steps.push_back({MaterializeStep::SLLI, false, (int64_t)Shift});
  if (Lo)
    Steps.push_back({MaterializeStep::ADDI, false, Lo});
}

std::vector<MaterializeStep> riscvMaterializeSteps(uint64_t Value,
                                                   unsigned XLen) {
  std::vector<MaterializeStep> Steps;
  int64_t V = XLen == 32 ? (int64_t)(int32_t)(uint32_t)Value : (int64_t)Value;
  buildSteps(V, XLen, Steps);
  return Steps;
}

namespace {
// Name lookups are hashed; materialisation runs for every memory access, so
// the numbers are looked up once per environment.
struct OpcodeNumbers {
  const MCEnvironment *Env = nullptr;
  unsigned Steps[4]; // indexed by MaterializeStep::Kind
  unsigned Add;
  unsigned Zero;
};
} // namespace

static const OpcodeNumbers &numbersFor(const MCEnvironment &Env,
                                       const RISCVTarget &T) {
  thread_local OpcodeNumbers N;
  if (N.Env != &Env) {
    static const char *const Names[] = {"LUI", "ADDI", "ADDIW", "SLLI"};
    for (unsigned I = 0; I < 4; ++I)
      N.Steps[I] = Env.findOpcode(Names[I]);
    N.Add = Env.findOpcode("ADD");
    N.Zero = T.zeroRegister(Env);
    N.Env = &Env;
  }
  return N;
}

void RISCVTarget::materializeValue(const MCEnvironment &Env, unsigned Reg,
                                   uint64_t Value, InstSink &Out) const {
  const OpcodeNumbers &N = numbersFor(Env, *this);
  unsigned XLen = Env.selection().XLen;
  for (const MaterializeStep &S : riscvMaterializeSteps(Value, XLen)) {
    MCInst I;
    I.setOpcode(N.Steps[S.Op]);
    I.addOperand(MCOperand::createReg(Reg));
    if (S.Op != MaterializeStep::LUI)
      I.addOperand(MCOperand::createReg(S.FromZero ? N.Zero : Reg));
    I.addOperand(MCOperand::createImm(S.Imm));
    Out.emit(I);
  }
}

// The length of buildSteps' sequence, without building it (the memory
// planner asks for many candidate values).
static unsigned countSteps(int64_t V, unsigned XLen) {
  int64_t Lo = SignExtend64<12>(V);
  if (XLen == 32 || isInt<32>(V)) {
    uint64_t Hi20 = (((uint64_t)V - (uint64_t)Lo) >> 12) & 0xfffff;
    return Hi20 ? 1 + (Lo != 0) : 1;
  }
  uint64_t Hi = (uint64_t)V - (uint64_t)Lo;
  unsigned Shift = std::countr_zero(Hi);
  return countSteps((int64_t)Hi >> Shift, XLen) + 1 + (Lo != 0);
}

unsigned RISCVTarget::materializationCost(const MCEnvironment &Env,
                                          uint64_t Value) const {
  unsigned XLen = Env.selection().XLen;
  int64_t V = XLen == 32 ? (int64_t)(int32_t)(uint32_t)Value : (int64_t)Value;
  return countSteps(V, XLen);
}

void RISCVTarget::emitAddImmediate(const MCEnvironment &Env, unsigned Dst,
                                   unsigned Src, int64_t Imm,
                                   InstSink &Out) const {
  // ADDI adds XLEN bits (unlike ADDIW), which is what address arithmetic on
  // a full register value needs.
  MCInst I;
  I.setOpcode(numbersFor(Env, *this).Steps[MaterializeStep::ADDI]);
  I.addOperand(MCOperand::createReg(Dst));
  I.addOperand(MCOperand::createReg(Src));
  I.addOperand(MCOperand::createImm(Imm));
  Out.emit(I);
}

void RISCVTarget::emitAdd(const MCEnvironment &Env, unsigned Dst,
                          unsigned Src1, unsigned Src2, InstSink &Out) const {
  MCInst I;
  I.setOpcode(numbersFor(Env, *this).Add);
  I.addOperand(MCOperand::createReg(Dst));
  I.addOperand(MCOperand::createReg(Src1));
  I.addOperand(MCOperand::createReg(Src2));
  Out.emit(I);
}

} // namespace snipgen
