//===- Driver.h - The snipgen pipeline, step by step ------------*- C++ -*-===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_DRIVER_H
#define SNIPGEN_TOOLS_SNIPGEN_DRIVER_H

#include "llvm/Support/Error.h"

namespace snipgen {

/// Runs snipgen; returns the process exit status. Errors are printed once.
int runDriver(int Argc, const char *const *Argv);

} // namespace snipgen

#endif
