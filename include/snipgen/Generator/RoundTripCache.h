//===- RoundTripCache.h - Round-trip checks without LLVM's decoder -*- C++ -*-===//
//
// CodeBuffer checks that every instruction it emits decodes back to itself
// (promise 2 of DESIGN.md). Asking LLVM's disassembler costs about 100 ns an
// instruction, a fifth of a large run. This cache answers most checks from
// the model's predecoder (lib/Model/RISCV/Predecoder.h): templates learned
// from LLVM's disassembler and checked against it, which map an encoding to
// LLVM's opcode and operands (registers as encoding values).
//
// It only ever says "yes, this decodes to the instruction"; anything it does
// not know (an opcode LLVM has not yet decoded often enough to learn a
// template for, a rejected template, a register LLVM has not yet been seen to
// decode for that operand) goes to LLVM as before, so a failure is always
// LLVM's answer, with its message. Registers compare by identity: an
// operand's register must be the one LLVM decoded from that encoding value
// for that opcode and operand earlier, not just have the same number.
//
// SNIPGEN_PREDECODE=off in the environment (as for the model) sends every
// check to LLVM.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_ROUNDTRIPCACHE_H
#define SNIPGEN_GENERATOR_ROUNDTRIPCACHE_H

#include "llvm/ADT/ArrayRef.h"
#include <array>
#include <cstdint>
#include <memory>
#include <vector>

namespace llvm {
class MCInst;
}

namespace snipgen {

class MCEnvironment;

class RoundTripCache {
public:
  /// Null when SNIPGEN_PREDECODE=off.
  static std::unique_ptr<RoundTripCache> create(const MCEnvironment &Env);
  ~RoundTripCache();

  /// True when Bytes, the encoding of Inst, are known to decode to Inst.
  /// False: ask LLVM (and call learnFrom when it agrees).
  bool knownToRoundTrip(const llvm::MCInst &Inst,
                        llvm::ArrayRef<uint8_t> Bytes);
  /// LLVM decoded Bytes to Decoded, the instruction that was encoded.
  void learnFrom(llvm::ArrayRef<uint8_t> Bytes, const llvm::MCInst &Decoded);

  /// Checks answered without LLVM, and templates learned (for tests).
  uint64_t hits() const { return Hits; }
  size_t templates() const;

  /// LLVM decodes of an opcode before a template is learned for it (a
  /// template costs a few thousand decodes to learn and check, so short
  /// runs never learn one).
  static constexpr unsigned LearnAfter = 48;

private:
  struct Impl;
  explicit RoundTripCache(const MCEnvironment &Env);
  std::unique_ptr<Impl> P;
  uint64_t Hits = 0;
};

} // namespace snipgen

#endif
