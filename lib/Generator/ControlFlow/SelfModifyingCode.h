//===- SelfModifyingCode.h - smcgram: code that rewrites itself -*- C++ -*-===//
//
// With `smcgram`, some blocks of every function rewrite code that runs right
// after (llvm-snippy's "immediate" mode). Of a function's N blocks,
// floor(N * smc-tgt-blocks) are drawn; in each drawn block, after a random
// one of its primary instructions, come smc-overwriters (drawn in
// [min, max]) rewrite groups:
//
//   auipc  S, 0              ; S = address of this instruction
//   li     T, <halfword 0>   ; for every halfword of the new code:
//   sh     T, off0(S)        ;   store it over the slot below
//   ...
//   fence.i                  ; the hart now fetches what was stored
//   slot: <old code>         ; runs as the new code
//
// The new code is 1 to 4 random plain instructions of the histogram (no
// memory access, control flow, side effects or vector state; ADDI when the
// histogram has none); the slot initially holds other random instructions of
// the same sizes, so a hart that ignores the stores computes a different
// result. Addresses are PC-relative: the group and its slot are one piece of
// a block body, whose bytes never move relative to each other. The stores
// are halfwords (instructions are 2-byte aligned). S and T are any registers
// ancillary code may write; the memory planner is told they (and the new
// code's destinations) change.
//
// The code section must be writable (ACCESS rwx) and the subtarget must
// have Zifencei. After layout every slot must lie in a code-layout range
// (when the ranges overlap the code section at all). A program where no
// block got a rewrite group draws the warning smc-without-effect.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_SELFMODIFYINGCODE_H
#define SNIPGEN_LIB_GENERATOR_SELFMODIFYINGCODE_H

#include "snipgen/Generator/Program.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <vector>

namespace snipgen {

class CodeBuffer;
class ControlFlowTarget;
class GenTarget;
class ImmediatePolicy;
class MCEnvironment;
class MemoryPlanner;
class OpcodeHistogram;
class RandomEngine;
class RegisterPolicy;
class WarningEngine;
struct GeneratorConfig;
struct Layout;
struct OpcodeDesc;

class SelfModifyingCode {
public:
  /// Checks the layout and subtarget (writable code section, Zifencei,
  /// -num-instrs not 'all'); null when the layout has no smcgram.
  static llvm::Expected<std::unique_ptr<SelfModifyingCode>>
  create(const MCEnvironment &Env, const GenTarget &Target,
         const ControlFlowTarget &CFT, const Layout &L,
         const GeneratorConfig &Config, const OpcodeHistogram &Histogram,
         RegisterPolicy &Registers, const ImmediatePolicy &Immediates,
         MemoryPlanner &Memory, RandomEngine &RNG, unsigned CodeSection);
  ~SelfModifyingCode();

  /// Before a block body is filled: Node is the function, NumBlocks the
  /// number of its planned blocks, Block the plan index, FunctionBlock the
  /// index in Function::Blocks, Primaries the primary instructions planned
  /// for it; Eligible false for blocks whose size is budgeted (distance.pc).
  void startBlock(unsigned Node, unsigned NumBlocks, unsigned Block,
                  unsigned FunctionBlock, uint64_t Primaries, bool Eligible);
  /// After every primary instruction of the current block.
  llvm::Error afterPrimary(CodeBuffer &Out);
  /// After layout: code-layout check and the smc-without-effect warning.
  llvm::Error finish(const Program &P);

  /// A rewritten piece of code (the slot), for checks and tests.
  struct Slot {
    unsigned Function = 0, Block = 0;
    uint64_t Offset = 0; // in BasicBlock::Code
    uint64_t Size = 0;
  };
  llvm::ArrayRef<Slot> slots() const { return Slots; }

private:
  SelfModifyingCode(const MCEnvironment &Env, const GenTarget &Target,
                    const ControlFlowTarget &CFT, const Layout &L,
                    const GeneratorConfig &Config, RegisterPolicy &Registers,
                    const ImmediatePolicy &Immediates, MemoryPlanner &Memory,
                    RandomEngine &RNG)
      : Env(Env), Target(Target), CFT(CFT), L(L), Config(Config),
        Registers(Registers), Immediates(Immediates), Memory(Memory),
        RNG(RNG) {}
  llvm::Error emitGroup(CodeBuffer &Out);
  /// A random instruction of the plain opcodes; false if Op cannot be built
  /// (a destination with no writable register left).
  bool build(const OpcodeDesc &Op, llvm::MCInst &I);
  llvm::MCInst randomPlain(unsigned Scratch, unsigned Base);
  void clobberDefs(const llvm::MCInst &I);

  const MCEnvironment &Env;
  const GenTarget &Target;
  const ControlFlowTarget &CFT;
  const Layout &L;
  const GeneratorConfig &Config;
  RegisterPolicy &Registers;
  const ImmediatePolicy &Immediates;
  MemoryPlanner &Memory;
  RandomEngine &RNG;

  std::vector<const OpcodeDesc *> Plain; // histogram opcodes for new code
  std::vector<double> PlainWeights;
  std::vector<unsigned> GPRs;
  unsigned AUIPC = 0, SH = 0, FENCEI = 0, ADDI = 0;

  // The current function and block.
  int CurNode = -1;
  std::vector<unsigned> Chosen; // plan block indices drawn for rewriting
  unsigned CurFunctionBlock = 0;
  uint64_t InsertAfter = 0; // 0: no group in this block
  uint64_t Seen = 0;
  std::vector<Slot> Slots;
};

} // namespace snipgen

#endif
