//===- VectorUnitConfig.h - The `riscv-vector-unit` layout key --*- C++ -*-===//
//
// What the layout says about the reachable RVV configurations (manual: "RVV
// Support"). Weights as written; the generator (Generator/VectorUnit.h)
// turns them into the configuration bag.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_CONFIG_VECTORUNITCONFIG_H
#define SNIPGEN_CONFIG_VECTORUNITCONFIG_H

#include "llvm/Support/SMLoc.h"
#include <array>
#include <cstdint>
#include <string>
#include <vector>

namespace snipgen {

struct VectorUnitConfig {
  llvm::SMLoc Loc;
  /// mode-change-bias (biased mode).
  bool Biased = false;
  double P = 0, Pvill = 0;
  llvm::SMLoc BiasLoc;

  /// A VL or VM rule: [name-or-number, weight].
  struct Rule {
    enum Kind : uint8_t { Imm, MaxEncodable, AnyLegal, AnyLegalNonZero, AllOnes };
    Kind K = Imm;
    uint64_t Value = 0; // Imm
    double Weight = 1.0;
    std::string Name;   // as the dump prints it: max_encodable, imm_5, ...
    llvm::SMLoc Loc;
  };
  std::vector<Rule> VL, VM;

  // Weights; an absent value has weight 0 and is never drawn.
  std::array<double, 4> SEW{};  // sew_8, sew_16, sew_32, sew_64
  std::array<double, 7> LMUL{}; // indexed by log2(LMUL) + 3: mf8 .. m8
  std::array<double, 4> VXRM{}; // rnu, rne, rdn, ron
  std::array<double, 2> VMA{};  // mu, ma
  std::array<double, 2> VTA{};  // tu, ta
};

} // namespace snipgen

#endif
