//===- RegisterSetup.h - Registers, immediates and values -------*- C++ -*-===//
//
// Turns the layout's register and value keys and options into the
// generator's parts:
//   * register-reservation / --reserved-regs-list -> RegisterPolicy;
//   * imm-hist -> the ImmediatePolicy;
//   * the planned initial register state (histograms, --initial-regs-yaml)
//     -> RegisterPolicy (for -init-regs-in-elf) and the model run;
//   * --valuegram-operands-regs / operands-reinitialization, fpu-config
//     overwrite and the FP control pseudo-instructions -> the operand
//     initialiser the RegisterPolicy carries to the instruction builder.
// Conflicts between them are reported here, before generation.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_REGISTERSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_REGISTERSETUP_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/OperandInit.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "snipgen/Observers/RegisterState.h"
#include "llvm/Support/Error.h"
#include <memory>
#include <optional>

namespace snipgen {

class GenTarget;
class MCEnvironment;
class OpcodeHistogram;
class OptionTable;
class WarningEngine;
struct GeneratorConfig;
struct Layout;

/// Which registers and immediates primary instructions get, and the values
/// registers hold.
struct RegisterSetup {
  std::unique_ptr<RegisterPolicy> Registers;
  std::unique_ptr<ImmediatePolicy> Immediates;
  /// The initial state the model starts from.
  std::optional<RegisterState> InitialState;
  // Owned here because the policies refer to them.
  std::unique_ptr<RegisterValueSource> OperandFile, InitialFile;
  std::unique_ptr<ValueInitializer> Values;
};

llvm::Expected<RegisterSetup>
setupRegisters(const Layout &L, const OptionTable &Opts,
               const MCEnvironment &Env, const GenTarget &Target,
               const GeneratorConfig &Config, const OpcodeHistogram &Histogram,
               uint64_t Seed, WarningEngine &Warnings);

} // namespace snipgen

#endif
