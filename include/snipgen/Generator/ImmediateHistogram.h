//===- ImmediateHistogram.h - imm-hist --------------------------*- C++ -*-===//
//
// An ImmediatePolicy that draws immediates from the layout's imm-hist:
//   * general form: every immediate operand of every opcode draws from the
//     list, restricted to the values the operand can encode;
//   * per-opcode form: an opcode takes the first `opcodes` entry whose regex
//     matches its whole name; `uniform` (or no match) keeps the default
//     uniform draw over the legal values.
// Operands with a single legal value (the CSR number of ReadFFLAGS, ...)
// and PC-relative offsets are not affected. An opcode operand that the
// list gives no legal value is an error; per-opcode values an operand cannot
// encode are reported (inconsistent-options) and never drawn, as are regexes
// that match no histogram opcode.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_IMMEDIATEHISTOGRAM_H
#define SNIPGEN_GENERATOR_IMMEDIATEHISTOGRAM_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Support/Random.h"
#include "llvm/ADT/DenseMap.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <vector>

namespace llvm {
class SourceMgr;
}

namespace snipgen {

class OpcodeHistogram;
class WarningEngine;

class HistogramImmediatePolicy final : public ImmediatePolicy {
public:
  static llvm::Expected<std::unique_ptr<HistogramImmediatePolicy>>
  create(const ImmHistConfig &C, const llvm::SourceMgr &SM,
         const OpcodeHistogram &Histogram, WarningEngine &Warnings);

  int64_t choose(const OpcodeDesc &Op, unsigned OperandIdx,
                 RandomEngine &RNG) const override;

private:
  struct OperandChoice {
    std::vector<int64_t> Values;
    WeightedChooser Chooser;
  };
  // Per opcode: per operand, empty Values = the default draw.
  llvm::DenseMap<const OpcodeDesc *, std::vector<OperandChoice>> Choices;
};

} // namespace snipgen

#endif
