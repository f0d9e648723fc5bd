//===- ControlFlowGenerator.cpp - Program-level generation steps ----------===//
#include "ControlFlowGenerator.h"
#include "SelfModifyingCode.h"
#include "BranchRelaxation.h"
#include "CodePlacement.h"
#include "StartStub.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/VectorUnit.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/RoundTripCache.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/MC/MCInstrInfo.h"

#include "llvm/MC/MCRegisterInfo.h"

using namespace llvm;

namespace snipgen {

ControlFlowGenerator::ControlFlowGenerator(
    const MCEnvironment &Env, const GenTarget &Target, const Layout &L,
    const OpcodeHistogram &Histogram, GeneratorParts Parts, RandomEngine &RNG,
    const GeneratorConfig &Config, CallGraph &Graph)
    : Env(Env), Target(Target), L(L), Histogram(Histogram), Parts(Parts),
      RNG(RNG), Config(Config), Opts(Config.ControlFlow), Graph(Graph),
      Checks(RoundTripCache::create(Env)) {}

ControlFlowGenerator::~ControlFlowGenerator() = default;

Error ControlFlowGenerator::classifyHistogram() {
  RoleOf.assign(Env.instrInfo().getNumOpcodes(), CFRole::None);
  for (const OpcodeHistogram::Entry &E : Histogram.entries()) {
    CFRole R = CFT->classify(*E.Op);
    RoleOf[E.Op->Opcode] = R;
    if (E.Weight <= 0)
      continue;
    if (R == CFRole::Unsupported)
      return makeError(*L.SM, L.Histogram[E.LayoutIndex].Loc,
                       "cannot generate '" + E.Op->Name +
                           "': " + CFT->unsupportedReason(*E.Op));
    HasControlFlow |= R != CFRole::None;
    HasCalls |= R == CFRole::Call;
    HasCondBranches |= R == CFRole::CondBranch;
  }
  return Error::success();
}

Error ControlFlowGenerator::checkBranchOptions() const {
  const BranchesConfig &B = L.ControlFlow.Branches;
  if (Config.FillCodeSection && HasControlFlow)
    return makeOptionError(
        "num-instrs",
        HasCalls && !any_of(Histogram.entries(),
                            [&](auto &E) {
                              return E.Weight > 0 &&
                                     RoleOf[E.Op->Opcode] != CFRole::None &&
                                     RoleOf[E.Op->Opcode] != CFRole::Call;
                            })
            ? "when -num-instrs=all is specified, calls "
              "are not supported"
            : "when -num-instrs=all is specified, "
              "branches are not supported");
  if (B.ConsecutiveLoops == BranchesConfig::Consecutive::All)
    for (const OpcodeHistogram::Entry &E : Histogram.entries())
      if (E.Weight > 0 && RoleOf[E.Op->Opcode] != CFRole::None &&
          RoleOf[E.Op->Opcode] != CFRole::CondBranch)
        return makeError(*L.SM, B.ConsecutiveLoc,
                         "consecutive-loops: all makes every block a loop, "
                         "so every control-flow opcode of the histogram "
                         "must be a conditional branch ('" +
                             E.Op->Name + "' is not)");
  if (B.Alignment > 1) {
    const SectionDesc &Code = L.Sections[CodeSection];
    if (Code.VMA % B.Alignment)
      return makeError(*L.SM, B.Loc,
                       "branches: alignment " + Twine(B.Alignment) +
                           " needs the code section '" + Code.Name +
                           "' to start at a multiple of it (VMA 0x" +
                           utohexstr(Code.VMA) + ")");
    if (B.Alignment % CFT->minInstrSize())
      return makeError(*L.SM, B.Loc,
                       "branches: alignment " + Twine(B.Alignment) +
                           " is smaller than an instruction (" +
                           Twine(CFT->minInstrSize()) + " bytes)");
  }
  if (B.PCDistance.Max && *B.PCDistance.Max < CFT->minInstrSize())
    return makeError(*L.SM, B.PCDistance.Loc,
                     "branches: max PC distance (" + Twine(*B.PCDistance.Max) +
                         ") is less than the instruction size (" +
                         Twine(CFT->minInstrSize()) + ")");
  return Error::success();
}

static uint64_t satAdd(uint64_t A, uint64_t B) {
  uint64_t R;
  return __builtin_add_overflow(A, B, &R) ? ~0ull : R;
}
static uint64_t satMul(uint64_t A, uint64_t B) {
  uint64_t R;
  return __builtin_mul_overflow(A, B, &R) ? ~0ull : R;
}

// An upper bound on the instructions a call of the function executes: every
// block as often as its loops repeat it (forward branches may skip some),
// with its counter logic, and the callees' bounds at each call.
uint64_t ControlFlowGenerator::plannedExecuted(unsigned Node,
                                               std::vector<uint64_t> &Memo) const {
  if (Memo[Node] != ~0ull - 1)
    return Memo[Node];
  const FunctionPlan &FP = Plans[Node];
  uint64_t Total = 64; // prologue and epilogue
  if (Graph.Nodes[Node].External || FP.Streaming) {
    Total = satAdd(Total, FP.NumPrimaries);
    return Memo[Node] = Total;
  }
  for (const BlockPlan &BP : FP.Blocks) {
    uint64_t Times = 1;
    for (unsigned Loop : BP.Loops)
      Times = satMul(Times, FP.Loops[Loop].Iterations);
    // Counter logic: up to 4 instructions per loop, 8 on the stack (push,
    // load, store, pop).
    uint64_t Cost =
        BP.Ops.size() + 1 + (Opts.StackForIV ? 8 : 4) * BP.Loops.size();
    if (BP.Role == CFRole::Call)
      Cost = satAdd(Cost, plannedExecuted(BP.Callee, Memo));
    Total = satAdd(Total, satMul(Times, Cost));
  }
  return Memo[Node] = Total;
}

Error ControlFlowGenerator::checkPlannedExecuted() const {
  if (!Opts.MaxExecuted)
    return Error::success();
  std::vector<uint64_t> Memo(Plans.size(), ~0ull - 1);
  uint64_t N = plannedExecuted(0, Memo);
  if (N <= Opts.MaxExecuted)
    return Error::success();
  std::string Count = N == ~0ull ? "more than 2^64" : std::to_string(N);
  uint64_t Deepest = 1;
  for (const FunctionPlan &FP : Plans)
    for (const BlockPlan &BP : FP.Blocks) {
      uint64_t Times = 1;
      for (unsigned Loop : BP.Loops)
        Times = satMul(Times, FP.Loops[Loop].Iterations);
      Deepest = std::max(Deepest, Times);
    }
  std::string Msg = "the planned snippet executes up to " + Count +
                    " instructions (blocks repeated up to " +
                    std::to_string(Deepest) +
                    " times by nested loops), beyond the model's step limit "
                    "of " +
                    std::to_string(Opts.MaxExecuted) +
                    "; lower the loop iterations, max-depth.loop or "
                    "-num-instrs, or pass -model-plugin=None";
  const BranchesConfig &B = L.ControlFlow.Branches;
  if (Deepest > 1 && B.IterationsLoc.isValid())
    return makeError(*L.SM, B.IterationsLoc,
                     "'number-of-loop-iterations' of 'branches': " + Msg);
  return makeOptionError("num-instrs", Msg);
}

CFRole ControlFlowGenerator::roleOf(const OpcodeDesc &Op, unsigned Node) const {
  CFRole R = RoleOf[Op.Opcode];
  if (R == CFRole::Call && Graph.Nodes[Node].Callees.empty())
    return CFT->roleWithoutCallee(Op);
  return R;
}

Error ControlFlowGenerator::planFunction(unsigned Node) {
  FunctionPlan &FP = Plans[Node];
  FP.NumPrimaries = Node == 0 ? Config.NumInstrs : Opts.NumInstrAncil;
  bool MustReturn = Node != 0 || Config.LastInstrIsReturn;
  const bool Chained = Node == 0 && !Chain.empty();
  if (!HasControlFlow && !Chained) {
    FP.Streaming = true;
    FP.Blocks.resize(1);
    FP.KeepsRA = MustReturn;
    return Error::success();
  }
  const BranchesConfig &B = L.ControlFlow.Branches;
  if (Chained) {
    if (Error E = drawChainedEntry(Node))
      return E;
  } else {
  // Cut the drawn opcodes into blocks at each control-flow opcode.
  BlockPlan Cur;
  for (uint64_t I = 0; I < FP.NumPrimaries; ++I) {
    const OpcodeDesc &Op = Parts.Source.next(RNG);
    CFRole R = roleOf(Op, Node);
    if (R == CFRole::None) {
      Cur.Ops.push_back(&Op);
      continue;
    }
    Cur.CF = &Op;
    Cur.Role = R;
    FP.Blocks.push_back(std::move(Cur));
    Cur = BlockPlan();
  }
  FP.Blocks.push_back(std::move(Cur));

  std::vector<SlotKind> Slots;
  for (const BlockPlan &BP : FP.Blocks)
    Slots.push_back(BP.Role == CFRole::CondBranch ? SlotKind::Cond
                    : BP.Role == CFRole::Jump || BP.Role == CFRole::IndirectJump
                        ? SlotKind::Uncond
                        : SlotKind::None);
  unsigned MaxDist = B.BlockDistance.Max
                         ? *B.BlockDistance.Max
                         : autoMaxBlockDistance(FP.NumPrimaries,
                                                FP.Blocks.size(), B.LoopRatio);
  // distance.pc: a loop block adds at least its branch and some slack for
  // relaxation (8 bytes), the latch its counter logic.
  unsigned MaxLoopBlocks = ~0u;
  if (B.PCDistance.Max)
    MaxLoopBlocks = *B.PCDistance.Max / 8 + 1;
  FP.Branches = planBranches(Slots, B, MaxDist, RNG, MaxLoopBlocks);
  }

  FP.StartsLoops.resize(FP.Blocks.size());
  FP.HoistedInits.resize(FP.Blocks.size());
  FP.LatchOf.assign(FP.Blocks.size(), -1);
  for (const PlannedLoop &PL : FP.Branches.Loops) {
    FP.StartsLoops[PL.First].push_back(FP.Loops.size());
    FP.LoopHead.push_back(PL.Head);
    if (PL.Head != PL.First) {
      FP.HoistedInits[PL.Head].push_back(FP.Loops.size());
      for (unsigned Blk = PL.Head; Blk < PL.First; ++Blk)
        FP.Blocks[Blk].Pending.push_back(FP.Loops.size());
    }
    FP.LatchOf[PL.Latch] = FP.Loops.size();
    LoopInfo LI;
    LI.First = PL.First;
    LI.Latch = PL.Latch;
    LI.Depth = PL.Depth;
    LI.Iterations = RNG.inRangeU(B.MinIterations, B.MaxIterations);
    for (unsigned Blk = PL.First; Blk <= PL.Latch; ++Blk)
      FP.Blocks[Blk].Loops.push_back(FP.Loops.size());
    FP.Loops.push_back(LI);
    if (PL.Depth > 1 && B.PCDistance.given())
      return makeError(*L.SM, B.PCDistance.Loc,
                       "branches: the PC distance currently only works for "
                       "loops without nesting, and function '" +
                           Graph.Nodes[Node].Name +
                           "' got a nested loop; set max-depth.loop to 1 or "
                           "remove distance.pc");
  }

  bool Calls = false;
  for (BlockPlan &BP : FP.Blocks)
    if (BP.Role == CFRole::Call) {
      const std::vector<unsigned> &C = Graph.Nodes[Node].Callees;
      BP.Callee = C[RNG.below(C.size())];
      Calls = true;
    }
  FP.SavesRA = MustReturn && Calls;
  FP.KeepsRA = MustReturn && !Calls;

  if (Error E = chooseLoopCounters(Node))
    return E;
  if (Error E = chooseScratchRegisters(Node))
    return E;
  propagateLiveIn(Node);
  return planPCDistanceBudgets(Node);
}

Expected<CodeBytes>
ControlFlowGenerator::encode(function_ref<void(InstSink &)> Emit) {
  BasicBlock Tmp;
  CodeBuffer Out(Env, Tmp);
  Emit(Out);
  if (Error E = Out.takeError())
    return E;
  CodeBytes C;
  C.Bytes = std::move(Tmp.Code);
  C.NumInstrs = Tmp.NumInstrs;
  return C;
}

Terminator ControlFlowGenerator::makeTerminator(unsigned Node, unsigned Blk) {
  FunctionPlan &FP = Plans[Node];
  BlockPlan &BP = FP.Blocks[Blk];
  Terminator T;
  if (BP.ChainNext) {
    // The end of a piece: jump to the next piece, in another section.
    // No histogram opcode (0): ancillary, not counted as primary; the
    // target builds its plain jump (JAL, or a far form through Scratch).
    T.Kind = TerminatorKind::Jump;
    T.Opcode = 0;
    T.Target = Blk + 2; // function blocks: the prologue comes first
    T.Scratch = BP.Scratch;
    return T;
  }
  if (!BP.CF) {
    T.Scratch = BP.Scratch; // code-layout: for the jump to the epilogue
    return T; // the last block falls through into the epilogue
  }
  ++Primary;  // the histogram drew it like any other primary instruction
  T.Opcode = BP.CF->Opcode;
  T.Scratch = BP.Scratch;
  unsigned To = FP.Branches.Target[Blk];
  switch (BP.Role) {
  case CFRole::CondBranch:
    if (To <= Blk) {
      T.Kind = TerminatorKind::LoopLatch;
      T.Target = FP.LatchOf[Blk];
      T.Counter = FP.Loops[T.Target].Counter;
      T.Compressed = FP.Loops[T.Target].Compressed;
      if (Opts.StackForIV) {
        T.StackSP = Stack.SP;
        T.StackSlot = counterSlotBytes();
      }
      break;
    }
    T.Kind = TerminatorKind::Branch;
    T.Target = To + 1; // function blocks: the prologue comes first
    T.Inst.setOpcode(BP.CF->Opcode);
    for (unsigned I = 0; I < BP.CF->Operands.size(); ++I) {
      if (BP.CF->Operands[I].Role == OperandRole::PCRelative) {
        T.Inst.addOperand(MCOperand::createImm(0)); // set at layout
        continue;
      }
      std::vector<unsigned> C = Parts.Registers.primaryCandidates(*BP.CF, I);
      T.Inst.addOperand(MCOperand::createReg(C[RNG.below(C.size())]));
    }
    break;
  case CFRole::Jump:
    T.Kind = TerminatorKind::Jump;
    T.Target = To + 1;
    break;
  case CFRole::IndirectJump:
    T.Kind = TerminatorKind::IndirectJump;
    T.Target = To + 1;
    break;
  case CFRole::Call:
    T.Callee = BP.Callee;
    T.Link = Stack.FunctionRA[BP.Callee];
    T.Kind = Graph.Nodes[BP.Callee].External ? TerminatorKind::ExternalCall
                                             : TerminatorKind::Call;
    break;
  default:
    break;
  }
  return T;
}

Error ControlFlowGenerator::assembleFunction(unsigned Node, Program &P) {
  Function &F = P.Functions[Node];
  const CallGraph::Node &GN = Graph.Nodes[Node];
  F.Name = GN.Name;
  F.Link = Node == 0 ? Linkage::Global : Linkage::Local;
  if (GN.External) {
    // A stub for the model; the user's definition replaces it at link time.
    F.Link = Linkage::Weak;
    F.IsExternal = true;
    F.Blocks.emplace_back();
    CodeBuffer Out(Env, F.Blocks.back());
    Out.emit(CFT->returnInstr());
    return Out.takeError();
  }
  FunctionPlan &FP = Plans[Node];
  const bool Entry = Node == 0;
  auto EmitPrologue = [&](InstSink &Out) {
    Parts.Registers.setWriteExclusions({});
    if (Entry) {
      Frames->entryPrologue(FP.Frame, Out);
      // Vector registers and the first configuration, before the GPRs are
      // initialised (it uses GPRs as scratch).
      if (Config.Vector)
        Config.Vector->emitEntryInit(Config.InitRegsInElf, Out);
      if (Config.InitRegsInElf) {
        // Planned values and hard reservations (RegisterPolicy.h).
        GenTarget::RegisterInitRequest Req =
            Parts.Registers.registerInitRequest();
        Req.PreserveReturnAddress = Config.LastInstrIsReturn;
        if (Stack.SP)
          Req.Keep.push_back(Stack.SP);
        for (unsigned R : Stack.Reserved)
          Req.Keep.push_back(R);
        Target.emitRegisterInitialization(Env, RNG, Req, Out);
      }
      if (Config.SelfCheck)
        Config.SelfCheck->emitInit(Out);
    } else {
      Frames->prologue(FP.Frame, Out);
    }
  };
  auto EmitEpilogue = [&](InstSink &Out) {
    if (Entry) {
      Frames->entryEpilogue(FP.Frame, Out);
      if (Config.LastInstr)
        Out.emit(*Config.LastInstr);
    } else {
      Frames->epilogue(FP.Frame, Out);
      Out.emit(CFT->returnThrough(Stack.FunctionRA[Node]));
    }
  };

  if (FP.Streaming) {
    // One block: prologue, the primaries as drawn, epilogue.
    F.Blocks.emplace_back();
    BasicBlock &BB = F.Blocks.back();
    CodeBuffer Out(Env, BB);
    EmitPrologue(Out);
    if (Error E = Out.takeError())
      return E;
    if (Error E = fillBody(Node, 0, BB))
      return E;
    Out.setBlock(BB);
    EmitEpilogue(Out);
    return Out.takeError();
  }

  F.Blocks.resize(FP.Blocks.size() + 2);
  F.Blocks.front().Term.Scratch = FP.PrologueScratch;
  {
    CodeBuffer Out(Env, F.Blocks.front());
    EmitPrologue(Out);
    if (Error E = Out.takeError())
      return E;
  }
  for (unsigned Blk = 0; Blk < FP.Blocks.size(); ++Blk) {
    BasicBlock &BB = F.Blocks[Blk + 1];
    auto Entries = loopEntries(Node, Blk);
    if (!Entries)
      return Entries.takeError();
    BB.LoopEntries = std::move(*Entries);
    if (Error E = fillBody(Node, Blk, BB))
      return E;
    BB.Section = FP.Blocks[Blk].Section;
    BB.Term = makeTerminator(Node, Blk);
    if (BB.Term.Kind == TerminatorKind::ExternalCall) {
      auto Pre =
          encode([&](InstSink &Out) { Frames->beforeExternalCall(Out); });
      auto Post =
          encode([&](InstSink &Out) { Frames->afterExternalCall(Out); });
      if (!Pre)
        return Pre.takeError();
      if (!Post)
        return Post.takeError();
      BB.Term.Pre = std::move(*Pre);
      BB.Term.Post = std::move(*Post);
      BB.Term.RelocatedSize = CFT->externalCallSize();
      BB.Term.RelocatedAsm =
          CFT->externalCallAsm(Graph.Nodes[BB.Term.Callee].Name);
    }
  }
  for (unsigned I = 0; I < FP.Loops.size(); ++I) {
    LoopInfo LI = FP.Loops[I];
    LI.First += 1;
    LI.Latch += 1;
    F.Loops.push_back(LI);
  }
  Parts.Registers.setWriteExclusions({});
  F.Blocks.back().Section = FP.Blocks.back().Section; // the last piece's
  CodeBuffer Out(Env, F.Blocks.back());
  EmitEpilogue(Out);
  return Out.takeError();
}

Expected<Program> ControlFlowGenerator::run() {
  // The rx section with the lowest VMA (llvm-snippy's rule).
  if (unsigned I = lowestCodeSection(L); I < L.Sections.size())
    CodeSection = I;
  auto ChainOr = planChain(L, Config, RNG);
  if (!ChainOr)
    return ChainOr.takeError();
  Chain = std::move(*ChainOr);
  if (!Chain.empty()) {
    CodeSection = Chain.front().Section;
    if (Config.FillCodeSection)
      return makeOptionError("chained-rx-sections-fill",
                             "cannot be combined with -num-instrs=all");
    if (Config.LastInstrIsReturn)
      return makeOptionError("chained-rx-sections-fill",
                             "cannot be combined with -last-instr=RET: the "
                             "entry function ends in another section than "
                             "it starts");
  }
  if (L.SMC.HasCodeLayout) {
    // Blocks at random addresses (CodePlacement.h) fill no section and
    // keep no distances.
    if (Config.FillCodeSection && !L.SMC.Enabled) // smcgram says it
      return makeError(*L.SM, L.SMC.CodeLayoutLoc,
                       "'code-layout' cannot be combined with "
                       "-num-instrs=all: blocks at random addresses do not "
                       "fill a section");
    if (L.ControlFlow.Branches.PCDistance.given())
      return makeError(*L.SM, L.ControlFlow.Branches.PCDistance.Loc,
                       "branches: 'distance.pc' cannot be kept with "
                       "'code-layout', which places every block at a "
                       "random address");
  }
  CFT = Target.createControlFlowTarget(Env, *Config.Catalogue);
  GPRs = Target.addressRegisters(Env);
  if (Error E = classifyHistogram())
    return E;
  if (Error E = checkBranchOptions())
    return E;
  auto G = buildCallGraph(L, Opts.Graph, RNG);
  if (!G)
    return G.takeError();
  Graph = std::move(*G);
  if (Config.FillCodeSection && Graph.Nodes.size() > 1)
    return makeOptionError("num-instrs",
                           "'all' fills the code section with the entry "
                           "function and cannot be combined with more "
                           "functions (-function-number, call-graph)");

  StackFacts Facts;
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
  {
    if (E.Weight > 0 && Target.isStackPointerRelative(*E.Op, Env))
      Facts.SPRelativeOpcodes = true;
    // A vector register, or a group or tuple of them (V4M2: V4 and V5).
    if (E.Weight > 0)
      for (const OperandDesc &OD : E.Op->Operands)
        for (unsigned R : OD.LegalRegs) {
          if (!R)
            continue;
          for (MCSubRegIterator SI(R, &Env.regInfo(), /*IncludeSelf=*/true);
               SI.isValid(); ++SI)
            if (Target.describeRegister(Env, *SI).K ==
                GenTarget::RegisterFacts::Vector)
              Facts.VectorOpcodes = true;
          break; // one register tells the operand's class
        }
  }
  Facts.LoopsPossible =
      HasCondBranches && L.ControlFlow.Branches.loopsPossible();
  Facts.CallOpcodes = HasCalls;
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    if (E.Weight > 0 && RoleOf[E.Op->Opcode] == CFRole::Call)
      Facts.CallOpcodeList.push_back(E.Op->Opcode);
  Facts.FillCodeSection = Config.FillCodeSection;
  Facts.LastInstrIsReturn = Config.LastInstrIsReturn;
  WarningEngine LocalWarnings;
  WarningEngine &W = Config.Warnings ? *Config.Warnings : LocalWarnings;
  OptionErrorFn OptionError =
      Opts.OptionError ? Opts.OptionError
                       : OptionErrorFn([](StringRef Name, const Twine &Msg) {
                           return makeOptionError(Name, Msg);
                         });
  auto SP = planStack(Opts.Stack, Facts, Graph, L, Env, *CFT, Parts.Registers,
                      W, RNG, OptionError);
  if (!SP)
    return SP.takeError();
  Stack = std::move(*SP);
  Frames = std::make_unique<FrameEmitter>(Stack, *CFT, Target, Env);

  // Registers are settled: prepare the plain opcodes.
  Builder = std::make_unique<InstructionBuilder>(
      Env, Target, Parts.Registers, Parts.Immediates, Parts.Memory, RNG);
  Builder->setCatalogue(Config.Catalogue);
  Builder->setCacheBlockBytes(Config.CacheBlockBytes);
  if (Config.Vector) {
    Config.Vector->attach(Parts.Registers, Parts.Immediates, Parts.Memory, RNG);
    Builder->setVectorUnit(Config.Vector);
    if (Config.SelfCheck)
      Config.SelfCheck->setVectorGroupSize(
          [U = Config.Vector](const MCInst &I) {
            return U->destinationRegisters(I);
          });
  }
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    if (RoleOf[E.Op->Opcode] == CFRole::None)
      if (Error Err =
              Builder->prepare(*E.Op, *L.SM, L.Histogram[E.LayoutIndex].Loc))
        return Err;

  auto SMCOr = SelfModifyingCode::create(
      Env, Target, *CFT, L, Config, Histogram, Parts.Registers,
      Parts.Immediates, Parts.Memory, RNG, CodeSection);
  if (!SMCOr)
    return SMCOr.takeError();
  SMC = std::move(*SMCOr);

  Plans.resize(Graph.Nodes.size());
  for (unsigned Node : Graph.topologicalOrder())
    if (!Graph.Nodes[Node].External)
      if (Error E = planFunction(Node))
        return E;

  if (Error E = checkPlannedExecuted())
    return E;
  if (Error E = checkStackForIV())
    return E;

  // Frames, and static areas with the register that addresses each.
  std::vector<FrameLayout> Static;
  for (unsigned Node = 0; Node < Plans.size(); ++Node) {
    if (Graph.Nodes[Node].External)
      continue;
    FunctionPlan &FP = Plans[Node];
    FP.Frame = Frames->layout(Node == 0, FP.SavesRA, Stack.FunctionRA[Node]);
    if (Stack.Mode == StackMode::Static && !FP.Frame.Slots.empty()) {
      std::vector<unsigned> C = writableRegisters(Node, ~0u);
      erase_if(C, [&](unsigned R) {
        return is_contained(Stack.EntrySaves, R) && Node == 0;
      });
      if (C.empty())
        return makeError("no register is free to address the static stack "
                         "area of function '" +
                         Graph.Nodes[Node].Name + "'");
      FP.Frame.StaticBase = C[RNG.below(C.size())];
    }
    Static.push_back(FP.Frame);
  }
  // The stack section's usable bytes (its end aligned down may fall below
  // its start) and where errors about it point.
  uint64_t StackUsable = Stack.Top > Stack.Base ? Stack.Top - Stack.Base : 0;
  auto StackError = [&](const Twine &Msg) -> Error {
    for (const SectionDesc &S : L.Sections)
      if (S.Name == "stack")
        return makeError(*L.SM, S.Loc, Msg);
    return makeError(Msg);
  };
  if (Stack.Mode == StackMode::Static) {
    uint64_t Needed = 0;
    if (!Frames->placeStatic(Static, Needed))
      return StackError("section 'stack' (" + Twine(StackUsable) +
                       " bytes) is too small for the static stack areas of "
                       "all functions (" +
                       Twine(Needed) + " bytes)");
    unsigned K = 0;
    for (unsigned Node = 0; Node < Plans.size(); ++Node)
      if (!Graph.Nodes[Node].External)
        Plans[Node].Frame.StaticArea = Static[K++].StaticArea;
  }

  if (Stack.Mode == StackMode::Dynamic && !Stack.External) {
    // The deepest chain of frames must fit the stack section.
    std::vector<uint64_t> Need(Plans.size(), 0);
    std::vector<unsigned> Order = Graph.topologicalOrder();
    for (unsigned Node : reverse(Order)) {
      if (Graph.Nodes[Node].External)
        continue;
      uint64_t Deepest = 0;
      for (const BlockPlan &BP : Plans[Node].Blocks) {
        // -use-stack-for-IV: the slots of the loops live in this block.
        uint64_t Slots = Opts.StackForIV ? uint64_t(counterSlotBytes()) *
                                               (BP.Loops.size() +
                                                BP.Pending.size())
                                         : 0;
        uint64_t Callee = 0;
        if (BP.Role == CFRole::Call)
          Callee = Graph.Nodes[BP.Callee].External
                       ? Frames->externalCallFrame()
                       : Need[BP.Callee];
        Deepest = std::max(Deepest, Slots + Callee);
      }
      Need[Node] = Plans[Node].Frame.Size + Deepest;
    }
    if (Need[0] > StackUsable)
      return StackError("section 'stack' (" + Twine(StackUsable) +
                       " usable bytes) is too small: the deepest chain of "
                       "calls" +
                       (Opts.StackForIV ? " and loop counters (-use-stack-for-IV)"
                                        : "") +
                       " needs " +
                       Twine(Need[0]) + " bytes");
  }

  Program P;
  P.CodeSection = CodeSection;
  P.Functions.resize(Graph.Nodes.size());
  for (unsigned Node = 0; Node < Graph.Nodes.size(); ++Node)
    if (Error E = assembleFunction(Node, P))
      return E;
  Parts.Registers.setWriteExclusions({});

  RelaxationRequest RR;
  RR.CodeAddress = L.Sections[CodeSection].VMA;
  RR.CodeSize = L.Sections[CodeSection].Size;
  RR.CodeName = L.Sections[CodeSection].Name;
  RR.SM = L.SM.get();
  RR.CodeLoc = L.Sections[CodeSection].Loc;
  RR.Alignment = L.ControlFlow.Branches.Alignment;
  RR.LastInstrSize =
      Config.LastInstr
          ? Env.instrInfo().get(Config.LastInstr->getOpcode()).getSize()
          : 0;
  RR.EntryReturns = Config.LastInstrIsReturn;
  RR.CodeSectionIndex = static_cast<int>(CodeSection);
  RR.MaxPasses = Config.ControlFlow.MaxBranchLengthPasses;
  for (const SectionDesc &S : L.Sections)
    RR.Sections.push_back({S.VMA, S.Size, S.Name, S.Loc});
  // code-layout: every block at a random address (CodePlacement.h).
  auto Placer = CodePlacer::create(L, Config.Warnings);
  if (!Placer)
    return Placer.takeError();
  if (*Placer) {
    // Rewrite groups store into their own block, wherever it lands.
    if (L.SMC.Enabled)
      for (const CodePlacer::Range &R : (*Placer)->ranges())
        if (!L.Sections[R.Section].Access.W)
          return makeError(*L.SM, L.Sections[R.Section].Loc,
                           "self-modifying code (smcgram) stores into the "
                           "code, but code-layout places blocks in section '" +
                               L.Sections[R.Section].Name +
                               "', which is not writable; give it ACCESS rwx");
    P.Scattered = true;
    RR.Placer = Placer->get();
    RR.RNG = &RNG;
  }
  if (Error E = layOutProgram(P, RR, Env, *CFT))
    return E;
  if (Error E = checkPCDistances(P))
    return E;
  if (SMC)
    if (Error E = SMC->finish(P))
      return E;
  if (Config.ExecStartStub && Config.LastInstrIsReturn)
    if (Error E = addStartStub(P, L, Env, *CFT))
      return E;
  if (PaddedForCount && Config.Warnings)
    if (Error E = Config.Warnings->warn(
            Warning::InstructionCount,
            "distance.pc asks for longer loops than " + Twine(Primary) +
                " primary instructions (-num-instrs) can fill; " +
                Twine(PaddedForCount) +
                " bytes of NOPs pad the loops to their distances"))
      return E;
  uint64_t Total = 0;
  for (const Function &F : P.Functions)
    for (const BasicBlock &B : F.Blocks) {
      Total += B.NumInstrs + B.Term.Resolved.NumInstrs + B.Term.Pre.NumInstrs +
               B.Term.Post.NumInstrs + B.TargetPadding.NumInstrs +
               (B.Term.RelocatedSize ? 2 : 0);
      for (const LoopEntry &E : B.LoopEntries)
        Total += E.Init.NumInstrs + E.PaddingCode.NumInstrs;
    }
  P.Stats.PrimaryInstrs = Primary;
  P.Stats.AncillaryInstrs = Total - Primary;
  P.Stats.MemoryAccesses = Builder->memoryAccesses();
  P.Stats.PrimaryOrdinals = Filtered.Drawn;
  P.Stats.SkippedPrimaries = Filtered.Skipped;
  return P;
}

} // namespace snipgen
