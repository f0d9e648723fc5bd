#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Support/OpcodeIndex.h"
#include "snipgen/Support/Error.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCFixup.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/TargetSelect.h"
#include "llvm/Support/raw_ostream.h"
#include <mutex>

using namespace llvm;

namespace snipgen {

void initializeLLVMTargets() {
  // RISC-V only (the triple is checked to be riscv32*/riscv64* first):
  // registering every target LLVM has costs start-up time, and in the
  // executables linked from LLVM's archives would link every target in.
  static std::once_flag Once;
  std::call_once(Once, [] {
    LLVMInitializeRISCVTargetInfo();
    LLVMInitializeRISCVTargetMC();
    LLVMInitializeRISCVDisassembler();
    LLVMInitializeRISCVAsmParser();
  });
}

MCEnvironment::~MCEnvironment() = default;

Expected<std::unique_ptr<MCEnvironment>>
MCEnvironment::create(const SubtargetSelection &Sel) {
  initializeLLVMTargets();
  std::unique_ptr<MCEnvironment> Env(new MCEnvironment());
  Env->Sel = Sel;
  std::string Err;
  Env->TheTarget = TargetRegistry::lookupTarget(Sel.TheTriple, Err);
  if (!Env->TheTarget)
    return makeError("no LLVM target for triple '" + Sel.TheTriple.str() +
                     "': " + Err);
  const Target &T = *Env->TheTarget;
  const Triple &TT = Sel.TheTriple;
  Env->TargetOpts.ABIName = Sel.ABI;
  Env->MRI.reset(T.createMCRegInfo(TT));
  Env->MAI.reset(T.createMCAsmInfo(*Env->MRI, TT, Env->TargetOpts));
  Env->MII.reset(T.createMCInstrInfo());
  Env->STI.reset(T.createMCSubtargetInfo(TT, Sel.CPU, Sel.Features));
  if (!Env->MRI || !Env->MAI || !Env->MII || !Env->STI)
    return makeInternalError("LLVM target '" + TT.str() +
                             "' lacks MC components");
  Env->Ctx = std::make_unique<MCContext>(TT, Env->MAI.get(), Env->MRI.get(),
                                         Env->STI.get());
  Env->MOFI.reset(T.createMCObjectFileInfo(*Env->Ctx, /*PIC=*/false));
  Env->Ctx->setObjectFileInfo(Env->MOFI.get());
  Env->Emitter.reset(T.createMCCodeEmitter(*Env->MII, *Env->Ctx));
  Env->Disasm.reset(T.createMCDisassembler(*Env->STI, *Env->Ctx));
  Env->Printer.reset(T.createMCInstPrinter(TT, /*SyntaxVariant=*/0, *Env->MAI,
                                           *Env->MII, *Env->MRI));
  if (!Env->Emitter || !Env->Disasm || !Env->Printer)
    return makeInternalError("LLVM target '" + TT.str() +
                             "' lacks an encoder, decoder or printer");
  // Canonical instruction names: the generator and the model must see the
  // real opcode, not an alias.
  Env->Printer->applyTargetSpecificCLOption("no-aliases");
  for (unsigned R = 1, E = Env->MRI->getNumRegs(); R != E; ++R)
    Env->RegisterByName[Env->MRI->getName(R)] = R;
  Env->Opcodes = std::make_unique<OpcodeIndex>(*Env->MII);
  return std::move(Env);
}

unsigned MCEnvironment::findRegister(StringRef Name) const {
  auto It = RegisterByName.find(Name);
  return It == RegisterByName.end() ? 0 : It->second;
}

unsigned MCEnvironment::findOpcode(StringRef Name) const {
  return Opcodes->find(Name);
}

StringRef MCEnvironment::registerName(unsigned Reg) const {
  return MRI->getName(Reg);
}

int MCEnvironment::operandRegClass(unsigned Opcode, unsigned OpIdx) const {
  const MCInstrDesc &D = MII->get(Opcode);
  const MCOperandInfo &OI = D.operands()[OpIdx];
  // Some register operands carry a target-specific operand type (e.g. the
  // RISC-V vector mask), so the class, not the type, decides.
  if (OI.RegClass < 0)
    return -1;
  return MII->getOpRegClassID(
      OI, STI->getHwMode(MCSubtargetInfo::HwMode_RegInfo));
}

bool MCEnvironment::encode(const MCInst &Inst, SmallVectorImpl<char> &Out) const {
  SmallVector<MCFixup, 2> Fixups;
  Emitter->encodeInstruction(Inst, Out, Fixups, *STI);
  return Fixups.empty();
}

unsigned MCEnvironment::decode(ArrayRef<uint8_t> Bytes, uint64_t Address,
                               MCInst &Out) const {
  uint64_t Size = 0;
  Out.clear();
  if (Disasm->getInstruction(Out, Size, Bytes, Address, nulls()) !=
      MCDisassembler::Success)
    return 0;
  return Size;
}

std::string MCEnvironment::print(const MCInst &Inst, uint64_t Address) const {
  std::string S;
  raw_string_ostream OS(S);
  Printer->printInst(&Inst, Address, "", *STI, OS);
  OS.flush();
  StringRef T = StringRef(S).trim();
  std::string Out;
  // The printer separates mnemonic and operands with a tab.
  for (char C : T)
    Out += C == '\t' ? ' ' : C;
  return Out;
}

} // namespace snipgen
