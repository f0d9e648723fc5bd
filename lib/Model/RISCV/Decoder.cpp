//===- Decoder.cpp - LLVM MC disassembler behind the model ----------------===//
#include "Decoder.h"
#include "OpcodeIndex.h"
#include "PredecoderCache.h"
#include "snipgen/Support/DiskCache.h"
#include "llvm/Support/MemoryBuffer.h"

#include "llvm/ADT/StringMap.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCDisassembler/MCDisassembler.h"
#include "llvm/MC/MCInst.h"
#include "llvm/MC/MCInstPrinter.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCTargetOptions.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/raw_ostream.h"
#include "llvm/TargetParser/RISCVISAInfo.h"
#include "llvm/TargetParser/Triple.h"
#include <algorithm>
#include <cstdlib>
#include <mutex>

extern "C" {
void LLVMInitializeRISCVTargetInfo();
void LLVMInitializeRISCVTargetMC();
void LLVMInitializeRISCVDisassembler();
}

using namespace llvm;

namespace snipgen::model {

void initializeRISCVTarget() {
  static std::once_flag Once;
  std::call_once(Once, [] {
    LLVMInitializeRISCVTargetInfo();
    LLVMInitializeRISCVTargetMC();
    LLVMInitializeRISCVDisassembler();
  });
}

void registerAllSemantics(SemanticTable &T) {
  registerScalarSemantics(T);
  registerVectorSemantics(T);
}

void registerScalarSemantics(SemanticTable &T) {
  registerIntegerSemantics(T);
  registerMulDivSemantics(T);
  registerAtomicSemantics(T);
  registerCompressedSemantics(T);
  registerSystemSemantics(T);
  registerBitManipSemantics(T);
  registerCondOpsSemantics(T);
  registerFloatSemantics(T);
  registerDoubleSemantics(T);
  registerHalfSemantics(T);
  registerScalarCryptoSemantics(T);
  registerAtomicExtSemantics(T);
  registerZcbSemantics(T);
  registerMayBeOpSemantics(T);
  registerCacheBlockSemantics(T);
  registerHintSemantics(T);
  registerSvinvalSemantics(T);
  registerZfaSemantics(T);
  registerZfinxSemantics(T);
  registerZfbfminSemantics(T);
}

Decoder::~Decoder() {
  // Templates learned in this run join the file (PredecoderCache.h).
  if (!TemplateCachePath.empty() && Pre.templates() > CachedTemplates)
    writeDiskCacheFile(TemplateCachePath,
                       PredecoderCache::serialize(Pre, TemplateCacheKey));
}

void Decoder::useTemplateCache() {
  if (!LearnAfter || Pre.templates() != 0)
    return;
  TemplateCacheKey = PredecoderCache::key(XLen, Features, MII->getNumOpcodes());
  TemplateCachePath = diskCachePath("predecode", TemplateCacheKey);
  if (TemplateCachePath.empty())
    return;
  auto Buf = MemoryBuffer::getFile(TemplateCachePath, /*IsText=*/false,
                                   /*RequiresNullTerminator=*/false);
  if (!Buf)
    return;
  if (PredecoderCache::deserialize(
          (*Buf)->getBuffer(), TemplateCacheKey, MII->getNumOpcodes(),
          [this](unsigned Op) { return handlerFor(Op); },
          [this](uint32_t E, unsigned S, Decoded &D) {
            uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                            uint8_t(E >> 24)};
            Result R = decodeWithLLVM(ArrayRef<uint8_t>(B, S), 0, D);
            return R != Result::Invalid && D.NumOps <= MaxOperands &&
                   D.Size == S;
          },
          Pre))
    CachedTemplates = Pre.templates();
}

static Error modelError(const Twine &Msg) {
  return createStringError(inconvertibleErrorCode(), Msg);
}

Expected<std::unique_ptr<Decoder>> Decoder::create(StringRef Isa,
                                                   unsigned XLen) {
  initializeRISCVTarget();
  auto ISAInfo = RISCVISAInfo::parseArchString(
      Isa.lower(), /*EnableExperimentalExtension=*/true);
  if (!ISAInfo) {
    // ELF attributes carry normalized strings with explicit versions
    // ("rv64i2p1_m2p0_..."), which the strict parser may reject.
    auto Normalized = RISCVISAInfo::parseNormalizedArchString(Isa.lower());
    if (!Normalized) {
      consumeError(Normalized.takeError());
      return modelError("invalid ISA string '" + Isa +
                        "': " + toString(ISAInfo.takeError()));
    }
    consumeError(ISAInfo.takeError());
    ISAInfo = std::move(Normalized);
  }
  unsigned IsaXLen = (*ISAInfo)->getXLen();
  if (XLen != 0 && XLen != IsaXLen)
    return modelError("XLEN " + Twine(XLen) + " does not match ISA string '" +
                      Isa + "'");
  std::unique_ptr<Decoder> D(new Decoder());
  D->XLen = IsaXLen;
  std::string &Features = D->Features;
  for (const std::string &F : (*ISAInfo)->toFeatures()) {
    if (!Features.empty())
      Features += ',';
    Features += F;
  }
  for (const auto &Ext : (*ISAInfo)->getExtensions()) {
    StringRef Name = Ext.first;
    if (Name.size() == 1 && Name[0] >= 'a' && Name[0] <= 'z')
      D->MisaBits |= 1ull << (Name[0] - 'a');
    if (Name == "c" || Name == "zca")
      D->Compressed = true;
    if (Name == "zfinx")
      D->FloatInX = true;
  }
  D->MisaBits |= 1ull << ('i' - 'a');
  // The vector unit: V, or one of Zve32x/Zve32f/Zve64x/Zve64f/Zve64d (all
  // imply zve32x). VLEN is what the zvl<N>b features ask for, at least 128
  // (what V implies, and QEMU's minimum): Zve32*/Zve64* alone imply only
  // zvl32b/zvl64b, for which 128 is a legal choice - and ELF attribute
  // strings list the implied zvl features, so "asked for" cannot be told
  // from "implied" below 128.
  if ((*ISAInfo)->hasExtension("zve32x")) {
    unsigned VLen = std::max((*ISAInfo)->getMinVLen(), 128u);
    if (VLen > 1024)
      return modelError("ISA string '" + Isa + "' asks for VLEN " +
                        Twine(VLen) +
                        "; the model supports VLEN 128 to 1024 (zvl128b .. "
                        "zvl1024b)");
    D->VLen = VLen;
    D->ELen = (*ISAInfo)->getMaxELen();
    D->ELenFp = (*ISAInfo)->getMaxELenFp();
  }

  Triple TT(IsaXLen == 64 ? "riscv64-unknown-elf" : "riscv32-unknown-elf");
  std::string Err;
  D->TheTarget = TargetRegistry::lookupTarget(TT, Err);
  if (!D->TheTarget)
    return modelError("RISC-V target unavailable in LLVM: " + Err);
  const Target &T = *D->TheTarget;
  D->MRI.reset(T.createMCRegInfo(TT));
  D->MII.reset(T.createMCInstrInfo());
  D->STI.reset(T.createMCSubtargetInfo(TT, "", Features));
  MCTargetOptions Options;
  D->MAI.reset(T.createMCAsmInfo(*D->MRI, TT, Options));
  if (!D->MRI || !D->MII || !D->STI || !D->MAI)
    return modelError("cannot create the RISC-V MC layer");
  D->Ctx = std::make_unique<MCContext>(TT, D->MAI.get(), D->MRI.get(),
                                       D->STI.get());
  D->Dis.reset(T.createMCDisassembler(*D->STI, *D->Ctx));
  D->Printer.reset(
      T.createMCInstPrinter(TT, /*SyntaxVariant=*/0, *D->MAI, *D->MII, *D->MRI));
  if (!D->Dis || !D->Printer)
    return modelError("cannot create the RISC-V disassembler");

  // Resolve the semantic table's opcode names once.
  // Without a vector unit LLVM decodes no vector opcode: their semantics
  // (most of the table) need not be resolved at every start.
  SemanticTable Table;
  if (D->VLen)
    registerAllSemantics(Table);
  else
    registerScalarSemantics(Table);
  D->Opcodes = std::make_unique<OpcodeIndex>(*D->MII);
  const OpcodeIndex &ByName = *D->Opcodes;
  D->Handlers.assign(D->MII->getNumOpcodes(), nullptr);
  for (const SemanticTable::Entry &Entry : Table.entries()) {
    unsigned Op = ByName.find(StringRef(Entry.OpcodeName.data(),
                                        Entry.OpcodeName.size()));
    if (Op == ~0u)
      return modelError("internal error: semantics registered for unknown "
                        "LLVM opcode '" +
                        StringRef(Entry.OpcodeName.data(),
                                  Entry.OpcodeName.size()) +
                        "'");
    D->Handlers[Op] = Entry.Fn;
  }
  D->Seen.assign(D->MII->getNumOpcodes(), 0);
  D->EndsRun.assign(D->MII->getNumOpcodes(), 0);
  // LLVM flags branches but not JAL and JALR: JAL has a pc-relative
  // operand, JALR is named.
  unsigned Jalr = ByName.find("JALR");
  for (unsigned Op = 0, E = D->MII->getNumOpcodes(); Op != E; ++Op) {
    const MCInstrDesc &Desc = D->MII->get(Op);
    bool PCRel = false;
    for (const MCOperandInfo &Info : Desc.operands())
      PCRel |= Info.OperandType == MCOI::OPERAND_PCREL;
    D->EndsRun[Op] = Desc.isBranch() || Desc.isIndirectBranch() ||
                     Desc.isCall() || Desc.isReturn() || Desc.isBarrier() ||
                     Desc.isTerminator() || Desc.hasUnmodeledSideEffects() ||
                     PCRel || Op == Jalr;
  }
  if (const char *P = std::getenv("SNIPGEN_PREDECODE"); P && StringRef(P) == "off")
    D->LearnAfter = 0;
  return D;
}

Decoder::Result Decoder::decode(ArrayRef<uint8_t> Bytes, uint64_t Address,
                                Decoded &Out) const {
  if (!LearnAfter || Bytes.size() < 2)
    return decodeWithLLVM(Bytes, Address, Out);
  unsigned Size = (Bytes[0] & 3) == 3 ? 4 : 2;
  if (Bytes.size() < Size)
    return decodeWithLLVM(Bytes, Address, Out);
  uint32_t Encoding = 0;
  for (unsigned I = 0; I < Size; ++I)
    Encoding |= uint32_t(Bytes[I]) << (8 * I);
  return decode(Encoding, Size, Address, Out);
}

Decoder::Result Decoder::decodeAndLearn(uint32_t Encoding, unsigned Size,
                                        uint64_t Address, Decoded &Out,
                                        Predecoder::Lookup L) const {
  uint8_t Bytes[4] = {uint8_t(Encoding), uint8_t(Encoding >> 8),
                      uint8_t(Encoding >> 16), uint8_t(Encoding >> 24)};
  Result R = decodeWithLLVM(ArrayRef<uint8_t>(Bytes, Size), Address, Out);
  if (L == Predecoder::Lookup::Miss && R != Result::Invalid &&
      Out.NumOps <= MaxOperands && Seen[Out.Opcode] < 255 &&
      ++Seen[Out.Opcode] == LearnAfter) {
    Decoded Ref = Out;
    Pre.learn(Encoding, Size, Ref,
              [this](uint32_t E, unsigned S, Decoded &D) {
                uint8_t B[4] = {uint8_t(E), uint8_t(E >> 8), uint8_t(E >> 16),
                                uint8_t(E >> 24)};
                Result R = decodeWithLLVM(ArrayRef<uint8_t>(B, S), 0, D);
                return R != Result::Invalid && D.NumOps <= MaxOperands &&
                       D.Size == S;
              });
  }
  return R;
}

Decoder::Result Decoder::decodeWithLLVM(ArrayRef<uint8_t> Bytes,
                                        uint64_t Address, Decoded &Out) const {
  MCInst Inst;
  uint64_t Size = 0;
  if (Dis->getInstruction(Inst, Size, Bytes, Address, nulls()) !=
      MCDisassembler::Success)
    return Result::Invalid;
  // NumOps past MaxOperands marks operands the model cannot represent.
  Out.Opcode = Inst.getOpcode();
  Out.NumOps = MaxOperands + 1;
  if (Inst.getNumOperands() > MaxOperands)
    return Result::NoSemantics;
  uint32_t Encoding = 0;
  for (uint64_t I = 0; I < Size && I < 4; ++I)
    Encoding |= uint32_t(Bytes[I]) << (8 * I);
  Out.Encoding = Encoding;
  Out.Opcode = Inst.getOpcode();
  Out.Size = uint8_t(Size);
  Out.NumOps = uint8_t(Inst.getNumOperands());
  for (unsigned I = 0; I < MaxOperands; ++I)
    Out.Ops[I] = 0;
  for (unsigned I = 0, E = Inst.getNumOperands(); I != E; ++I) {
    const MCOperand &Op = Inst.getOperand(I);
    if (Op.isReg())
      Out.Ops[I] = MRI->getEncodingValue(Op.getReg());
    else if (Op.isImm() && Operand::fits(Op.getImm()))
      Out.Ops[I] = Op.getImm();
    else {
      Out.NumOps = MaxOperands + 1;
      return Result::NoSemantics;
    }
  }
  Out.Fn = handlerFor(Out.Opcode);
  return Out.Fn ? Result::Ok : Result::NoSemantics;
}

StringRef Decoder::opcodeName(unsigned Opcode) const {
  return MII->getName(Opcode);
}

std::string Decoder::print(ArrayRef<uint8_t> Bytes, uint64_t Address,
                           bool PadMnemonic) const {
  MCInst Inst;
  uint64_t Size = 0;
  if (Dis->getInstruction(Inst, Size, Bytes, Address, nulls()) !=
      MCDisassembler::Success)
    return "unknown";
  std::string Text;
  raw_string_ostream OS(Text);
  Printer->printInst(&Inst, Address, "", *STI, OS);
  OS.flush();
  // The printer writes "\tmnemonic\toperands": pad the mnemonic to eight
  // columns the way Spike's disassembler does.
  StringRef Trimmed = StringRef(Text).ltrim();
  auto [Mnemonic, Operands] = Trimmed.split('\t');
  std::string Line = Mnemonic.str();
  if (!Operands.empty()) {
    Line.append(PadMnemonic && Line.size() < 8 ? 8 - Line.size() : 1, ' ');
    Line += Operands.str();
  }
  return Line;
}

} // namespace snipgen::model
