//===- SelfCheck.cpp - Check stores and the etalon recorder ---------------===//
#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

Expected<std::unique_ptr<SelfCheckEmitter>>
SelfCheckEmitter::create(const MCEnvironment &Env, const GenTarget &Target,
                         const Layout &L, uint64_t Period, bool CheckVectors) {
  const SectionDesc *Sec = nullptr;
  for (const SectionDesc &S : L.Sections)
    if (S.Name == "selfcheck")
      Sec = &S;
  if (!Sec)
    return makeError("-selfcheck needs a section named 'selfcheck' (ACCESS: "
                     "rw) in the layout's sections to hold the REAL/ETALON "
                     "pairs (32 bytes per check)");
  if (!Sec->Access.W || Sec->Access.X)
    return makeError("the 'selfcheck' section must have ACCESS: rw");
  std::unique_ptr<SelfCheckEmitter> S(new SelfCheckEmitter(Env, Target));
  if (CheckVectors)
    if (unsigned V0 = Env.findRegister("V0")) {
      unsigned VLenB = Target.describeRegister(Env, V0).Bits / 8;
      S->VStore = VLenB ? Env.findOpcode("VS1R_V") : 0;
      if (S->VStore == ~0u)
        S->VStore = 0;
      if (S->VStore)
        S->ValueBytes = std::max(SelfCheckValueBytes, VLenB);
    }
  if (Sec->Size < S->pairBytes())
    return makeError("the 'selfcheck' section (" + Twine(Sec->Size) +
                     " bytes) cannot hold one REAL/ETALON pair (" +
                     Twine(S->pairBytes()) + " bytes)");
  S->Base = Sec->VMA;
  S->Size = Sec->Size;
  S->Period = Period;
  const MCSubtargetInfo &STI = Env.subtargetInfo();
  // The highest GPR: caller-saved under the ABI, so a snippet that honours
  // it owes its caller nothing for it.
  bool RVE = STI.checkFeatures("+e");
  S->Ptr = Env.findRegister(RVE ? "X15" : "X31");
  S->Zero = Env.findRegister("X0");
  bool Is64 = STI.getTargetTriple().isArch64Bit();
  S->XStore = Env.findOpcode(Is64 ? "SD" : "SW");
  S->XBytes = Is64 ? 8 : 4;
  S->AddI = Env.findOpcode("ADDI");
  if (STI.checkFeatures("+d")) {
    S->FStore = Env.findOpcode("FSD");
    S->FBytes = 8;
  } else if (STI.checkFeatures("+f")) {
    S->FStore = Env.findOpcode("FSW");
    S->FBytes = 4;
  } else if (STI.checkFeatures("+zfh") || STI.checkFeatures("+zfhmin")) {
    S->FStore = Env.findOpcode("FSH");
    S->FBytes = 2;
  }
  if (!S->Ptr || S->XStore == ~0u || S->AddI == ~0u)
    return makeError("-selfcheck is implemented for RISC-V targets only");
  return std::move(S);
}

void SelfCheckEmitter::emitInit(InstSink &Out) const {
  Target.materializeValue(Env, Ptr, Base, Out);
}

void SelfCheckEmitter::store(unsigned Opc, unsigned Reg, int64_t Off,
                             InstSink &Out) const {
  MCInst I;
  I.setOpcode(Opc);
  I.addOperand(MCOperand::createReg(Reg));
  I.addOperand(MCOperand::createReg(Ptr));
  I.addOperand(MCOperand::createImm(Off));
  Out.emit(I);
}

// The destination: operand 0 of an instruction with a def, a GPR (X<n>) or
// an FPR of the store's width class (F<n>_{H,F,D}). Instructions whose
// result a device may legitimately compute differently (unmodelled side
// effects: CSR reads, SC results, fences) are not checked.
bool SelfCheckEmitter::checkable(const MCInst &I, unsigned &Reg,
                                 bool &IsFP) const {
  if (I.getOpcode() == 0 && I.getNumOperands() == 0)
    return false;
  const MCInstrDesc &D = Env.instrInfo().get(I.getOpcode());
  if (!D.getNumDefs() || D.hasUnmodeledSideEffects() || D.mayStore() ||
      I.getNumOperands() == 0 || !I.getOperand(0).isReg())
    return false;
  Reg = I.getOperand(0).getReg().id();
  if (!Reg || Reg == Zero || Reg == Ptr)
    return false;
  StringRef Name = Env.registerName(Reg);
  unsigned Idx = 0;
  if (Name.consume_front("X") && !Name.getAsInteger(10, Idx)) {
    IsFP = false;
    return true;
  }
  Name = Env.registerName(Reg);
  if (!FStore || !Name.consume_front("F"))
    return false;
  auto [Num, Suffix] = Name.split('_');
  if (Num.getAsInteger(10, Idx) || Suffix.empty())
    return false;
  // Store the whole FLEN-wide register (NaN-boxed narrower values included).
  std::string Full = ("F" + Num + (FBytes == 8   ? "_D"
                                   : FBytes == 4 ? "_F"
                                                 : "_H"))
                         .str();
  Reg = Env.findRegister(Full);
  IsFP = true;
  return Reg != 0;
}

// RISC-V vector opcodes (vset*, vector arithmetic, loads, moves between
// vector and scalar registers) are the ones named V*.
bool SelfCheckEmitter::isVectorOpcode(const MCInst &I) const {
  return Env.instrInfo().getName(I.getOpcode()).starts_with("V");
}

// A vector destination: operand 0, a def, a vector register or a group or
// tuple of them (V4M2 is v4, v5); Regs receives the registers in order.
bool SelfCheckEmitter::vectorDestination(const MCInst &I,
                                         SmallVectorImpl<unsigned> &Regs) const {
  const MCInstrDesc &D = Env.instrInfo().get(I.getOpcode());
  if (!D.getNumDefs() || I.getNumOperands() == 0 || !I.getOperand(0).isReg())
    return false;
  unsigned Reg = I.getOperand(0).getReg().id();
  if (!Reg)
    return false;
  for (MCSubRegIterator SI(Reg, &Env.regInfo(), /*IncludeSelf=*/true);
       SI.isValid(); ++SI) {
    GenTarget::RegisterFacts F = Target.describeRegister(Env, *SI);
    if (F.K == GenTarget::RegisterFacts::Vector && !is_contained(Regs, *SI))
      Regs.push_back(*SI);
  }
  llvm::sort(Regs, [&](unsigned A, unsigned B) {
    return Target.describeRegister(Env, A).Index <
           Target.describeRegister(Env, B).Index;
  });
  if (Regs.empty())
    return false;
  // The rest of the group under the current configuration.
  if (VectorGroupSize) {
    unsigned First = Target.describeRegister(Env, Regs.front()).Index;
    unsigned N = VectorGroupSize(I);
    for (unsigned K = Regs.size(); K < N && First + K < 32; ++K)
      if (unsigned R = Env.findRegister(("V" + Twine(First + K)).str()))
        if (!is_contained(Regs, R))
          Regs.push_back(R);
  }
  return true;
}

void SelfCheckEmitter::advance(InstSink &Out) {
  MCInst Adv;
  Adv.setOpcode(AddI);
  Adv.addOperand(MCOperand::createReg(Ptr));
  Adv.addOperand(MCOperand::createReg(Ptr));
  Adv.addOperand(MCOperand::createImm(pairBytes()));
  Out.emit(Adv);
  ++Sites;
}

void SelfCheckEmitter::afterPrimary(const MCInst &Primary, InstSink &Out) {
  if (++Count < Period)
    return;
  Count = 0;
  if (Primary.getOpcode() == 0 && Primary.getNumOperands() == 0)
    return;
  if (isVectorOpcode(Primary) && !VStore) {
    // llvm-snippy: "Selfcheck is not supported for this instruction ...
    // for RVV instructions you need to use --enable-selfcheck-rvv".
    ++VectorSkipped;
    return;
  }
  SmallVector<unsigned, 8> VRegs;
  if (vectorDestination(Primary, VRegs)) {
    // One pair per register of the group: REAL is the whole register.
    for (unsigned R : VRegs) {
      MCInst St;
      St.setOpcode(VStore);
      St.addOperand(MCOperand::createReg(R));
      St.addOperand(MCOperand::createReg(Ptr));
      Out.emit(St);
      advance(Out);
    }
    return;
  }
  unsigned Reg = 0;
  bool IsFP = false;
  if (!checkable(Primary, Reg, IsFP))
    return;
  // REAL: the value, then zeros up to the value's width.
  unsigned Bytes = IsFP ? FBytes : XBytes;
  store(IsFP ? FStore : XStore, Reg, 0, Out);
  // Zeros up to the value's width, each store as wide as its alignment
  // allows.
  for (unsigned Off = Bytes; Off < ValueBytes;) {
    unsigned W = XBytes;
    while (Off % W)
      W /= 2;
    static const char *const Names[] = {"", "SB", "SH", "", "SW",
                                        "", "",   "", "SD"};
    store(Env.findOpcode(Names[W]), Zero, Off, Out);
    Off += W;
  }
  advance(Out);
}

void SelfCheckEmitter::afterPrimaryBytes(unsigned Opcode,
                                         ArrayRef<uint8_t> Bytes,
                                         InstSink &Out) {
  MCInst I, Primary;
  for (uint64_t Off = 0; Off < Bytes.size();) {
    unsigned S = Env.decode(Bytes.slice(Off), 0, I);
    if (!S)
      break;
    if (I.getOpcode() == Opcode)
      Primary = I;
    Off += S;
  }
  afterPrimary(Primary, Out);
}

void SelfCheckRecorder::onMemAccess(uint64_t Addr, uint32_t Bytes,
                                    uint64_t Value, bool IsWrite) {
  if (!IsWrite)
    return;
  uint64_t End = Base + Size;
  if (Addr >= End && Next * PairB >= Size) {
    // A check past the end of a full section (model-only overflow memory,
    // or the next section): pairs are counted by their first store.
    uint64_t K = (Addr - End) / PairB;
    if ((Addr - End) % PairB == 0 && K == Beyond)
      ++Beyond;
    return;
  }
  if (Addr < Base || Addr + Bytes > End)
    return;
  uint64_t Off = Addr - Base;
  uint64_t K = Off / PairB;
  if (Off % PairB + Bytes > ValueB) {
    if (Problem.empty())
      Problem = "a store to " + hex(Addr) + " writes an ETALON slot";
    return;
  }
  if (K == Next)
    ++Next;
  else if (K + 1 != Next && Problem.empty())
    Problem = "a check wrote pair " + std::to_string(K) + " while pair " +
              std::to_string(Next) + " was next (the pointer register "
              "was disturbed)";
  if (Real.size() < Next * PairB)
    Real.resize(Next * PairB, 0);
  for (uint32_t B = 0; B < Bytes && B < 8; ++B)
    Real[Off + B] = uint8_t(Value >> (8 * B));
}

Error SelfCheckRecorder::verdict() {
  if (Beyond)
    return makeError(
        "the 'selfcheck' section is too small: the snippet executes " +
        Twine(Next + Beyond) + " checks, which need " +
        Twine((Next + Beyond) * PairB) + " bytes (" +
        hex((Next + Beyond) * PairB) + "), but its SIZE is " +
        Twine(Size) + " (" + hex(Size) + "); enlarge it or raise -selfcheck");
  if (!Problem.empty())
    return makeInternalError("self-check on the model failed: " + Problem);
  return Error::success();
}

Error SelfCheckRecorder::explainRunFailure(Error E) const {
  if (Beyond || Next * PairB < Size)
    return E; // the verdict's exact figure, or not a size problem
  return makeError(
      "the 'selfcheck' section is too small: its " + Twine(Size) + " bytes (" +
      hex(Size) + ") hold " + Twine(Next) +
      " checks and the snippet executes more; at least " +
      Twine((Next + 1) * PairB) +
      " bytes are needed (the model stopped at the first check past the "
      "end, so the exact total is unknown: raise -selfcheck or enlarge the "
      "section generously). The model said: " +
      toString(std::move(E)));
}

std::vector<uint8_t> SelfCheckRecorder::etalonImage() const {
  std::vector<uint8_t> Img(Next * PairB, 0);
  for (uint64_t P = 0; P < Next; ++P)
    for (unsigned B = 0; B < ValueB; ++B)
      Img[P * PairB + ValueB + B] = Real[P * PairB + B];
  return Img;
}

} // namespace snipgen
