//===- NotYetSupported.h - llvm-snippy names snipgen refuses ------*- C++ -*-===//
//
// Private to lib/Config. Options and keys of llvm-snippy that snipgen does
// not implement yet: they are refused with the reason instead of "unknown
// option", so scripts written for llvm-snippy fail with a clear message.
// A name leaves this table when its feature is built (Options.def).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_CONFIG_NOTYETSUPPORTED_H
#define SNIPGEN_LIB_CONFIG_NOTYETSUPPORTED_H

#include "llvm/ADT/StringRef.h"
#include <optional>
#include <string>

namespace snipgen {

/// For an llvm-snippy option snipgen does not support yet (name without
/// dashes or value): the whole message to report.
std::optional<std::string> notYetSupportedOption(llvm::StringRef Name);

/// The same for a key under `branches`.
std::optional<std::string> notYetSupportedBranchesKey(llvm::StringRef Key);

} // namespace snipgen

#endif
