//===- CodeBuffer.h - Encode, verify and append instructions ----*- C++ -*-===//
//
// Every instruction snipgen emits goes through here: it is encoded with LLVM's
// MCCodeEmitter and immediately decoded back with the subtarget's
// disassembler; anything but the same opcode and operands is an internal
// error, never silent output (promise 2 of DESIGN.md). With a RoundTripCache
// most checks are answered from templates learned from that disassembler.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CODEBUFFER_H
#define SNIPGEN_GENERATOR_CODEBUFFER_H

#include "snipgen/Generator/Program.h"
#include "snipgen/Target/Target.h"
#include "llvm/MC/MCInst.h"
#include "llvm/Support/Error.h"
#include <string>

namespace snipgen {

class MCEnvironment;
class RoundTripCache;

class CodeBuffer final : public InstSink {
public:
  CodeBuffer(const MCEnvironment &Env, BasicBlock &Block,
             RoundTripCache *Checks = nullptr)
      : Env(Env), Block(&Block), Checks(Checks) {}
  void setBlock(BasicBlock &B) { Block = &B; }
  BasicBlock &block() { return *Block; }
  void emit(const llvm::MCInst &Inst) override;
  /// Bytes emitted into the current block so far.
  uint64_t size() const { return Block->Code.size(); }
  uint64_t emitted() const { return Emitted; }
  /// The first verification failure, if any.
  llvm::Error takeError();

private:
  const MCEnvironment &Env;
  BasicBlock *Block;
  RoundTripCache *Checks;
  llvm::SmallVector<char, 8> Scratch;
  llvm::MCInst Decoded;
  uint64_t Emitted = 0;
  std::string FirstFailure;
};

} // namespace snipgen

#endif
