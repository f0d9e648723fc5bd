#include "snipgen/Emit/ObjectEmitter.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/HugePages.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/BinaryFormat/ELF.h"
#include "llvm/MC/MCAsmBackend.h"
#include "llvm/MC/MCCodeEmitter.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCExpr.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectStreamer.h"
#include "llvm/MC/MCObjectWriter.h"
#include "llvm/MC/MCParser/MCAsmParser.h"
#include "llvm/MC/MCParser/MCTargetAsmParser.h"
#include "llvm/MC/MCSectionELF.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCSymbolELF.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"
#include "llvm/Support/raw_ostream.h"
#include <cstring>

#include <algorithm>

using namespace llvm;

namespace snipgen {

std::string outputSectionName(StringRef Prefix, const SectionDesc &S) {
  return (Prefix + "." + S.Name + "." + S.Access.str()).str();
}

static MCSectionELF *createSection(MCContext &Ctx, StringRef Name,
                                   const SectionDesc &S) {
  unsigned Flags = ELF::SHF_ALLOC;
  if (S.Access.W)
    Flags |= ELF::SHF_WRITE;
  if (S.Access.X)
    Flags |= ELF::SHF_EXECINSTR;
  // Writable data sections start zeroed and are not loaded from the file
  // (NOLOAD in the linker script), unless they start with contents
  // (-init-memory, or the selfcheck section's etalons).
  unsigned Type =
      S.Access.W && !S.Access.X && !S.Loaded && S.InitialContents.empty()
          ? ELF::SHT_NOBITS
          : ELF::SHT_PROGBITS;
  return Ctx.getELFSection(Name, Type, Flags);
}

// Directives such as `.attribute arch, "rv64i2p1_m2p0"` go through LLVM's own
// assembler into the same streamer, so the target streamer writes them.
static Error parseDirectives(const MCEnvironment &Env, MCStreamer &S,
                             StringRef Asm) {
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBufferCopy(Asm, "<snipgen>"),
                        SMLoc());
  std::string Diag;
  raw_string_ostream DiagOS(Diag);
  SM.setDiagHandler(
      [](const SMDiagnostic &D, void *Ctx) {
        D.print(nullptr, *static_cast<raw_string_ostream *>(Ctx));
      },
      &DiagOS);
  std::unique_ptr<MCAsmParser> Parser(
      createMCAsmParser(SM, Env.context(), S, Env.asmInfo()));
  std::unique_ptr<MCTargetAsmParser> TAP(Env.target().createMCAsmParser(
      Env.subtargetInfo(), *Parser, Env.instrInfo(), Env.targetOptions()));
  if (!TAP)
    return makeInternalError("no assembly parser for " + Env.triple().str());
  Parser->setTargetParser(*TAP);
  if (Parser->Run(/*NoInitialTextSection=*/true, /*NoFinalize=*/true))
    return makeInternalError("cannot assemble target directives: " + Diag);
  return Error::success();
}

// Verified instruction bytes. The qualified base call keeps the target
// streamer from marking them as data ($d mapping symbols), so disassemblers
// show them as code.
static void emitCode(MCObjectStreamer &S, ArrayRef<uint8_t> Bytes) {
  S.MCObjectStreamer::emitBytes(
      StringRef(reinterpret_cast<const char *>(Bytes.data()), Bytes.size()));
}

// A function: its symbol (global entry, local helpers, weak stubs of
// external functions), then every block in layout order. Calls of external
// functions go through the assembler, which emits them with the relocation
// that lets the user's definition replace the weak stub at link time.
// The bytes of one block, in layout order.
static Error emitBlock(const MCEnvironment &Env, MCObjectStreamer &S,
                       const BasicBlock &B) {
  for (const LoopEntry &E : B.LoopEntries) {
    emitCode(S, E.Init.Bytes);
    emitCode(S, E.PaddingCode.Bytes);
  }
  emitCode(S, B.Code);
  emitCode(S, B.Term.Pre.Bytes);
  if (!B.Term.RelocatedAsm.empty())
    if (Error E = parseDirectives(Env, S, B.Term.RelocatedAsm))
      return E;
  emitCode(S, B.Term.Resolved.Bytes);
  emitCode(S, B.Term.Post.Bytes);
  emitCode(S, B.TargetPadding.Bytes);
  return Error::success();
}

// Whether block B goes to layout section Sec (code section CodeSec).
static bool inSection(const BasicBlock &B, unsigned Sec, unsigned CodeSec) {
  return B.Section < 0 ? Sec == CodeSec : unsigned(B.Section) == Sec;
}

// -chained-rx-sections-fill: the blocks of F placed in section Sec, other
// than the code section, under a local symbol "<function>.<section>".
static Error emitChainedPart(const MCEnvironment &Env, MCObjectStreamer &S,
                             const Function &F, const SectionDesc &SD,
                             unsigned Sec, unsigned CodeSec) {
  bool Any = false;
  for (const BasicBlock &B : F.Blocks)
    Any |= inSection(B, Sec, CodeSec);
  if (!Any)
    return Error::success();
  MCContext &Ctx = Env.context();
  MCSymbol *Sym = Ctx.getOrCreateSymbol(F.Name + "." + SD.Name);
  S.emitSymbolAttribute(Sym, MCSA_ELF_TypeFunction);
  S.emitLabel(Sym);
  uint64_t Size = 0;
  for (const BasicBlock &B : F.Blocks)
    if (inSection(B, Sec, CodeSec)) {
      if (Error E = emitBlock(Env, S, B))
        return E;
      Size += B.size();
    }
  S.emitELFSize(Sym, MCConstantExpr::create(Size, Ctx));
  return Error::success();
}

static Error emitFunction(const MCEnvironment &Env, MCObjectStreamer &S,
                          const Function &F, unsigned CodeSec) {
  MCContext &Ctx = Env.context();
  MCSymbol *Sym = Ctx.getOrCreateSymbol(F.Name);
  if (F.Link == Linkage::Global)
    S.emitSymbolAttribute(Sym, MCSA_Global);
  else if (F.Link == Linkage::Weak)
    S.emitSymbolAttribute(Sym, MCSA_Weak);
  S.emitSymbolAttribute(Sym, MCSA_ELF_TypeFunction);
  S.emitLabel(Sym);
  // Blocks in other sections (-chained-rx-sections-fill) go there.
  uint64_t Size = 0;
  for (const BasicBlock &B : F.Blocks)
    if (inSection(B, CodeSec, CodeSec)) {
      if (Error E = emitBlock(Env, S, B))
        return E;
      Size += B.size();
    }
  S.emitELFSize(Sym, MCConstantExpr::create(Size, Ctx));
  return Error::success();
}

// Zeros between placed code (code-layout, the start stub). The qualified
// base call keeps them from being marked as data ($d), which would make
// disassemblers show the code after them as data too.
static void emitGap(MCObjectStreamer &S, MCContext &Ctx, uint64_t Bytes) {
  if (Bytes)
    S.MCObjectStreamer::emitFill(*MCConstantExpr::create(Bytes, Ctx), 0);
}

// -object-type=exec with -last-instr=RET: the start stub (ELF entry point).
static void emitStartStub(const MCEnvironment &Env, MCObjectStreamer &S,
                          const Program &P) {
  MCContext &Ctx = Env.context();
  MCSymbol *Sym = Ctx.getOrCreateSymbol(P.StartStub.Name);
  S.emitSymbolAttribute(Sym, MCSA_Global);
  S.emitSymbolAttribute(Sym, MCSA_ELF_TypeFunction);
  S.emitLabel(Sym);
  emitCode(S, P.StartStub.Code.Bytes);
  S.emitELFSize(Sym, MCConstantExpr::create(P.StartStub.Code.size(), Ctx));
}

// code-layout (Program::Scattered): the blocks placed in rx section Sec, by
// address, with zeros (illegal instructions) between them. A function's
// symbol marks its first block, the others get local labels
// "<function>.bb<N>".
static Error emitScattered(const MCEnvironment &Env, MCObjectStreamer &S,
                           const Program &P, const SectionDesc &SD,
                           unsigned Sec) {
  struct Placed {
    uint64_t Address;
    unsigned F, B;
  };
  std::vector<Placed> Blocks;
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI)
    for (unsigned BI = 0; BI < P.Functions[FI].Blocks.size(); ++BI)
      if (P.Functions[FI].Blocks[BI].Section == static_cast<int>(Sec))
        Blocks.push_back({P.Functions[FI].Blocks[BI].Address, FI, BI});
  std::sort(Blocks.begin(), Blocks.end(),
            [](const Placed &A, const Placed &B) { return A.Address < B.Address; });
  MCContext &Ctx = Env.context();
  uint64_t At = SD.VMA;
  for (const Placed &PB : Blocks) {
    const Function &F = P.Functions[PB.F];
    const BasicBlock &B = F.Blocks[PB.B];
    if (B.Address < At)
      return makeInternalError("code-layout: blocks overlap at 0x" +
                               utohexstr(B.Address));
    emitGap(S, Ctx, B.Address - At);
    MCSymbol *Sym = Ctx.getOrCreateSymbol(
        PB.B == 0 ? F.Name : F.Name + ".bb" + std::to_string(PB.B));
    if (PB.B == 0) {
      if (F.Link == Linkage::Global)
        S.emitSymbolAttribute(Sym, MCSA_Global);
      else if (F.Link == Linkage::Weak)
        S.emitSymbolAttribute(Sym, MCSA_Weak);
      S.emitSymbolAttribute(Sym, MCSA_ELF_TypeFunction);
    }
    S.emitLabel(Sym);
    if (Error E = emitBlock(Env, S, B))
      return E;
    if (PB.B == 0)
      S.emitELFSize(Sym, MCConstantExpr::create(B.size(), Ctx));
    At = B.Address + B.size();
  }
  if (!P.StartStub.Code.Bytes.empty() &&
      P.StartStub.Section == static_cast<int>(Sec)) {
    if (P.StartStub.Address < At)
      return makeInternalError("the start stub overlaps the code");
    emitGap(S, Env.context(), P.StartStub.Address - At);
    emitStartStub(Env, S, P);
  }
  return Error::success();
}

// The manual's "Self-check Properties to Global Variables": three global
// constants in a read-only section.
static void emitSelfCheckGlobals(const MCEnvironment &Env, MCObjectStreamer &S,
                                 const Program &P, StringRef Prefix) {
  MCContext &Ctx = Env.context();
  bool Is64 = Env.triple().isArch64Bit();
  auto Global = [&](StringRef Name, uint64_t Value, unsigned Bytes) {
    MCSymbol *Sym = Ctx.getOrCreateSymbol(Prefix + Name);
    S.emitValueToAlignment(Align(Bytes));
    S.emitSymbolAttribute(Sym, MCSA_Global);
    S.emitSymbolAttribute(Sym, MCSA_ELF_TypeObject);
    S.emitLabel(Sym);
    S.emitIntValue(Value, Bytes);
    S.emitELFSize(Sym, MCConstantExpr::create(Bytes, Ctx));
  };
  Global("selfcheck_section_address", P.SelfCheck.Address,
         Is64 ? 8 : 4);
  Global("selfcheck_section_size", P.SelfCheck.UsedSize, 8);
  Global("selfcheck_data_byte_stride", P.SelfCheck.Stride, 4);
}

namespace {
/// The object file straight into the std::string emitObject returns (no
/// copy of a megabytes-large buffer at the end); the ELF writer patches
/// section headers in place with pwrite.
class StringPWriteStream final : public raw_pwrite_stream {
public:
  explicit StringPWriteStream(std::string &S) : S(S) { SetUnbuffered(); }

private:
  std::string &S;
  void write_impl(const char *Ptr, size_t Size) override { S.append(Ptr, Size); }
  void pwrite_impl(const char *Ptr, size_t Size, uint64_t Offset) override {
    memcpy(S.data() + Offset, Ptr, Size);
  }
  uint64_t current_pos() const override { return S.size(); }
};
} // namespace

Expected<std::string> emitObject(const MCEnvironment &Env,
                                 const GenTarget &Target, const Layout &L,
                                 const Program &P, StringRef SectionsPrefix,
                                 StringRef GlobalsPrefix) {
  // Room for the contents up front: the file is written once, not copied
  // as it grows.
  uint64_t Estimate = 64 * 1024;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      Estimate += B.size();
  for (const SectionDesc &SD : L.Sections)
    Estimate += SD.InitialContents.size();
  std::string Buffer;
  Buffer.reserve(Estimate);
  adviseHugePages(Buffer.data(), Buffer.capacity());
  StringPWriteStream OS(Buffer);
  MCContext &Ctx = Env.context();
  const llvm::Target &T = Env.target();
  std::unique_ptr<MCAsmBackend> MAB(T.createMCAsmBackend(
      Env.subtargetInfo(), Env.regInfo(), Env.targetOptions()));
  if (!MAB)
    return makeInternalError("no assembler backend for " + Env.triple().str());
  std::unique_ptr<MCObjectWriter> OW = MAB->createObjectWriter(OS);
  std::unique_ptr<MCCodeEmitter> CE(
      T.createMCCodeEmitter(Env.instrInfo(), Ctx));
  std::unique_ptr<MCStreamer> Streamer(
      T.createMCObjectStreamer(Env.triple(), Ctx, std::move(MAB), std::move(OW),
                               std::move(CE), Env.subtargetInfo()));
  auto *S = static_cast<MCObjectStreamer *>(Streamer.get());

  if (Error E = parseDirectives(Env, *S,
                                Target.objectAttributesAsm(Env.selection())))
    return E;

  for (unsigned I = 0; I < L.Sections.size(); ++I) {
    const SectionDesc &SD = L.Sections[I];
    MCSectionELF *Sec =
        createSection(Ctx, outputSectionName(SectionsPrefix, SD), SD);
    S->switchSection(Sec);
    if (P.Scattered && SD.Access.X) {
      Sec->ensureMinAlignment(
          Align(Env.subtargetInfo().checkFeatures("+zca") ? 2 : 4));
      if (Error E = emitScattered(Env, *S, P, SD, I))
        return E;
    } else if (I == P.CodeSection) {
      // Instruction alignment: 2 bytes with compressed instructions, so a
      // code section may start at any 2-byte boundary the layout gives.
      Sec->ensureMinAlignment(
          Align(Env.subtargetInfo().checkFeatures("+zca") ? 2 : 4));
      uint64_t Emitted = 0;
      for (const Function &F : P.Functions) {
        if (Error E = emitFunction(Env, *S, F, P.CodeSection))
          return E;
        for (const BasicBlock &B : F.Blocks)
          if (inSection(B, I, P.CodeSection))
            Emitted += B.size();
      }
      if (!P.StartStub.Code.Bytes.empty() &&
          P.StartStub.Section == static_cast<int>(I)) {
        if (P.StartStub.Address < SD.VMA + Emitted)
          return makeInternalError("the start stub overlaps the code");
        emitGap(*S, Ctx, P.StartStub.Address - SD.VMA - Emitted);
        emitStartStub(Env, *S, P);
      }
    } else if (SD.Access.X) {
      Sec->ensureMinAlignment(
          Align(Env.subtargetInfo().checkFeatures("+zca") ? 2 : 4));
      for (const Function &F : P.Functions)
        if (Error E = emitChainedPart(Env, *S, F, SD, I, P.CodeSection))
          return E;
    } else if (!SD.InitialContents.empty()) {
      S->emitBytes(StringRef(
          reinterpret_cast<const char *>(SD.InitialContents.data()),
          SD.InitialContents.size()));
    } else if (SD.Access.W && !SD.Access.X) {
      // Reserve the whole RW section so the linker allocates it (MC takes
      // a signed size: past 2^63-1 it would report and emit nothing); a
      // loaded one (selfcheck) starts with its contents.
      if (SD.Size > uint64_t(std::numeric_limits<int64_t>::max()))
        return makeError(*L.SM, SD.Loc,
                         "section '" + SD.Name + "': SIZE 0x" +
                             utohexstr(SD.Size) +
                             " is more than an ELF section can reserve "
                             "(at most 0x7FFFFFFFFFFFFFFF bytes)");
      uint64_t Done = 0;
      if (SD.Loaded && SD.Name == "selfcheck") {
        const auto &Img = P.SelfCheck.Image;
        S->emitBytes(StringRef(reinterpret_cast<const char *>(Img.data()),
                               std::min<uint64_t>(Img.size(), SD.Size)));
        Done = std::min<uint64_t>(Img.size(), SD.Size);
      }
      S->emitZeros(SD.Size - Done);
    } else if ((P.SelfCheck.Globals && I == P.SelfCheck.GlobalsSection) ||
               (!P.VectorConstants.Bytes.empty() &&
                I == P.VectorConstants.Section)) {
      if (!P.VectorConstants.Bytes.empty() && I == P.VectorConstants.Section)
        S->emitBytes(StringRef(
            reinterpret_cast<const char *>(P.VectorConstants.Bytes.data()),
            P.VectorConstants.Bytes.size()));
      if (P.SelfCheck.Globals && I == P.SelfCheck.GlobalsSection)
        emitSelfCheckGlobals(Env, *S, P, GlobalsPrefix);
    }
  }
  S->finish();
  Streamer.reset();
  return std::move(Buffer);
}

} // namespace snipgen
