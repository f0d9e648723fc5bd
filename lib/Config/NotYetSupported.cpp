#include "NotYetSupported.h"
#include "llvm/ADT/ArrayRef.h"
#include "llvm/ADT/Twine.h"

using namespace llvm;

namespace snipgen {

namespace {
struct Entry {
  StringLiteral Name;
  StringLiteral Why;
};
} // namespace

static const Entry Options[] = {
    {"init-memory-file",
     "-init-memory=ascii-file is not supported (only no and full)"},
    {"chained-rx-sections-fill",
     "the code is generated into one executable section"},
    {"chained-rx-sorted", "the code is generated into one executable section"},
    {"chained-rx-chunk-size",
     "the code is generated into one executable section"},
};

std::optional<std::string> notYetSupportedOption(StringRef Name) {
  for (const Entry &E : Options)
    if (E.Name == Name)
      return (Twine("llvm-snippy's option '-") + Name +
              "' is not supported yet: " + E.Why)
          .str();
  return std::nullopt;
}

std::optional<std::string> notYetSupportedBranchesKey(StringRef) {
  // Every llvm-snippy key of 'branches' is supported.
  return std::nullopt;
}

} // namespace snipgen
