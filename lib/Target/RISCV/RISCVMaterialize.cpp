//===- RISCVMaterialize.cpp - Constants into registers --------------------===//
//
// LUI/ADDI(W)/SLLI sequences that leave an exact XLEN-bit value in a
// register. For 32-bit values: LUI hi20 + ADDI(W) lo12 (ADDIW on RV64 so the
// 32-bit wrap-around and sign extension match the value). Wider values are
// built recursively: the value without its low 12 bits, shifted right by
// its trailing zeros, then SLLI and ADDI lo12. At most 8 instructions.
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

void RISCVTarget::materializeValue(const MCEnvironment &Env, unsigned Reg,
                                   uint64_t Value, InstSink &Out) const {
  // Name lookups are hashed; this runs for every memory access, so the
  // numbers are looked up once per environment.
  struct Numbers {
    const MCEnvironment *Env = nullptr;
    unsigned Opcodes[4];
    unsigned Zero;
  };
  thread_local Numbers N;
  if (N.Env != &Env) {
    static const char *const Names[] = {"LUI", "ADDI", "ADDIW", "SLLI"};
    for (unsigned I = 0; I < 4; ++I)
      N.Opcodes[I] = Env.findOpcode(Names[I]);
    N.Zero = zeroRegister(Env);
    N.Env = &Env;
  }
  unsigned XLen = Env.selection().XLen;
  unsigned Zero = N.Zero;
  for (const MaterializeStep &S : riscvMaterializeSteps(Value, XLen)) {
    MCInst I;
    I.setOpcode(N.Opcodes[S.Op]);
    I.addOperand(MCOperand::createReg(Reg));
    if (S.Op != MaterializeStep::LUI)
      I.addOperand(MCOperand::createReg(S.FromZero ? Zero : Reg));
    I.addOperand(MCOperand::createImm(S.Imm));
    Out.emit(I);
  }
}

} // namespace snipgen
