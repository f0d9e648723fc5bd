//===- RISCVRegisterInit.cpp - Random initial register state in the ELF ---===//
//
// For -init-regs-in-elf: FP registers first (their values pass through a
// scratch GPR that is initialised afterwards), then frm/fflags, then every
// GPR but the stack pointer (and ra when the snippet returns).
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "snipgen/Support/Random.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCSubtargetInfo.h"

using namespace llvm;

namespace snipgen {

// CSR numbers of the FP control registers (RISC-V unprivileged spec, Zicsr).
static constexpr int64_t CSR_FFLAGS = 0x001;
static constexpr int64_t CSR_FRM = 0x002;

static MCInst makeInst(const MCEnvironment &Env, StringRef Name,
                       std::initializer_list<MCOperand> Ops) {
  MCInst I;
  I.setOpcode(Env.findOpcode(Name));
  for (const MCOperand &O : Ops)
    I.addOperand(O);
  return I;
}

void RISCVTarget::emitRegisterInitialization(const MCEnvironment &Env,
                                             RandomEngine &RNG,
                                             const RegisterInitRequest &Req,
                                             InstSink &Out) const {
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  const unsigned XLen = Env.selection().XLen;
  const unsigned Zero = zeroRegister(Env);
  std::vector<unsigned> GPRs = addressRegisters(Env);
  const unsigned Scratch = GPRs.back();
  auto Reg = [](unsigned R) { return MCOperand::createReg(R); };
  auto Imm = [](int64_t V) { return MCOperand::createImm(V); };

  bool HasF = STI.checkFeatures("+f");
  bool HasD = STI.checkFeatures("+d");
  if (HasF) {
    for (unsigned I = 0; I < 32; ++I) {
      std::string Suffix = HasD ? "_D" : "_F";
      unsigned FReg = Env.findRegister(("F" + Twine(I) + Suffix).str());
      if (HasD && XLen == 64) {
        materializeValue(Env, Scratch, RNG.next(), Out);
        Out.emit(makeInst(Env, "FMV_D_X", {Reg(FReg), Reg(Scratch)}));
      } else if (HasD) {
        // RV32 cannot move 64 bits at once: convert a random integer.
        materializeValue(Env, Scratch, RNG.next() & 0xffffffffu, Out);
        Out.emit(makeInst(Env, "FCVT_D_W", {Reg(FReg), Reg(Scratch), Imm(0)}));
      } else {
        materializeValue(Env, Scratch, RNG.next() & 0xffffffffu, Out);
        Out.emit(makeInst(Env, "FMV_W_X", {Reg(FReg), Reg(Scratch)}));
      }
    }
    // A valid static rounding mode (0..4) and any accrued flags.
    Out.emit(makeInst(Env, "CSRRWI",
                      {Reg(Zero), Imm(CSR_FRM), Imm((int64_t)RNG.below(5))}));
    Out.emit(makeInst(Env, "CSRRWI",
                      {Reg(Zero), Imm(CSR_FFLAGS), Imm((int64_t)RNG.below(32))}));
  }
  const unsigned SP = stackPointer(Env), RA = returnAddress(Env);
  for (unsigned R : GPRs) {
    if (R == SP || (Req.PreserveReturnAddress && R == RA))
      continue;
    uint64_t V = RNG.next();
    if (XLen == 32)
      V &= 0xffffffffu;
    materializeValue(Env, R, V, Out);
  }
}

} // namespace snipgen
