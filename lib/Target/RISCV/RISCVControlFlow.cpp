//===- RISCVControlFlow.cpp - RISC-V branches, jumps and calls ------------===//
//
// Terminator forms (shortest first; a form that cannot reach says so):
//   conditional branch:  Bcc | Binv over JAL | Binv over AUIPC+JALR
//   jump (C.J, JAL x0):  C.J | JAL | AUIPC+JALR
//   indirect jump:       AUIPC t + JALR x0 (C.JR: AUIPC t, ADDI t, C.JR t)
//   call:                JAL ra (C.JAL) | AUIPC ra + JALR ra
//                        (JALR: AUIPC+JALR; C.JALR: AUIPC ra, ADDI, C.JALR)
//   loop latch:          counter - 1, then BNE (C.BNEZ) back | BEQ over ...
// Offsets are checked against the legal values the ISA catalogue probed for
// each PC-relative operand, so a form never encodes a truncated offset.
//===----------------------------------------------------------------------===//
#include "RISCVControlFlow.h"
#include "RISCVTarget.h"
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringSwitch.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace snipgen {

ControlFlowTarget::~ControlFlowTarget() = default;

static StringRef invertedName(StringRef N);

RISCVControlFlow::RISCVControlFlow(const MCEnvironment &Env,
                                   const ISACatalogue &Cat)
    : Env(Env), Cat(Cat) {
  Zero = Env.findRegister("X0");
  RA = Env.findRegister("X1");
  XLen = Env.selection().XLen;
  VLenB = riscvVLen(Env.subtargetInfo()) / 8;
  HasC = Cat.lookup("C_NOP") != nullptr;
  Op = {op("LUI"),    op("ADDIW"),  op("SLLI"),
        op("JAL"),    op("JALR"),   op("AUIPC"), op("ADDI"),
        op("C_J"),    op("C_JAL"),  op("C_JR"),  op("C_JALR"),
        op("C_ADDI"), op("C_BNEZ"), op("BNE")};
  for (StringRef B :
       {"BEQ", "BNE", "BLT", "BGE", "BLTU", "BGEU", "C_BEQZ", "C_BNEZ"})
    Inverse[op(B)] = op(invertedName(B));
}

unsigned RISCVControlFlow::op(StringRef Name) const {
  return Env.findOpcode(Name);
}

const OpcodeDesc *RISCVControlFlow::desc(StringRef Name) const {
  return Cat.lookup(Name);
}

// The PC-relative operand of Opcode accepts Offset (probed legal values).
bool RISCVControlFlow::reaches(unsigned Opcode, int64_t Offset) const {
  const OpcodeDesc *D = Cat.lookup(Opcode);
  if (!D)
    return false;
  for (const OperandDesc &OD : D->Operands)
    if (OD.Role == OperandRole::PCRelative)
      return OD.Imm.contains(Offset);
  return false;
}

unsigned RISCVControlFlow::size(unsigned Opcode) const {
  return Env.instrInfo().get(Opcode).getSize();
}

static MCOperand reg(unsigned R) { return MCOperand::createReg(R); }
static MCOperand imm(int64_t V) { return MCOperand::createImm(V); }

MCInst RISCVControlFlow::make(unsigned Opcode,
                              std::initializer_list<MCOperand> Ops) const {
  MCInst I;
  I.setOpcode(Opcode);
  for (const MCOperand &O : Ops)
    I.addOperand(O);
  return I;
}

MCInst RISCVControlFlow::make(StringRef Name,
                              std::initializer_list<MCOperand> Ops) const {
  return make(op(Name), Ops);
}

//===-- Classification ----------------------------------------------------===//

static bool isCallName(StringRef N) {
  return N == "JAL" || N == "JALR" || N == "C_JAL" || N == "C_JALR";
}

StringRef invertedName(StringRef N) {
  return StringSwitch<StringRef>(N)
      .Case("BEQ", "BNE")
      .Case("BNE", "BEQ")
      .Case("BLT", "BGE")
      .Case("BGE", "BLT")
      .Case("BLTU", "BGEU")
      .Case("BGEU", "BLTU")
      .Case("C_BEQZ", "C_BNEZ")
      .Case("C_BNEZ", "C_BEQZ")
      .Default("");
}

/// Opcodes that stop every snippet they appear in: they trap (or end the
/// run) unconditionally in a snippet, which has no trap handler. Empty for
/// opcodes that can run.
static StringRef trapReason(StringRef N) {
  return StringSwitch<StringRef>(N)
      .Cases("EBREAK", "C_EBREAK",
             "a breakpoint ends the run; the snippet's own end is chosen "
             "with -last-instr")
      .Case("ECALL", "an environment call traps, and snippets have no trap "
                     "handler")
      .Cases("UNIMP", "C_UNIMP",
             "it is defined to raise an illegal-instruction exception")
      .Case("SFENCE_VMA", "it needs supervisor mode, which the snippet does "
                          "not run in")
      .Cases("CSRRW", "CSRRS", "CSRRC", "CSRRWI", "CSRRSI", "CSRRCI",
             "a random CSR number is almost never implemented, so it traps; use the manual's FP CSR "
             "pseudo-instructions (ReadFFLAGS, WriteFRMImm, ...) to access "
             "fflags, frm and fcsr")
      .Default("");
}

CFRole RISCVControlFlow::classify(const OpcodeDesc &Op) const {
  StringRef N = Op.Name;
  if (!trapReason(N).empty())
    return CFRole::Unsupported;
  if (isCallName(N))
    return CFRole::Call;
  if (N == "C_J")
    return CFRole::Jump;
  if (N == "C_JR")
    return CFRole::IndirectJump;
  if (!invertedName(N).empty() && Cat.lookup(invertedName(N)))
    return CFRole::CondBranch;
  if (Op.hasControlFlowTraits())
    return CFRole::Unsupported;
  return CFRole::None;
}

std::string RISCVControlFlow::unsupportedReason(const OpcodeDesc &Op) const {
  if (StringRef Why = trapReason(Op.Name); !Why.empty())
    return Why.str();
  if (Op.IsReturn)
    return "trap and exception returns are not generated (they would leave "
           "the snippet)";
  if (Op.IsBranch && Op.HasPCRelOperand)
    return "snipgen cannot invert this branch, which far targets need";
  return "this control-flow opcode has no generation rule";
}

CFRole RISCVControlFlow::roleWithoutCallee(const OpcodeDesc &Op) const {
  return Op.Name == "JAL" || Op.Name == "C_JAL" ? CFRole::Jump
                                                : CFRole::IndirectJump;
}

//===-- Terminator forms --------------------------------------------------===//

// Splits a PC-relative distance into AUIPC's upper 20 bits and the low 12
// bits of the following ADDI/JALR; false beyond +-2 GiB.
static bool splitHiLo(int64_t D, int64_t &Hi20, int64_t &Lo12) {
  int64_t Hi = (D + 0x800) >> 12;
  if (Hi < -(int64_t(1) << 19) || Hi >= (int64_t(1) << 19))
    return false;
  Lo12 = D - Hi * 4096;
  Hi20 = Hi & 0xfffff;
  return true;
}

// AUIPC T + JALR Link, T (jump or call through T), starting At bytes into
// the sequence.
bool RISCVControlFlow::farJump(unsigned T, unsigned Link, int64_t Distance,
                               SmallVectorImpl<MCInst> &Out) const {
  int64_t Hi, Lo;
  // RV32 computes addresses modulo 2^32, so AUIPC+JALR reach every
  // address: the distance counts modulo 2^32 too.
  if (XLen == 32)
    Distance = int64_t(int32_t(uint32_t(uint64_t(Distance))));
  if (!T || !splitHiLo(Distance, Hi, Lo))
    return false;
  Out.push_back(make(Op.AUIPC, {reg(T), imm(Hi)}));
  Out.push_back(make(Op.JALR, {reg(Link), reg(T), imm(Lo)}));
  return true;
}

// AUIPC T, ADDI T, then a compressed jump through T (C.JR / C.JALR).
bool RISCVControlFlow::compressedIndirect(StringRef Name, unsigned T,
                                          int64_t Distance,
                                          SmallVectorImpl<MCInst> &Out) const {
  int64_t Hi, Lo;
  if (XLen == 32) // modulo 2^32, as in farJump
    Distance = int64_t(int32_t(uint32_t(uint64_t(Distance))));
  if (!T || T == Zero || !splitHiLo(Distance, Hi, Lo))
    return false;
  Out.push_back(make(Op.AUIPC, {reg(T), imm(Hi)}));
  Out.push_back(make(Op.ADDI, {reg(T), reg(T), imm(Lo)}));
  Out.push_back(make(Name == "C_JR" ? Op.C_JR : Op.C_JALR, {reg(T)}));
  return true;
}

// T = To without its low 12 bits (LUI/ADDI(W)/SLLI, RISCVMaterialize.cpp),
// then JALR Link, lo12(T): reaches every address, through T only.
bool RISCVControlFlow::absoluteJump(unsigned T, unsigned Link, uint64_t To,
                                    SmallVectorImpl<MCInst> &Out) const {
  if (!T || T == Zero)
    return false;
  int64_t Lo = SignExtend64<12>(To);
  for (const MaterializeStep &S :
       riscvMaterializeSteps(To - uint64_t(Lo), XLen)) {
    unsigned Opc = S.Op == MaterializeStep::LUI     ? Op.LUI
                   : S.Op == MaterializeStep::ADDIW ? Op.ADDIW
                   : S.Op == MaterializeStep::SLLI  ? Op.SLLI
                                                    : Op.ADDI;
    if (S.Op == MaterializeStep::LUI)
      Out.push_back(make(Opc, {reg(T), imm(S.Imm)}));
    else
      Out.push_back(
          make(Opc, {reg(T), reg(S.FromZero ? Zero : T), imm(S.Imm)}));
  }
  Out.push_back(make(Op.JALR, {reg(Link), reg(T), imm(Lo)}));
  return true;
}

// Unconditional direct jump of the given form, Distance from its start
// (AbsForm: to *AbsTo).
bool RISCVControlFlow::directJump(unsigned Form, bool AllowCJ, unsigned Link,
                                  unsigned Scratch, int64_t Distance,
                                  const uint64_t *AbsTo,
                                  SmallVectorImpl<MCInst> &Out) const {
  if (Form == AbsForm)
    return AbsTo && absoluteJump(Scratch, Link, *AbsTo, Out);
  if (Form == 0) {
    if (!AllowCJ)
      return false;
    unsigned C = Link == Zero ? Op.C_J : Op.C_JAL;
    if (!reaches(C, Distance)) // also false when C is unavailable
      return false;
    Out.push_back(make(C, {imm(Distance)}));
    return true;
  }
  if (Form == 1) {
    if (!reaches(Op.JAL, Distance))
      return false;
    Out.push_back(make(Op.JAL, {reg(Link), imm(Distance)}));
    return true;
  }
  return farJump(Scratch, Link, Distance, Out);
}

bool RISCVControlFlow::conditional(const MCInst &Branch, unsigned Form,
                                   unsigned Scratch, int64_t Distance,
                                   const uint64_t *AbsTo,
                                   SmallVectorImpl<MCInst> &Out) const {
  unsigned Opc = Branch.getOpcode();
  unsigned PCRel = Branch.getNumOperands() - 1; // RISC-V: offset comes last
  if (Form == 0) {
    if (!reaches(Opc, Distance))
      return false;
    MCInst B = Branch;
    B.getOperand(PCRel) = imm(Distance);
    Out.push_back(B);
    return true;
  }
  // Inverted branch over an unconditional jump to the target.
  MCInst Inv = Branch;
  Inv.setOpcode(Inverse.lookup(Opc));
  unsigned InvSize = size(Inv.getOpcode());
  SmallVector<MCInst, 3> Jump;
  if (!directJump(Form, false, Zero, Scratch, Distance - InvSize, AbsTo,
                  Jump))
    return false;
  int64_t Skip = InvSize;
  for (const MCInst &J : Jump)
    Skip += size(J.getOpcode());
  if (!reaches(Inv.getOpcode(), Skip))
    return false;
  Inv.getOperand(PCRel) = imm(Skip);
  Out.push_back(Inv);
  Out.append(Jump.begin(), Jump.end());
  return true;
}

MCInst RISCVControlFlow::counterDecrement(unsigned Counter,
                                          bool Compressed) const {
  if (Compressed)
    return make(Op.C_ADDI, {reg(Counter), reg(Counter), imm(-1)});
  return make(Op.ADDI, {reg(Counter), reg(Counter), imm(-1)});
}

bool RISCVControlFlow::buildTerminator(const Terminator &T, unsigned Form,
                                       int64_t Distance,
                                       SmallVectorImpl<MCInst> &Out) const {
  return Form < NumForms && build(T, Form, Distance, nullptr, Out);
}

bool RISCVControlFlow::buildAbsoluteTerminator(
    const Terminator &T, uint64_t To, SmallVectorImpl<MCInst> &Out) const {
  return build(T, AbsForm, 0, &To, Out);
}

uint64_t
RISCVControlFlow::absoluteTerminatorMaxBytes(const Terminator &T) const {
  // To = 0 takes one materialising instruction; the longest address takes
  // 8 on RV64 (2 on RV32), all 4 bytes long.
  SmallVector<MCInst, 12> Insts;
  const uint64_t Zero0 = 0;
  if (!build(T, AbsForm, 0, &Zero0, Insts))
    return 0;
  uint64_t S = 0;
  for (const MCInst &I : Insts)
    S += size(I.getOpcode());
  return S + 4 * ((XLen == 64 ? 8 : 2) - 1);
}

bool RISCVControlFlow::build(const Terminator &T, unsigned Form,
                             int64_t Distance, const uint64_t *AbsTo,
                             SmallVectorImpl<MCInst> &Out) const {
  Out.clear();
  StringRef Name = T.Opcode ? Env.instrInfo().getName(T.Opcode) : "";
  const bool Abs = Form == AbsForm;
  switch (T.Kind) {
  case TerminatorKind::FallThrough:
  case TerminatorKind::ExternalCall:
    return Form == 0;
  case TerminatorKind::Branch:
    return conditional(T.Inst, Form, T.Scratch, Distance, AbsTo, Out);
  case TerminatorKind::Jump:
    return directJump(Form, Name == "C_J" || Name == "C_JAL", Zero, T.Scratch,
                      Distance, AbsTo, Out);
  case TerminatorKind::IndirectJump:
    if (Abs)
      return absoluteJump(T.Scratch, Zero, *AbsTo, Out);
    if (Form != 0)
      return false;
    if (Name == "C_JR" || Name == "C_JALR")
      return compressedIndirect("C_JR", T.Scratch, Distance, Out);
    return farJump(T.Scratch, Zero, Distance, Out);
  case TerminatorKind::Call: {
    // The link register: ra, or the callee's under -redefine-ra /
    // -randomize-ra (C.JAL and C.JALR link through ra only; the planner
    // never gives their callees another register).
    unsigned Link = T.Link ? T.Link : RA;
    if (Abs) // through the link register, which the call overwrites
      return absoluteJump(Link, Link, *AbsTo, Out);
    if (Name == "JALR")
      return Form == 0 && farJump(Link, Link, Distance, Out);
    if (Name == "C_JALR")
      return Form == 0 && Link == RA &&
             compressedIndirect("C_JALR", RA, Distance, Out);
    // JAL / C_JAL: the far form goes through the link register itself,
    // which the call overwrites anyway.
    if (Name == "C_JAL" && Link != RA)
      return false;
    return directJump(Form, Name == "C_JAL", Link, Link, Distance, nullptr,
                      Out);
  }
  case TerminatorKind::LoopLatch: {
    MCInst Dec = counterDecrement(T.Counter, T.Compressed);
    unsigned DecSize = size(Dec.getOpcode());
    MCInst Back = T.Compressed
                      ? make(Op.C_BNEZ, {reg(T.Counter), imm(0)})
                      : make(Op.BNE, {reg(T.Counter), reg(Zero), imm(0)});
    if (T.StackSlot) {
      // -use-stack-for-IV: the counter lives on top of the stack; the
      // register holds it only here. The slot is popped on loop exit.
      StringRef Ld = XLen == 64 ? "LD" : "LW", St = XLen == 64 ? "SD" : "SW";
      MCInst Load = make(Ld, {reg(T.Counter), reg(T.StackSP), imm(0)});
      MCInst Store = make(St, {reg(T.Counter), reg(T.StackSP), imm(0)});
      int64_t Before = size(Load.getOpcode()) + DecSize + size(Store.getOpcode());
      SmallVector<MCInst, 3> Rest;
      if (!conditional(Back, Form, T.Scratch, Distance - Before, AbsTo, Rest))
        return false;
      Out.push_back(Load);
      Out.push_back(Dec);
      Out.push_back(Store);
      Out.append(Rest.begin(), Rest.end());
      Out.push_back(make(Op.ADDI, {reg(T.StackSP), reg(T.StackSP),
                                   imm((int64_t)T.StackSlot)}));
      return true;
    }
    SmallVector<MCInst, 3> Rest;
    if (!conditional(Back, Form, T.Scratch, Distance - DecSize, AbsTo, Rest))
      return false;
    Out.push_back(Dec);
    Out.append(Rest.begin(), Rest.end());
    return true;
  }
  }
  return false;
}

unsigned RISCVControlFlow::externalCallSize() const { return 8; }

std::string RISCVControlFlow::externalCallAsm(StringRef Symbol) const {
  // AUIPC ra + JALR ra with an R_RISCV_CALL_PLT relocation: the linker
  // binds the call to the user's definition over the weak stub.
  return ("\tcall " + Symbol + "\n").str();
}

} // namespace snipgen
