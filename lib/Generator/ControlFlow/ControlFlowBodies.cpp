//===- ControlFlowBodies.cpp - Block bodies, exclusions, PC distance ------===//
//
// A block body is generated with the registers that must survive it
// excluded from writes: the callers' live loop counters, the return address
// of a function that keeps it in place, and the counters of the loops
// around the block. An opcode that could only write excluded registers is
// replaced by another draw from the histogram.
//
// distance.pc: loops (without nesting) are filled by size, not by count.
// Each loop gets a random target distance in [min, max] (from its start to
// its backward branch); its blocks share it, each body filled with primary
// instructions while one more surely fits, then NOPs to the exact size.
//===----------------------------------------------------------------------===//
#include "ControlFlowGenerator.h"
#include <cmath>
#include "SelfModifyingCode.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/RoundTripCache.h"
#include "snipgen/Support/HugePages.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"
#include "llvm/Support/MathExtras.h"

using namespace llvm;

namespace snipgen {


bool ControlFlowGenerator::writableOperandsFree(const OpcodeDesc &Op) {
  auto It = WrittenCands.find(Op.Opcode);
  if (It == WrittenCands.end()) {
    std::vector<std::vector<unsigned>> Lists;
    for (unsigned I = 0; I < Op.Operands.size(); ++I) {
      const OperandDesc &OD = Op.Operands[I];
      if (!OD.isReg() || OD.TiedTo >= 0)
        continue;
      bool Written = OD.IsDef || (int)I == Op.MemBaseOp ||
                     any_of(Op.Operands, [&](const OperandDesc &O) {
                       return O.TiedTo == (int)I && O.IsDef;
                     });
      if (Written)
        Lists.push_back(Parts.Registers.primaryCandidates(Op, I));
    }
    It = WrittenCands.try_emplace(Op.Opcode, std::move(Lists)).first;
  }
  auto Excluded = [&](unsigned R) {
    return Parts.Registers.isWriteExcluded(R);
  };
  for (const std::vector<unsigned> &C : It->second)
    if (all_of(C, Excluded))
      return false;
  return true;
}

const OpcodeDesc &ControlFlowGenerator::drawPlainOpcode() {
  // Callers check that the histogram has some plain opcode with weight.
  while (true) {
    const OpcodeDesc &Op = Parts.Source.next(RNG);
    if (RoleOf[Op.Opcode] == CFRole::None)
      return Op;
  }
}

Error ControlFlowGenerator::emitPrimary(const OpcodeDesc &Op, CodeBuffer &Out) {
  // -keep-primary: the one hook of instruction-level reduction.
  PrimaryDraw Draw(Config.KeepPrimary, RNG, Filtered);
  if (Draw.skipped())
    return Error::success();
  const OpcodeDesc *Use = &Op;
  if (!Parts.Registers.writeExclusions().empty() && !writableOperandsFree(Op)) {
    Use = nullptr;
    bool HasPlain = any_of(Histogram.entries(), [&](auto &E) {
      return E.Weight > 0 && RoleOf[E.Op->Opcode] == CFRole::None;
    });
    for (unsigned Try = 0; HasPlain && Try < 64 && !Use; ++Try) {
      const OpcodeDesc &Other = drawPlainOpcode();
      if (writableOperandsFree(Other))
        Use = &Other;
    }
    if (!Use)
      return makeError("cannot generate '" + Op.Name +
                       "' here: every register it may write holds a live loop "
                       "counter, the stack pointer or a reserved value, and "
                       "no other histogram opcode fits either");
  }
  emitHint(Out);
  uint64_t Before = Out.size();
  Builder->emit(*Use, Out);
  if (Config.SelfCheck)
    Config.SelfCheck->afterPrimaryBytes(
        Use->Opcode, ArrayRef<uint8_t>(Out.block().Code).drop_front(Before),
        Out);
  ++Out.block().PrimaryOpcodes[Use->Opcode];
  ++Primary;
  if (SMC)
    if (Error E = SMC->afterPrimary(Out))
      return E;
  if (Config.Progress && (Primary & 0xffff) == 0)
    Config.Progress(Primary);
  return Error::success();
}

// llvm-snippy's insertion-point hints are target NOPs placed where code can
// be inserted: before each primary instruction with its set-up code (an
// address materialisation, a reservation loop, a self-check store after it
// belong to it) and at the end of a block's body, before its terminator or
// the epilogue; never inside prologues, loop counter logic or calls.
static constexpr unsigned HintBytes = 4;

void ControlFlowGenerator::emitHint(CodeBuffer &Out) {
  if (!Opts.InsertionPointHints)
    return;
  uint64_t Before = Out.size();
  CFT->emitNops(HintBytes, Out);
  // A NOP: the memory planner keeps what it knows of the registers, so the
  // rest of the code is what it would be without hints.
  Parts.Memory.skipNeutralCode(Out, Before);
}

uint64_t ControlFlowGenerator::primaryFootprint() const {
  return Builder->maxFootprint() + (Opts.InsertionPointHints ? HintBytes : 0);
}

uint64_t ControlFlowGenerator::terminatorEstimate(unsigned Node, unsigned Blk) {
  // The shortest form that reaches a near target; layout may grow it (the
  // PC-distance budget keeps some slack for that).
  const BlockPlan &BP = Plans[Node].Blocks[Blk];
  if (!BP.CF)
    return 0;
  Terminator T;
  T.Opcode = BP.CF->Opcode;
  T.Scratch = BP.Scratch;
  switch (BP.Role) {
  case CFRole::CondBranch:
    T.Kind = TerminatorKind::Branch;
    T.Inst.setOpcode(BP.CF->Opcode);
    for (const OperandDesc &OD : BP.CF->Operands)
      T.Inst.addOperand(OD.isReg() && !OD.LegalRegs.empty()
                            ? MCOperand::createReg(OD.LegalRegs.back())
                            : MCOperand::createImm(0));
    break;
  case CFRole::Jump:
    T.Kind = TerminatorKind::Jump;
    break;
  case CFRole::IndirectJump:
    T.Kind = TerminatorKind::IndirectJump;
    break;
  case CFRole::Call:
    if (Graph.Nodes[BP.Callee].External) {
      uint64_t S = CFT->externalCallSize();
      auto Pre =
          encode([&](InstSink &Out) { Frames->beforeExternalCall(Out); });
      auto Post =
          encode([&](InstSink &Out) { Frames->afterExternalCall(Out); });
      if (Pre)
        S += Pre->size();
      else
        consumeError(Pre.takeError());
      if (Post)
        S += Post->size();
      else
        consumeError(Post.takeError());
      return S;
    }
    T.Kind = TerminatorKind::Call;
    break;
  default:
    return 0;
  }
  SmallVector<MCInst, 4> Insts;
  for (unsigned Form = 0; Form < ControlFlowTarget::NumForms; ++Form)
    if (CFT->buildTerminator(T, Form, 16, Insts)) {
      uint64_t S = 0;
      for (const MCInst &I : Insts)
        S += Env.instrInfo().get(I.getOpcode()).getSize();
      return S;
    }
  return 0;
}

Error ControlFlowGenerator::planPCDistanceBudgets(unsigned Node) {
  const BranchesConfig &B = L.ControlFlow.Branches;
  if (!B.PCDistance.given())
    return Error::success();
  FunctionPlan &FP = Plans[Node];
  unsigned Step = CFT->minInstrSize();
  for (unsigned I = 0; I < FP.Loops.size(); ++I) {
    const LoopInfo &LI = FP.Loops[I];
    // The latch's own decrement, and room for every branch or call inside
    // to take a longer form at layout.
    uint64_t Fixed = LI.Compressed ? 2 : 4, Slack = 0;
    for (unsigned Blk = LI.First; Blk < LI.Latch; ++Blk) {
      Fixed += terminatorEstimate(Node, Blk);
      if (FP.Blocks[Blk].CF)
        Slack += 4;
    }
    uint64_t Min =
        alignTo(std::max<uint64_t>(B.PCDistance.Min.value_or(0), Fixed), Step);
    uint64_t Max = B.PCDistance.Max.value_or(LI.Compressed ? 254 : 4094);
    // A loop cannot be longer than its code section; a larger pc.max (say
    // 9876543210) would only ask for NOP padding without end.
    // Every loop of every function gets at most an equal share of it.
    uint64_t Loops = std::max<uint64_t>(1, FP.Loops.size() * Plans.size());
    Max = std::min<uint64_t>(Max, L.Sections[CodeSection].Size / (2 * Loops));
    Max = Max > Slack ? alignDown(Max - Slack, Step) : 0;
    if (Max < Min)
      return makeError(*L.SM, B.PCDistance.Loc,
                       "branches: max PC distance requirement can't be met: "
                       "a loop in function '" +
                           Graph.Nodes[Node].Name + "' needs at least " +
                           Twine(Min + Slack) +
                           " bytes for its branch logic, but distance.pc.max "
                           "is " +
                           Twine(B.PCDistance.Max.value_or(0)));
    uint64_t Target = Min + RNG.below((Max - Min) / Step + 1) * Step;
    SizeBudget[{Node, I}] = Target;
  }
  return Error::success();
}

// Capacity for the per-instruction records of a large block, so that they
// are not copied (and their memory touched twice) as they grow: one primary
// offset per primary, and the histogram's expected share of memory accesses
// with four standard deviations to spare.
void ControlFlowGenerator::reserveRecords(BasicBlock &BB, uint64_t Primaries) {
  if (Primaries < 4096)
    return;
  double Total = 0, Memory = 0;
  for (const OpcodeHistogram::Entry &E : Histogram.entries()) {
    Total += E.Weight > 0 ? E.Weight : 0;
    if (E.Weight > 0 && E.Op->isMemoryAccess())
      Memory += E.Weight;
  }
  BB.PrimaryOffsets.reserve(Primaries);
  adviseHugePages(BB.PrimaryOffsets);
  adviseHugePages(BB.Code);
  if (Total <= 0 || Memory <= 0)
    return;
  double P = Memory / Total, N = double(Primaries);
  BB.MemoryAccesses.reserve(
      size_t(N * P + 4 * std::sqrt(N * P * (1 - P)) + 64));
  adviseHugePages(BB.MemoryAccesses);
}

Error ControlFlowGenerator::fillBody(unsigned Node, unsigned Blk,
                                     BasicBlock &BB) {
  FunctionPlan &FP = Plans[Node];
  BlockPlan &BP = FP.Blocks[Blk];
  SmallVector<unsigned, 8> Excl(FP.LiveIn.begin(), FP.LiveIn.end());
  if (FP.KeepsRA)
    Excl.push_back(Stack.FunctionRA[Node]);
  if (!Opts.StackForIV) { // on the stack, counters leave registers free
    for (unsigned LI : BP.Loops)
      Excl.push_back(FP.Loops[LI].Counter);
    for (unsigned LI : BP.Pending)
      Excl.push_back(FP.Loops[LI].Counter);
  }
  Parts.Registers.setWriteExclusions(Excl);
  // vl/vtype/vxrm are unknown where control flow may join; the entry's
  // single block continues from its prologue's configuration.
  if (Config.Vector && !(Node == 0 && FP.Streaming))
    Config.Vector->beginBlock();

  // The block's own section (-chained-rx-sections-fill places pieces of
  // the entry function in other rx sections).
  const SectionDesc &Code =
      L.Sections[BP.Section >= 0 ? unsigned(BP.Section) : CodeSection];
  CodeBuffer Out(Env, BB, Checks.get());
  if (SMC)
    SMC->startBlock(Node, FP.Blocks.empty() ? 1 : FP.Blocks.size(), Blk,
                    FP.Streaming ? 0 : Blk + 1,
                    FP.Streaming ? FP.NumPrimaries : BP.Ops.size(),
                    BP.Loops.empty() ||
                        !SizeBudget.count({Node, BP.Loops.front()}));
  auto TooBig = [&](uint64_t Done) {
    return makeError(*L.SM, Code.Loc,
                     "the generated code does not fit section '" + Code.Name +
                     "' (" + Twine(Code.Size) + " bytes) after " + Twine(Done) +
                     " of " + Twine(FP.NumPrimaries) +
                     " instructions; enlarge its SIZE or lower -num-instrs");
  };

  if (FP.Streaming) {
    uint64_t Budget = Code.Size;
    if (Config.FillCodeSection) {
      // Leave room for the epilogue and the last instruction.
      auto Epi = encode([&](InstSink &E) {
        Frames->entryEpilogue(FP.Frame, E);
        if (Config.LastInstr)
          E.emit(*Config.LastInstr);
      });
      if (!Epi)
        return Epi.takeError();
      Budget = Code.Size >= Epi->size() ? Code.Size - Epi->size() : 0;
      if (Opts.InsertionPointHints)
        Budget = Budget >= HintBytes ? Budget - HintBytes : 0;
      while (Out.size() + primaryFootprint() <= Budget &&
             (!Config.KeepPrimary ||
              Config.KeepPrimary->keepsSomeFrom(Filtered.Drawn)))
        if (Error E = emitPrimary(Parts.Source.next(RNG), Out))
          return E;
      emitHint(Out);
      return Out.takeError();
    }
    if (!Config.FillCodeSection) {
      BB.Code.reserve(std::min<uint64_t>(FP.NumPrimaries * 8, Code.Size));
      reserveRecords(BB, FP.NumPrimaries);
    }
    for (uint64_t I = 0; I < FP.NumPrimaries; ++I) {
      if (Error E = emitPrimary(Parts.Source.next(RNG), Out))
        return E;
      if (Out.size() > Budget)
        return TooBig(I + 1);
    }
    emitHint(Out);
    return Out.takeError();
  }

  // distance.pc: the loop's blocks share its byte budget.
  if (!BP.Loops.empty() && SizeBudget.count({Node, BP.Loops.front()})) {
    unsigned LI = BP.Loops.front();
    const LoopInfo &Loop = FP.Loops[LI];
    uint64_t &Remaining = SizeBudget[{Node, LI}];
    unsigned Step = CFT->minInstrSize();
    uint64_t Term = Blk == Loop.Latch ? (Loop.Compressed ? 2 : 4)
                                      : terminatorEstimate(Node, Blk);
    uint64_t Share = Blk == Loop.Latch
                         ? Remaining
                         : alignDown(Remaining / (Loop.Latch - Blk + 1), Step);
    uint64_t Want = Share > Term ? Share - Term : 0;
    if (Opts.InsertionPointHints) // the hint at the end of the body
      Want = Want > HintBytes ? Want - HintBytes : 0;
    // -num-instrs stays exact: the loop takes its planned primaries while
    // they fit (the rest move on to the next straight-line block), fills up
    // with extra primaries borrowed from the blocks after it, and NOPs
    // (ancillary) make up what is left of the distance.
    uint64_t Spare = 0; // Planned primaries of later straight-line blocks.
    bool LaterStraight = false;
    for (unsigned B = Blk + 1; B < FP.Blocks.size(); ++B)
      if (FP.Blocks[B].Loops.empty()) {
        Spare += FP.Blocks[B].Ops.size();
        LaterStraight = true;
      }
    for (const OpcodeDesc *Op : BP.Ops) {
      // Without a later straight-line block to take it, an instruction
      // stays (the distance check reports a loop that grew too long).
      if (Out.size() + primaryFootprint() > Want && LaterStraight) {
        Carried.push_back(Op);
        continue;
      }
      if (Error E = emitPrimary(*Op, Out))
        return E;
    }
    bool HasPlain = any_of(Histogram.entries(), [&](auto &E) {
      return E.Weight > 0 && RoleOf[E.Op->Opcode] == CFRole::None;
    });
    while (HasPlain && Borrowed + Carried.size() < Spare &&
           Out.size() + primaryFootprint() <= Want) {
      if (Error E = emitPrimary(drawPlainOpcode(), Out))
        return E;
      ++Borrowed;
    }
    if (Out.size() < Want) {
      PaddedForCount += Want - Out.size();
      CFT->emitNops(Want - Out.size(), Out);
    }
    emitHint(Out);
    uint64_t Used = Out.size() + Term;
    Remaining = Remaining > Used ? Remaining - Used : 0;
    return Out.takeError();
  }

  // Straight-line blocks settle what loops under distance.pc carried over
  // or borrowed.
  SmallVector<const OpcodeDesc *, 16> Ops(Carried.begin(), Carried.end());
  Carried.clear();
  for (const OpcodeDesc *Op : BP.Ops) {
    if (Borrowed) {
      --Borrowed;
      continue;
    }
    Ops.push_back(Op);
  }
  for (const OpcodeDesc *Op : Ops) {
    if (Error E = emitPrimary(*Op, Out))
      return E;
    if (Out.size() > Code.Size)
      return TooBig(Primary);
  }
  emitHint(Out);
  return Out.takeError();
}

Error ControlFlowGenerator::checkPCDistances(const Program &P) const {
  const BranchesConfig &B = L.ControlFlow.Branches;
  if (!B.PCDistance.given())
    return Error::success();
  for (const Function &F : P.Functions)
    for (const LoopInfo &LI : F.Loops) {
      const BasicBlock &Latch = F.Blocks[LI.Latch];
      uint64_t TermBegin =
          Latch.Address + Latch.bodyOffset() + Latch.Code.size();
      MCInst Dec;
      unsigned DecSize = Env.decode(Latch.Term.Resolved.Bytes, 0, Dec);
      uint64_t D = TermBegin + DecSize - LI.StartAddress;
      if (D < B.PCDistance.Min.value_or(0) ||
          D > B.PCDistance.Max.value_or(UINT64_MAX))
        return makeError(*L.SM, B.PCDistance.Loc,
                         "branches: a loop in function '" + F.Name + "' at 0x" +
                             utohexstr(LI.StartAddress) + " spans " + Twine(D) +
                             " bytes, outside distance.pc (its branches had "
                             "to take longer forms); widen distance.pc");
    }
  return Error::success();
}

} // namespace snipgen
