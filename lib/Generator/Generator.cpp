#include "snipgen/Generator/Generator.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/Histogram.h"
#include "snipgen/Generator/MemoryScheme.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInstrInfo.h"

using namespace llvm;

namespace snipgen {

/// Everything needed to emit one opcode quickly, computed once: the
/// candidate registers of each operand after reservations.
struct SnippetGenerator::Recipe {
  const OpcodeDesc *Op = nullptr;
  std::vector<std::vector<unsigned>> RegChoices; // per operand (regs only)
  unsigned AccessSize = 0;
  unsigned AccessAlign = 1;
};

SnippetGenerator::SnippetGenerator(const MCEnvironment &Env,
                                   const GenTarget &Target, const Layout &L,
                                   const OpcodeHistogram &Histogram,
                                   MemoryScheme &Memory, RandomEngine &RNG,
                                   const GeneratorConfig &Config)
    : Env(Env), Target(Target), L(L), Histogram(Histogram), Memory(Memory),
      RNG(RNG), Config(Config) {}

SnippetGenerator::~SnippetGenerator() = default;

Error SnippetGenerator::prepareRecipes() {
  const unsigned Zero = Target.zeroRegister(Env);
  const unsigned SP = Target.stackPointer(Env);
  const unsigned RA = Target.returnAddress(Env);
  for (const OpcodeHistogram::Entry &E : Histogram.entries()) {
    const OpcodeDesc &Op = *E.Op;
    const HistogramEntry &Src = L.Histogram[E.LayoutIndex];
    auto Reject = [&](const Twine &Why) {
      return makeError(*L.SM, Src.Loc, "cannot generate '" + Op.Name + "': " + Why);
    };
    if (Target.isControlFlow(Op))
      return Reject("branches, jumps, calls and returns are not supported yet "
                    "in straight-line snippets");
    if (Target.isStackPointerRelative(Op, Env))
      return Reject("stack-pointer-relative opcodes need a stack section and "
                    "-redefine-sp, which are not supported yet");
    Recipe R;
    R.Op = &Op;
    if (Op.isMemoryAccess()) {
      R.AccessSize = Target.accessSize(Op.Name);
      if (!R.AccessSize || Op.MemBaseOp < 0)
        return Reject("the access size of this memory opcode is unknown "
                      "(vector and other configuration-dependent accesses "
                      "are not supported yet)");
      R.AccessAlign = Target.accessAlignment(Op);
      if (!Memory.admits(R.AccessSize, R.AccessAlign))
        return Reject("no RW section can hold an aligned " +
                      Twine(R.AccessSize) + "-byte access");
    }
    R.RegChoices.resize(Op.Operands.size());
    for (unsigned I = 0; I < Op.Operands.size(); ++I) {
      const OperandDesc &OD = Op.Operands[I];
      if (!OD.isReg() || OD.TiedTo >= 0)
        continue;
      bool Written = OD.IsDef ||
                     any_of(Op.Operands, [&](const OperandDesc &O) {
                       return O.TiedTo == (int)I && O.IsDef;
                     });
      bool IsBase = (int)I == Op.MemBaseOp;
      std::vector<unsigned> &C = R.RegChoices[I];
      for (unsigned Reg : OD.LegalRegs) {
        if (Reg == SP)
          continue; // the stack pointer is never touched by default
        if ((Written || IsBase) && Reg == Zero)
          continue; // x0 as destination is a hint; as base it holds no address
        if ((Written || IsBase) && Config.LastInstrIsReturn && Reg == RA)
          continue; // RET needs the return address intact
        C.push_back(Reg);
      }
      // Optional operands (e.g. a vector mask) list NoRegister (0) as legal;
      // keep it only when it is the one choice left.
      if (C.size() > 1)
        C.erase(std::remove(C.begin(), C.end(), 0u), C.end());
      if (C.empty())
        return Reject("operand " + Twine(I) +
                      " has no usable register after reservations");
    }
    Recipes.push_back(std::move(R));
  }
  return Error::success();
}

void SnippetGenerator::emitPrimary(const Recipe &R, CodeBuffer &Out) {
  const OpcodeDesc &Op = *R.Op;
  MCInst I;
  I.setOpcode(Op.Opcode);
  int64_t Offset = 0;
  for (unsigned Idx = 0; Idx < Op.Operands.size(); ++Idx) {
    const OperandDesc &OD = Op.Operands[Idx];
    if (OD.TiedTo >= 0) {
      I.addOperand(I.getOperand(OD.TiedTo));
      continue;
    }
    if (OD.isReg()) {
      const std::vector<unsigned> &C = R.RegChoices[Idx];
      I.addOperand(MCOperand::createReg(C[RNG.below(C.size())]));
      continue;
    }
    int64_t V = OD.Imm.draw(RNG);
    if ((int)Idx == Op.MemOffsetOp)
      Offset = V;
    I.addOperand(MCOperand::createImm(V));
  }
  if (Op.isMemoryAccess()) {
    // Put address - offset into the base register right before the access.
    uint64_t Addr = *Memory.chooseAddress(R.AccessSize, R.AccessAlign, RNG);
    uint64_t BaseValue = Addr - (uint64_t)Offset;
    if (Env.selection().XLen == 32)
      BaseValue &= 0xffffffffu;
    unsigned Base = I.getOperand(Op.MemBaseOp).getReg();
    uint64_t Before = Out.emitted();
    Target.materializeValue(Env, Base, BaseValue, Out);
    AncillaryInstrs += Out.emitted() - Before;
    ++MemoryAccesses;
  }
  Out.emit(I);
}

Expected<unsigned> SnippetGenerator::chooseCodeSection() const {
  for (unsigned I = 0; I < L.Sections.size(); ++I)
    if (L.Sections[I].Access.X)
      return I;
  return makeError("the layout has no executable (rx) section for the code");
}

Expected<Program> SnippetGenerator::generate() {
  if (Error E = prepareRecipes())
    return std::move(E);
  std::vector<double> Weights;
  for (const OpcodeHistogram::Entry &E : Histogram.entries())
    Weights.push_back(E.Weight);
  WeightedChooser Chooser(Weights);

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
  CodeBuffer Out(Env, BB);

  uint64_t LastSize = Config.LastInstr
                          ? Env.instrInfo().get(Config.LastInstr->getOpcode()).getSize()
                          : 0;
  // Worst case of one primary instruction with its address materialisation.
  const uint64_t MaxFootprint = 9 * 4;
  uint64_t Budget = Code.Size >= LastSize ? Code.Size - LastSize : 0;
  if (!Config.FillCodeSection)
    BB.Code.reserve(std::min<uint64_t>(Config.NumInstrs * 8, Code.Size));

  if (Config.InitRegsInElf) {
    GenTarget::RegisterInitRequest Req;
    Req.PreserveReturnAddress = Config.LastInstrIsReturn;
    uint64_t Before = Out.emitted();
    Target.emitRegisterInitialization(Env, RNG, Req, Out);
    AncillaryInstrs += Out.emitted() - Before;
    if (Out.size() > Budget)
      return makeError("register initialisation code does not fit section '" +
                       Code.Name + "' (" + Twine(Code.Size) + " bytes)");
  }

  uint64_t Primary = 0;
  while (Config.FillCodeSection ? Out.size() + MaxFootprint <= Budget
                                : Primary < Config.NumInstrs) {
    emitPrimary(Recipes[Chooser.choose(RNG)], Out);
    ++Primary;
    if (Out.size() > Budget)
      return makeError("the generated code does not fit section '" +
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
  P.Stats.AncillaryInstrs = AncillaryInstrs + (Config.LastInstr ? 1 : 0);
  P.Stats.MemoryAccesses = MemoryAccesses;
  return std::move(P);
}

} // namespace snipgen
