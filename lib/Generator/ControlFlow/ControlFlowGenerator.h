//===- ControlFlowGenerator.h - Functions, blocks, loops, calls -*- C++ -*-===//
//
// Generation of a whole program, in steps:
//   1. classify the histogram's control-flow opcodes (ControlFlowTarget);
//   2. build the call graph and plan the stack (CallGraph, StackPlan);
//   3. plan every function, callers before callees: draw its primary
//      opcodes, cut blocks at control-flow opcodes, pick branch targets and
//      loops (ControlFlowPlanner), callees, loop counters and scratch
//      registers (LoopBuilder.cpp). A loop counter that lives across a call
//      is kept away from every function that call may reach;
//   4. generate bodies block by block with the registers that must survive
//      excluded from writes (ControlFlowBodies.cpp), then prologues and
//      epilogues (StackFrame);
//   5. lay out, relax and encode every terminator (BranchRelaxation).
// A program without control-flow opcodes draws and emits in one stream, so
// its instructions are exactly those of straight-line generation.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_CONTROLFLOWGENERATOR_H
#define SNIPGEN_LIB_GENERATOR_CONTROLFLOWGENERATOR_H

#include "ChainedSections.h"
#include "ControlFlowPlanner.h"
#include "StackFrame.h"
#include "snipgen/Generator/CallGraph.h"
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Generator/Generator.h"
#include "snipgen/Generator/Program.h"
#include "snipgen/Target/ControlFlowTarget.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <vector>

namespace snipgen {

class CodeBuffer;
class RoundTripCache;
class InstructionBuilder;
class SelfModifyingCode;
struct OpcodeDesc;

class ControlFlowGenerator {
public:
  ControlFlowGenerator(const MCEnvironment &Env, const GenTarget &Target,
                       const Layout &L, const OpcodeHistogram &Histogram,
                       GeneratorParts Parts, RandomEngine &RNG,
                       const GeneratorConfig &Config, CallGraph &Graph);
  ~ControlFlowGenerator();

  llvm::Expected<Program> run();

private:
  /// A block as planned: its primary opcodes and what ends it.
  struct BlockPlan {
    std::vector<const OpcodeDesc *> Ops; // empty when streaming
    const OpcodeDesc *CF = nullptr;      // null: the last block
    CFRole Role = CFRole::None;
    unsigned Callee = 0;
    unsigned Scratch = 0;
    llvm::SmallVector<unsigned, 4> Loops; // loops containing the block
    /// Loops of a consecutive chain whose counters are set up but which
    /// start after this block: their counters live here too.
    llvm::SmallVector<unsigned, 2> Pending;
    /// -chained-rx-sections-fill: the block's section, and whether it ends
    /// its piece with a jump to the next piece (ChainedSections.h).
    int Section = -1;
    bool ChainNext = false;
  };
  struct FunctionPlan {
    bool Streaming = false; // no control-flow opcode: draw while emitting
    uint64_t NumPrimaries = 0;
    std::vector<BlockPlan> Blocks;
    BranchPlan Branches;
    std::vector<LoopInfo> Loops; // First/Latch are plan block indices
    /// Per block: the loops it starts (outer first) and the one it latches.
    std::vector<llvm::SmallVector<unsigned, 1>> StartsLoops;
    /// Per block: loops of a consecutive chain whose counters its entry
    /// sets up (before its own loop starts); per loop: that block.
    std::vector<llvm::SmallVector<unsigned, 1>> HoistedInits;
    std::vector<unsigned> LoopHead;
    std::vector<int> LatchOf;
    std::vector<unsigned> LiveIn; // callers' registers to keep
    bool SavesRA = false;
    bool KeepsRA = false; // RA excluded from writes instead
    /// code-layout: the register the prologue's jump to the first block
    /// may go through (0: none free, the jump must reach without one).
    unsigned PrologueScratch = 0;
    FrameLayout Frame;
  };

  // ControlFlowGenerator.cpp
  llvm::Error classifyHistogram();
  llvm::Error checkBranchOptions() const;
  uint64_t plannedExecuted(unsigned Node, std::vector<uint64_t> &Memo) const;
  llvm::Error checkPlannedExecuted() const;
  CFRole roleOf(const OpcodeDesc &Op, unsigned Node) const;
  llvm::Error planFunction(unsigned Node);
  // ChainedSections.cpp
  llvm::Error drawChainedEntry(unsigned Node);
  llvm::Error assembleFunction(unsigned Node, Program &P);
  llvm::Expected<CodeBytes> encode(llvm::function_ref<void(InstSink &)> Emit);
  Terminator makeTerminator(unsigned Node, unsigned Block);

  // LoopBuilder.cpp
  std::vector<unsigned> writableRegisters(unsigned Node, unsigned Block) const;
  llvm::Error chooseLoopCounters(unsigned Node);
  /// -use-stack-for-IV: bytes one counter's stack slot takes; the error
  /// when loops were planned without a dynamic stack.
  unsigned counterSlotBytes() const;
  llvm::Error checkStackForIV() const;
  llvm::Error chooseScratchRegisters(unsigned Node);
  void propagateLiveIn(unsigned Node);
  llvm::Expected<std::vector<LoopEntry>> loopEntries(unsigned Node,
                                                     unsigned Block);

  // ControlFlowBodies.cpp
  llvm::Error fillBody(unsigned Node, unsigned Block, BasicBlock &BB);
  llvm::Error emitPrimary(const OpcodeDesc &Op, CodeBuffer &Out);
  /// -generate-insertion-point-hints: the hint NOP (nothing without it).
  void emitHint(CodeBuffer &Out);
  /// Worst-case bytes of one primary group, its hint included.
  uint64_t primaryFootprint() const;
  bool writableOperandsFree(const OpcodeDesc &Op);
  const OpcodeDesc &drawPlainOpcode();
  llvm::Error planPCDistanceBudgets(unsigned Node);
  void reserveRecords(BasicBlock &BB, uint64_t Primaries);
  llvm::Error checkPCDistances(const Program &P) const;
  uint64_t terminatorEstimate(unsigned Node, unsigned Block);

  const MCEnvironment &Env;
  const GenTarget &Target;
  const Layout &L;
  const OpcodeHistogram &Histogram;
  GeneratorParts Parts;
  RandomEngine &RNG;
  const GeneratorConfig &Config;
  const ControlFlowOptions &Opts;
  CallGraph &Graph;
  std::unique_ptr<ControlFlowTarget> CFT;
  std::unique_ptr<InstructionBuilder> Builder;
  std::unique_ptr<SelfModifyingCode> SMC; // smcgram (SelfModifyingCode.h)
  std::unique_ptr<RoundTripCache> Checks; // of the bodies' instructions
  std::vector<ChainPiece> Chain;          // -chained-rx-sections-fill
  StackPlan Stack;
  std::unique_ptr<FrameEmitter> Frames;
  std::vector<FunctionPlan> Plans; // by call-graph node
  std::vector<CFRole> RoleOf;      // by opcode
  std::vector<unsigned> GPRs;      // the target's address registers
  bool HasControlFlow = false;     // some control-flow opcode has weight
  bool HasCalls = false;
  bool HasCondBranches = false;
  unsigned CodeSection = 0;
  uint64_t Primary = 0;
  uint64_t Emitted = 0;
  PrimaryFilterCounts Filtered; // -keep-primary
  /// PC-distance mode: target body bytes of every loop block.
  llvm::DenseMap<std::pair<unsigned, unsigned>, uint64_t> SizeBudget;
  // distance.pc bookkeeping that keeps -num-instrs exact: planned primaries
  // a loop had no room for, and extra primaries loops drew ahead of plan.
  std::vector<const OpcodeDesc *> Carried;
  uint64_t Borrowed = 0;
  uint64_t PaddedForCount = 0; // NOP bytes that filled loops instead.
  /// Per opcode: candidates of the operands it writes (exclusion checks).
  llvm::DenseMap<unsigned, std::vector<std::vector<unsigned>>> WrittenCands;
};

} // namespace snipgen

#endif
