//===- ImmediatePolicy.h - Which immediates instructions get ----*- C++ -*-===//
//
// Chooses the value of an immediate operand of a primary instruction. The
// default draws uniformly from the operand's legal values (probed from LLVM);
// immediate histograms (the layout's imm-hist key) plug in here.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_IMMEDIATEPOLICY_H
#define SNIPGEN_GENERATOR_IMMEDIATEPOLICY_H

#include <cstdint>

namespace snipgen {

class RandomEngine;
struct OpcodeDesc;

class ImmediatePolicy {
public:
  virtual ~ImmediatePolicy();
  virtual int64_t choose(const OpcodeDesc &Op, unsigned OperandIdx,
                         RandomEngine &RNG) const;
};

} // namespace snipgen

#endif
