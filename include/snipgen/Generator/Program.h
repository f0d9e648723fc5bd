//===- Program.h - The generated program in memory --------------*- C++ -*-===//
//
// Instructions are encoded (and verified by decoding) as they are generated,
// so a block holds bytes, not MCInsts: a million instructions stay a few
// megabytes. A block's body never changes after generation (records keyed by
// byte offsets into it stay valid); what depends on the final layout lives
// beside it:
//
//   [loop entry code]* [Code: the body] [terminator]
//
// * loop entry code: for each loop whose first block this is (outermost
//   first), the counter initialisation, then alignment padding; the loop's
//   back edge lands right after it (so an inner loop re-initialises its
//   counter on every iteration of the outer one);
// * the terminator: the branch, jump or call that ended the block, with its
//   target resolved, range-checked and relaxed after layout
//   (Generator/BranchRelaxation.h).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_PROGRAM_H
#define SNIPGEN_GENERATOR_PROGRAM_H

#include "llvm/ADT/SmallVector.h"
#include "llvm/MC/MCInst.h"
#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

namespace snipgen {

/// Encoded, verified instructions.
struct CodeBytes {
  std::vector<uint8_t> Bytes;
  uint64_t NumInstrs = 0;
  uint64_t size() const { return Bytes.size(); }
};

/// What ends a block.
enum class TerminatorKind : uint8_t {
  FallThrough,  // nothing: execution continues with the next block
  Branch,       // conditional branch to block Target, else fall through
  Jump,         // unconditional direct jump to block Target
  IndirectJump, // jump to block Target through register Scratch
  LoopLatch,    // counter decrement + branch back to loop Target's start
  Call,         // call of function Callee, then fall through
  ExternalCall, // call of the external (weak) symbol of function Callee
};

struct Terminator {
  TerminatorKind Kind = TerminatorKind::FallThrough;
  /// Histogram opcode that produced this terminator (0 for fall-through).
  unsigned Opcode = 0;
  /// Branch: the branch with its registers; the PC-relative operand is set
  /// at layout. Unused for other kinds.
  llvm::MCInst Inst;
  unsigned Target = 0; // block index, or loop index for LoopLatch
  unsigned Callee = 0; // function index for calls
  /// Call: the register the call links through (the callee returns through
  /// it); 0: the target's ABI return-address register.
  unsigned Link = 0;
  /// Register a far or indirect form may clobber (0: none may be).
  unsigned Scratch = 0;
  /// LoopLatch: the counter register and whether C.ADDI/C.BNEZ are used.
  unsigned Counter = 0;
  bool Compressed = false;
  /// LoopLatch with -use-stack-for-IV: the stack pointer and the counter's
  /// slot size (0: the counter lives in its register). The latch loads the
  /// counter from the top of the stack, stores it back decremented, and
  /// pops the slot when the loop exits.
  unsigned StackSP = 0;
  unsigned StackSlot = 0;
  /// ExternalCall: saves before and restores after the call itself, and the
  /// size of the relocated call sequence the assembler emits between them.
  /// With code-layout (blocks at random addresses, Program::Scattered),
  /// Post ends with the jump to the next block wherever execution would
  /// fall through into it (added at layout).
  CodeBytes Pre, Post;
  unsigned RelocatedSize = 0;
  std::string RelocatedAsm; // the call, for the assembler

  // Layout results (BranchRelaxation).
  uint8_t Form = 0;   // 0 = shortest; grows when a target is out of reach
  CodeBytes Resolved; // the encoded form (empty for ExternalCall)

  uint64_t size() const {
    return Pre.size() + Resolved.size() + RelocatedSize + Post.size();
  }
};

/// The entry code of one loop, placed before the body of its first block.
struct LoopEntry {
  unsigned Loop = 0;   // index into Function::Loops
  CodeBytes Init;      // sets the counter
  CodeBytes PaddingCode; // NOPs that align the loop start (layout)
  /// False for the counter set-up of a later loop of a consecutive chain
  /// (consecutive-loops), hoisted before the chain's first loop; that loop
  /// then starts with an entry without Init.
  bool StartsLoop = true;
};

/// Which memory scheme a load/store/AMO of the body used (MemorySchemeSet
/// ids), recorded by the memory planner for the model check and
/// --dump-memory-accesses.
struct MemoryAccessRecord {
  uint64_t Offset = 0;     // of the instruction in BasicBlock::Code
  uint64_t Address = 0;    // the effective address planned
  uint32_t Scheme = 0;     // index in the MemorySchemeSet
  uint32_t BurstGroup = 0; // 0: not in a burst group
  uint32_t Size = 0;       // bytes accessed (vector: of one element span)
  uint16_t Align = 1;      // alignment the scheme required
  /// A cache-block operation: the model reports it in pieces (CBO.ZERO's
  /// stores), each inside [Address, Address + Size), or not at all.
  bool Block = false;
  /// A vector load or store (VectorAccessPlanner): the model reports it
  /// element by element (each field of each active element); every piece
  /// lies inside [E, E + Size) for one E of Elements (sorted, unique; one
  /// span for unit-stride, whole-register and mask accesses).
  bool Vector = false;
  std::vector<uint64_t> Elements;
};

/// Counts by LLVM opcode, iterated in opcode order (as a std::map), counted
/// once per primary instruction: a short sorted vector.
class OpcodeCounts {
public:
  using value_type = std::pair<unsigned, uint64_t>;
  uint64_t &operator[](unsigned Opcode) {
    // Branch-free binary search for the last entry <= Opcode: the opcodes
    // come in random order, which a branching search mispredicts.
    if (size_t N = Counts.size()) {
      value_type *B = Counts.data();
      while (N > 1) {
        size_t Half = N / 2;
        B = B[Half].first <= Opcode ? B + Half : B;
        N -= Half;
      }
      if (B->first == Opcode)
        return B->second;
    }
    auto It = std::lower_bound(
        Counts.begin(), Counts.end(), Opcode,
        [](const value_type &E, unsigned O) { return E.first < O; });
    if (It == Counts.end() || It->first != Opcode)
      It = Counts.insert(It, {Opcode, 0});
    return It->second;
  }
  std::vector<value_type>::const_iterator begin() const {
    return Counts.begin();
  }
  std::vector<value_type>::const_iterator end() const { return Counts.end(); }
  size_t size() const { return Counts.size(); }
  bool empty() const { return Counts.empty(); }

private:
  std::vector<value_type> Counts;
};

struct BasicBlock {
  std::vector<LoopEntry> LoopEntries; // outermost loop first
  /// The body: primary and ancillary instructions (CodeBuffer appends here).
  std::vector<uint8_t> Code;
  uint64_t NumInstrs = 0;
  Terminator Term;
  /// NOPs after the terminator that align the next block, a branch target,
  /// to branches.alignment (layout).
  CodeBytes TargetPadding;
  std::vector<MemoryAccessRecord> MemoryAccesses; // in Code order
  /// Offsets in Code of the primary instructions (InstructionBuilder), for
  /// -dump-primary-pcs.
  std::vector<uint32_t> PrimaryOffsets;
  /// Layout result: address of the block's first byte.
  uint64_t Address = 0;
  /// Layout section (index in Layout::Sections) the block goes to; -1: the
  /// program's code section (-chained-rx-sections-fill spreads the entry
  /// function's blocks over several).
  int Section = -1;
  /// Primary instructions of the body by LLVM opcode (the terminator's
  /// histogram opcode is Term.Opcode); read by -verify-gen-histogram.
  OpcodeCounts PrimaryOpcodes;

  /// Offset of the body within the block.
  uint64_t bodyOffset() const;
  uint64_t size() const;
};

struct LoopInfo {
  unsigned First = 0, Latch = 0; // block indices (First <= Latch)
  unsigned Counter = 0;          // register
  uint64_t Iterations = 0;       // planned: the body runs this many times
  unsigned Depth = 1;            // 1 = outermost
  bool Compressed = false;       // C.ADDI / C.BNEZ counter logic
  /// Layout result: where the back edge lands.
  uint64_t StartAddress = 0;
};

enum class Linkage : uint8_t { Global, Local, Weak };

struct Function {
  std::string Name;
  Linkage Link = Linkage::Global;
  bool IsExternal = false; // a weak stub the user replaces with their code
  std::vector<BasicBlock> Blocks;
  std::vector<LoopInfo> Loops;
  uint64_t Address = 0; // layout result
  uint64_t codeSize() const {
    uint64_t S = 0;
    for (const BasicBlock &B : Blocks)
      S += B.size();
    return S;
  }
};

struct GenerationStats {
  uint64_t PrimaryInstrs = 0;
  uint64_t AncillaryInstrs = 0;
  uint64_t MemoryAccesses = 0;
  /// -keep-primary: primary instructions numbered (drawn) and, of them,
  /// left out.
  uint64_t PrimaryOrdinals = 0;
  uint64_t SkippedPrimaries = 0;
};

/// Addresses the model run needs to stop and to check control flow.
struct ControlFlowMap {
  uint64_t EntryAddress = 0;
  /// Address of the entry function's last instruction (EBREAK, ...) when it
  /// does not return; the run stops before executing it.
  uint64_t LastInstrAddress = 0;
  bool EntryReturns = false;
  struct Loop {
    uint64_t Start = 0;         // back-edge target
    uint64_t Exit = 0;          // first byte after the latch
    uint64_t LatchBegin = 0, LatchEnd = 0; // the latch terminator's bytes
    uint64_t Iterations = 0;
  };
  std::vector<Loop> Loops;
  struct CallSite {
    uint64_t LinkPC = 0; // the instruction that writes ra and jumps
    uint64_t ReturnTo = 0;
  };
  std::vector<CallSite> Calls;
  std::vector<uint64_t> Returns; // returns of called functions
  /// The first byte after the code at the highest address: where a
  /// returning entry function (-last-instr=RET) returns to on the model.
  uint64_t CodeEnd = 0;
};

struct Program {
  /// Index into Layout.Sections of the section that holds the code.
  unsigned CodeSection = 0;
  std::vector<Function> Functions; // Functions[0] is the entry point
  /// code-layout: every block at its own random address in the rx sections
  /// (BasicBlock::Section says which), not one after the other.
  bool Scattered = false;
  /// -object-type=exec with -last-instr=RET: the ELF entry point, a global
  /// function right after the code (at Map.CodeEnd) that calls the entry
  /// function and ends with EBREAK where the entry function returns to.
  /// Empty Code: none.
  struct StartStubData {
    std::string Name;
    uint64_t Address = 0;
    int Section = -1; // layout section index
    CodeBytes Code;
  } StartStub;
  GenerationStats Stats;
  ControlFlowMap Map;
  /// -selfcheck (Generator/SelfCheck.h): the selfcheck section's initial
  /// contents (REAL zero, ETALON from the model) and, with -selfcheck-gv,
  /// the global constants describing it.
  struct SelfCheckData {
    std::vector<uint8_t> Image;
    bool Globals = false;
    unsigned GlobalsSection = 0; // a read-only layout section
    uint64_t Address = 0, UsedSize = 0;
    unsigned Stride = 16;
  } SelfCheck;
  /// Global constants of the vector register initialisation
  /// (-rvv-init-mode=loads|mixed): at the start of a read-only section.
  struct ConstantData {
    unsigned Section = 0;
    std::vector<uint8_t> Bytes;
  } VectorConstants;
  uint64_t codeSize() const {
    uint64_t S = 0;
    for (const Function &F : Functions)
      S += F.codeSize();
    return S;
  }
};

inline uint64_t BasicBlock::bodyOffset() const {
  uint64_t S = 0;
  for (const LoopEntry &E : LoopEntries)
    S += E.Init.size() + E.PaddingCode.size();
  return S;
}

inline uint64_t BasicBlock::size() const {
  return bodyOffset() + Code.size() + Term.size() + TargetPadding.size();
}

} // namespace snipgen

#endif
