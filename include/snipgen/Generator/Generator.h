//===- Generator.h - Snippet generation -------------------------*- C++ -*-===//
//
// Draws primary instructions from the histogram, fills their operands
// (registers from each operand's legal set minus reserved ones, immediates
// from their legal domain), and for every memory access picks an address from
// the memory scheme and emits the ancillary instructions that put it in the
// base register right before the access. No memory instruction relies on a
// register that merely happens to hold an address.
//
// Control-flow opcodes in the histogram cut functions into blocks: branches
// become forward branches and counted loops, calls follow the call graph
// (ControlFlowGenerator); functions get prologues and epilogues for the
// stack and the ABI (StackFrame); after generation every branch and call is
// laid out, relaxed when out of reach and encoded (BranchRelaxation).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_GENERATOR_H
#define SNIPGEN_GENERATOR_GENERATOR_H

#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Generator/ControlFlowOptions.h"
#include "snipgen/Generator/Program.h"
#include "llvm/ADT/DenseSet.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <functional>
#include <optional>
#include <string>

namespace snipgen {

class SelfCheckEmitter;
class VectorUnit;

class GenTarget;
class ImmediatePolicy;
class InstructionBuilder;
class ISACatalogue;
class MCEnvironment;
class MemoryPlanner;
class OpcodeHistogram;
class PrimaryFilter;
class PrimarySource;
class RegisterPolicy;
class RandomEngine;
class WarningEngine;
struct Layout;

struct GeneratorConfig {
  uint64_t NumInstrs = 10;
  bool FillCodeSection = false; // -num-instrs=all
  std::string EntryPoint = "SnippyFunction";
  std::optional<llvm::MCInst> LastInstr; // nullopt: no last instruction
  bool LastInstrIsReturn = false;
  /// -object-type=exec with -last-instr=RET: the executable starts in a
  /// start stub that calls the entry function and ends with EBREAK
  /// (Program::StartStub), so the final RET has a caller.
  bool ExecStartStub = false;
  bool InitRegsInElf = false; // -init-regs-in-elf
  /// -chained-rx-sections-fill, -chained-rx-sorted, -chained-rx-chunk-size
  /// (Generator/ControlFlow/ChainedSections.h).
  bool ChainedRX = false;
  bool ChainedRXSorted = false;
  uint64_t ChainedRXChunk = 0;
  /// -selfcheck: check stores after primaries (Generator/SelfCheck.h).
  SelfCheckEmitter *SelfCheck = nullptr;
  /// Called now and then with the number of primary instructions so far.
  std::function<void(uint64_t)> Progress;

  /// Branches, calls and stacks. Without a catalogue only straight-line
  /// snippets can be generated (control-flow opcodes are rejected).
  const ISACatalogue *Catalogue = nullptr;
  WarningEngine *Warnings = nullptr;
  /// -riscv-cbo-block-size: bytes of one cache-block operation.
  unsigned CacheBlockBytes = 64;
  ControlFlowOptions ControlFlow;
  /// -keep-primary (PrimaryFilter.h): emit only these primary ordinals.
  const PrimaryFilter *KeepPrimary = nullptr;
  /// RVV generation (Generator/VectorUnit.h); null without vector opcodes.
  VectorUnit *Vector = nullptr;
};

/// The replaceable parts of generation (see their headers).
struct GeneratorParts {
  RegisterPolicy &Registers; // the generator sets stack pointer/exclusions
  const ImmediatePolicy &Immediates;
  MemoryPlanner &Memory;
  PrimarySource &Source;
};

class SnippetGenerator {
public:
  SnippetGenerator(const MCEnvironment &Env, const GenTarget &Target,
                   const Layout &L, const OpcodeHistogram &Histogram,
                   GeneratorParts Parts, RandomEngine &RNG,
                   const GeneratorConfig &Config);
  ~SnippetGenerator();

  /// Checks that every histogram opcode can be generated with this layout
  /// (errors point at the histogram entry), then generates.
  llvm::Expected<Program> generate();

  /// The call graph of the last generate() (one node without calls).
  const CallGraph &callGraph() const { return Graph; }

private:
  llvm::Expected<unsigned> chooseCodeSection() const;
  llvm::Expected<Program> generateStraightLine(InstructionBuilder &Builder);

  const MCEnvironment &Env;
  const GenTarget &Target;
  const Layout &L;
  const OpcodeHistogram &Histogram;
  GeneratorParts Parts;
  RandomEngine &RNG;
  const GeneratorConfig &Config;
  CallGraph Graph;
};

} // namespace snipgen

#endif
