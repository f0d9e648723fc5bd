//===- JITEngine.h - Tier 2: hot blocks compiled to host code ---*- C++ -*-===//
//
// The interpreter (Machine::runLoop) is tier 1. Tier 2 compiles hot
// straight-line blocks of decoded instructions to host code with LLVM ORC
// (LLJIT and LLVM's -O0 code generator: see HostCompiler::optimize) and
// runs them instead of interpreting them. A block is a run
// of supported instructions in one decode page, up to and including the
// first branch or jump (see OpcodeRules.h for what is supported).
//
// The contract with the run loop:
// * Whenever the loop's pc lookup lands on a slot (after a jump or trap, on
//   a page change, or at a slot whose Next is null), it asks wants(Slot).
//   wants() counts the arrival in Decoded::Heat and says whether the loop
//   must call execute() instead of interpreting the slot.
// * execute() compiles the block once it is hot (see hotEnough()), or on one
//   of its first arrivals if it is a counted loop that will be hot
//   (LoopForecast.h),
//   then runs it if it retires at most Budget instructions (so step limits
//   stay exact).
//   It adds what the block retired to InstRet and returns the slot to
//   interpret next, or null with H.PC holding the next pc. When a block
//   ends in a branch or jump to the first slot of another compiled block in
//   the same fetch page, and the budget has room for it, execute() runs that
//   block directly (chaining): the run loop's lookup would land there and
//   do the same.
// * Compiled code leaves the block wherever it cannot continue exactly as
//   the fast path of the interpreter would (memory outside the access
//   windows, misaligned jump targets); the interpreter then executes that
//   instruction. Such slots and the slot after a block get Next = null, so
//   the interpreter comes back through the pc lookup, where the next block
//   can start.
// * The loop uses tier 2 only without observers and not for single steps:
//   traces stay instruction-exact.
// * Code changes drop blocks: Machine::invalidateCode calls invalidate()
//   for every write to executable memory and flushCode (fence.i) calls
//   invalidateAll(). Compiled code never writes executable memory itself.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_JITENGINE_H
#define SNIPGEN_LIB_MODEL_JIT_JITENGINE_H

#include "JIT/JITOptions.h"
#include "JIT/OpcodeRules.h"
#include "Semantics.h"
#include "llvm/ADT/DenseMap.h"
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace snipgen::model {
class Machine;

/// What tier 2 did, for tests and benchmarks.
struct JITStats {
  uint64_t BlocksCompiled = 0;
  uint64_t BlocksDropped = 0;      // By self-modifying code or fence.i.
  uint64_t InstructionsCompiled = 0;
  uint64_t DirectBlocks = 0;       // Compiled without LLVM (DirectCompiler.h).
  uint64_t SelfLoops = 0;          // Compiled blocks that loop by themselves.
  uint64_t Forecast = 0;           // Compiled early: counted self-loops.
  uint64_t BlockRuns = 0;
  uint64_t NativeInstructions = 0; // Retired by compiled code.
  uint64_t SideExits = 0;
  uint64_t Chained = 0;            // Block runs entered from another block.
  double CompileSeconds = 0;
  std::string Error; // Why tier 2 turned itself off (empty: it did not).
};

class JITEngine {
public:
  JITEngine(Machine &M, const JITOptions &Options);
  ~JITEngine();
  JITEngine(const JITEngine &) = delete;
  JITEngine &operator=(const JITEngine &) = delete;

  /// Heat value of a slot that is never compiled (it starts with an
  /// unsupported instruction, or compilation failed).
  static constexpr uint16_t NeverCompile = 0xffff;
  /// The arrivals the pc lookup counts at which a block's loop count is
  /// forecast: two, because a loop entered by a jump arrives first before
  /// its body is decoded (one entered from the code before it arrives
  /// through the lookup first after one iteration).
  static constexpr uint16_t ForecastArrivals = 2;

  /// Counts an arrival at Slot; true if execute() must handle it.
  bool wants(Decoded &Slot) {
    if (Slot.JitBlock)
      return true;
    if (Slot.Heat < Threshold) {
      // The first arrivals also ask: a counted self-loop may be compiled
      // then (JITEngine::compile, LoopForecast.h).
      return ++Slot.Heat <= ForecastArrivals && ForecastArrivals < Threshold;
    }
    return Slot.Heat != NeverCompile;
  }
  /// See the file comment. Slot lies in the machine's current fetch page.
  const Decoded *execute(Hart &H, Decoded &Slot, uint64_t Budget);

  /// Drops the blocks covering any byte of [Addr, Addr + Len), Len > 0.
  void invalidate(uint64_t Addr, uint64_t Len) {
    // Inclusive last bytes: ranges may end at the top of the address space.
    uint64_t Last = Addr + (Len - 1);
    if (Live && Addr <= CoveredLast && CoveredFirst <= Last)
      dropOverlapping(Addr, Last);
  }
  void invalidateAll();
  /// The decode page [Begin, End) of code [Addr, Addr + Len) is recycled:
  /// drop its blocks and the arrival counts kept for its slots.
  void forgetPage(uint64_t Addr, uint64_t Len, const Decoded *Begin,
                  const Decoded *End);

  const JITStats &stats() const { return Stats; }

private:
  struct Block;
  void compile(Decoded &Slot);
  bool hotEnough(Decoded &Slot, size_t Length);
  /// Arrivals after which a block of Length instructions is compiled.
  uint64_t arrivalsNeeded(size_t Length) const;
  void dropOverlapping(uint64_t First, uint64_t Last);
  void drop(uint32_t Id);

  Machine &M;
  uint16_t Threshold;
  bool VerifyIR;
  JITCompiler Compiler;
  bool DirectChecked = false, DirectMissing = false; // The host's support.
  jit::TargetInfo Target;
  const jit::OpcodeRules *Rules = nullptr; // Set on the first compile.
  std::vector<Block> Blocks;     // Indexed by Decoded::JitBlock; 0 unused.
  std::vector<uint32_t> FreeIds;
  // Arrivals counted in earlier rounds at slots whose block is short and
  // so needs more arrivals than the 16-bit Heat holds (hotEnough()).
  llvm::DenseMap<const Decoded *, uint64_t> PendingArrivals;
  unsigned Live = 0;
  // Hull of the code ranges of the blocks compiled since the last time
  // none was live: most stores are outside it.
  uint64_t CoveredFirst = ~0ull, CoveredLast = 0;
  bool Broken = false;
  JITStats Stats;
};

} // namespace snipgen::model

#endif
