//===- Histogram.h - Opcode weights from the layout -------------*- C++ -*-===//
//
// Each histogram entry is an opcode name or a regex matched against whole
// opcode names of the catalogue; every matching opcode gets the entry's
// weight. An opcode matched by several entries gets the last one's weight
// (with an instruction-histogram warning), as the manual says.
//
// The manual's FP control pseudo-instructions (ReadFFLAGS, WriteFRMImm, ...)
// are histogram names too: they resolve to descriptions of their CSR
// instructions with the fixed operands narrowed (FPControlPseudos.h), owned
// by the histogram. Regexes match them as well when the subtarget has F.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_HISTOGRAM_H
#define SNIPGEN_GENERATOR_HISTOGRAM_H

#include "snipgen/Support/Random.h"
#include "snipgen/Target/ISACatalogue.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <vector>

namespace snipgen {

struct Layout;
struct OpcodeDesc;
class ISACatalogue;
class WarningEngine;

class OpcodeHistogram {
public:
  static llvm::Expected<OpcodeHistogram>
  resolve(const Layout &L, const ISACatalogue &Cat, WarningEngine &Warnings);

  struct Entry {
    const OpcodeDesc *Op;
    double Weight;
    unsigned LayoutIndex; // which histogram entry set the weight
  };
  const std::vector<Entry> &entries() const { return Entries; }
  const OpcodeDesc &choose(RandomEngine &RNG) const {
    return *Entries[Chooser.choose(RNG)].Op;
  }

private:
  std::vector<Entry> Entries; // sorted by opcode name
  std::vector<std::unique_ptr<OpcodeDesc>> Pseudos;
  WeightedChooser Chooser;
};

} // namespace snipgen

#endif
