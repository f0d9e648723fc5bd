//===- X86Encoder.cpp - x86-64 machine code through LLVM's MC layer -------===//
#include "JIT/X86/X86Encoder.h"

#include "snipgen/Support/OpcodeIndex.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCFixup.h"
#include "llvm/MC/MCInstBuilder.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/TargetParser/Triple.h"
#include <cassert>
#include <cstring>
#include <mutex>

using namespace llvm;

namespace snipgen::model::jit::x86 {

struct X86Encoder::MCState {
  std::unique_ptr<MCRegisterInfo> MRI;
  std::unique_ptr<MCInstrInfo> MII;
  std::unique_ptr<MCSubtargetInfo> STI;
  std::unique_ptr<MCAsmInfo> MAI;
  std::unique_ptr<MCContext> Ctx;
  std::unique_ptr<MCCodeEmitter> Emitter;
};

X86Encoder::~X86Encoder() = default;

namespace {
struct OpcodeSpec {
  const char *Name;
  unsigned Operands;
};
constexpr OpcodeSpec Specs[] = {
#define SNIPGEN_X86_OPCODE(Name, Operands) {#Name, Operands},
#include "JIT/X86/X86Opcodes.def"
};
static_assert(std::size(Specs) == size_t(XOp::Count));

// Register names of the three views, in hardware order.
constexpr const char *Names64[NumGprs] = {
    "RAX", "RCX", "RDX", "RBX", "RSP", "RBP", "RSI", "RDI",
    "R8",  "R9",  "R10", "R11", "R12", "R13", "R14", "R15"};
constexpr const char *Names32[NumGprs] = {
    "EAX", "ECX", "EDX", "EBX", "ESP", "EBP", "ESI", "EDI",
    "R8D", "R9D", "R10D", "R11D", "R12D", "R13D", "R14D", "R15D"};
constexpr const char *Names16[NumGprs] = {
    "AX",  "CX",  "DX",  "BX",  "SP",  "BP",  "SI",  "DI",
    "R8W", "R9W", "R10W", "R11W", "R12W", "R13W", "R14W", "R15W"};
constexpr const char *Names8[NumGprs] = {
    "AL",  "CL",  "DL",  "BL",  "SPL", "BPL", "SIL", "DIL",
    "R8B", "R9B", "R10B", "R11B", "R12B", "R13B", "R14B", "R15B"};
} // namespace

bool X86Encoder::init(std::string &Why) {
#if defined(__x86_64__)
  __builtin_cpu_init();
  if (!__builtin_cpu_supports("bmi") || !__builtin_cpu_supports("bmi2")) {
    Why = "the host has no BMI1/BMI2";
    return false;
  }
#else
  Why = "the host is not x86-64";
  return false;
#endif
  InitializeNativeTarget(); // The X86 target, with its MC layer.
  Triple TT("x86_64-unknown-linux-gnu");
  std::string Error;
  const Target *T = TargetRegistry::lookupTarget(TT, Error);
  if (!T) {
    Why = "LLVM has no x86-64 target: " + Error;
    return false;
  }
  MC = std::make_unique<MCState>();
  MC->MRI.reset(T->createMCRegInfo(TT));
  MC->MII.reset(T->createMCInstrInfo());
  MC->STI.reset(T->createMCSubtargetInfo(TT, "x86-64", "+bmi,+bmi2"));
  MCTargetOptions Options;
  if (MC->MRI)
    MC->MAI.reset(T->createMCAsmInfo(*MC->MRI, TT, Options));
  if (!MC->MRI || !MC->MII || !MC->STI || !MC->MAI) {
    Why = "LLVM's x86-64 MC layer is incomplete";
    return false;
  }
  MC->Ctx = std::make_unique<MCContext>(TT, MC->MAI.get(), MC->MRI.get(),
                                        MC->STI.get());
  MC->Emitter.reset(T->createMCCodeEmitter(*MC->MII, *MC->Ctx));
  if (!MC->Emitter) {
    Why = "LLVM has no x86-64 code emitter";
    return false;
  }
  // Reading all 22,000 x86 opcode names (OpcodeIndex) costs half a
  // millisecond of a run's start: LLVM numbers its target-independent
  // opcodes first and the target's after them, sorted by name, so a binary
  // search over the target's opcodes finds each name; a name it misses is
  // looked up in the full index.
  const MCInstrInfo &MII = *MC->MII;
  unsigned N = MII.getNumOpcodes(), First = 0, Last = N;
  while (First < Last) { // The first opcode not marked pseudo.
    unsigned Mid = First + (Last - First) / 2;
    if (MII.get(Mid).isPseudo())
      First = Mid + 1;
    else
      Last = Mid;
  }
  std::unique_ptr<OpcodeIndex> ByName;
  for (size_t I = 0; I < std::size(Specs); ++I) {
    unsigned Op = OpcodeIndex::findSorted(MII, First, N, Specs[I].Name);
    if (Op == ~0u) {
      if (!ByName)
        ByName = std::make_unique<OpcodeIndex>(MII);
      Op = ByName->find(Specs[I].Name);
    }
    if (Op == ~0u ||
        MC->MII->get(Op).getNumOperands() != Specs[I].Operands) {
      Why = std::string("LLVM's x86 opcode ") + Specs[I].Name +
            (Op == ~0u ? " is missing" : " has other operands");
      return false;
    }
    Opcodes[I] = Op;
  }
  for (unsigned Found = 0, R = 1, N = MC->MRI->getNumRegs(); R < N; ++R) {
    const char *Name = MC->MRI->getName(R);
    for (unsigned G = 0; G < NumGprs; ++G) {
      if (!std::strcmp(Name, Names64[G]))
        Regs64[G] = R, ++Found;
      else if (!std::strcmp(Name, Names32[G]))
        Regs32[G] = R, ++Found;
      else if (!std::strcmp(Name, Names16[G]))
        Regs16[G] = R, ++Found;
      else if (!std::strcmp(Name, Names8[G]))
        Regs8[G] = R, ++Found;
    }
    if (Found == 4 * NumGprs)
      return true;
  }
  Why = "LLVM's x86 register names are not the expected ones";
  return false;
}

const X86Encoder *X86Encoder::get(std::string &Why) {
  static std::once_flag Once;
  static X86Encoder *Instance = nullptr;
  static std::string CreateError;
  std::call_once(Once, [] {
    auto *E = new X86Encoder();
    if (E->init(CreateError))
      Instance = E;
    else
      delete E;
  });
  if (!Instance)
    Why = "direct compilation is off: " + CreateError;
  return Instance;
}

void X86Encoder::encode(const MCInst &I, SmallVectorImpl<char> &Out) const {
  SmallVector<MCFixup, 1> Fixups; // Only jumps have one; Assembler patches.
  MC->Emitter->encodeInstruction(I, Out, Fixups, *MC->STI);
}

//===----------------------------------------------------------------------===//
// Assembler
//===----------------------------------------------------------------------===//

namespace {
bool isInt8(int64_t V) { return V >= -128 && V <= 127; }
} // namespace

Assembler::Label Assembler::newLabel() {
  LabelAt.push_back(-1);
  return Label(LabelAt.size() - 1);
}

void Assembler::bind(Label L) { LabelAt[L] = int64_t(Code.size()); }

void Assembler::jumpTo(Label L) { Patches.push_back({Code.size(), L}); }

void Assembler::jmp(Label L) {
  emit(MCInstBuilder(E.opcode(XOp::JMP_4)).addImm(0));
  jumpTo(L);
}

void Assembler::jcc(CC C, Label L) {
  emit(MCInstBuilder(E.opcode(XOp::JCC_4)).addImm(0).addImm(unsigned(C)));
  jumpTo(L);
}

void Assembler::tied(XOp O, Gpr D, Gpr S) {
  bool Narrow = O == XOp::XOR32rr;
  MCRegister RD = Narrow ? E.reg32(D) : E.reg64(D);
  MCRegister RS = Narrow ? E.reg32(S) : E.reg64(S);
  emit(MCInstBuilder(E.opcode(O)).addReg(RD).addReg(RD).addReg(RS));
}

void Assembler::tiedImm(XOp O, Gpr D, int64_t Imm) {
  // The short-immediate twin of each 32-bit-immediate form.
  struct Pair { XOp Long, Short; };
  static constexpr Pair Shorter[] = {
      {XOp::ADD64ri32, XOp::ADD64ri8}, {XOp::SUB64ri32, XOp::SUB64ri8},
      {XOp::AND64ri32, XOp::AND64ri8}, {XOp::OR64ri32, XOp::OR64ri8},
      {XOp::XOR64ri32, XOp::XOR64ri8}};
  if (isInt8(Imm))
    for (const Pair &P : Shorter)
      if (P.Long == O)
        O = P.Short;
  bool Narrow = O == XOp::SHL32ri || O == XOp::SHR32ri || O == XOp::SAR32ri;
  MCRegister RD = Narrow ? E.reg32(D) : E.reg64(D);
  emit(MCInstBuilder(E.opcode(O)).addReg(RD).addReg(RD).addImm(Imm));
}

void Assembler::three(XOp O, Gpr D, Gpr A, Gpr B) {
  bool Narrow =
      O == XOp::SHLX32rr || O == XOp::SHRX32rr || O == XOp::SARX32rr;
  auto R = [&](Gpr G) { return Narrow ? E.reg32(G) : E.reg64(G); };
  emit(MCInstBuilder(E.opcode(O)).addReg(R(D)).addReg(R(A)).addReg(R(B)));
}

void Assembler::unary(XOp O, Gpr D) {
  emit(MCInstBuilder(E.opcode(O)).addReg(E.reg64(D)).addReg(E.reg64(D)));
}

void Assembler::mov(Gpr D, Gpr S) {
  emit(MCInstBuilder(E.opcode(XOp::MOV64rr)).addReg(E.reg64(D)).addReg(E.reg64(S)));
}

void Assembler::mov32(Gpr D, Gpr S) {
  emit(MCInstBuilder(E.opcode(XOp::MOV32rr)).addReg(E.reg32(D)).addReg(E.reg32(S)));
}

void Assembler::movImm(Gpr D, uint64_t V) {
  if (V == 0) // xor r32, r32: the shortest zero (and it clears the top half).
    return tied(XOp::XOR32rr, D, D);
  if (V <= 0xffffffffull)
    emit(MCInstBuilder(E.opcode(XOp::MOV32ri)).addReg(E.reg32(D)).addImm(int64_t(V)));
  else if (int64_t(V) == int64_t(int32_t(V)))
    emit(MCInstBuilder(E.opcode(XOp::MOV64ri32)).addReg(E.reg64(D)).addImm(int64_t(V)));
  else
    emit(MCInstBuilder(E.opcode(XOp::MOV64ri)).addReg(E.reg64(D)).addImm(int64_t(V)));
}

void Assembler::movsxd(Gpr D, Gpr S) {
  emit(MCInstBuilder(E.opcode(XOp::MOVSX64rr32)).addReg(E.reg64(D)).addReg(E.reg32(S)));
}

void Assembler::zeroExtend8(Gpr D) {
  emit(MCInstBuilder(E.opcode(XOp::MOVZX32rr8)).addReg(E.reg32(D)).addReg(E.reg8(D)));
}

void Assembler::lea(Gpr D, Gpr Base, Gpr Index, unsigned Scale, int32_t Disp,
                    bool Bits32) {
  MCInstBuilder I(E.opcode(Bits32 ? XOp::LEA64_32r : XOp::LEA64r));
  I.addReg(Bits32 ? E.reg32(D) : E.reg64(D))
      .addReg(E.reg64(Base))
      .addImm(Scale)
      .addReg(Index == NoGpr ? MCRegister() : E.reg64(Index))
      .addImm(Disp)
      .addReg(MCRegister());
  emit(I);
}

void Assembler::load(Gpr D, Gpr Base, int32_t Disp) {
  emit(MCInstBuilder(E.opcode(XOp::MOV64rm))
           .addReg(E.reg64(D)).addReg(E.reg64(Base)).addImm(1)
           .addReg(MCRegister()).addImm(Disp).addReg(MCRegister()));
}

void Assembler::store(Gpr Base, int32_t Disp, Gpr S) {
  emit(MCInstBuilder(E.opcode(XOp::MOV64mr))
           .addReg(E.reg64(Base)).addImm(1).addReg(MCRegister()).addImm(Disp)
           .addReg(MCRegister()).addReg(E.reg64(S)));
}

void Assembler::loadSized(Gpr D, Gpr Base, unsigned Size, bool Signed) {
  XOp O;
  bool Narrow = false; // A 32-bit destination (zero-extends to 64).
  switch (Size) {
  case 1: O = Signed ? XOp::MOVSX64rm8 : XOp::MOVZX32rm8; Narrow = !Signed; break;
  case 2: O = Signed ? XOp::MOVSX64rm16 : XOp::MOVZX32rm16; Narrow = !Signed; break;
  case 4: O = Signed ? XOp::MOVSX64rm32 : XOp::MOV32rm; Narrow = !Signed; break;
  default: O = XOp::MOV64rm; break;
  }
  emit(MCInstBuilder(E.opcode(O))
           .addReg(Narrow ? E.reg32(D) : E.reg64(D)).addReg(E.reg64(Base))
           .addImm(1).addReg(MCRegister()).addImm(0).addReg(MCRegister()));
}

void Assembler::storeSized(Gpr Base, Gpr S, unsigned Size) {
  XOp O = Size == 1 ? XOp::MOV8mr : Size == 2 ? XOp::MOV16mr
        : Size == 4 ? XOp::MOV32mr : XOp::MOV64mr;
  MCRegister R = Size == 1 ? E.reg8(S) : Size == 2 ? E.reg16(S)
               : Size == 4 ? E.reg32(S) : E.reg64(S);
  emit(MCInstBuilder(E.opcode(O))
           .addReg(E.reg64(Base)).addImm(1).addReg(MCRegister()).addImm(0)
           .addReg(MCRegister()).addReg(R));
}

void Assembler::tiedMem(XOp O, Gpr D, Gpr Base, int32_t Disp) {
  emit(MCInstBuilder(E.opcode(O))
           .addReg(E.reg64(D)).addReg(E.reg64(D)).addReg(E.reg64(Base))
           .addImm(1).addReg(MCRegister()).addImm(Disp).addReg(MCRegister()));
}

void Assembler::cmpMem(Gpr A, Gpr Base, int32_t Disp) {
  emit(MCInstBuilder(E.opcode(XOp::CMP64rm))
           .addReg(E.reg64(A)).addReg(E.reg64(Base)).addImm(1)
           .addReg(MCRegister()).addImm(Disp).addReg(MCRegister()));
}

void Assembler::testImm(Gpr A, int32_t Imm) {
  emit(MCInstBuilder(E.opcode(XOp::TEST64ri32)).addReg(E.reg64(A)).addImm(Imm));
}

void Assembler::storeImm(Gpr Base, int32_t Disp, int32_t Imm) {
  emit(MCInstBuilder(E.opcode(XOp::MOV64mi32))
           .addReg(E.reg64(Base)).addImm(1).addReg(MCRegister()).addImm(Disp)
           .addReg(MCRegister()).addImm(Imm));
}

void Assembler::cmp(Gpr A, Gpr B) {
  emit(MCInstBuilder(E.opcode(XOp::CMP64rr)).addReg(E.reg64(A)).addReg(E.reg64(B)));
}

void Assembler::cmpImm(Gpr A, int32_t Imm) {
  XOp O = isInt8(Imm) ? XOp::CMP64ri8 : XOp::CMP64ri32;
  emit(MCInstBuilder(E.opcode(O)).addReg(E.reg64(A)).addImm(Imm));
}

void Assembler::test(Gpr A, Gpr B) {
  emit(MCInstBuilder(E.opcode(XOp::TEST64rr)).addReg(E.reg64(A)).addReg(E.reg64(B)));
}

void Assembler::setcc(CC C, Gpr D) {
  emit(MCInstBuilder(E.opcode(XOp::SETCCr)).addReg(E.reg8(D)).addImm(unsigned(C)));
}

void Assembler::cmov(CC C, Gpr D, Gpr S) {
  emit(MCInstBuilder(E.opcode(XOp::CMOV64rr))
           .addReg(E.reg64(D)).addReg(E.reg64(D)).addReg(E.reg64(S))
           .addImm(unsigned(C)));
}

void Assembler::push(Gpr R) {
  emit(MCInstBuilder(E.opcode(XOp::PUSH64r)).addReg(E.reg64(R)));
}

void Assembler::pop(Gpr R) {
  emit(MCInstBuilder(E.opcode(XOp::POP64r)).addReg(E.reg64(R)));
}

void Assembler::ret() { emit(MCInstBuilder(E.opcode(XOp::RET64))); }

SmallVector<char, 0> Assembler::finish() {
  for (auto [End, L] : Patches) {
    assert(LabelAt[L] >= 0 && "jump to an unbound label");
    int32_t Rel = int32_t(LabelAt[L] - int64_t(End));
    std::memcpy(&Code[End - 4], &Rel, 4);
  }
  Patches.clear();
  return std::move(Code);
}

} // namespace snipgen::model::jit::x86
