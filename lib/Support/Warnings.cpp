#include "snipgen/Support/Warnings.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/raw_ostream.h"

using namespace llvm;

namespace snipgen {

static constexpr StringLiteral WarningNames[] = {
#define SNIPGEN_WARNING(Enum, Name) Name,
#include "snipgen/Support/WarningCategories.def"
};

StringRef warningName(Warning W) {
  return WarningNames[static_cast<size_t>(W)];
}

std::optional<Warning> lookupWarning(StringRef Name) {
  for (size_t I = 0; I < std::size(WarningNames); ++I)
    if (WarningNames[I] == Name)
      return static_cast<Warning>(I);
  return std::nullopt;
}

WarningEngine::WarningEngine() : Out(&errs()) {
  AsError[idx(Warning::NonReproducibleExecution)] = true;
}

static std::string allCategories() {
  std::string S;
  for (size_t I = 0; I < std::size(WarningNames); ++I)
    S += (I ? ", " : "") + std::string(WarningNames[I]);
  return S;
}

// Each list entry may itself be comma separated ("-Werror=a,b -Werror=c").
static Error forEachCategory(StringRef OptName, ArrayRef<std::string> Values,
                             bool EmptyMeansAll,
                             function_ref<void(size_t)> Apply) {
  for (const std::string &V : Values) {
    SmallVector<StringRef, 8> Parts;
    StringRef(V).split(Parts, ',', -1, /*KeepEmpty=*/false);
    if (Parts.empty()) {
      if (!EmptyMeansAll)
        return makeOptionError(OptName, "expects a comma-separated list of "
                                        "warning categories; known: " +
                                            allCategories());
      for (size_t I = 0; I < std::size(WarningNames); ++I)
        Apply(I);
      continue;
    }
    for (StringRef P : Parts) {
      auto W = lookupWarning(P.trim());
      if (!W)
        return makeOptionError(OptName, "unknown warning category '" +
                                            P.trim() +
                                            "'; known: " + allCategories());
      Apply(static_cast<size_t>(*W));
    }
  }
  return Error::success();
}

Error WarningEngine::configure(ArrayRef<std::string> Disable,
                               ArrayRef<std::string> WError,
                               ArrayRef<std::string> WNoError) {
  if (Error E = forEachCategory("Wdisable", Disable, false,
                                [&](size_t I) { Disabled[I] = true; }))
    return E;
  if (Error E = forEachCategory("Werror", WError, true,
                                [&](size_t I) { AsError[I] = true; }))
    return E;
  // -Wno-error takes priority over -Werror, whatever the order.
  return forEachCategory("Wno-error", WNoError, true,
                         [&](size_t I) { AsError[I] = false; });
}

Error WarningEngine::warn(Warning W, const Twine &Msg) {
  ++Counts[idx(W)];
  if (AsError[idx(W)])
    return makeError("(" + warningName(W) + ") " + Msg);
  if (!Disabled[idx(W)])
    *Out << "warning: (" << warningName(W) << ") " << Msg << "\n";
  return Error::success();
}

} // namespace snipgen
