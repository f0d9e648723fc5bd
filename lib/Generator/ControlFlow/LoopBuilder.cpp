//===- LoopBuilder.cpp - Loop counters, scratch registers, live-ins -------===//
//
// A loop is counted: its entry code (at the start of its first block, run
// once per entry) sets the counter to the planned iteration count, the
// latch decrements it and branches back while it is not zero. The counter
// is written by nothing else while the loop runs:
//   * every block of the loop excludes it from writes (RegisterPolicy's
//     write exclusions, read when registers are drawn);
//   * if the loop contains a call, the counter is excluded from every
//     function the call may reach (their "live-in" registers), and when the
//     call may reach external code it is a callee-saved register, which the
//     ABI makes external code preserve.
// Inner loops get counters different from their outer loops'.
//
// With -use-stack-for-IV (llvm-snippy's option) the counter lives in a
// stack slot instead: the entry code sets the register and pushes it, the
// latch loads it from the top of the stack, decrements it, stores it back
// and branches, and the fall-through end of the latch pops the slot. The
// register is then written by nothing but that code, so the loop body,
// nested loops and callees may use it freely; only the latch's own scratch
// register differs from it. Nested loops' slots stack up in order (the
// chain of a consecutive-loops group pushes its later loops first, in
// reverse, so each loop finds its slot on top when it runs).
//===----------------------------------------------------------------------===//
#include "ControlFlowGenerator.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Generator/CodeBuffer.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "snipgen/Target/Target.h"
#include "llvm/ADT/STLExtras.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>

using namespace llvm;

namespace snipgen {

std::vector<unsigned>
ControlFlowGenerator::writableRegisters(unsigned Node, unsigned Blk) const {
  const FunctionPlan &FP = Plans[Node];
  std::vector<unsigned> Out;
  for (unsigned R : GPRs) {
    // Planning runs with no write exclusions set, so this is the policy's
    // static view: not the stack pointer, x0, a reserved register, ...
    // Nor a register some call links through (calls overwrite it, callees
    // return through it).
    if (!Parts.Registers.ancillaryMayWrite(R) ||
        is_contained(Stack.LinkRegs, R))
      continue;
    if (is_contained(Stack.Globals, R) || is_contained(FP.LiveIn, R))
      continue;
    bool Counter = false;
    if (Opts.StackForIV) {
      // Only the latch holds its counter in the register (its scratch
      // must differ from it).
      if (Blk < FP.Blocks.size() && FP.LatchOf[Blk] >= 0)
        Counter = FP.Loops[FP.LatchOf[Blk]].Counter == R;
    } else if (Blk < FP.Blocks.size()) {
      for (unsigned LI : FP.Blocks[Blk].Loops)
        Counter |= FP.Loops[LI].Counter == R;
      for (unsigned LI : FP.Blocks[Blk].Pending)
        Counter |= FP.Loops[LI].Counter == R;
    }
    if (!Counter)
      Out.push_back(R);
  }
  return Out;
}

Error ControlFlowGenerator::chooseLoopCounters(unsigned Node) {
  FunctionPlan &FP = Plans[Node];
  std::vector<bool> ReachesExternal = Graph.reachesExternal();
  std::vector<unsigned> CalleeSaved = CFT->calleeSavedRegs();
  for (unsigned I = 0; I < FP.Loops.size(); ++I) {
    LoopInfo &LI = FP.Loops[I];
    // Loops are ordered outer first, so the enclosing counters are known.
    // A loop of a consecutive chain gets its counter where it is set up:
    // unlike those of the chain's loops before it.
    std::vector<unsigned> C = writableRegisters(Node, FP.LoopHead[I]);
    bool External = false;
    for (unsigned Blk = LI.First; Blk <= LI.Latch; ++Blk)
      if (FP.Blocks[Blk].Role == CFRole::Call &&
          ReachesExternal[FP.Blocks[Blk].Callee])
        External = true;
    // On the stack the counter survives any call (the callee's frames lie
    // below it), so no callee-saved register is needed.
    if (External && !Opts.StackForIV)
      erase_if(C, [&](unsigned R) { return !is_contained(CalleeSaved, R); });
    if (C.empty())
      return makeError(
          "no register is free for the counter of a loop at depth " +
          Twine(LI.Depth) + " in function '" + Graph.Nodes[Node].Name +
          "' (every register is reserved, holds the stack pointer or an "
          "outer loop's counter" +
          (External ? ", or is not callee-saved around an external call" : "") +
          "); lower max-depth.loop or reserve fewer registers");
    bool Prefer =
        Opts.Compression == LoopCompression::On ||
        (Opts.Compression == LoopCompression::Random && RNG.chance(0.5));
    std::vector<unsigned> Compressible;
    if (Prefer)
      for (unsigned R : C)
        if (CFT->canCompressCounter(R))
          Compressible.push_back(R);
    const std::vector<unsigned> &From = Compressible.empty() ? C : Compressible;
    LI.Counter = From[RNG.below(From.size())];
    LI.Compressed = !Compressible.empty();
  }
  return Error::success();
}

unsigned ControlFlowGenerator::counterSlotBytes() const {
  // A GPR's slot, rounded up so the stack pointer stays aligned (calls of
  // external code inside the loop expect the ABI's alignment).
  unsigned Align = std::max(1u, CFT->stackAlignment());
  return alignTo(std::max(1u, CFT->slotSize(GPRs.front())), Align);
}

Error ControlFlowGenerator::checkStackForIV() const {
  if (!Opts.StackForIV || Stack.Mode == StackMode::Dynamic)
    return Error::success();
  for (const FunctionPlan &FP : Plans)
    if (!FP.Loops.empty())
      return makeOptionError("use-stack-for-IV",
                             "Cannot place IVs on the stack: stack was not "
                             "enabled.");
  return Error::success();
}

Error ControlFlowGenerator::chooseScratchRegisters(unsigned Node) {
  FunctionPlan &FP = Plans[Node];
  // code-layout (CodePlacement.h) puts every block at a random address, so
  // every block that falls through ends with a jump to the next block, far
  // as its ranges allow: as llvm-snippy's jump lengthener does, it may go
  // through a register taken from the ones ancillary code may write there
  // (never a reserved one, a loop counter, a caller's live register or a
  // link register). The prologue falls through into the first block too.
  const bool Scattered = L.SMC.HasCodeLayout;
  if (Scattered && !FP.Blocks.empty()) {
    std::vector<unsigned> C = writableRegisters(Node, ~0u);
    if (!C.empty())
      FP.PrologueScratch = C[RNG.below(C.size())];
  }
  for (unsigned Blk = 0; Blk < FP.Blocks.size(); ++Blk) {
    BlockPlan &BP = FP.Blocks[Blk];
    if (BP.Role != CFRole::CondBranch && BP.Role != CFRole::Jump &&
        BP.Role != CFRole::IndirectJump && !BP.ChainNext && !Scattered)
      continue;
    std::vector<unsigned> C = writableRegisters(Node, Blk);
    if (C.empty()) {
      if (BP.Role == CFRole::IndirectJump)
        return makeError("cannot generate '" + BP.CF->Name +
                         "': no register is free to hold its target in "
                         "function '" +
                         Graph.Nodes[Node].Name + "'");
      continue; // far forms stay unavailable; layout reports if needed
    }
    BP.Scratch = C[RNG.below(C.size())];
  }
  return Error::success();
}

void ControlFlowGenerator::propagateLiveIn(unsigned Node) {
  FunctionPlan &FP = Plans[Node];
  for (const BlockPlan &BP : FP.Blocks) {
    if (BP.Role != CFRole::Call || Graph.Nodes[BP.Callee].External)
      continue;
    std::vector<unsigned> &To = Plans[BP.Callee].LiveIn;
    auto Add = [&](unsigned R) {
      if (!is_contained(To, R))
        To.push_back(R);
    };
    for (unsigned R : FP.LiveIn)
      Add(R);
    if (Opts.StackForIV)
      continue; // counters live on the stack, not in registers
    for (unsigned LI : BP.Loops)
      Add(FP.Loops[LI].Counter);
    for (unsigned LI : BP.Pending)
      Add(FP.Loops[LI].Counter);
  }
}

Expected<std::vector<LoopEntry>>
ControlFlowGenerator::loopEntries(unsigned Node, unsigned Blk) {
  const FunctionPlan &FP = Plans[Node];
  std::vector<LoopEntry> Entries;
  // Counters of the later loops of a consecutive chain starting here come
  // first: the chain's first loop starts after all of them.
  // Loop I's counter set up here (StartsLoop: the loop also begins here).
  auto AddCounterInit = [&](unsigned I, bool StartsLoop) -> Error {
    const LoopInfo &LI = FP.Loops[I];
    auto Init = encode([&](InstSink &Out) {
      CFT->emitCounterInit(LI.Counter, LI.Iterations, LI.Compressed, Out);
      if (Opts.StackForIV) { // push it
        CFT->emitAddImm(Stack.SP, Stack.SP, -(int64_t)counterSlotBytes(), Out);
        CFT->emitStore(LI.Counter, Stack.SP, 0, Out);
      }
    });
    if (!Init)
      return Init.takeError();
    LoopEntry E;
    E.Loop = I;
    E.Init = std::move(*Init);
    E.StartsLoop = StartsLoop;
    Entries.push_back(std::move(E));
    return Error::success();
  };
  // On the stack the chain's last loop is pushed first: each loop of the
  // chain finds its slot on top once the loops before it popped theirs.
  SmallVector<unsigned, 4> Hoisted(FP.HoistedInits[Blk].begin(),
                                   FP.HoistedInits[Blk].end());
  if (Opts.StackForIV)
    std::reverse(Hoisted.begin(), Hoisted.end());
  for (unsigned I : Hoisted)
    if (Error Err = AddCounterInit(I, /*StartsLoop=*/false))
      return std::move(Err);
  for (unsigned I : FP.StartsLoops[Blk]) {
    if (FP.LoopHead[I] != Blk) {
      LoopEntry E; // set up before the chain: the loop just starts here
      E.Loop = I;
      Entries.push_back(std::move(E));
      continue;
    }
    if (Error Err = AddCounterInit(I, /*StartsLoop=*/true))
      return std::move(Err);
  }
  return Entries;
}

} // namespace snipgen
