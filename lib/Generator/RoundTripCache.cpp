//===- RoundTripCache.cpp - Round-trip checks without LLVM's decoder ------===//
#include "snipgen/Generator/RoundTripCache.h"
#include "../Model/RISCV/Predecoder.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include <cstdlib>

using namespace llvm;

namespace snipgen {

namespace {
using model::Decoded;
using model::MaxOperands;
constexpr unsigned RegNumbers = 32; // RISC-V register fields are 5 bits.
constexpr unsigned MaxTemplatesPerOpcode = 4;

uint32_t encodingOf(ArrayRef<uint8_t> Bytes) {
  uint32_t E = 0;
  for (unsigned I = 0; I < Bytes.size() && I < 4; ++I)
    E |= uint32_t(Bytes[I]) << (8 * I);
  return E;
}
} // namespace

struct RoundTripCache::Impl {
  const MCEnvironment &Env;
  const MCRegisterInfo &MRI;
  model::Predecoder Pre;
  // Per opcode: LLVM decodes that went through learnFrom since the last
  // template, templates learned, and the row of Regs (~0u: none yet).
  std::vector<uint8_t> Pending, Learned;
  std::vector<uint32_t> RegRow;
  // The register LLVM decodes for (operand, encoding value); 0: not seen.
  std::vector<std::array<MCPhysReg, MaxOperands * RegNumbers>> Regs;
  MCInst Scratch;
  // The predecoder's answer; a member, so that no check clears a local one
  // (lookup fills every field a hit compares).
  Decoded Looked;
  bool LastMissed = false;

  explicit Impl(const MCEnvironment &Env)
      : Env(Env), MRI(Env.regInfo()) {
    unsigned N = Env.instrInfo().getNumOpcodes();
    Pending.assign(N, 0);
    Learned.assign(N, 0);
    RegRow.assign(N, ~0u);
  }

  /// LLVM's decoded instruction in the predecoder's form; remembers which
  /// register each register operand's number stands for.
  bool toDecoded(const MCInst &I, uint32_t Encoding, unsigned Size,
                 Decoded &D) {
    unsigned Opc = I.getOpcode();
    if (I.getNumOperands() > MaxOperands || Opc >= RegRow.size())
      return false;
    D.Fn = nullptr;
    D.Encoding = Encoding;
    D.Size = uint8_t(Size);
    D.Opcode = Opc;
    D.NumOps = uint8_t(I.getNumOperands());
    for (unsigned K = 0; K < MaxOperands; ++K)
      D.Ops[K] = 0;
    for (unsigned K = 0, E = I.getNumOperands(); K != E; ++K) {
      const MCOperand &Op = I.getOperand(K);
      if (Op.isImm()) {
        D.Ops[K] = Op.getImm();
        continue;
      }
      if (!Op.isReg() || !Op.getReg())
        return false;
      MCRegister R = Op.getReg();
      unsigned Num = MRI.getEncodingValue(R);
      if (Num >= RegNumbers)
        return false;
      if (RegRow[Opc] == ~0u) {
        RegRow[Opc] = uint32_t(Regs.size());
        Regs.emplace_back();
        Regs.back().fill(0);
      }
      Regs[RegRow[Opc]][K * RegNumbers + Num] = MCPhysReg(R.id());
      D.Ops[K] = Num;
    }
    return true;
  }

  bool known(const MCInst &Inst, ArrayRef<uint8_t> Bytes) {
    LastMissed = false;
    unsigned Size = unsigned(Bytes.size());
    if ((Size != 2 && Size != 4) || ((Bytes[0] & 3) == 3) != (Size == 4) ||
        Inst.getNumOperands() > MaxOperands)
      return false;
    Decoded &D = Looked;
    switch (Pre.lookup(encodingOf(Bytes), Size, D)) {
    case model::Predecoder::Lookup::Miss:
      LastMissed = true;
      return false;
    case model::Predecoder::Lookup::Reference:
      return false;
    case model::Predecoder::Lookup::Hit:
      break;
    }
    unsigned Opc = Inst.getOpcode();
    if (D.Opcode != Opc || D.NumOps != Inst.getNumOperands())
      return false;
    for (unsigned K = 0, E = Inst.getNumOperands(); K != E; ++K) {
      const MCOperand &Op = Inst.getOperand(K);
      if (Op.isImm()) {
        if (D.Ops[K] != Op.getImm())
          return false;
        continue;
      }
      if (!Op.isReg())
        return false;
      MCRegister R = Op.getReg();
      unsigned Num = MRI.getEncodingValue(R);
      if (D.Ops[K] != int64_t(Num) || Num >= RegNumbers ||
          RegRow[Opc] == ~0u ||
          Regs[RegRow[Opc]][K * RegNumbers + Num] != R.id())
        return false;
    }
    return true;
  }

  void learn(ArrayRef<uint8_t> Bytes, const MCInst &DecodedInst) {
    unsigned Size = unsigned(Bytes.size());
    uint32_t Encoding = encodingOf(Bytes);
    Decoded Ref;
    if ((Size != 2 && Size != 4) ||
        !toDecoded(DecodedInst, Encoding, Size, Ref))
      return;
    unsigned Opc = Ref.Opcode;
    // A template is learned from the LLVM decodes that found none; once
    // one exists, hits no longer come here.
    if (!LastMissed || Learned[Opc] >= MaxTemplatesPerOpcode ||
        ++Pending[Opc] < LearnAfter)
      return;
    Pending[Opc] = 0;
    ++Learned[Opc];
    Pre.learn(Encoding, Size, Ref,
              [this](uint32_t E, unsigned S, Decoded &Out) {
                uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                                uint8_t(E >> 24)};
                return Env.decode(ArrayRef<uint8_t>(B, S), 0, Scratch) == S &&
                       toDecoded(Scratch, E, S, Out);
              });
  }
};

std::unique_ptr<RoundTripCache> RoundTripCache::create(const MCEnvironment &Env) {
  if (const char *V = std::getenv("SNIPGEN_PREDECODE");
      V && StringRef(V) == "off")
    return nullptr;
  return std::unique_ptr<RoundTripCache>(new RoundTripCache(Env));
}

RoundTripCache::RoundTripCache(const MCEnvironment &Env)
    : P(std::make_unique<Impl>(Env)) {}

RoundTripCache::~RoundTripCache() = default;

bool RoundTripCache::knownToRoundTrip(const MCInst &Inst,
                                      ArrayRef<uint8_t> Bytes) {
  if (!P->known(Inst, Bytes))
    return false;
  ++Hits;
  return true;
}

void RoundTripCache::learnFrom(ArrayRef<uint8_t> Bytes, const MCInst &Decoded) {
  P->learn(Bytes, Decoded);
}

size_t RoundTripCache::templates() const { return P->Pre.templates(); }

} // namespace snipgen
