//===- VectorSetup.h - RVV generation from the layout and options -*- C++ -*-===//
//
// Builds the vector unit (Generator/VectorUnit.h) when the histogram has
// RVV opcodes or the layout a riscv-vector-unit key, wraps the primary
// source so that only opcodes legal under the current configuration are
// drawn, and prints -riscv-dump-rvv-config.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_VECTORSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_VECTORSETUP_H

#include "snipgen/Generator/VectorUnit.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace snipgen {

class GenTarget;
class ISACatalogue;
class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
class PrimarySource;
struct Layout;

struct VectorSetup {
  std::unique_ptr<VectorUnit> Unit;     // null: no RVV generation
  std::unique_ptr<PrimarySource> Source; // null: use the inner source
};

llvm::Expected<VectorSetup>
setupVectorUnit(const Layout &L, const OptionTable &Opts,
                const MCEnvironment &Env, const GenTarget &Target,
                const ISACatalogue &Cat, const OpcodeHistogram &Histogram,
                PrimarySource &Inner);

} // namespace snipgen

#endif
