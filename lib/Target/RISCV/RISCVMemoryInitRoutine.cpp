//===- RISCVMemoryInitRoutine.cpp - -init-memory=loads on RISC-V ----------===//
//
// The call of the memory-initialisation routine and its body
// (Generator/MemoryInitRoutine.h):
//
//   call:     auipc Link, %hi(Routine - .) ; jalr Link, %lo(...)(Link)
//   routine:  li Base, A + 2048             ; once per 4 KiB window
//             li Value, V                   ; unless V is 0 or already there
//             s{b,h,w,d} Value|zero, A - Base(Base)
//             ...
//             jalr zero, 0(Link)
//
// Stores are naturally aligned and as wide as the run of bytes allows
// (SD on RV64), so no store is misaligned.
//===----------------------------------------------------------------------===//
#include "RISCVTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/Twine.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/ErrorHandling.h"
#include "llvm/Support/MathExtras.h"
#include <optional>

using namespace llvm;

namespace snipgen {

static MCOperand reg(unsigned R) { return MCOperand::createReg(R); }
static MCOperand imm(int64_t V) { return MCOperand::createImm(V); }

void RISCVTarget::emitMemoryInitCall(const MCEnvironment &Env, unsigned Link,
                                     int64_t Distance, InstSink &Out) const {
  // AUIPC reaches PC + [-2^31, 2^31 - 2^12], JALR adds [-2048, 2047].
  if (Distance < -(int64_t(1) << 31) ||
      Distance > (int64_t(1) << 31) - 2049)
    report_fatal_error("-init-memory=loads: the memory-initialisation "
                       "routine is " +
                           Twine(Distance) +
                           " bytes from its call, beyond AUIPC+JALR's reach",
                       /*gen_crash_diag=*/false);
  int64_t Hi = (Distance + 0x800) >> 12;
  int64_t Lo = Distance - Hi * 4096;
  Out.emit(makeInst(Env, "AUIPC", {reg(Link), imm(Hi & 0xfffff)}));
  Out.emit(makeInst(Env, "JALR", {reg(Link), reg(Link), imm(Lo)}));
}

void RISCVTarget::emitMemoryInitRoutine(
    const MCEnvironment &Env, ArrayRef<std::pair<uint64_t, uint8_t>> Bytes,
    unsigned Link, unsigned Base, unsigned Value, InstSink &Out) const {
  const unsigned XLen = Env.selection().XLen;
  const uint64_t Mask = XLen == 64 ? ~uint64_t(0) : 0xffffffffu;
  const unsigned Zero = zeroRegister(Env);
  std::optional<uint64_t> BaseValue, ValueHeld;
  for (size_t I = 0; I < Bytes.size();) {
    uint64_t A = Bytes[I].first;
    // The widest naturally aligned store the run of consecutive bytes fills.
    unsigned W = XLen / 8;
    while (W > 1 && (A % W || I + W > Bytes.size() ||
                     Bytes[I + W - 1].first != A + W - 1))
      W /= 2;
    uint64_t V = 0;
    for (unsigned K = 0; K < W; ++K)
      V |= uint64_t(Bytes[I + K].second) << (8 * K);
    int64_t Offset = BaseValue ? int64_t((A - *BaseValue) & Mask) : 0;
    if (XLen == 32)
      Offset = int32_t(uint32_t(Offset));
    if (!BaseValue || Offset < -2048 || Offset > 2047) {
      // One base covers the 4 KiB from A.
      BaseValue = (A + 2048) & Mask;
      materializeValue(Env, Base, *BaseValue, Out);
      Offset = -2048;
    }
    unsigned Src = Zero;
    if (V) {
      if (ValueHeld != V)
        materializeValue(Env, Value, V, Out);
      ValueHeld = V;
      Src = Value;
    }
    static const char *const Store[] = {nullptr, "SB", "SH", nullptr, "SW",
                                        nullptr, nullptr, nullptr, "SD"};
    Out.emit(makeInst(Env, Store[W], {reg(Src), reg(Base), imm(Offset)}));
    I += W;
  }
  Out.emit(makeInst(Env, "JALR", {reg(Zero), reg(Link), imm(0)}));
}

} // namespace snipgen
