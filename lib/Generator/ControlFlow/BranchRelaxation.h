//===- BranchRelaxation.h - Lay out, relax and encode terminators -*- C++
//-*-===//
//
// Functions are placed one after the other from the start of the code
// section (the entry first). Every terminator starts in its shortest form;
// while some target is out of the form's reach the form grows (an inverted
// branch over a jump, then a jump through a register), and the layout is
// redone. Forms only grow, so this ends. Loop starts are padded with NOPs to
// the branchegram's alignment. Finally every terminator is encoded and
// verified like any other instruction (CodeBuffer) and the addresses the
// model run needs are collected (Program::Map).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_BRANCHRELAXATION_H
#define SNIPGEN_LIB_GENERATOR_BRANCHRELAXATION_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/SMLoc.h"
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class CodePlacer;
class ControlFlowTarget;
class MCEnvironment;
class RandomEngine;
struct Function;
struct Program;
struct Terminator;

struct RelaxationRequest {
  uint64_t CodeAddress = 0;
  uint64_t CodeSize = 0;
  std::string CodeName;
  const llvm::SourceMgr *SM = nullptr; // with CodeLoc: where errors point
  llvm::SMLoc CodeLoc;
  unsigned Alignment = 1;     // of loop starts
  unsigned LastInstrSize = 0; // of the entry function's last instruction
  bool EntryReturns = false;
  /// Blocks with BasicBlock::Section >= 0 go to these layout sections,
  /// each filled from its start (-chained-rx-sections-fill).
  struct ExtraSection {
    uint64_t Address = 0, Size = 0;
    std::string Name;
    llvm::SMLoc Loc;
  };
  std::vector<ExtraSection> Sections; // by layout section index
  int CodeSectionIndex = -1;          // the code section's layout index
  /// -max-branch-length-passes: layout rounds that may lengthen branches.
  unsigned MaxPasses = 100;
  /// code-layout (CodePlacement.h): every block at a random address drawn
  /// with RNG from Placer instead of one block after the other.
  CodePlacer *Placer = nullptr;
  RandomEngine *RNG = nullptr;
};

/// Where terminator T of a block of function F transfers control (a block,
/// a loop's start or a callee, by their addresses now), or nullopt for kinds
/// without a target (returns, fall-throughs).
std::optional<uint64_t> terminatorTarget(const Program &P, const Function &F,
                                         const Terminator &T);

/// Bytes of Insts as encoded (each opcode's fixed size).
uint64_t encodedSize(const MCEnvironment &Env,
                     llvm::ArrayRef<llvm::MCInst> Insts);

llvm::Error layOutProgram(Program &P, const RelaxationRequest &R,
                          const MCEnvironment &Env,
                          const ControlFlowTarget &CFT);

/// The addresses the model run needs (Program::Map), once every block has
/// its address and encoded terminator.
void collectControlFlowMap(Program &P, const RelaxationRequest &R,
                           const MCEnvironment &Env,
                           const ControlFlowTarget &CFT);

} // namespace snipgen

#endif
