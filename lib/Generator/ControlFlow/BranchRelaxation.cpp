//===- BranchRelaxation.cpp - Addresses, relaxation, encoding -------------===//
#include "BranchRelaxation.h"
#include "CodePlacement.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

namespace {

class Relaxer {
public:
  Relaxer(Program &P, const RelaxationRequest &R, const MCEnvironment &Env,
          const ControlFlowTarget &CFT)
      : P(P), R(R), Env(Env), CFT(CFT) {}
  Error run();

private:
  uint64_t sizeOf(ArrayRef<MCInst> Insts) const {
    return encodedSize(Env, Insts);
  }
  void assignAddresses();
  Expected<bool> relaxOnce();
  int64_t distance(const Function &F, const BasicBlock &B) const;
  Error encodeAll();
  uint64_t terminatorBegin(const BasicBlock &B) const {
    return B.Address + B.bodyOffset() + B.Code.size();
  }

  Program &P;
  const RelaxationRequest &R;
  const MCEnvironment &Env;
  const ControlFlowTarget &CFT;
  // Current sizes of the parts that depend on the layout.
  std::vector<std::vector<uint64_t>> TermSize;             // [function][block]
  bool Grew = false; // relaxOnce lengthened some terminator's form
  std::vector<std::vector<std::vector<uint64_t>>> Padding; // [f][b][entry]
  // Branch targets (branches.alignment aligns them all, not only loop
  // starts) and the padding that aligns them, after the block before.
  std::vector<std::vector<bool>> IsTarget;                 // [f][b]
  std::vector<std::vector<uint64_t>> TailPadding;          // [f][b]
};

} // namespace

void Relaxer::assignAddresses() {
  // One cursor per section: blocks of another section than the code
  // section (-chained-rx-sections-fill) continue where that section's last
  // block ended.
  std::vector<uint64_t> Next(R.Sections.size());
  for (size_t I = 0; I < R.Sections.size(); ++I)
    Next[I] = R.Sections[I].Address;
  uint64_t CodeNext = R.CodeAddress;
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    Function &F = P.Functions[FI];
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      BasicBlock &B = F.Blocks[BI];
      bool Extra = B.Section >= 0 && B.Section != R.CodeSectionIndex &&
                   size_t(B.Section) < Next.size();
      uint64_t &Cursor = Extra ? Next[B.Section] : CodeNext;
      uint64_t A = Cursor;
      if (BI == 0)
        F.Address = A;
      B.Address = A;
      for (unsigned EI = 0; EI < B.LoopEntries.size(); ++EI) {
        LoopEntry &E = B.LoopEntries[EI];
        A += E.Init.size();
        uint64_t Pad = E.StartsLoop ? alignTo(A, R.Alignment) - A : 0;
        Padding[FI][BI][EI] = Pad;
        A += Pad;
        if (E.StartsLoop)
          F.Loops[E.Loop].StartAddress = A;
      }
      A += B.Code.size();
      A += B.Term.Pre.size() + B.Term.RelocatedSize + B.Term.Post.size() +
           TermSize[FI][BI];
      uint64_t Pad = 0;
      if (BI + 1 < F.Blocks.size() && IsTarget[FI][BI + 1])
        Pad = alignTo(A, R.Alignment) - A;
      TailPadding[FI][BI] = Pad;
      A += Pad;
      Cursor = A;
    }
  }
}

std::optional<uint64_t> terminatorTarget(const Program &P, const Function &F,
                                         const Terminator &T) {
  switch (T.Kind) {
  case TerminatorKind::Branch:
  case TerminatorKind::Jump:
  case TerminatorKind::IndirectJump:
    return F.Blocks[T.Target].Address;
  case TerminatorKind::LoopLatch:
    return F.Loops[T.Target].StartAddress;
  case TerminatorKind::Call:
    return P.Functions[T.Callee].Address;
  default:
    return std::nullopt;
  }
}

int64_t Relaxer::distance(const Function &F, const BasicBlock &B) const {
  std::optional<uint64_t> To = terminatorTarget(P, F, B.Term);
  return To ? int64_t(*To - terminatorBegin(B)) : 0;
}

Expected<bool> Relaxer::relaxOnce() {
  bool Changed = false;
  SmallVector<MCInst, 4> Insts;
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    Function &F = P.Functions[FI];
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      Terminator &T = F.Blocks[BI].Term;
      if (T.Kind == TerminatorKind::FallThrough ||
          T.Kind == TerminatorKind::ExternalCall)
        continue;
      int64_t D = distance(F, F.Blocks[BI]);
      while (!CFT.buildTerminator(T, T.Form, D, Insts)) {
        Grew = true;
        if (++T.Form >= ControlFlowTarget::NumForms)
          return makeError(
              "the target of the " +
              (T.Opcode ? Twine(Env.instrInfo().getName(T.Opcode))
                        : Twine("jump to the next piece")) +
              " at 0x" + utohexstr(terminatorBegin(F.Blocks[BI])) +
              " in function '" + F.Name + "' is out of reach (" + Twine(D) +
              " bytes) and no register is free for a longer jump");
      }
      uint64_t S = sizeOf(Insts);
      if (S != TermSize[FI][BI]) {
        TermSize[FI][BI] = S;
        Changed = true;
      }
    }
  }
  return Changed;
}

Error Relaxer::encodeAll() {
  SmallVector<MCInst, 4> Insts;
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    Function &F = P.Functions[FI];
    for (unsigned BI = 0; BI < F.Blocks.size(); ++BI) {
      BasicBlock &B = F.Blocks[BI];
      for (unsigned EI = 0; EI < B.LoopEntries.size(); ++EI) {
        BasicBlock Tmp;
        CodeBuffer Out(Env, Tmp);
        CFT.emitNops(Padding[FI][BI][EI], Out);
        if (Error E = Out.takeError())
          return E;
        B.LoopEntries[EI].PaddingCode.Bytes = std::move(Tmp.Code);
        B.LoopEntries[EI].PaddingCode.NumInstrs = Tmp.NumInstrs;
      }
      {
        BasicBlock Tmp;
        CodeBuffer Out(Env, Tmp);
        CFT.emitNops(TailPadding[FI][BI], Out);
        if (Error E = Out.takeError())
          return E;
        B.TargetPadding.Bytes = std::move(Tmp.Code);
        B.TargetPadding.NumInstrs = Tmp.NumInstrs;
      }
      Terminator &T = B.Term;
      if (T.Kind == TerminatorKind::FallThrough ||
          T.Kind == TerminatorKind::ExternalCall)
        continue;
      // Offsets were checked by the form; the encode/decode round trip in
      // CodeBuffer checks every instruction once more.
      if (!CFT.buildTerminator(T, T.Form, distance(F, B), Insts))
        return makeInternalError("terminator form changed after layout");
      BasicBlock Tmp;
      CodeBuffer Out(Env, Tmp);
      for (const MCInst &I : Insts)
        Out.emit(I);
      if (Error E = Out.takeError())
        return E;
      if (Tmp.Code.size() != TermSize[FI][BI])
        return makeInternalError("terminator size changed after layout");
      T.Resolved.Bytes = std::move(Tmp.Code);
      T.Resolved.NumInstrs = Tmp.NumInstrs;
    }
  }
  return Error::success();
}

// The size of the instruction at Bytes[Off].
static unsigned instrSizeAt(const MCEnvironment &Env, ArrayRef<uint8_t> Bytes,
                            uint64_t Off) {
  MCInst I;
  return Env.decode(Bytes.drop_front(Off), 0, I);
}

static uint64_t terminatorBegin(const BasicBlock &B) {
  return B.Address + B.bodyOffset() + B.Code.size();
}

void collectControlFlowMap(Program &P, const RelaxationRequest &R,
                           const MCEnvironment &Env,
                           const ControlFlowTarget &CFT) {
  ControlFlowMap &M = P.Map;
  M = ControlFlowMap();
  const Function &Entry = P.Functions.front();
  M.EntryAddress = Entry.Address;
  M.EntryReturns = R.EntryReturns;
  // The entry function's last block holds the last instruction (with
  // chained sections it is not the block at the highest address).
  const BasicBlock &Last = Entry.Blocks.back();
  M.LastInstrAddress = Last.Address + Last.size() - R.LastInstrSize;
  unsigned RetSize =
      Env.instrInfo().get(CFT.returnInstr().getOpcode()).getSize();
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    const Function &F = P.Functions[FI];
    // The return ends the function's last block.
    const BasicBlock &End = F.Blocks.back();
    if (FI != 0)
      M.Returns.push_back(End.Address + End.size() - RetSize);
    for (const BasicBlock &B : F.Blocks)
      M.CodeEnd = std::max(M.CodeEnd, B.Address + B.size());
    for (const LoopInfo &LI : F.Loops) {
      ControlFlowMap::Loop L;
      L.Start = LI.StartAddress;
      const BasicBlock &Latch = F.Blocks[LI.Latch];
      L.LatchBegin = terminatorBegin(Latch);
      L.Exit = F.Blocks[LI.Latch + 1].Address;
      // Scattered blocks (code-layout): the loop leaves into the jump to
      // the next block, right after the latch.
      if (P.Scattered)
        L.Exit = L.LatchBegin + Latch.Term.Resolved.size();
      L.LatchEnd = L.Exit;
      L.Iterations = LI.Iterations;
      M.Loops.push_back(L);
    }
    for (const BasicBlock &B : F.Blocks) {
      const Terminator &T = B.Term;
      uint64_t Begin = terminatorBegin(B);
      if (T.Kind == TerminatorKind::ExternalCall) {
        // The relocated AUIPC+JALR pair links with its last instruction.
        uint64_t Reloc = Begin + T.Pre.size();
        M.Calls.push_back(
            {Reloc + T.RelocatedSize - 4, Reloc + T.RelocatedSize});
      } else if (T.Kind == TerminatorKind::Call) {
        uint64_t Off = 0, Last = 0;
        ArrayRef<uint8_t> Bytes(T.Resolved.Bytes);
        while (Off < Bytes.size()) {
          Last = Off;
          unsigned S = instrSizeAt(Env, Bytes, Off);
          if (!S)
            break;
          Off += S;
        }
        M.Calls.push_back({Begin + Last, Begin + T.Resolved.size()});
      }
    }
  }
}

Error Relaxer::run() {
  TermSize.resize(P.Functions.size());
  Padding.resize(P.Functions.size());
  IsTarget.resize(P.Functions.size());
  TailPadding.resize(P.Functions.size());
  for (unsigned FI = 0; FI < P.Functions.size(); ++FI) {
    TermSize[FI].assign(P.Functions[FI].Blocks.size(), 0);
    IsTarget[FI].assign(P.Functions[FI].Blocks.size(), false);
    TailPadding[FI].assign(P.Functions[FI].Blocks.size(), 0);
    for (const BasicBlock &B : P.Functions[FI].Blocks)
      if ((B.Term.Kind == TerminatorKind::Branch ||
           B.Term.Kind == TerminatorKind::Jump ||
           B.Term.Kind == TerminatorKind::IndirectJump) &&
          B.Term.Target < P.Functions[FI].Blocks.size())
        IsTarget[FI][B.Term.Target] = true;
    Padding[FI].resize(P.Functions[FI].Blocks.size());
    for (unsigned BI = 0; BI < P.Functions[FI].Blocks.size(); ++BI)
      Padding[FI][BI].assign(P.Functions[FI].Blocks[BI].LoopEntries.size(), 0);
  }
  // Forms only grow, so each round either grows one or is the last. As in
  // llvm-snippy, -max-branch-length-passes bounds the rounds that lengthen a
  // branch (give it a longer form); reaching the bound is an error.
  unsigned Lengthening = 0;
  for (unsigned Round = 0;; ++Round) {
    assignAddresses();
    Grew = false;
    auto Changed = relaxOnce();
    if (!Changed)
      return Changed.takeError();
    if (Grew && ++Lengthening >= R.MaxPasses)
      return makeError("branch distances unstable after " +
                       Twine(R.MaxPasses) +
                       " relaxation passes. You can increase iteration limit "
                       "using 'max-branch-length-passes' option");
    if (!*Changed)
      break;
    if (Round > 10000)
      return makeInternalError("branch relaxation does not converge");
  }
  if (Error E = encodeAll())
    return E;
  // Bytes per section: the code section's, and each other section's.
  uint64_t Size = 0;
  std::vector<uint64_t> Used(R.Sections.size(), 0);
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks) {
      if (B.Section >= 0 && B.Section != R.CodeSectionIndex &&
          size_t(B.Section) < Used.size())
        Used[B.Section] += B.size();
      else
        Size += B.size();
    }
  for (size_t I = 0; I < Used.size(); ++I)
    if (Used[I] > R.Sections[I].Size) {
      std::string Msg = ("the generated code for section '" +
                         R.Sections[I].Name + "' (" + Twine(Used[I]) +
                         " bytes) does not fit it (" +
                         Twine(R.Sections[I].Size) +
                         " bytes); enlarge its SIZE or lower -num-instrs")
                            .str();
      return R.SM ? makeError(*R.SM, R.Sections[I].Loc, Msg) : makeError(Msg);
    }
  if (Size > R.CodeSize) {
    std::string Msg = ("the generated code (" + Twine(Size) +
                       " bytes) does not fit section '" + R.CodeName + "' (" +
                       Twine(R.CodeSize) +
                       " bytes); enlarge its SIZE or lower -num-instrs")
                          .str();
    return R.SM ? makeError(*R.SM, R.CodeLoc, Msg) : makeError(Msg);
  }
  collectControlFlowMap(P, R, Env, CFT);
  return Error::success();
}

uint64_t encodedSize(const MCEnvironment &Env, ArrayRef<MCInst> Insts) {
  uint64_t S = 0;
  for (const MCInst &I : Insts)
    S += Env.instrInfo().get(I.getOpcode()).getSize();
  return S;
}

Error layOutProgram(Program &P, const RelaxationRequest &R,
                    const MCEnvironment &Env, const ControlFlowTarget &CFT) {
  if (R.Placer)
    return layOutScattered(P, R, Env, CFT);
  return Relaxer(P, R, Env, CFT).run();
}

} // namespace snipgen
