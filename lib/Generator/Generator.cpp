#include "snipgen/Generator/Generator.h"
#include "ControlFlow/ControlFlowGenerator.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/InstructionBuilder.h"
#include "snipgen/Generator/MemoryPlanner.h"
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Generator/RoundTripCache.h"
#include "snipgen/Generator/SelfCheck.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"

using namespace llvm;

namespace snipgen {

SnippetGenerator::SnippetGenerator(const MCEnvironment &Env,
                                   const GenTarget &Target, const Layout &L,
                                   const OpcodeHistogram &Histogram,
                                   GeneratorParts Parts, RandomEngine &RNG,
                                   const GeneratorConfig &Config)
    : Env(Env), Target(Target), L(L), Histogram(Histogram), Parts(Parts),
      RNG(RNG), Config(Config) {}

SnippetGenerator::~SnippetGenerator() = default;

Expected<unsigned> SnippetGenerator::chooseCodeSection() const {
  unsigned I = lowestCodeSection(L);
  if (I < L.Sections.size())
    return I;
  return makeError("the layout has no executable (rx) section for the code");
}

Expected<Program> SnippetGenerator::generate() {
  Graph = CallGraph();
  Graph.Nodes.push_back({Config.EntryPoint, false, {}});
  if (Config.Catalogue)
    return ControlFlowGenerator(Env, Target, L, Histogram, Parts, RNG, Config,
                                Graph)
        .run();
  InstructionBuilder Builder(Env, Target, Parts.Registers, Parts.Immediates,
                             Parts.Memory, RNG);
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    if (Error Err = Builder.prepare(*E.Op, *L.SM,
                                    L.Histogram[E.LayoutIndex].Loc))
      return std::move(Err);
  return generateStraightLine(Builder);
}

// Without an ISA catalogue (unit tests of the straight-line parts): one
// block, no control flow, no stack.
Expected<Program>
SnippetGenerator::generateStraightLine(InstructionBuilder &Builder) {
  Program P;
  auto CodeIdx = chooseCodeSection();
  if (!CodeIdx)
    return CodeIdx.takeError();
  P.CodeSection = *CodeIdx;
  const SectionDesc &Code = L.Sections[P.CodeSection];
  P.Functions.emplace_back();
  Function &F = P.Functions.back();
  F.Name = Config.EntryPoint;
  F.Blocks.emplace_back();
  BasicBlock &BB = F.Blocks.back();
  std::unique_ptr<RoundTripCache> Checks = RoundTripCache::create(Env);
  CodeBuffer Out(Env, BB, Checks.get());

  uint64_t LastSize =
      Config.LastInstr
          ? Env.instrInfo().get(Config.LastInstr->getOpcode()).getSize()
          : 0;
  // Worst case of one primary instruction with its address materialisation.
  const uint64_t MaxFootprint = 9 * 4;
  uint64_t Budget = Code.Size >= LastSize ? Code.Size - LastSize : 0;
  if (!Config.FillCodeSection)
    BB.Code.reserve(std::min<uint64_t>(Config.NumInstrs * 8, Code.Size));

  uint64_t InitInstrs = 0;
  if (Config.InitRegsInElf) {
    // Planned values and hard reservations (RegisterPolicy.h).
    GenTarget::RegisterInitRequest Req = Parts.Registers.registerInitRequest();
    Req.PreserveReturnAddress = Config.LastInstrIsReturn;
    Target.emitRegisterInitialization(Env, RNG, Req, Out);
    InitInstrs = Out.emitted();
  }
  if (Config.SelfCheck) {
    Config.SelfCheck->emitInit(Out);
    if (Out.size() > Budget)
      return makeError(*L.SM, Code.Loc,
                       "register initialisation code does not fit section '" +
                       Code.Name + "' (" + Twine(Code.Size) + " bytes)");
  }

  uint64_t Primary = 0;
  PrimaryFilterCounts Filtered;
  const PrimaryFilter *Keep = Config.KeepPrimary;
  while (Config.FillCodeSection
             ? Out.size() + MaxFootprint <= Budget &&
                   (!Keep || Keep->keepsSomeFrom(Filtered.Drawn))
             : Primary + Filtered.Skipped < Config.NumInstrs) {
    const OpcodeDesc &Op = Parts.Source.next(RNG);
    PrimaryDraw Draw(Keep, RNG, Filtered);
    if (Draw.skipped())
      continue;
    uint64_t Before = Out.size();
    Builder.emit(Op, Out);
    if (Config.SelfCheck)
      Config.SelfCheck->afterPrimaryBytes(
          Op.Opcode, ArrayRef<uint8_t>(BB.Code).drop_front(Before), Out);
    ++BB.PrimaryOpcodes[Op.Opcode];
    ++Primary;
    if (Out.size() > Budget)
      return makeError(*L.SM, Code.Loc,
                       "the generated code does not fit section '" +
                       Code.Name + "' (" + Twine(Code.Size) + " bytes) after " +
                       Twine(Primary) + " of " + Twine(Config.NumInstrs) +
                       " instructions; enlarge its SIZE or lower -num-instrs");
    if (Config.Progress && (Primary & 0xffff) == 0)
      Config.Progress(Primary);
  }
  if (Config.LastInstr)
    Out.emit(*Config.LastInstr);
  if (Error E = Out.takeError())
    return std::move(E);
  P.Stats.PrimaryInstrs = Primary;
  P.Stats.AncillaryInstrs = Out.emitted() - Primary;
  P.Stats.MemoryAccesses = Builder.memoryAccesses();
  P.Stats.PrimaryOrdinals = Filtered.Drawn;
  P.Stats.SkippedPrimaries = Filtered.Skipped;
  (void)InitInstrs;
  return std::move(P);
}

} // namespace snipgen
