//===- RISCVRegisterInit.cpp - Register values: init code and writes ------===//
//
// For -init-regs-in-elf: FP registers first (their values pass through a
// scratch GPR that is initialised afterwards), then frm/fflags, then every
// GPR but the stack pointer (and ra when the snippet returns, and registers
// a hard reservation or the stack plan keeps). Values come from the planned
// initial state when the request has one, otherwise from RNG.
//
// Also the register facts and single-register writes the value features
// (operand initialisation, NaN overwriting) build on.
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include <bit>
#include <cmath>

using namespace llvm;

namespace snipgen {

// CSR numbers of the FP control registers (RISC-V unprivileged spec, Zicsr).
static constexpr int64_t CSR_FFLAGS = 0x001;
static constexpr int64_t CSR_FRM = 0x002;

static MCOperand reg(unsigned R) { return MCOperand::createReg(R); }
static MCOperand imm(int64_t V) { return MCOperand::createImm(V); }

// A double that is exactly a 32-bit integer: RV32 without Zfa can only make
// 64-bit FP values by converting integers.
static std::optional<int32_t> exactInt32(uint64_t DoubleBits) {
  double D = std::bit_cast<double>(DoubleBits);
  if (!(D >= -2147483648.0 && D <= 2147483647.0) || D != std::trunc(D) ||
      (D == 0 && std::signbit(D)))
    return std::nullopt;
  return (int32_t)D;
}

unsigned riscvVLen(const MCSubtargetInfo &STI) {
  if (!STI.checkFeatures("+zve32x"))
    return 0;
  unsigned VLen = 128;
  for (unsigned N = 256; N <= 65536; N *= 2)
    if (STI.checkFeatures(("+zvl" + Twine(N) + "b").str()))
      VLen = N;
  return VLen;
}

GenTarget::RegisterFacts RISCVTarget::describeRegister(const MCEnvironment &Env,
                                                  unsigned Reg) const {
  RegisterFacts F;
  StringRef Name = Env.registerName(Reg);
  unsigned Index = 0;
  if (Name.consume_front("X") && !Name.getAsInteger(10, Index) && Index < 32) {
    F.K = RegisterFacts::GPR;
    F.Index = Index;
    F.Bits = Env.selection().XLen;
    return F;
  }
  Name = Env.registerName(Reg);
  if (Name.consume_front("F")) {
    auto [Num, Precision] = Name.split('_');
    if (!Num.getAsInteger(10, Index) && Index < 32) {
      F.Bits = Precision == "D" ? 64 : Precision == "F" ? 32
               : Precision == "H" ? 16 : 0;
      if (F.Bits) {
        F.K = RegisterFacts::FPR;
        F.Index = Index;
      }
    }
    return F;
  }
  Name = Env.registerName(Reg);
  if (Name.consume_front("V") && !Name.getAsInteger(10, Index) && Index < 32) {
    F.K = RegisterFacts::Vector;
    F.Index = Index;
    F.Bits = riscvVLen(Env.subtargetInfo());
  }
  return F;
}

std::vector<unsigned>
RISCVTarget::nameableRegisters(const MCEnvironment &Env) const {
  std::vector<unsigned> Regs;
  auto Add = [&](const Twine &Name) {
    if (unsigned R = Env.findRegister(Name.str()))
      Regs.push_back(R);
  };
  for (unsigned I = 0; I < 32; ++I)
    Add("X" + Twine(I));
  for (unsigned I = 0; I < 32; ++I)
    for (const char *P : {"_H", "_F", "_D"})
      Add("F" + Twine(I) + P);
  for (unsigned I = 0; I < 32; ++I)
    Add("V" + Twine(I));
  return Regs;
}

int RISCVTarget::writeRegisterScratchCount(const MCEnvironment &Env,
                                           unsigned Reg) const {
  RegisterFacts F = describeRegister(Env, Reg);
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  switch (F.K) {
  case RegisterFacts::GPR:
    return 0;
  case RegisterFacts::FPR:
    if (!STI.checkFeatures("+f"))
      return -1;
    if (F.Bits < 64)
      return 1; // FMV.W.X; halves are written NaN-boxed the same way
    if (!STI.checkFeatures("+d"))
      return -1;
    // RV32 would need Zfa's FMVP.D.X (which the built-in model lacks) or a
    // memory round trip: only integral doubles (FCVT.D.W) are made there.
    return Env.selection().XLen == 64 ? 1 : -1;
  default:
    return -1;
  }
}

void RISCVTarget::writeRegister(const MCEnvironment &Env, unsigned Reg,
                                uint64_t Value, ArrayRef<unsigned> Scratch,
                                InstSink &Out) const {
  RegisterFacts F = describeRegister(Env, Reg);
  const unsigned XLen = Env.selection().XLen;
  if (F.K == RegisterFacts::GPR) {
    if (Reg != zeroRegister(Env))
      materializeValue(Env, Reg, XLen == 32 ? Value & 0xffffffffu : Value, Out);
    return;
  }
  assert(F.K == RegisterFacts::FPR && !Scratch.empty());
  if (F.Bits < 64) {
    // A half is a single whose upper 16 bits are ones: FMV.W.X NaN-boxes the
    // 32 bits, so the half reads back boxed too, with or without Zfh.
    uint32_t Bits32 = F.Bits == 16 ? 0xffff0000u | (uint32_t)(Value & 0xffff)
                                   : (uint32_t)Value;
    unsigned Single = Env.findRegister(("F" + Twine(F.Index) + "_F").str());
    uint64_t InGPR = XLen == 32 ? Bits32 : (uint64_t)(int64_t)(int32_t)Bits32;
    materializeValue(Env, Scratch[0], InGPR, Out);
    Out.emit(makeInst(Env, "FMV_W_X", {reg(Single), reg(Scratch[0])}));
    return;
  }
  if (XLen == 64) {
    materializeValue(Env, Scratch[0], Value, Out);
    Out.emit(makeInst(Env, "FMV_D_X", {reg(Reg), reg(Scratch[0])}));
    return;
  }
  // RV32D: only integral values can be made (the planner only asks for
  // such values here).
  int32_t I = exactInt32(Value).value_or(0);
  materializeValue(Env, Scratch[0], (uint32_t)I, Out);
  Out.emit(makeInst(Env, "FCVT_D_W", {reg(Reg), reg(Scratch[0]), imm(0)}));
}

// The planned vector register contents, element by element with
// vslide1down.vx at SEW = min(XLEN, ELEN), LMUL 1, vl = VLMAX (the first
// element pushed ends in element 0). vl and vtype are read first and put
// back after (vsetvl with the saved values), so the vector unit's own
// configuration code is not disturbed. Needs three scratch GPRs.
void RISCVTarget::emitVectorValues(const MCEnvironment &Env,
                                   const RegisterInitRequest &Req,
                                   ArrayRef<unsigned> Scratch,
                                   InstSink &Out) const {
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  unsigned VLen = riscvVLen(STI);
  if (!VLen || Scratch.size() < 3)
    return;
  const unsigned Zero = zeroRegister(Env);
  unsigned SavedVL = Scratch[0], SavedVType = Scratch[1], T = Scratch[2];
  unsigned SEW = std::min(Env.selection().XLen,
                          STI.checkFeatures("+zve64x") ? 64u : 32u);
  unsigned Elems = VLen / SEW;
  Out.emit(makeInst(Env, "CSRRS", {reg(SavedVL), imm(0xC20), reg(Zero)}));
  Out.emit(makeInst(Env, "CSRRS", {reg(SavedVType), imm(0xC21), reg(Zero)}));
  Out.emit(makeInst(Env, "VSETVLI",
                    {reg(T), reg(Zero), imm((SEW == 64 ? 3 : 2) << 3)}));
  for (unsigned I = 0; I < 32 && I < Req.VValues.size(); ++I) {
    unsigned VReg = Env.findRegister(("V" + Twine(I)).str());
    if (Req.MayWrite && !Req.MayWrite(VReg))
      continue;
    const std::vector<uint8_t> &Bytes = Req.VValues[I];
    for (unsigned K = 0; K < Elems; ++K) {
      uint64_t V = 0;
      for (unsigned B = 0; B < SEW / 8; ++B)
        if (K * SEW / 8 + B < Bytes.size())
          V |= uint64_t(Bytes[K * SEW / 8 + B]) << (8 * B);
      materializeValue(Env, T, V, Out);
      Out.emit(makeInst(Env, "VSLIDE1DOWN_VX",
                        {reg(VReg), reg(VReg), reg(T), reg(0)}));
    }
  }
  Out.emit(makeInst(Env, "VSETVL", {reg(Zero), reg(SavedVL), reg(SavedVType)}));
}

void RISCVTarget::emitRegisterInitialization(const MCEnvironment &Env,
                                             RandomEngine &RNG,
                                             const RegisterInitRequest &Req,
                                             InstSink &Out) const {
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  const unsigned XLen = Env.selection().XLen;
  const unsigned Zero = zeroRegister(Env);
  const unsigned SP = stackPointer(Env), RA = returnAddress(Env);
  std::vector<unsigned> GPRs = addressRegisters(Env);
  auto Kept = [&](unsigned R) { return llvm::is_contained(Req.Keep, R); };
  auto MayWrite = [&](unsigned R) { return !Req.MayWrite || Req.MayWrite(R); };
  auto MayRead = [&](unsigned R) { return !Req.MayRead || Req.MayRead(R); };
  // Building a constant in a GPR reads it back (ADDI/SLLI chains), so a GPR
  // no instruction may read is left alone too.
  auto Initialised = [&](unsigned R) {
    return R != SP && !(Req.PreserveReturnAddress && R == RA) && !Kept(R) &&
           MayWrite(R) && MayRead(R);
  };
  // -init-memory=runtime/loads first: they may use any GPR set below.
  if (!Req.MemoryFills.empty()) {
    SmallVector<unsigned, 5> FillRegs;
    for (unsigned R : GPRs)
      if (R != Zero && Initialised(R) && FillRegs.size() < 5)
        FillRegs.push_back(R);
    if (FillRegs.size() < 5)
      report_fatal_error("-init-memory=runtime: the memory-initialisation "
                         "loop needs five general-purpose registers that the "
                         "register initialisation sets afterwards, but the "
                         "reservations leave " +
                             Twine(FillRegs.size()),
                         /*gen_crash_diag=*/false);
    emitMemoryFills(Env, Req.MemoryFills, FillRegs, Out);
  }
  // -init-memory=loads: the call of the routine placed after generation.
  if (Req.MemoryInitCall) {
    SmallVector<unsigned, 3> CallRegs;
    for (unsigned R : GPRs)
      if (R != Zero && Initialised(R) && CallRegs.size() < 3)
        CallRegs.push_back(R);
    if (CallRegs.size() < 3)
      report_fatal_error("-init-memory=loads: the call of the memory-"
                         "initialisation routine needs three general-purpose "
                         "registers that the register initialisation sets "
                         "afterwards, but the reservations leave " +
                             Twine(CallRegs.size()),
                         /*gen_crash_diag=*/false);
    emitMemoryInitCall(Env, CallRegs[0], 0, Out);
    if (Req.InitCallRegs)
      *Req.InitCallRegs = {CallRegs[0], CallRegs[1], CallRegs[2]};
  }
  // The FP values pass through GPRs that are initialised afterwards anyway.
  SmallVector<unsigned, 3> Scratch;
  for (unsigned R : reverse(GPRs))
    if (Initialised(R) && Scratch.size() < 3)
      Scratch.push_back(R);
  if (!Req.VValues.empty())
    emitVectorValues(Env, Req, Scratch, Out);
  if (Scratch.size() > 2)
    Scratch.pop_back();

  bool HasF = STI.checkFeatures("+f");
  bool HasD = STI.checkFeatures("+d");
  if (HasF && !Scratch.empty()) {
    for (unsigned I = 0; I < 32; ++I) {
      unsigned FReg =
          Env.findRegister(("F" + Twine(I) + (HasD ? "_D" : "_F")).str());
      if (!MayWrite(FReg))
        continue;
      uint64_t V;
      if (I < Req.FValues.size())
        V = Req.FValues[I];
      else if (HasD && XLen == 32)
        V = std::bit_cast<uint64_t>((double)(int32_t)RNG.next());
      else
        V = RNG.next();
      writeRegister(Env, FReg, V, Scratch, Out);
    }
  }
  if (HasF) {
    // A valid static rounding mode (0..4) and any accrued flags.
    unsigned FRM = Req.FRM ? *Req.FRM : (unsigned)RNG.below(5);
    unsigned FFlags = Req.FFlags ? *Req.FFlags : (unsigned)RNG.below(32);
    Out.emit(makeInst(Env, "CSRRWI", {reg(Zero), imm(CSR_FRM), imm(FRM)}));
    Out.emit(makeInst(Env, "CSRRWI", {reg(Zero), imm(CSR_FFLAGS), imm(FFlags)}));
  }
  for (unsigned R : GPRs) {
    if (!Initialised(R))
      continue;
    unsigned Index = describeRegister(Env, R).Index;
    uint64_t V = Index < Req.XValues.size() ? Req.XValues[Index] : RNG.next();
    if (XLen == 32)
      V &= 0xffffffffu;
    materializeValue(Env, R, V, Out);
  }
}

} // namespace snipgen
