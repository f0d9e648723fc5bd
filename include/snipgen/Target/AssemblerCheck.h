//===- AssemblerCheck.h - Does the assembler accept an instruction? -*- C++ -*-===//
//
// The decoder accepts some encodings the ISA reserves (e.g. AES64KS1I round
// numbers 0xB-0xF). The MC asm parser checks operands against the ISA's
// ranges, so "legal" means: the instruction, printed without aliases, parses
// back (with +exact-asm: no compression, no relaxation) to the very same
// instruction. Many instructions are checked in one parse of one buffer.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TARGET_ASSEMBLERCHECK_H
#define SNIPGEN_TARGET_ASSEMBLERCHECK_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/MC/MCInst.h"
#include <memory>
#include <string>
#include <vector>

namespace llvm {
class MCSubtargetInfo;
}

namespace snipgen {

class MCEnvironment;

class AssemblerCheck {
public:
  explicit AssemblerCheck(const MCEnvironment &Env);
  ~AssemblerCheck();

  /// For each instruction: true if its text assembles back to itself.
  std::vector<bool> accepts(llvm::ArrayRef<llvm::MCInst> Insts);
  /// The text of one instruction and, if it is not accepted, why
  /// (the assembler's message or "assembles to <other>").
  std::string explain(const llvm::MCInst &I);

private:
  struct Result {
    std::vector<bool> Ok;
    std::vector<std::string> Why;
  };
  Result run(llvm::ArrayRef<llvm::MCInst> Insts, bool WantWhy);
  Result runOneByOne(llvm::ArrayRef<llvm::MCInst> Insts, bool WantWhy);

  const MCEnvironment &Env;
  std::unique_ptr<llvm::MCSubtargetInfo> STI; // + exact-asm
};

} // namespace snipgen

#endif
