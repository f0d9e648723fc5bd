//===- SelfModifyingCode.cpp - smcgram: code that rewrites itself ---------===//
//
// See SelfModifyingCode.h. The rewrite sequence uses RISC-V instructions by
// their LLVM names (AUIPC, SH, FENCE_I, ADDI); encodings come from LLVM's MC
// layer like every other instruction.
//===----------------------------------------------------------------------===//
#include "SelfModifyingCode.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/MC/MCSubtargetInfo.h"
#include "llvm/MC/MCRegisterInfo.h"
#include <algorithm>
#include <cmath>

using namespace llvm;

namespace snipgen {

SelfModifyingCode::~SelfModifyingCode() = default;

namespace {
/// Collects emitted instructions (to measure and replay them).
struct InstList : InstSink {
  std::vector<MCInst> Insts;
  void emit(const MCInst &I) override { Insts.push_back(I); }
};
} // namespace

/// New code must run the same on every hart and leave everything but
/// registers alone: no memory, control flow, CSR side effects, PC-relative
/// operands or vector state.
static bool isPlainForRewrite(const OpcodeDesc &Op) {
  if (Op.isMemoryAccess() || Op.hasControlFlowTraits() || Op.HasSideEffects ||
      Op.HasPCRelOperand)
    return false;
  StringRef N = Op.Name;
  if (N.starts_with("V") || N.starts_with("PseudoV") || N.starts_with("TH_V") ||
      N.starts_with("SF_V"))
    return false;
  return true;
}

Expected<std::unique_ptr<SelfModifyingCode>> SelfModifyingCode::create(
    const MCEnvironment &Env, const GenTarget &Target,
    const ControlFlowTarget &CFT, const Layout &L,
    const GeneratorConfig &Config, const OpcodeHistogram &Histogram,
    RegisterPolicy &Registers, const ImmediatePolicy &Immediates,
    MemoryPlanner &Memory, RandomEngine &RNG, unsigned CodeSection) {
  const SelfModifyingConfig &C = L.SMC;
  if (!C.Enabled)
    return nullptr;
  const SectionDesc &Code = L.Sections[CodeSection];
  if (!Code.Access.W)
    return makeError(*L.SM, Code.Loc,
                     "self-modifying code (smcgram) stores into the code "
                     "section, but section '" +
                         Code.Name +
                         "' is not writable; give it ACCESS rwx");
  unsigned FenceI = Env.findOpcode("FENCE_I");
  // LLVM's MC layer takes FENCE.I without Zifencei too: ask the subtarget.
  if (!FenceI || !Env.subtargetInfo().checkFeatures("+zifencei"))
    return makeError(*L.SM, C.Loc,
                     "SMC generation required Zifencei extension to be "
                     "enabled (add +zifencei to -mattr, or use a -march "
                     "with it)");
  if (Config.FillCodeSection)
    return makeError(*L.SM, C.Loc,
                     "self-modifying code (smcgram) cannot be combined with "
                     "-num-instrs=all: the rewrite groups come on top of the "
                     "primary instructions");
  std::unique_ptr<SelfModifyingCode> S(new SelfModifyingCode(
      Env, Target, CFT, L, Config, Registers, Immediates, Memory, RNG));
  S->AUIPC = Env.findOpcode("AUIPC");
  S->SH = Env.findOpcode("SH");
  S->FENCEI = FenceI;
  S->ADDI = Env.findOpcode("ADDI");
  if (!S->AUIPC || !S->SH || !S->ADDI)
    return makeInternalError("self-modifying code: AUIPC, SH or ADDI is "
                             "missing from the target");
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    if (E.Weight > 0 && isPlainForRewrite(*E.Op)) {
      S->Plain.push_back(E.Op);
      S->PlainWeights.push_back(E.Weight);
    }
  S->GPRs = Target.addressRegisters(Env);
  return S;
}

void SelfModifyingCode::startBlock(unsigned Node, unsigned NumBlocks,
                                   unsigned Block, unsigned FunctionBlock,
                                   uint64_t Primaries, bool Eligible) {
  if (CurNode != static_cast<int>(Node)) {
    // A new function: draw floor(N * ratio) distinct blocks.
    CurNode = static_cast<int>(Node);
    Chosen.clear();
    unsigned Want = static_cast<unsigned>(
        std::floor(static_cast<double>(NumBlocks) * L.SMC.TargetBlocks));
    std::vector<unsigned> All(NumBlocks);
    for (unsigned I = 0; I < NumBlocks; ++I)
      All[I] = I;
    for (unsigned I = 0; I < Want && I < NumBlocks; ++I) {
      unsigned J = I + static_cast<unsigned>(RNG.below(NumBlocks - I));
      std::swap(All[I], All[J]);
      Chosen.push_back(All[I]);
    }
  }
  CurFunctionBlock = FunctionBlock;
  Seen = 0;
  InsertAfter = 0;
  if (Eligible && Primaries && is_contained(Chosen, Block))
    InsertAfter = 1 + RNG.below(Primaries);
}

Error SelfModifyingCode::afterPrimary(CodeBuffer &Out) {
  if (!InsertAfter || ++Seen != InsertAfter)
    return Error::success();
  unsigned N = L.SMC.MinOverwriters +
               static_cast<unsigned>(RNG.below(L.SMC.MaxOverwriters -
                                               L.SMC.MinOverwriters + 1));
  for (unsigned I = 0; I < N; ++I)
    if (Error E = emitGroup(Out))
      return E;
  return Error::success();
}

bool SelfModifyingCode::build(const OpcodeDesc &Op, MCInst &I) {
  I = MCInst();
  I.setOpcode(Op.Opcode);
  for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
    const OperandDesc &OD = Op.Operands[Idx];
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    if (OD.isReg()) {
      std::vector<unsigned> C = Registers.primaryCandidates(Op, Idx);
      bool Written = OD.IsDef || any_of(Op.Operands, [&](const OperandDesc &O) {
                       return O.TiedTo == static_cast<int>(Idx) && O.IsDef;
                     });
      if (Written)
        erase_if(C, [&](unsigned R) {
          return Registers.isWriteExcluded(R) || Memory.isPinned(R);
        });
      if (C.empty())
        return false;
      I.addOperand(MCOperand::createReg(C[RNG.below(C.size())]));
      continue;
    }
    I.addOperand(MCOperand::createImm(Immediates.choose(Op, Idx, RNG)));
  }
  return true;
}

MCInst SelfModifyingCode::randomPlain(unsigned Scratch, unsigned Base) {
  if (!Plain.empty()) {
    WeightedChooser W(PlainWeights);
    for (unsigned Try = 0; Try < 16; ++Try) {
      MCInst I;
      if (build(*Plain[W.choose(RNG)], I))
        return I;
    }
  }
  // No histogram opcode fits: Scratch = Base + random immediate.
  auto [Lo, Hi] = Target.addImmediateRange();
  MCInst I;
  I.setOpcode(ADDI);
  I.addOperand(MCOperand::createReg(Scratch));
  I.addOperand(MCOperand::createReg(Base));
  I.addOperand(MCOperand::createImm(RNG.inRange(Lo, Hi)));
  return I;
}

void SelfModifyingCode::clobberDefs(const MCInst &I) {
  const MCInstrDesc &D = Env.instrInfo().get(I.getOpcode());
  for (unsigned Idx = 0; Idx < D.getNumDefs() && Idx < I.getNumOperands();
       ++Idx)
    if (I.getOperand(Idx).isReg() && I.getOperand(Idx).getReg())
      Memory.clobbered(I.getOperand(Idx).getReg().id());
  for (MCPhysReg R : D.implicit_defs())
    Memory.clobbered(R);
}

Error SelfModifyingCode::emitGroup(CodeBuffer &Out) {
  // Two scratch registers: S holds the group's address, T each halfword.
  std::vector<unsigned> Free;
  for (unsigned R : GPRs)
    if (Registers.ancillaryMayWrite(R) && !Memory.isPinned(R))
      Free.push_back(R);
  if (Free.size() < 2)
    return makeError("self-modifying code needs two registers that code may "
                     "write to store the new instructions, but only " +
                     Twine(Free.size()) +
                     " are free here (reservations, loop counters, the "
                     "stack pointer)");
  unsigned S = Free[RNG.below(Free.size())];
  erase(Free, S);
  unsigned T = Free[RNG.below(Free.size())];

  // The new code and the old code it replaces, instruction by instruction
  // of the same sizes.
  unsigned Count = 1 + static_cast<unsigned>(RNG.below(4));
  std::vector<uint8_t> NewBytes;
  std::vector<MCInst> New, Old;
  SmallVector<char, 8> Enc;
  auto Encode = [&](const MCInst &I) -> unsigned {
    Enc.clear();
    if (!Env.encode(I, Enc))
      return 0;
    return Enc.size();
  };
  for (unsigned K = 0; K < Count; ++K) {
    MCInst I = randomPlain(T, S);
    unsigned Size = Encode(I);
    if (!Size)
      return makeInternalError("self-modifying code: cannot encode '" +
                               Env.print(I) + "'");
    NewBytes.insert(NewBytes.end(), Enc.begin(), Enc.end());
    New.push_back(I);
    // Old code of the same size, different from the new one.
    MCInst O;
    bool Found = false;
    for (unsigned Try = 0; Try < 32 && !Found; ++Try) {
      O = randomPlain(T, S);
      SmallVector<char, 8> NewEnc(Enc.begin(), Enc.end());
      Found = Encode(O) == Size && Enc != NewEnc;
    }
    if (Found) {
      Old.push_back(O);
    } else {
      InstList Nops;
      CFT.emitNops(Size, Nops);
      append_range(Old, Nops.Insts);
    }
  }

  // Measure the store sequence, then emit it with the slot's offsets.
  std::vector<InstList> Values;
  uint64_t Pre = 4 + 4; // AUIPC, FENCE.I
  for (size_t H = 0; H < NewBytes.size(); H += 2) {
    uint64_t V = NewBytes[H] | (uint64_t(NewBytes[H + 1]) << 8);
    Values.emplace_back();
    Target.materializeValue(Env, T, V, Values.back());
    for (const MCInst &I : Values.back().Insts)
      Pre += Encode(I);
    Pre += 4; // SH
  }
  if (Pre + NewBytes.size() > 2047)
    return makeInternalError("self-modifying code: the slot is out of reach "
                             "of the stores");

  MCInst A;
  A.setOpcode(AUIPC);
  A.addOperand(MCOperand::createReg(S));
  A.addOperand(MCOperand::createImm(0));
  Out.emit(A);
  for (size_t H = 0; H < Values.size(); ++H) {
    for (const MCInst &I : Values[H].Insts)
      Out.emit(I);
    MCInst St;
    St.setOpcode(SH);
    St.addOperand(MCOperand::createReg(T));
    St.addOperand(MCOperand::createReg(S));
    St.addOperand(MCOperand::createImm(static_cast<int64_t>(Pre + 2 * H)));
    Out.emit(St);
  }
  MCInst F;
  F.setOpcode(FENCEI);
  Out.emit(F);
  Slot SL;
  SL.Function = static_cast<unsigned>(CurNode);
  SL.Block = CurFunctionBlock;
  SL.Offset = Out.size();
  SL.Size = NewBytes.size();
  for (const MCInst &I : Old)
    Out.emit(I);
  if (Out.size() - SL.Offset != SL.Size)
    return makeInternalError("self-modifying code: the old code has " +
                             Twine(Out.size() - SL.Offset) +
                             " bytes, the new " + Twine(SL.Size));
  Slots.push_back(SL);
  Memory.clobbered(S);
  Memory.clobbered(T);
  for (const MCInst &I : New)
    clobberDefs(I);
  return Error::success();
}

Error SelfModifyingCode::finish(const Program &P) {
  if (Slots.empty()) {
    if (Config.Warnings)
      if (Error E = Config.Warnings->warn(
              Warning::SMCWithoutEffect,
              "SMC mode doesn't provide any effect: no block was drawn to "
              "rewrite code (smc-tgt-blocks " +
                  formatv("{0}", L.SMC.TargetBlocks) +
                  " of the blocks of each function, rounded down; branches "
                  "in the histogram make more blocks)"))
        return E;
    return Error::success();
  }
  // code-layout: the ranges that overlap an executable section bound where
  // the rewritten code may lie.
  const SectionDesc &Code = L.Sections[P.CodeSection];
  std::vector<const CodeLayoutRange *> Ranges;
  for (const CodeLayoutRange &R : L.SMC.CodeLayout)
    if (any_of(L.Sections, [&](const SectionDesc &S) {
          return S.Access.X && R.Start < S.VMA + S.Size &&
                 S.VMA < R.Start + R.Size;
        }))
      Ranges.push_back(&R);
  if (Ranges.empty()) {
    if (Config.Warnings)
      if (Error E = Config.Warnings->warn(
              Warning::SMCWithoutEffect,
              formatLoc(*L.SM, L.SMC.CodeLayoutLoc) +
                  ": no code-layout range overlaps the code section '" +
                  Code.Name +
                  "' (or another rx section); the rewritten code lies "
                  "anywhere in it"))
        return E;
    return Error::success();
  }
  for (const Slot &S : Slots) {
    const Function &F = P.Functions[S.Function];
    const BasicBlock &B = F.Blocks[S.Block];
    uint64_t Addr = B.Address + B.bodyOffset() + S.Offset;
    if (none_of(Ranges, [&](const CodeLayoutRange *R) {
          return R->allows(Addr, S.Size);
        }))
      return makeError(*L.SM, L.SMC.CodeLayoutLoc,
                       "self-modifying code rewrites " + Twine(S.Size) +
                           " bytes at 0x" + utohexstr(Addr) +
                           " in function '" + F.Name +
                           "', outside every code-layout range; widen the "
                           "ranges to cover the code section");
  }
  return Error::success();
}

} // namespace snipgen
