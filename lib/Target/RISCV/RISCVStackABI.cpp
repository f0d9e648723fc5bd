//===- RISCVStackABI.cpp - RISC-V loop counters, stack slots, ABI facts ---===//
//
// The register lists follow the RISC-V psABI: callee-saved s0-s11 and
// fs0-fs11; caller-saved t0-t6, a0-a7 (ra is written by the call itself),
// ft0-ft11, fa0-fa7 and every vector register; gp and tp belong to the
// environment. RV32E/RV64E have x0-x15 only.
//===----------------------------------------------------------------------===//
#include "RISCVControlFlow.h"
#include "RISCVTarget.h"
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"

using namespace llvm;

namespace snipgen {

static MCOperand reg(unsigned R) { return MCOperand::createReg(R); }
static MCOperand imm(int64_t V) { return MCOperand::createImm(V); }

unsigned RISCVControlFlow::xReg(unsigned N) const {
  return Env.findRegister(("X" + Twine(N)).str());
}

// The FP register as wide as the FP extension (F*_D with D, else F*_F).
unsigned RISCVControlFlow::fReg(unsigned N) const {
  bool HasD = Env.subtargetInfo().checkFeatures("+d");
  return Env.findRegister(("F" + Twine(N) + (HasD ? "_D" : "_F")).str());
}

bool RISCVControlFlow::isFPR(unsigned Reg) const {
  StringRef N = Env.registerName(Reg);
  return N.starts_with("F") && (N.ends_with("_D") || N.ends_with("_F"));
}

static bool isRVE(const MCEnvironment &Env) {
  StringRef ISA = Env.selection().ISAString;
  return ISA.starts_with("rv32e") || ISA.starts_with("rv64e");
}

static bool hasFP(const MCEnvironment &Env) {
  return Env.subtargetInfo().checkFeatures("+f");
}

void RISCVControlFlow::emitCounterInit(unsigned Counter, uint64_t Iterations,
                                       bool Compressed, InstSink &Out) const {
  if (Compressed && Iterations <= 31 && desc("C_LI")) {
    Out.emit(make("C_LI", {reg(Counter), imm((int64_t)Iterations)}));
    return;
  }
  RISCVTarget().materializeValue(Env, Counter, Iterations, Out);
}

bool RISCVControlFlow::canCompressCounter(unsigned Counter) const {
  // C.BNEZ takes x8-x15 only; C.ADDI takes any register.
  if (!HasC || !desc("C_BNEZ") || !desc("C_ADDI"))
    return false;
  for (unsigned N = 8; N <= 15; ++N)
    if (Counter == xReg(N))
      return true;
  return false;
}

void RISCVControlFlow::emitNops(uint64_t Bytes, InstSink &Out) const {
  for (; Bytes >= 4; Bytes -= 4)
    Out.emit(make("ADDI", {reg(Zero), reg(Zero), imm(0)}));
  if (Bytes == 2)
    Out.emit(make("C_NOP", {}));
}

MCInst RISCVControlFlow::returnThrough(unsigned Link) const {
  return make("JALR", {reg(Zero), reg(Link), imm(0)});
}

std::vector<unsigned> RISCVControlFlow::returnAddressCandidates() const {
  // JAL and JALR take any rd; x0 would discard the return address.
  std::vector<unsigned> R;
  unsigned Top = isRVE(Env) ? 15 : 31;
  for (unsigned N = 1; N <= Top; ++N)
    R.push_back(xReg(N));
  return R;
}

bool RISCVControlFlow::linksOnlyThroughABI(unsigned Opcode) const {
  return Opcode == Op.C_JAL || Opcode == Op.C_JALR;
}

unsigned RISCVControlFlow::slotSize(unsigned Reg) const {
  if (isVectorRegister(Reg))
    return VLenB;
  if (isFPR(Reg))
    return Env.registerName(Reg).ends_with("_D") ? 8 : 4;
  for (unsigned N = 1; N < 32; ++N)
    if (Reg == xReg(N))
      return XLen / 8;
  return 0;
}

void RISCVControlFlow::emitStore(unsigned Reg, unsigned Base, int64_t Offset,
                                 InstSink &Out) const {
  StringRef Name = !isFPR(Reg)          ? (XLen == 64 ? "SD" : "SW")
                   : slotSize(Reg) == 8 ? "FSD"
                                        : "FSW";
  Out.emit(make(Name, {reg(Reg), reg(Base), imm(Offset)}));
}

void RISCVControlFlow::emitLoad(unsigned Reg, unsigned Base, int64_t Offset,
                                InstSink &Out) const {
  StringRef Name = !isFPR(Reg)          ? (XLen == 64 ? "LD" : "LW")
                   : slotSize(Reg) == 8 ? "FLD"
                                        : "FLW";
  Out.emit(make(Name, {reg(Reg), reg(Base), imm(Offset)}));
}

void RISCVControlFlow::emitAddImm(unsigned Dst, unsigned Src, int64_t Imm,
                                  InstSink &Out) const {
  // Steps of 2032 (a multiple of the stack alignment) until the rest fits
  // ADDI's 12 bits: frames holding vector registers can exceed them.
  while (Imm > 2047 || Imm < -2048) {
    int64_t Step = Imm > 0 ? 2032 : -2032;
    Out.emit(make("ADDI", {reg(Dst), reg(Src), imm(Step)}));
    Src = Dst;
    Imm -= Step;
  }
  Out.emit(make("ADDI", {reg(Dst), reg(Src), imm(Imm)}));
}

bool RISCVControlFlow::isVectorRegister(unsigned Reg) const {
  if (!VLenB)
    return false;
  StringRef N = Env.registerName(Reg);
  unsigned Idx;
  return N.consume_front("V") && !N.getAsInteger(10, Idx) && Idx < 32;
}

// vs<n>r.v / vl<n>re8.v on the largest aligned run of consecutive
// registers (v8..v15 in one vs8r.v), the address register stepping along.
void RISCVControlFlow::emitVectorBlock(ArrayRef<unsigned> Regs, unsigned Base,
                                       int64_t Offset, unsigned Scratch,
                                       bool Save, InstSink &Out) const {
  if (Regs.empty())
    return;
  emitAddImm(Scratch, Base, Offset, Out);
  auto Index = [&](unsigned R) {
    unsigned I = 0;
    Env.registerName(R).drop_front().getAsInteger(10, I);
    return I;
  };
  for (size_t K = 0; K < Regs.size();) {
    unsigned First = Index(Regs[K]);
    unsigned N = 8;
    for (; N > 1; N /= 2) {
      if (First % N || K + N > Regs.size())
        continue;
      bool Run = true;
      for (unsigned J = 1; J < N && Run; ++J)
        Run = Index(Regs[K + J]) == First + J;
      if (Run)
        break;
    }
    std::string Group = "V" + std::to_string(First);
    if (N > 1)
      Group += "M" + std::to_string(N);
    std::string Name = Save ? "VS" + std::to_string(N) + "R_V"
                            : "VL" + std::to_string(N) + "RE8_V";
    Out.emit(make(Name, {reg(Env.findRegister(Group)), reg(Scratch)}));
    K += N;
    if (K < Regs.size())
      emitAddImm(Scratch, Scratch, int64_t(N) * VLenB, Out);
  }
}

// Layout at Offset: vl, vtype, vcsr, spare (XLEN bits each).
static constexpr uint16_t CsrVL = 0xC20, CsrVType = 0xC21, CsrVCsr = 0x00F;

void RISCVControlFlow::emitVectorStateSave(unsigned Base, int64_t Offset,
                                           unsigned Scratch,
                                           InstSink &Out) const {
  int64_t Slot = XLen / 8;
  uint16_t Csrs[] = {CsrVL, CsrVType, CsrVCsr};
  for (unsigned K = 0; K < 3; ++K) {
    Out.emit(make("CSRRS", {reg(Scratch), imm(Csrs[K]), reg(Zero)}));
    emitStore(Scratch, Base, Offset + K * Slot, Out);
  }
}

void RISCVControlFlow::emitVectorStateRestore(unsigned Base, int64_t Offset,
                                              unsigned Scratch,
                                              InstSink &Out) const {
  int64_t Slot = XLen / 8;
  // A second register for vsetvl's vtype operand, kept in the spare slot.
  unsigned Second = xReg(5);
  for (unsigned N : {5u, 6u, 7u})
    if (xReg(N) != Base && xReg(N) != Scratch) {
      Second = xReg(N);
      break;
    }
  emitStore(Second, Base, Offset + 3 * Slot, Out);
  // vsetvl with the saved vl as AVL gives that vl back: it was at most
  // VLMAX of the saved vtype (and a saved vill gives vill and vl 0 again).
  emitLoad(Scratch, Base, Offset, Out);
  emitLoad(Second, Base, Offset + Slot, Out);
  Out.emit(make("VSETVL", {reg(Zero), reg(Scratch), reg(Second)}));
  emitLoad(Second, Base, Offset + 2 * Slot, Out);
  Out.emit(make("CSRRW", {reg(Zero), imm(CsrVCsr), reg(Second)}));
  emitLoad(Second, Base, Offset + 3 * Slot, Out);
}

std::vector<unsigned> RISCVControlFlow::calleeSavedRegs() const {
  std::vector<unsigned> R = {xReg(8), xReg(9)};
  if (!isRVE(Env))
    for (unsigned N = 18; N <= 27; ++N)
      R.push_back(xReg(N));
  if (hasFP(Env))
    for (unsigned N :
         {8u, 9u, 18u, 19u, 20u, 21u, 22u, 23u, 24u, 25u, 26u, 27u})
      R.push_back(fReg(N));
  return R;
}

std::vector<unsigned> RISCVControlFlow::callerSavedRegs(RegGroup G) const {
  std::vector<unsigned> R;
  unsigned Top = isRVE(Env) ? 15 : 31;
  switch (G) {
  case RegGroup::X:
    for (unsigned N : {5u, 6u, 7u, 10u, 11u, 12u, 13u, 14u, 15u, 16u, 17u, 28u,
                       29u, 30u, 31u})
      if (N <= Top)
        R.push_back(xReg(N));
    break;
  case RegGroup::F:
    if (hasFP(Env))
      for (unsigned N = 0; N < 32; ++N)
        if (N <= 7 || (N >= 10 && N <= 17) || N >= 28)
          R.push_back(fReg(N));
    break;
  case RegGroup::V:
    if (Env.subtargetInfo().checkFeatures("+zve32x"))
      for (unsigned N = 0; N < 32; ++N)
        R.push_back(Env.findRegister(("V" + Twine(N)).str()));
    break;
  }
  return R;
}

std::vector<unsigned> RISCVControlFlow::globalStateRegs() const {
  return {xReg(3), xReg(4)};
}

std::vector<unsigned> RISCVControlFlow::stackPointerCandidates() const {
  // The manual: any suitable register but x0, x1 and x6.
  std::vector<unsigned> R;
  unsigned Top = isRVE(Env) ? 15 : 31;
  for (unsigned N = 2; N <= Top; ++N)
    if (N != 6)
      R.push_back(xReg(N));
  return R;
}

unsigned RISCVControlFlow::parseRegister(StringRef Name) const {
  std::string U = Name.upper();
  if (unsigned R = Env.findRegister(U))
    return R;
  // F registers may be named without their width suffix.
  if (StringRef(U).starts_with("F")) {
    unsigned N;
    if (!StringRef(U).drop_front().getAsInteger(10, N) && N < 32 && hasFP(Env))
      return fReg(N);
  }
  return 0;
}

std::string RISCVControlFlow::registerName(unsigned Reg) const {
  return Env.registerName(Reg).str();
}

} // namespace snipgen
