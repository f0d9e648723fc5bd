//===- CodePlacement.cpp - code-layout: blocks at random addresses --------===//
//
// See CodePlacement.h.
//===----------------------------------------------------------------------===//
#include "CodePlacement.h"
#include "BranchRelaxation.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

static std::string hex(uint64_t V) { return "0x" + utohexstr(V); }

Expected<std::unique_ptr<CodePlacer>>
CodePlacer::create(const Layout &L, WarningEngine *Warnings) {
  const SelfModifyingConfig &C = L.SMC;
  if (!C.HasCodeLayout)
    return nullptr;
  std::unique_ptr<CodePlacer> P(new CodePlacer(L));
  for (const CodeLayoutRange &CR : C.CodeLayout) {
    int In = -1;
    for (unsigned I = 0; I < L.Sections.size(); ++I) {
      const SectionDesc &S = L.Sections[I];
      if (S.Access.X && CR.Start >= S.VMA && CR.Start + CR.Size <= S.end())
        In = static_cast<int>(I);
    }
    if (In < 0) {
      if (Warnings)
        if (Error E = Warnings->warn(
                Warning::MemoryAccess,
                formatLoc(*L.SM, CR.Loc) +
                    ": Possibly wrong code layout: Following scheme permits "
                    "code generation outside of all RX sections (It will be "
                    "ignored): range start " +
                    hex(CR.Start) + ", size " + hex(CR.Size) + ", stride " +
                    Twine(CR.Stride) + ", offsets " + Twine(CR.FirstOffset) +
                    ".." + Twine(CR.LastOffset)))
          return std::move(E);
      continue;
    }
    P->Ranges.push_back({CR.Start, CR.Size, CR.Stride, CR.FirstOffset,
                         CR.LastOffset, static_cast<unsigned>(In)});
  }
  // No usable range: anywhere in the rx sections.
  if (P->Ranges.empty())
    for (unsigned I = 0; I < L.Sections.size(); ++I)
      if (L.Sections[I].Access.X)
        P->Ranges.push_back({L.Sections[I].VMA, L.Sections[I].Size, 1, 0, 0, I});
  return P;
}

int CodePlacer::sectionOf(uint64_t Addr) const {
  for (unsigned I = 0; I < L.Sections.size(); ++I)
    if (L.Sections[I].Access.X && Addr >= L.Sections[I].VMA &&
        Addr < L.Sections[I].end())
      return static_cast<int>(I);
  return -1;
}

uint64_t CodePlacer::span() const {
  uint64_t Lo = UINT64_MAX, Hi = 0;
  for (const SectionDesc &S : L.Sections)
    if (S.Access.X) {
      Lo = std::min(Lo, S.VMA);
      Hi = std::max(Hi, S.end());
    }
  return Hi > Lo ? Hi - Lo : 0;
}

bool CodePlacer::isFree(uint64_t A, uint64_t Size) const {
  auto It = Taken.upper_bound(A); // first block starting after A
  if (It != Taken.end() && It->first < A + Size)
    return false;
  if (It != Taken.begin() && std::prev(It)->second > A)
    return false;
  return true;
}

bool CodePlacer::scan(const Range &R, uint64_t Size, uint64_t Align,
                      uint64_t &Out) const {
  if (Size > R.Size)
    return false;
  const uint64_t End = R.Start + R.Size;
  uint64_t Cursor = R.Start;
  // Each step passes a placed block or a stride period, so this ends; the
  // cap keeps a pathological stride/alignment combination from spinning.
  for (uint64_t Step = 0; Step < (uint64_t(1) << 22); ++Step) {
    uint64_t Period = (Cursor - R.Start) / R.Stride;
    uint64_t Off = (Cursor - R.Start) % R.Stride;
    uint64_t A = Cursor;
    if (Off < R.First)
      A = R.Start + Period * R.Stride + R.First;
    A = alignTo(A, Align);
    if (A + Size > End || A + Size < A)
      return false;
    if ((A - R.Start) % R.Stride > R.Last) {
      Cursor = R.Start + ((A - R.Start) / R.Stride + 1) * R.Stride;
      continue;
    }
    auto It = Taken.upper_bound(A);
    if (It != Taken.begin() && std::prev(It)->second > A) {
      Cursor = std::prev(It)->second;
      continue;
    }
    if (It != Taken.end() && It->first < A + Size) {
      Cursor = It->second;
      continue;
    }
    Out = A;
    return true;
  }
  return false;
}

Expected<uint64_t> CodePlacer::place(uint64_t Size, uint64_t Align,
                                     RandomEngine &RNG, int Section) {
  Size = std::max<uint64_t>(Size, 1);
  std::vector<Range> Ranges;
  for (const Range &R : this->Ranges)
    if (Section < 0 || R.Section == unsigned(Section))
      Ranges.push_back(R);
  if (Ranges.empty() && Section >= 0 &&
      unsigned(Section) < L.Sections.size())
    Ranges.push_back({L.Sections[Section].VMA, L.Sections[Section].Size, 1, 0,
                      0, unsigned(Section)});
  uint64_t Total = 0;
  for (const Range &R : Ranges)
    Total += R.Size;
  auto Take = [&](uint64_t A) {
    Taken[A] = A + Size;
    return A;
  };
  // Random draws first: a range in proportion to its size, then a stride
  // period and an allowed offset in it.
  for (unsigned Try = 0; Try < 64 && Total; ++Try) {
    uint64_t Pick = RNG.below(Total);
    const Range *R = &Ranges.front();
    for (const Range &C : Ranges) {
      if (Pick < C.Size) {
        R = &C;
        break;
      }
      Pick -= C.Size;
    }
    if (Size > R->Size)
      continue;
    uint64_t MaxPeriod = (R->Size - Size) / R->Stride;
    uint64_t A = R->Start + RNG.inRangeU(0, MaxPeriod) * R->Stride +
                 RNG.inRangeU(R->First, R->Last);
    A = alignTo(A, Align);
    if (A + Size > R->Start + R->Size || (A - R->Start) % R->Stride > R->Last)
      continue;
    if (isFree(A, Size))
      return Take(A);
  }
  // Crowded ranges: the first free place, from a random range on.
  size_t First = Ranges.empty() ? 0 : RNG.below(Ranges.size());
  for (size_t K = 0; K < Ranges.size(); ++K) {
    uint64_t A = 0;
    if (scan(Ranges[(First + K) % Ranges.size()], Size, Align, A))
      return Take(A);
  }
  return makeError(*L.SM, L.SMC.CodeLayoutLoc,
                   "Code layout schemes cannot fit Basic Block: no free "
                   "place for " +
                       Twine(Size) +
                       " bytes of code in the code-layout ranges (" +
                       Twine(Taken.size()) +
                       " blocks placed). Try larger code layout address "
                       "ranges");
}

//===----------------------------------------------------------------------===//
// Layout
//===----------------------------------------------------------------------===//

namespace {

bool fallsThrough(const Function &F, unsigned BI) {
  if (BI + 1 >= F.Blocks.size())
    return false;
  switch (F.Blocks[BI].Term.Kind) {
  case TerminatorKind::FallThrough:
  case TerminatorKind::Branch:
  case TerminatorKind::LoopLatch:
  case TerminatorKind::Call:
  case TerminatorKind::ExternalCall:
    return true;
  default:
    return false;
  }
}

class Scatterer {
public:
  Scatterer(Program &P, const RelaxationRequest &R, const MCEnvironment &Env,
            const ControlFlowTarget &CFT)
      : P(P), R(R), Env(Env), CFT(CFT) {}
  Error run();

private:
  uint64_t sizeOf(ArrayRef<MCInst> Insts) const {
    return encodedSize(Env, Insts);
  }
  /// Bytes of the longest form of T that exists (0 for no form); with
  /// Wide also of the absolute form.
  uint64_t longestForm(const Terminator &T) const {
    if (T.Kind == TerminatorKind::FallThrough ||
        T.Kind == TerminatorKind::ExternalCall)
      return 0;
    SmallVector<MCInst, 4> Insts;
    uint64_t Max = 0;
    for (unsigned F = 0; F < ControlFlowTarget::NumForms; ++F)
      if (CFT.buildTerminator(T, F, 0, Insts))
        Max = std::max(Max, sizeOf(Insts));
    if (Wide)
      Max = std::max(Max, CFT.absoluteTerminatorMaxBytes(T));
    return Max;
  }
  Expected<CodeBytes> encodeForm(const Terminator &T, uint64_t Begin,
                                 uint64_t To, const Function &F);
  Error encodeNops(uint64_t Bytes, CodeBytes &Out) const {
    BasicBlock Tmp;
    CodeBuffer Buf(Env, Tmp);
    CFT.emitNops(Bytes, Buf);
    if (Error E = Buf.takeError())
      return E;
    Out.Bytes = std::move(Tmp.Code);
    Out.NumInstrs = Tmp.NumInstrs;
    return Error::success();
  }

  Program &P;
  const RelaxationRequest &R;
  const MCEnvironment &Env;
  const ControlFlowTarget &CFT;
  /// Blocks may lie farther apart than the PC-relative forms reach
  /// (AUIPC+JALR: +-2 GiB): room for the absolute forms too.
  bool Wide = false;
};

Expected<CodeBytes> Scatterer::encodeForm(const Terminator &T, uint64_t Begin,
                                          uint64_t To, const Function &F) {
  SmallVector<MCInst, 4> Insts;
  int64_t D = int64_t(To - Begin);
  unsigned Form = 0;
  while (!CFT.buildTerminator(T, Form, D, Insts))
    if (++Form >= ControlFlowTarget::NumForms) {
      // Farther than every PC-relative form: the target address itself.
      if (CFT.buildAbsoluteTerminator(T, To, Insts))
        break;
      // Far forms go through a register: the terminator's scratch (calls:
      // their link register). With one, only the distance is at fault.
      bool HasRegister = T.Scratch || T.Kind == TerminatorKind::Call;
      return makeError(
          "code-layout: the target of the " +
          (T.Opcode ? Twine(Env.instrInfo().getName(T.Opcode))
                    : Twine("jump to the next block")) +
          " at " + hex(Begin) + " in function '" + F.Name + "' (" + hex(To) +
          ", " + Twine(D) + " bytes away) is out of reach" +
          (HasRegister
               ? Twine(" of every jump form")
               : Twine(" and no register is free to carry a far jump (every "
                       "one is reserved or live here); code-layout ranges "
                       "within 1 MiB need none")));
    }
  BasicBlock Tmp;
  CodeBuffer Out(Env, Tmp);
  for (const MCInst &I : Insts)
    Out.emit(I);
  if (Error E = Out.takeError())
    return std::move(E);
  CodeBytes C;
  C.Bytes = std::move(Tmp.Code);
  C.NumInstrs = Tmp.NumInstrs;
  return C;
}

Error Scatterer::run() {
  Wide = R.Placer->span() >= (uint64_t(1) << 31) - 4096;
  const uint64_t MinAlign = CFT.minInstrSize();
  const uint64_t LoopAlign = std::max<uint64_t>(R.Alignment, 1);
  const uint64_t MaxLoopPad = LoopAlign > MinAlign ? LoopAlign - MinAlign : 0;
  bool Chained = false;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks)
      Chained |= B.Section >= 0;
  // 1. Addresses, each block with room for its longest forms.
  std::vector<std::vector<uint64_t>> Reserved(P.Functions.size());
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    Function &F = P.Functions[FI];
    Reserved[FI].resize(F.Blocks.size());
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      BasicBlock &B = F.Blocks[BI];
      uint64_t Size = B.Code.size() + B.Term.Pre.size() +
                      B.Term.RelocatedSize + B.Term.Post.size() +
                      longestForm(B.Term);
      for (const LoopEntry &E : B.LoopEntries)
        Size += E.Init.size() + (E.StartsLoop ? MaxLoopPad : 0);
      if (fallsThrough(F, BI)) {
        Terminator J;
        J.Kind = TerminatorKind::Jump;
        J.Scratch = B.Term.Scratch;
        Size += longestForm(J);
      }
      Reserved[FI][BI] = Size;
      // -chained-rx-sections-fill chose the block's section.
      int Want = -1;
      if (Chained)
        Want = B.Section >= 0 ? B.Section : R.CodeSectionIndex;
      auto A = R.Placer->place(Size, MinAlign, *R.RNG, Want);
      if (!A)
        return A.takeError();
      B.Address = *A;
      B.Section = R.Placer->sectionOf(*A);
      if (BI == 0)
        F.Address = *A;
      // Loop entries: counter set-up, then padding to the loop alignment.
      uint64_t At = *A;
      for (LoopEntry &E : B.LoopEntries) {
        At += E.Init.size();
        uint64_t Pad = E.StartsLoop ? alignTo(At, LoopAlign) - At : 0;
        if (Error Err = encodeNops(Pad, E.PaddingCode))
          return Err;
        At += Pad;
        if (E.StartsLoop)
          F.Loops[E.Loop].StartAddress = At;
      }
    }
  }
  // 2. Terminators and the jumps to next blocks, shortest forms that reach.
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    Function &F = P.Functions[FI];
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      BasicBlock &B = F.Blocks[BI];
      Terminator &T = B.Term;
      uint64_t Begin = B.Address + B.bodyOffset() + B.Code.size();
      if (std::optional<uint64_t> To = terminatorTarget(P, F, T)) {
        auto C = encodeForm(T, Begin, *To, F);
        if (!C)
          return C.takeError();
        T.Resolved = std::move(*C);
      }
      if (fallsThrough(F, BI)) {
        Terminator J;
        J.Kind = TerminatorKind::Jump;
        J.Target = BI + 1;
        J.Scratch = T.Scratch;
        auto C = encodeForm(J, Begin + T.size(), F.Blocks[BI + 1].Address, F);
        if (!C)
          return C.takeError();
        // After the terminator's own code (Term.Post, Program.h).
        append_range(T.Post.Bytes, C->Bytes);
        T.Post.NumInstrs += C->NumInstrs;
      }
      if (B.size() > Reserved[FI][BI])
        return makeInternalError("code-layout: block " + Twine(BI) + " of '" +
                                 F.Name + "' outgrew its place");
    }
  }
  collectControlFlowMap(P, R, Env, CFT);
  return Error::success();
}

} // namespace

Error layOutScattered(Program &P, const RelaxationRequest &R,
                      const MCEnvironment &Env, const ControlFlowTarget &CFT) {
  if (!R.Placer || !R.RNG)
    return makeInternalError("code-layout without a placer");
  return Scatterer(P, R, Env, CFT).run();
}

} // namespace snipgen
