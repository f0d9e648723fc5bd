//===- Version.h - snipgen's own version, for --version ---------*- C++ -*-===//
#ifndef SNIPGEN_SUPPORT_VERSION_H
#define SNIPGEN_SUPPORT_VERSION_H

#include "llvm/Support/raw_ostream.h"

namespace snipgen {

/// "snipgen version X.Y.Z (commit abcdef012345)" plus the LLVM version
/// snipgen was built against. The commit is the source tree's git HEAD when
/// the build was configured ("unknown" outside a git checkout).
void printVersion(llvm::raw_ostream &OS);

} // namespace snipgen

#endif
