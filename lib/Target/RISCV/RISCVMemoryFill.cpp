//===- RISCVMemoryFill.cpp - -init-memory=runtime on RISC-V ---------------===//
//
// The code that fills memory with SplitMix32 words before the registers are
// set (RegisterInitRequest::MemoryFills). Per range, five GPRs that the
// register initialisation writes afterwards:
//
//     li   Ptr, VMA ; li End, VMA+Size ; li State, bswap32(Seed)
//   1: li   T, 0x9e3779b9 ; add[w] State, State, T
//     srli[w] T, State, 16 ; xor Z, State, T
//     li   T, 0x21f0aaad ; mul[w] Z, Z, T
//     srli[w] T, Z, 15 ; xor Z, Z, T
//     li   T, 0x735a2d97 ; mul[w] Z, Z, T
//     srli[w] T, Z, 15 ; xor Z, Z, T
//     sw   Z, 0(Ptr) ; addi Ptr, Ptr, 4 ; bne Ptr, End, 1b
//
// On RV64 the W forms keep the arithmetic in 32 bits (their upper halves do
// not matter: SRLIW and MULW read the low 32 bits, SW stores them). Without
// M or Zmmul (llvm-snippy's routine runs on RV64I too) each multiplication
// by a constant is shifts and adds, Horner's way over the constant's bits:
//     mv T, Z ; (slli[w] T, T, gap ; add[w] T, T, Z)* ; mv Z, T
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "snipgen/Support/SplitMix32.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include <bit>
#include <cassert>
#include <vector>

using namespace llvm;

namespace snipgen {

namespace {
struct CollectSink final : InstSink {
  std::vector<MCInst> Insts;
  void emit(const MCInst &I) override { Insts.push_back(I); }
};
} // namespace

void RISCVTarget::emitMemoryFills(
    const MCEnvironment &Env,
    ArrayRef<RegisterInitRequest::MemoryFill> Fills, ArrayRef<unsigned> Regs,
    InstSink &Out) const {
  assert(Regs.size() >= 5 && "the fill loop needs five registers");
  const bool RV64 = Env.selection().XLen == 64;
  const unsigned Ptr = Regs[0], End = Regs[1], State = Regs[2], Z = Regs[3],
                 T = Regs[4];
  // 32-bit constants as LUI+ADDI(W) builds them.
  auto Word = [&](uint32_t V) -> uint64_t {
    return RV64 ? uint64_t(int64_t(int32_t(V))) : uint64_t(V);
  };
  const StringRef Add = RV64 ? "ADDW" : "ADD";
  const StringRef Mul = RV64 ? "MULW" : "MUL";
  const StringRef Srl = RV64 ? "SRLIW" : "SRLI";
  const StringRef Sll = RV64 ? "SLLIW" : "SLLI";
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  const bool HasMul = STI.checkFeatures("+m") || STI.checkFeatures("+zmmul");
  auto R = [](unsigned Reg) { return MCOperand::createReg(Reg); };
  auto I = [](int64_t V) { return MCOperand::createImm(V); };
  for (const RegisterInitRequest::MemoryFill &F : Fills) {
    if (!F.Size)
      continue;
    materializeValue(Env, Ptr, F.VMA, Out);
    materializeValue(Env, End, F.VMA + F.Size, Out);
    materializeValue(Env, State, Word(splitMix32InitialState(F.Seed)), Out);
    CollectSink Body;
    // Z = Z * C (mod 2^32), with T as scratch.
    auto MulConst = [&](uint32_t C) {
      if (HasMul) {
        materializeValue(Env, T, Word(C), Body);
        Body.emit(makeInst(Env, Mul, {R(Z), R(Z), R(T)}));
        return;
      }
      assert(C && "a zero multiplier");
      int Bit = 31 - std::countl_zero(C);
      Body.emit(makeInst(Env, "ADDI", {R(T), R(Z), I(0)}));
      for (int Next = Bit - 1; Next >= 0; --Next) {
        if (!(C >> Next & 1))
          continue;
        Body.emit(makeInst(Env, Sll, {R(T), R(T), I(Bit - Next)}));
        Body.emit(makeInst(Env, Add, {R(T), R(T), R(Z)}));
        Bit = Next;
      }
      if (Bit)
        Body.emit(makeInst(Env, Sll, {R(T), R(T), I(Bit)}));
      Body.emit(makeInst(Env, "ADDI", {R(Z), R(T), I(0)}));
    };
    materializeValue(Env, T, Word(SplitMix32Step), Body);
    Body.emit(makeInst(Env, Add, {R(State), R(State), R(T)}));
    Body.emit(makeInst(Env, Srl, {R(T), R(State), I(SplitMix32Shift1)}));
    Body.emit(makeInst(Env, "XOR", {R(Z), R(State), R(T)}));
    MulConst(SplitMix32Mul1);
    Body.emit(makeInst(Env, Srl, {R(T), R(Z), I(SplitMix32Shift2)}));
    Body.emit(makeInst(Env, "XOR", {R(Z), R(Z), R(T)}));
    MulConst(SplitMix32Mul2);
    Body.emit(makeInst(Env, Srl, {R(T), R(Z), I(SplitMix32Shift3)}));
    Body.emit(makeInst(Env, "XOR", {R(Z), R(Z), R(T)}));
    Body.emit(makeInst(Env, "SW", {R(Z), R(Ptr), I(0)}));
    Body.emit(makeInst(Env, "ADDI", {R(Ptr), R(Ptr), I(4)}));
    int64_t Bytes = 0;
    for (const MCInst &In : Body.Insts) {
      Bytes += Env.instrInfo().get(In.getOpcode()).getSize();
      Out.emit(In);
    }
    // BNE, not BLTU: a range may end at the top of the address space.
    Out.emit(makeInst(Env, "BNE", {R(Ptr), R(End), I(-Bytes)}));
  }
}

} // namespace snipgen
