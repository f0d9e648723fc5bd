//===- RegisterSetup.h - Register and immediate policies --------*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_REGISTERSETUP_H
#define SNIPGEN_TOOLS_SNIPGEN_REGISTERSETUP_H

#include "snipgen/Generator/ImmediatePolicy.h"
#include "snipgen/Generator/RegisterPolicy.h"
#include "llvm/Support/Error.h"
#include <memory>

namespace snipgen {

class GenTarget;
class MCEnvironment;
class OptionTable;
class WarningEngine;
struct GeneratorConfig;
struct Layout;

/// Which registers and immediates primary instructions get.
struct RegisterSetup {
  std::unique_ptr<RegisterPolicy> Registers;
  std::unique_ptr<ImmediatePolicy> Immediates;
};

llvm::Expected<RegisterSetup>
setupRegisters(const Layout &L, const OptionTable &Opts,
               const MCEnvironment &Env, const GenTarget &Target,
               const GeneratorConfig &Config, WarningEngine &Warnings);

} // namespace snipgen

#endif
