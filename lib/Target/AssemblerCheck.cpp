#include "snipgen/Target/AssemblerCheck.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/MC/MCAsmInfo.h"
#include "llvm/MC/MCContext.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCObjectFileInfo.h"
#include "llvm/MC/MCParser/MCAsmParser.h"
#include "llvm/MC/MCParser/MCTargetAsmParser.h"
#include "llvm/MC/MCRegisterInfo.h"
#include "llvm/MC/MCStreamer.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/TargetRegistry.h"
#include "llvm/Support/MemoryBuffer.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

namespace {

/// Keeps the instructions the parser emits, in order.
class RecordingStreamer final : public MCStreamer {
public:
  explicit RecordingStreamer(MCContext &Ctx) : MCStreamer(Ctx) {}
  void emitInstruction(const MCInst &I, const MCSubtargetInfo &) override {
    Insts.push_back(I);
  }
  bool emitSymbolAttribute(MCSymbol *, MCSymbolAttr) override { return true; }
  void emitCommonSymbol(MCSymbol *, uint64_t, Align) override {}
  std::vector<MCInst> Insts;
};

struct Diagnostics {
  // 1-based line -> first error message on it.
  std::vector<std::string> ErrorOfLine;
  static void handle(const SMDiagnostic &D, void *Ctx) {
    auto *Self = static_cast<Diagnostics *>(Ctx);
    if (D.getKind() != SourceMgr::DK_Error)
      return;
    size_t Line = D.getLineNo() > 0 ? (size_t)D.getLineNo() : 0;
    if (Line >= Self->ErrorOfLine.size())
      Self->ErrorOfLine.resize(Line + 1);
    if (Self->ErrorOfLine[Line].empty())
      Self->ErrorOfLine[Line] = D.getMessage().str();
  }
};

bool sameInst(const MCInst &A, const MCInst &B) {
  if (A.getOpcode() != B.getOpcode() ||
      A.getNumOperands() != B.getNumOperands())
    return false;
  for (unsigned I = 0, E = A.getNumOperands(); I != E; ++I) {
    const MCOperand &X = A.getOperand(I), &Y = B.getOperand(I);
    if (X.isReg() != Y.isReg() || X.isImm() != Y.isImm())
      return false;
    if (X.isReg() && X.getReg() != Y.getReg())
      return false;
    if (X.isImm() && X.getImm() != Y.getImm())
      return false;
  }
  return true;
}

} // namespace

AssemblerCheck::AssemblerCheck(const MCEnvironment &Env) : Env(Env) {
  const SubtargetSelection &Sel = Env.selection();
  // +exact-asm: the parser must neither compress nor relax, so that what
  // comes back can be compared with what was printed.
  std::string Features = Sel.Features;
  Features += Features.empty() ? "+exact-asm" : ",+exact-asm";
  STI.reset(Env.target().createMCSubtargetInfo(Sel.TheTriple, Sel.CPU,
                                               Features));
}

AssemblerCheck::~AssemblerCheck() = default;

AssemblerCheck::Result AssemblerCheck::run(ArrayRef<MCInst> Insts,
                                           bool WantWhy) {
  Result R;
  R.Ok.assign(Insts.size(), false);
  if (WantWhy)
    R.Why.assign(Insts.size(), std::string());
  if (Insts.empty())
    return R;
  std::string Text;
  Text.reserve(Insts.size() * 24);
  for (const MCInst &I : Insts) {
    Text += Env.print(I);
    Text += '\n';
  }
  const Target &T = Env.target();
  SourceMgr SM;
  SM.AddNewSourceBuffer(MemoryBuffer::getMemBuffer(Text, "<probe>",
                                                   /*RequiresNull=*/true),
                        SMLoc());
  Diagnostics Diags;
  SM.setDiagHandler(Diagnostics::handle, &Diags);
  MCContext Ctx(Env.triple(), &Env.asmInfo(), &Env.regInfo(), STI.get(), &SM);
  std::unique_ptr<MCObjectFileInfo> MOFI(
      T.createMCObjectFileInfo(Ctx, /*PIC=*/false));
  Ctx.setObjectFileInfo(MOFI.get());
  RecordingStreamer Out(Ctx);
  T.createNullTargetStreamer(Out); // owned by Out
  std::unique_ptr<MCAsmParser> Parser(
      createMCAsmParser(SM, Ctx, Out, Env.asmInfo()));
  std::unique_ptr<MCTargetAsmParser> TAP(T.createMCAsmParser(
      *STI, *Parser, Env.instrInfo(), Env.targetOptions()));
  if (!TAP)
    return R; // no assembler: nothing is provably legal
  Parser->setTargetParser(*TAP);
  Parser->Run(/*NoInitialTextSection=*/false, /*NoFinalize=*/true);

  // Lines without an error produced one instruction each, in order.
  auto ErrorOf = [&](size_t Line) -> const std::string * {
    if (Line < Diags.ErrorOfLine.size() && !Diags.ErrorOfLine[Line].empty())
      return &Diags.ErrorOfLine[Line];
    return nullptr;
  };
  size_t Clean = 0;
  for (size_t I = 0; I < Insts.size(); ++I)
    Clean += ErrorOf(I + 1) == nullptr;
  if (Clean != Out.Insts.size())
    return runOneByOne(Insts, WantWhy); // a line gave 0 or 2+ instructions
  size_t Next = 0;
  for (size_t I = 0; I < Insts.size(); ++I) {
    if (const std::string *E = ErrorOf(I + 1)) {
      if (WantWhy)
        R.Why[I] = *E;
      continue;
    }
    const MCInst &Back = Out.Insts[Next++];
    R.Ok[I] = sameInst(Insts[I], Back);
    if (!R.Ok[I] && WantWhy)
      R.Why[I] = "assembles to '" + Env.print(Back) + "' (" +
                 Env.instrInfo().getName(Back.getOpcode()).str() + ")";
  }
  return R;
}

AssemblerCheck::Result AssemblerCheck::runOneByOne(ArrayRef<MCInst> Insts,
                                                   bool WantWhy) {
  Result R;
  for (const MCInst &I : Insts) {
    if (Insts.size() == 1) {
      // Not even a single line maps to a single instruction.
      R.Ok.push_back(false);
      if (WantWhy)
        R.Why.push_back("does not assemble to exactly one instruction");
      continue;
    }
    Result One = run(ArrayRef<MCInst>(I), WantWhy);
    R.Ok.push_back(One.Ok[0]);
    if (WantWhy)
      R.Why.push_back(One.Why[0]);
  }
  return R;
}

std::vector<bool> AssemblerCheck::accepts(ArrayRef<MCInst> Insts) {
  return run(Insts, /*WantWhy=*/false).Ok;
}

std::string AssemblerCheck::explain(const MCInst &I) {
  Result R = run(ArrayRef<MCInst>(I), /*WantWhy=*/true);
  std::string S = "'" + Env.print(I) + "'";
  if (!R.Ok[0])
    S += ": " + R.Why[0];
  return S;
}

} // namespace snipgen
