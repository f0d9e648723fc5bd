//===- Zabha.cpp - Zabha: byte and halfword AMOs ---------------------------===//
//
// AMO<op>.B/H rd, rs2, (rs1) (operands rd, rs2, rs1) and, with Zacas,
// AMOCAS.B/H (operands rd, rd, rs2, rs1). Semantics are those of the A
// extension's AMOs at 8 and 16 bits: the loaded value is sign-extended into
// rd; MIN/MAX compare the operands as signed 8/16-bit values, MINU/MAXU as
// unsigned ones; only the low 8/16 bits of rs2 are used. A halfword AMO must
// be naturally aligned (store/AMO address-misaligned otherwise, as for every
// AMO of this model); byte AMOs cannot be misaligned. Faults are store/AMO
// faults and write permission is needed (loadForAmo).
//===----------------------------------------------------------------------===//
#include "Zabha.h"

namespace snipgen::model {
namespace {

enum class Op { Swap, Add, Xor, And, Or, Min, Max, MinU, MaxU };

template <Op O, unsigned Size> uint64_t combine(uint64_t Old, uint64_t Src) {
  int64_t SOld = int64_t(sextBytes(Old, Size)), SSrc = int64_t(sextBytes(Src, Size));
  uint64_t UOld = maskBytes(Old, Size), USrc = maskBytes(Src, Size);
  switch (O) {
  case Op::Swap: return Src;
  case Op::Add: return Old + Src;
  case Op::Xor: return Old ^ Src;
  case Op::And: return Old & Src;
  case Op::Or: return Old | Src;
  case Op::Min: return SOld < SSrc ? Old : Src;
  case Op::Max: return SOld > SSrc ? Old : Src;
  case Op::MinU: return UOld < USrc ? Old : Src;
  case Op::MaxU: return UOld > USrc ? Old : Src;
  }
  return Src;
}

template <Op O, unsigned Size> StepStatus execAmo(Hart &H, const Decoded &D) {
  uint64_t Addr = H.X[D.Ops[2]];
  uint64_t Src = H.X[D.Ops[1]];
  uint64_t Old;
  if (!H.loadForAmo(Addr, Size, Old))
    return StepStatus::Raised;
  uint64_t New = maskBytes(combine<O, Size>(Old, Src), Size);
  bool Stored = H.storeAtomic(Addr, Size, New);
  H.writeX(D.Ops[0], sextBytes(Old, Size));
  return Stored ? H.next(D) : StepStatus::Raised; // Raised: a tohost write.
}

struct AmoEntry {
  const char *Names[4];
  Handler Fn;
};

#define ZABHA_AMO(BASE, OP, SIZE)                                              \
  {{#BASE, #BASE "_AQ", #BASE "_RL", #BASE "_AQRL"}, execAmo<Op::OP, SIZE>}
const AmoEntry Amos[] = {
    ZABHA_AMO(AMOSWAP_B, Swap, 1), ZABHA_AMO(AMOADD_B, Add, 1),
    ZABHA_AMO(AMOXOR_B, Xor, 1),   ZABHA_AMO(AMOAND_B, And, 1),
    ZABHA_AMO(AMOOR_B, Or, 1),     ZABHA_AMO(AMOMIN_B, Min, 1),
    ZABHA_AMO(AMOMAX_B, Max, 1),   ZABHA_AMO(AMOMINU_B, MinU, 1),
    ZABHA_AMO(AMOMAXU_B, MaxU, 1), ZABHA_AMO(AMOSWAP_H, Swap, 2),
    ZABHA_AMO(AMOADD_H, Add, 2),   ZABHA_AMO(AMOXOR_H, Xor, 2),
    ZABHA_AMO(AMOAND_H, And, 2),   ZABHA_AMO(AMOOR_H, Or, 2),
    ZABHA_AMO(AMOMIN_H, Min, 2),   ZABHA_AMO(AMOMAX_H, Max, 2),
    ZABHA_AMO(AMOMINU_H, MinU, 2), ZABHA_AMO(AMOMAXU_H, MaxU, 2),
};
#undef ZABHA_AMO

const char *const CasBNames[] = {"AMOCAS_B", "AMOCAS_B_AQ", "AMOCAS_B_RL",
                                 "AMOCAS_B_AQRL"};
const char *const CasHNames[] = {"AMOCAS_H", "AMOCAS_H_AQ", "AMOCAS_H_RL",
                                 "AMOCAS_H_AQRL"};

} // namespace

void registerZabhaSemantics(SemanticTable &T) {
  for (const AmoEntry &E : Amos)
    for (const char *Name : E.Names)
      T.add(Name, E.Fn);
  for (unsigned I = 0; I < 4; ++I) {
    T.add(CasBNames[I], execCasSingle<1>);
    T.add(CasHNames[I], execCasSingle<2>);
  }
}

} // namespace snipgen::model
