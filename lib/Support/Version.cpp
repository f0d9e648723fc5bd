//===- Version.cpp - snipgen's own version --------------------------------===//
#include "snipgen/Support/Version.h"
#include "SnipgenVersion.inc"
#include "llvm/Config/llvm-config.h"

namespace snipgen {

void printVersion(llvm::raw_ostream &OS) {
  OS << "snipgen version " << SNIPGEN_VERSION_STRING << " (commit "
     << SNIPGEN_GIT_COMMIT << ")\n"
     << "  built with LLVM " << LLVM_VERSION_STRING << "\n";
}

} // namespace snipgen
