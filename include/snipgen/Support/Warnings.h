//===- Warnings.h - Warning categories and -W options -----------*- C++ -*-===//
//
// Implements the manual's "Warning Control Options": -Wdisable, -Werror and
// -Wno-error take comma-separated category lists; non-reproducible-execution
// is an error by default; -Wno-error wins over -Werror.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_WARNINGS_H
#define SNIPGEN_SUPPORT_WARNINGS_H

#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/StringRef.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/Error.h"
#include <array>
#include <optional>
#include <string>
#include <vector>

namespace llvm {
class raw_ostream;
}

namespace snipgen {

enum class Warning {
#define SNIPGEN_WARNING(Enum, Name) Enum,
#include "snipgen/Support/WarningCategories.def"
  NumWarnings
};

llvm::StringRef warningName(Warning W);
std::optional<Warning> lookupWarning(llvm::StringRef Name);

class WarningEngine {
public:
  WarningEngine();
  /// Applies the three -W lists. "-Werror" with an empty value means "all".
  /// Unknown category names are an error.
  llvm::Error configure(llvm::ArrayRef<std::string> Disable,
                        llvm::ArrayRef<std::string> WError,
                        llvm::ArrayRef<std::string> WNoError);

  /// Reports a warning. Returns an error when the category is treated as an
  /// error; prints "warning: (<category>) <Msg>" otherwise (unless disabled).
  llvm::Error warn(Warning W, const llvm::Twine &Msg);

  bool isDisabled(Warning W) const { return Disabled[idx(W)]; }
  bool isError(Warning W) const { return AsError[idx(W)]; }
  unsigned count(Warning W) const { return Counts[idx(W)]; }
  void setStream(llvm::raw_ostream &OS) { Out = &OS; }

private:
  static size_t idx(Warning W) { return static_cast<size_t>(W); }
  static constexpr size_t N = static_cast<size_t>(Warning::NumWarnings);
  std::array<bool, N> Disabled{};
  std::array<bool, N> AsError{};
  std::array<unsigned, N> Counts{};
  llvm::raw_ostream *Out;
};

} // namespace snipgen

#endif
