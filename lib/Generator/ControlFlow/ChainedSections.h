//===- ChainedSections.h - The entry function over rx sections --*- C++ -*-===//
//
// -chained-rx-sections-fill (llvm-snippy's option): the entry function's
// primary instructions are shared among all executable (rx) sections of the
// layout in proportion to their sizes (rounded so the total stays
// -num-instrs exactly), and each share becomes a piece of the entry
// function placed in its section. The pieces run one after the other: the
// last block of every piece but the last ends with a jump to the next
// piece's first block (a far form through a scratch register when the next
// section is out of reach of JAL). Branches and loops stay inside a piece;
// calls go to functions placed in the first section.
//
// The order of the sections is random, or sorted by name with
// -chained-rx-sorted; the first one holds the entry point (the prologue).
// -chained-rx-chunk-size=N cuts each section's share into pieces of N
// primary instructions (and one with the rest); all pieces but the first
// then run in random order (in section order with -chained-rx-sorted).
// Without -chained-rx-sections-fill the code goes to the lowest rx section
// and the others draw the warning "Following RX sections are unused during
// generation".
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_CHAINEDSECTIONS_H
#define SNIPGEN_LIB_GENERATOR_CHAINEDSECTIONS_H

#include "llvm/Support/Error.h"
#include <cstdint>
#include <vector>

namespace snipgen {

class RandomEngine;
struct GeneratorConfig;
struct Layout;

struct ChainPiece {
  unsigned Section = 0;   // layout section index
  uint64_t Primaries = 0; // primary instructions of the piece
};

/// The pieces in the order they run; empty without -chained-rx-sections-fill.
llvm::Expected<std::vector<ChainPiece>>
planChain(const Layout &L, const GeneratorConfig &Config, RandomEngine &RNG);

} // namespace snipgen

#endif
