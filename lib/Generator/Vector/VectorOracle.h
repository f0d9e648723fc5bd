//===- VectorOracle.h - The built-in model as the RVV legality oracle -*- C++ -*-===//
//
// A private instance of the built-in model with the snippet's ISA, used only
// to ask "is this vtype supported?" and "would this instruction raise
// illegal-instruction under that configuration?". The model's vector unit is
// the one that runs the snippet (and agrees with QEMU 10), so generation and
// execution cannot disagree on legality, and no second legality table is
// kept here. VLEN is the model's too (from the ISA string: zvl*b, V = 128).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_GENERATOR_VECTOR_VECTORORACLE_H
#define SNIPGEN_LIB_GENERATOR_VECTOR_VECTORORACLE_H

#include "snipgen/Generator/VectorConfig.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace llvm {
class MCInst;
}

namespace snipgen {

class MCEnvironment;
class ModelHandle;

class VectorOracle {
public:
  static llvm::Expected<std::unique_ptr<VectorOracle>>
  create(const MCEnvironment &Env);
  ~VectorOracle();

  /// VLEN in bits; 0 without a vector unit.
  unsigned vlen() const { return VLen; }
  /// Whether vsetvl accepts this vtype value (vill stays clear).
  bool vtypeLegal(uint64_t VType);
  /// Puts the oracle in configuration C (vl = C.VL, or vill).
  void setConfig(const VectorConfig &C);
  /// Whether I executes under the current configuration without an
  /// illegal-instruction exception (non-memory instructions only).
  bool executes(const llvm::MCInst &I);

private:
  explicit VectorOracle(const MCEnvironment &Env);
  bool run(uint32_t Encoding);
  const MCEnvironment &Env;
  std::unique_ptr<ModelHandle> Model;
  unsigned VLen = 0, XLen = 64;
  llvm::SmallVector<char, 8> Scratch;
};

} // namespace snipgen

#endif
