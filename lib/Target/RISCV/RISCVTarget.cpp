//===- RISCVTarget.cpp - RISC-V registers, last instruction, attributes ---===//
#include "RISCVTarget.h"
#include "RISCVControlFlow.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstrInfo.h"

using namespace llvm;

namespace snipgen {

// Vendor extensions: their opcodes are probed only when one of the vendor's
// features is enabled (some of their encoders crash on arbitrary operands).
static const struct {
  StringLiteral OpcodePrefix;
  StringLiteral FeaturePrefix;
} VendorOpcodes[] = {
    {"CV_", "+xcv"},      {"MIPS_", "+xmips"}, {"NDS_", "+xandes"},
    {"QC_", "+xqc"},      {"QK_", "+xqc"},     {"RI_", "+xrivos"},
    {"SF_", "+xsf"},      {"SMT_", "+xsmt"},   {"TH_", "+xthead"},
    {"InsnQC", "+xqc"},   {"VT_", "+xventana"}, {"WCH_", "+xwch"},
};

bool RISCVTarget::shouldProbe(StringRef Name,
                              const SubtargetSelection &Sel) const {
  // .insn directive forms encode anything; they are not instructions.
  if (Name.starts_with("Insn"))
    return false;
  for (const auto &V : VendorOpcodes)
    if (Name.starts_with(V.OpcodePrefix)) {
      SmallVector<StringRef, 32> Features;
      StringRef(Sel.Features).split(Features, ',');
      return any_of(Features, [&](StringRef F) {
        return F.starts_with(V.FeaturePrefix);
      });
    }
  return true;
}

std::string RISCVTarget::whyNotGenerated(const OpcodeDesc &Op) const {
  // LLVM gives Svinval's HINVAL_VVMA/HINVAL_GVMA to every Svinval subtarget,
  // but they belong to the hypervisor extension, which snipgen does not
  // model (they trap as illegal without H).
  if (Op.Name.starts_with("HINVAL_"))
    return "it needs the hypervisor extension (H), which snipgen does not "
           "model; use SINVAL_VMA, SFENCE_W_INVAL and SFENCE_INVAL_IR for "
           "Svinval";
  return {};
}

bool RISCVTarget::isCacheBlockOp(const OpcodeDesc &Op) const {
  // Zicbom and Zicboz; Zicbop's PREFETCH.* are hints that never access or
  // fault, so they need no address.
  return Op.Name.starts_with("CBO_");
}

GenTarget::ReservationRole
RISCVTarget::reservationRole(const OpcodeDesc &Op) const {
  if (Op.Name.starts_with("LR_"))
    return ReservationRole::LoadReserved;
  if (Op.Name.starts_with("SC_"))
    return ReservationRole::StoreConditional;
  return ReservationRole::None;
}

std::vector<std::string>
RISCVTarget::reservationPartners(StringRef Name) const {
  // LR_W_AQ -> SC_W_AQ, then SC_W; SC_D_RL -> LR_D_RL, then LR_D.
  StringRef Other = Name.starts_with("LR_") ? "SC_" : "LR_";
  StringRef Rest = Name.drop_front(3); // "W_AQ"
  std::vector<std::string> P{(Other + Rest).str()};
  StringRef Width = Rest.take_until([](char C) { return C == '_'; });
  if (Width != Rest)
    P.push_back((Other + Width).str());
  return P;
}

void RISCVTarget::emitRetryBranch(const MCEnvironment &Env, unsigned Status,
                                  int64_t BackBytes, InstSink &Out) const {
  MCInst B;
  B.setOpcode(Env.findOpcode("BNE"));
  B.addOperand(MCOperand::createReg(Status));
  B.addOperand(MCOperand::createReg(zeroRegister(Env)));
  B.addOperand(MCOperand::createImm(-BackBytes));
  Out.emit(B);
}

unsigned RISCVTarget::accessSize(StringRef OpcodeName) const {
  return riscvAccessSize(OpcodeName);
}

unsigned RISCVTarget::accessAlignment(const OpcodeDesc &Op) const {
  // Atomics trap when misaligned; ordinary loads and stores may be
  // misaligned (memory schemes decide whether they are).
  if (riscvIsAtomicAccess(Op.Name))
    return std::max(1u, accessSize(Op.Name));
  return 1;
}

unsigned RISCVTarget::zeroRegister(const MCEnvironment &Env) const {
  return Env.findRegister("X0");
}
unsigned RISCVTarget::stackPointer(const MCEnvironment &Env) const {
  return Env.findRegister("X2");
}
unsigned RISCVTarget::returnAddress(const MCEnvironment &Env) const {
  return Env.findRegister("X1");
}

std::vector<unsigned>
RISCVTarget::addressRegisters(const MCEnvironment &Env) const {
  std::vector<unsigned> Regs;
  unsigned Count = Env.selection().ISAString.find("rv32e") == 0 ||
                           Env.selection().ISAString.find("rv64e") == 0
                       ? 16
                       : 32;
  for (unsigned I = 1; I < Count; ++I)
    Regs.push_back(Env.findRegister(("X" + Twine(I)).str()));
  return Regs;
}

bool RISCVTarget::isControlFlow(const OpcodeDesc &Op) const {
  // JAL and JALR carry no branch/call flag in LLVM's tables; JAL is caught
  // by its PC-relative operand, the register jumps by name.
  return Op.hasControlFlowTraits() || Op.Name == "JALR" ||
         Op.Name == "C_JR" || Op.Name == "C_JALR";
}

bool RISCVTarget::isStackPointerRelative(const OpcodeDesc &Op,
                                         const MCEnvironment &Env) const {
  unsigned SP = stackPointer(Env);
  for (const OperandDesc &OD : Op.Operands)
    if (OD.isReg() && OD.LegalRegs.size() == 1 && OD.LegalRegs[0] == SP)
      return true;
  return false;
}

Expected<std::optional<MCInst>>
RISCVTarget::lastInstruction(const MCEnvironment &Env, StringRef Spec) const {
  if (Spec.empty())
    return std::nullopt;
  MCInst I;
  if (Spec.equals_insensitive("RET")) {
    I.setOpcode(Env.findOpcode("JALR"));
    I.addOperand(MCOperand::createReg(zeroRegister(Env)));
    I.addOperand(MCOperand::createReg(returnAddress(Env)));
    I.addOperand(MCOperand::createImm(0));
    return I;
  }
  unsigned Op = Env.findOpcode(Spec.upper());
  if (Op == ~0u || Env.instrInfo().get(Op).getNumOperands() != 0)
    return makeOptionError("last-instr",
                           "'" + Spec +
                               "' is not an instruction without operands; "
                               "use EBREAK (default), RET, another "
                               "operand-less opcode such as ECALL or WFI, or "
                               "an empty value for none");
  I.setOpcode(Op);
  return I;
}

std::string RISCVTarget::objectAttributesAsm(const SubtargetSelection &Sel) const {
  // Without Tag_RISCV_arch objdump cannot decode extensions such as V.
  return "\t.attribute stack_align, 16\n\t.attribute arch, \"" + Sel.ISAString +
         "\"\n";
}

std::unique_ptr<ControlFlowTarget>
RISCVTarget::createControlFlowTarget(const MCEnvironment &Env,
                                     const ISACatalogue &Cat) const {
  return std::make_unique<RISCVControlFlow>(Env, Cat);
}

std::unique_ptr<GenTarget> createRISCVTarget() {
  return std::make_unique<RISCVTarget>();
}

} // namespace snipgen
