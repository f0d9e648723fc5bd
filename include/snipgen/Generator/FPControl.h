//===- FPControl.h - Values the FP control registers accept -----*- C++ -*-===//
//
// WriteFRM and WriteFCSR (Generator/Histogram.h) copy a register into frm or
// fcsr. A random register would often make frm an invalid rounding mode
// (5-7), and every later instruction with the dynamic rounding mode would
// trap; the operand initialiser sets the source register to a valid value
// first unless the layout's operand initialisation provides one.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_FPCONTROL_H
#define SNIPGEN_GENERATOR_FPCONTROL_H

#include "llvm/ADT/StringRef.h"
#include <optional>

namespace snipgen {

struct FPControlSourceRule {
  unsigned Operand = 0; // the source register operand
  bool IsFCSR = false;  // fcsr (frm in bits 7:5) rather than frm
};

/// The rule for pseudo-instruction Name, if it writes frm from a register.
std::optional<FPControlSourceRule> fpControlSourceRule(llvm::StringRef Name);

} // namespace snipgen

#endif
