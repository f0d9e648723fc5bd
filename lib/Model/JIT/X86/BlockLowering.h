//===- BlockLowering.h - What each instruction of a direct block becomes -*- C++ -*-===//
//
// The direct compiler's only optimisations, done before any code is
// written, over the whole (straight-line) block:
// * constants: values known while compiling (LUI, LI, an instruction whose
//   sources are all known, computed by the interpreter's own handler) need
//   no host code, and a known source becomes an immediate;
// * identities, with copies followed (a register copied from another holds
//   the same value): x - x, x ^ x, x < x are 0, x & x, x | x, x + 0,
//   x << 0 ... are copies;
// * dead code: a result overwritten before anything reads it is not
//   computed (what LLVM's InstSimplify and DCE do for the LLVM tier). Every
//   register's value reaches the Hart at the end and at every point the
//   block may leave early (loads and stores), so those keep all values
//   alive; a load whose result is dead still checks its access.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_X86_BLOCKLOWERING_H
#define SNIPGEN_LIB_MODEL_JIT_X86_BLOCKLOWERING_H

#include "JIT/OpcodeRules.h"
#include <bitset>
#include <cstdint>
#include <vector>

namespace snipgen::model::jit::x86 {

struct Lowered {
  enum Kind : uint8_t {
    Skip,     // No effect (writes x0, a NOP, or dead).
    Constant, // Rd = Value.
    Copy,     // Rd = Rs1.
    RegReg,   // Rd = O(Rs1, Rs2).
    RegImm,   // Rd = O(Rs1, Imm).
    Load,     // Rd = Size bytes at Rs1 + Imm (Rd 0: only the access check).
    Store,    // Size bytes at Rs1 + Imm = Rs2.
    Control,  // The closing branch or jump: see the plan's instruction.
  };
  Kind K = Skip;
  Op O = Op::Add;
  uint8_t Rd = 0, Rs1 = 0, Rs2 = 0;
  uint8_t Size = 0;    // Load/Store: bytes.
  bool Signed = false; // Load: sign-extend.
  int64_t Imm = 0;
  uint64_t Value = 0;

  /// The block may leave before this instruction (to the interpreter, for
  /// an access outside the fast-path window).
  bool mayExit() const { return K == Load || K == Store; }
  /// The guest registers the host code reads.
  std::bitset<32> reads(const Decoded &D, const Rule &R) const;
};

/// Whether the direct compiler has code for O with two registers / with an
/// immediate (RV64).
bool directRegReg(Op O);
bool directRegImm(Op O);

/// One Lowered per instruction of Plan (all of them covered by the direct
/// compiler).
std::vector<Lowered> lowerBlock(const BlockPlan &Plan, const OpcodeRules &Rules,
                                const TargetInfo &T);

} // namespace snipgen::model::jit::x86

#endif
