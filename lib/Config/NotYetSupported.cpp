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
    {"redefine-ra", "calls and returns always link through ra (x1)"},
    {"randomize-ra", "calls and returns always link through ra (x1)"},
    {"init-memory-file",
     "-init-memory=ascii-file is not supported (only no and full)"},
    {"verify-consecutive-loops",
     "the 'consecutive-loops' key of 'branches' is not supported either"},
    {"generate-insertion-point-hints",
     "snipgen emits no insertion-point hints"},
};

std::optional<std::string> notYetSupportedOption(StringRef Name) {
  for (const Entry &E : Options)
    if (E.Name == Name)
      return (Twine("llvm-snippy's option '-") + Name +
              "' is not supported yet: " + E.Why)
          .str();
  return std::nullopt;
}

std::optional<std::string> notYetSupportedBranchesKey(StringRef Key) {
  if (Key == "consecutive-loops")
    return std::string("llvm-snippy's 'consecutive-loops' key of 'branches' "
                       "is not supported yet: loops are never placed back "
                       "to back on purpose");
  return std::nullopt;
}

} // namespace snipgen
