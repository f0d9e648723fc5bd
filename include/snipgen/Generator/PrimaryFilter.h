//===- PrimaryFilter.h - -keep-primary: emit only some primaries -*- C++ -*-===//
//
// Instruction-level reduction (snipgen-campaign reduce) removes primary
// instructions from a failing snippet while the others stay as they were.
// -keep-primary=LIST names the primary instructions to emit by their ordinal
// (0-based, in generation order; histogram-drawn branches and calls are not
// numbered: they shape the control flow and are always kept). Every
// numbered primary is still drawn -- its opcode from the generator's random
// stream, as without the filter -- and then generated from a stream of its
// own, seeded by one draw of the main stream. So dropping an instruction
// changes neither the opcodes nor the random choices of the others; what
// depends on the machine state (addresses, the code that materialises them,
// registers holding live values) is planned again by the generator and the
// lockstep model for what is emitted, so every filtered snippet is valid.
//
// The per-instruction streams make a filtered snippet differ from the
// unfiltered one of the same seed: -keep-primary=0- (everything) is the
// reference a reduction starts from.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_PRIMARYFILTER_H
#define SNIPGEN_GENERATOR_PRIMARYFILTER_H

#include "snipgen/Support/Random.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/Support/Error.h"
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace snipgen {

class PrimaryFilter {
public:
  /// Items "N", "A-B" (inclusive) or "A-" (A and every later ordinal), in
  /// any order; an empty list keeps nothing.
  static llvm::Expected<PrimaryFilter> parse(llvm::ArrayRef<std::string> Items);

  bool keeps(uint64_t Ordinal) const;
  /// Some ordinal >= Ordinal is kept (fill modes stop when none is).
  bool keepsSomeFrom(uint64_t Ordinal) const;
  /// The canonical list: sorted, merged ranges ("0-3,7,9-").
  std::string str() const;

private:
  std::vector<std::pair<uint64_t, uint64_t>> Ranges; // inclusive, sorted
};

/// Counts of a filtered generation (GenerationStats).
struct PrimaryFilterCounts {
  uint64_t Drawn = 0;   // ordinals numbered
  uint64_t Skipped = 0; // of them not emitted
};

/// Brackets the generation of one numbered primary instruction. Without a
/// filter it does nothing. With one, it takes the next ordinal, draws the
/// instruction's stream seed from RNG and, when the ordinal is kept,
/// switches RNG to that stream until destroyed.
class PrimaryDraw {
public:
  PrimaryDraw(const PrimaryFilter *Filter, RandomEngine &RNG,
              PrimaryFilterCounts &Counts);
  ~PrimaryDraw();
  PrimaryDraw(const PrimaryDraw &) = delete;
  PrimaryDraw &operator=(const PrimaryDraw &) = delete;

  bool skipped() const { return Skip; }

private:
  RandomEngine &RNG;
  RandomEngine Saved;
  bool Switched = false;
  bool Skip = false;
};

} // namespace snipgen

#endif
