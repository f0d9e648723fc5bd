//===- TestAssembler.cpp - Assemble RISC-V text in-process for tests ------===//
#include "TestAssembler.h"

#include "llvm/MC/MCAsmBackend.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCObjectWriter.h"
#include "llvm/MC/MCParser/MCAsmParser.h"
#include "llvm/MC/MCParser/MCTargetAsmParser.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCStreamer.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Object/ObjectFile.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/RISCVISAInfo.h"
#include <mutex>

extern "C" {
void LLVMInitializeRISCVTargetInfo();
void LLVMInitializeRISCVTargetMC();
void LLVMInitializeRISCVAsmParser();
}

using namespace llvm;

namespace snipgen::test {

Expected<std::vector<uint8_t>> assemble(StringRef Source, StringRef Isa) {
  static std::once_flag Once;
  std::call_once(Once, [] {
    LLVMInitializeRISCVTargetInfo();
    LLVMInitializeRISCVTargetMC();
    LLVMInitializeRISCVAsmParser();
  });
  auto ISA = RISCVISAInfo::parseArchString(Isa, true);
  if (!ISA)
    return ISA.takeError();
  std::string Features = "+exact-asm,-relax";
  for (const std::string &F : (*ISA)->toFeatures())
    Features += "," + F;
  Triple TT((*ISA)->getXLen() == 64 ? "riscv64-unknown-elf"
                                    : "riscv32-unknown-elf");
  std::string Err;
  const Target *T = TargetRegistry::lookupTarget(TT, Err);
  if (!T)
    return createStringError(inconvertibleErrorCode(), Err);
  MCTargetOptions Options;
  std::unique_ptr<MCRegisterInfo> MRI(T->createMCRegInfo(TT));
  std::unique_ptr<MCAsmInfo> MAI(T->createMCAsmInfo(*MRI, TT, Options));
  std::unique_ptr<MCInstrInfo> MII(T->createMCInstrInfo());
  std::unique_ptr<MCSubtargetInfo> STI(
      T->createMCSubtargetInfo(TT, "", Features));
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(Source, "test.s"),
                        SMLoc());
  std::string Diags;
  raw_string_ostream DiagOS(Diags);
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Ctx) {
        D.print(nullptr, *static_cast<raw_ostream *>(Ctx), false);
      },
      &DiagOS);
  MCContext Ctx(TT, MAI.get(), MRI.get(), STI.get(), &SM);
  std::unique_ptr<MCObjectFileInfo> MOFI(
      T->createMCObjectFileInfo(Ctx, /*PIC=*/false));
  Ctx.setObjectFileInfo(MOFI.get());
  SmallVector<char, 0> Object;
  raw_svector_ostream OS(Object);
  std::unique_ptr<MCCodeEmitter> CE(T->createMCCodeEmitter(*MII, Ctx));
  std::unique_ptr<MCAsmBackend> MAB(T->createMCAsmBackend(*STI, *MRI, Options));
  std::unique_ptr<MCObjectWriter> OW = MAB->createObjectWriter(OS);
  std::unique_ptr<MCStreamer> Str(T->createMCObjectStreamer(
      TT, Ctx, std::move(MAB), std::move(OW), std::move(CE), *STI));
  std::unique_ptr<MCAsmParser> Parser(createMCAsmParser(SM, Ctx, *Str, *MAI));
  std::unique_ptr<MCTargetAsmParser> TAP(
      T->createMCAsmParser(*STI, *Parser, *MII, Options));
  Parser->setTargetParser(*TAP);
  if (Parser->Run(/*NoInitialTextSection=*/false) || !Diags.empty())
    return createStringError(inconvertibleErrorCode(),
                             "assembly failed:\n" + Diags);
  auto Obj = object::ObjectFile::createObjectFile(
      MemoryBufferRef(StringRef(Object.data(), Object.size()), "test.o"));
  if (!Obj)
    return Obj.takeError();
  for (const object::SectionRef &S : (*Obj)->sections()) {
    Expected<StringRef> Name = S.getName();
    if (!Name || *Name != ".text") {
      if (!Name)
        consumeError(Name.takeError());
      continue;
    }
    Expected<StringRef> Contents = S.getContents();
    if (!Contents)
      return Contents.takeError();
    if (S.relocations().begin() != S.relocations().end())
      return createStringError(inconvertibleErrorCode(),
                               "test code needs relocations (use li with "
                               "absolute addresses instead of la)");
    return std::vector<uint8_t>(Contents->begin(), Contents->end());
  }
  return createStringError(inconvertibleErrorCode(), "no .text section");
}

} // namespace snipgen::test
