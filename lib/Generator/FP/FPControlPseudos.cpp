//===- FPControlPseudos.cpp - ReadFFLAGS, WriteFRMImm, ... ----------------===//
#include "FPControlPseudos.h"
#include "snipgen/Generator/FPControl.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringSwitch.h"

using namespace llvm;

namespace snipgen {

namespace {
enum class Form { Read, WriteImm, SwapImm, Write };
struct PseudoSpec {
  StringLiteral Name;
  Form F;
  int64_t CSR; // fflags 0x001, frm 0x002, fcsr 0x003
};
} // namespace

static const PseudoSpec Specs[] = {
    {"ReadFFLAGS", Form::Read, 1},         {"ReadFRM", Form::Read, 2},
    {"ReadFCSR", Form::Read, 3},           {"WriteFFLAGSImm", Form::WriteImm, 1},
    {"WriteFRMImm", Form::WriteImm, 2},    {"WriteFCSRImm", Form::WriteImm, 3},
    {"SwapFFLAGSImm", Form::SwapImm, 1},   {"SwapFRMImm", Form::SwapImm, 2},
    {"SwapFCSRImm", Form::SwapImm, 3},     {"WriteFFLAGS", Form::Write, 1},
    {"WriteFRM", Form::Write, 2},          {"WriteFCSR", Form::Write, 3},
};

static const StringLiteral Names[] = {
    "ReadFFLAGS",    "ReadFRM",     "ReadFCSR",    "WriteFFLAGSImm",
    "WriteFRMImm",   "WriteFCSRImm", "SwapFFLAGSImm", "SwapFRMImm",
    "SwapFCSRImm",   "WriteFFLAGS", "WriteFRM",    "WriteFCSR"};

ArrayRef<StringLiteral> fpControlPseudoNames() { return Names; }

static const PseudoSpec *findSpec(StringRef Name) {
  for (const PseudoSpec &S : Specs)
    if (S.Name == Name)
      return &S;
  return nullptr;
}

std::optional<FPControlSourceRule> fpControlSourceRule(StringRef Name) {
  const PseudoSpec *S = findSpec(Name);
  if (!S || S->F != Form::Write || S->CSR == 1)
    return std::nullopt;
  // CSRRW rd, csr, rs1: the source is the third operand.
  return FPControlSourceRule{2, S->CSR == 3};
}

static void fixImmediate(ImmediateDomain &D, int64_t Lo, int64_t Hi) {
  D.Values.clear();
  for (int64_t V = Lo; V <= Hi; ++V)
    D.Values.push_back(V);
  D.Min = Lo;
  D.Max = Hi;
  D.Step = 1;
  D.ZeroExcluded = false;
}

std::unique_ptr<OpcodeDesc> buildFPControlPseudo(StringRef Name,
                                                 const ISACatalogue &Cat,
                                                 std::string *Why) {
  const PseudoSpec *S = findSpec(Name);
  if (!S)
    return nullptr;
  auto Fail = [&](const Twine &Msg) -> std::unique_ptr<OpcodeDesc> {
    if (Why)
      *Why = Msg.str();
    return nullptr;
  };
  const MCEnvironment &Env = Cat.env();
  StringRef Base = S->F == Form::Read      ? "CSRRS"
                   : S->F == Form::Write   ? "CSRRW"
                                           : "CSRRWI";
  const OpcodeDesc *B = Cat.lookup(Base);
  if (!B)
    return Fail("it is a " + Base +
                " instruction, which the subtarget does not have (Zicsr)");
  if (!Cat.lookup("FADD_S"))
    return Fail("fflags, frm and fcsr need the F extension");
  auto D = std::make_unique<OpcodeDesc>(*B);
  D->Name = S->Name;
  unsigned Zero = Env.findRegister("X0");
  int RD = -1, Src = -1, CSROp = -1, UImm = -1;
  for (unsigned I = 0; I < D->Operands.size(); ++I) {
    const OperandDesc &OD = D->Operands[I];
    if (OD.isReg())
      (OD.IsDef ? RD : Src) = I;
    else if (CSROp < 0)
      CSROp = I;
    else
      UImm = I;
  }
  if (RD < 0 || CSROp < 0 || (S->F == Form::Write || S->F == Form::Read
                                  ? Src < 0
                                  : UImm < 0))
    return Fail("the operands of " + Base + " are not as expected");
  fixImmediate(D->Operands[CSROp].Imm, S->CSR, S->CSR);
  switch (S->F) {
  case Form::Read:
    D->Operands[Src].LegalRegs = {Zero};
    break;
  case Form::WriteImm:
  case Form::SwapImm:
    if (S->F == Form::WriteImm)
      D->Operands[RD].LegalRegs = {Zero};
    // frm holds a rounding mode: 5-7 would make every dynamic-rounding
    // instruction after it trap.
    if (S->CSR == 2)
      fixImmediate(D->Operands[UImm].Imm, 0, 4);
    break;
  case Form::Write:
    D->Operands[RD].LegalRegs = {Zero};
    break;
  }
  return D;
}

} // namespace snipgen
