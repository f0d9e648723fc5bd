#include "snipgen/Generator/Histogram.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "snipgen/Target/ISACatalogue.h"
#include "snipgen/Target/MCEnvironment.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringMap.h"
#include "llvm/Support/FormatVariadic.h"
#include "llvm/Support/Regex.h"
#include <map>

using namespace llvm;

namespace snipgen {

static std::string formatWeight(double W) {
  char Buf[32];
  snprintf(Buf, sizeof(Buf), "%g", W);
  return Buf;
}

static bool isPlainName(StringRef P) {
  return all_of(P, [](char C) { return isAlnum(C) || C == '_'; });
}

Expected<OpcodeHistogram> OpcodeHistogram::resolve(const Layout &L,
                                                   const ISACatalogue &Cat,
                                                   WarningEngine &Warnings) {
  // Ordered by opcode name so that generation never depends on hash order.
  std::map<std::string, OpcodeHistogram::Entry> ByName;
  const std::string &ISA = Cat.env().selection().ISAString;
  for (unsigned I = 0; I < L.Histogram.size(); ++I) {
    const HistogramEntry &HE = L.Histogram[I];
    std::vector<const OpcodeDesc *> Matches;
    if (isPlainName(HE.Pattern)) {
      if (const OpcodeDesc *Op = Cat.lookup(HE.Pattern))
        Matches.push_back(Op);
      else if (Cat.isKnownButUnavailable(HE.Pattern))
        return makeError(*L.SM, HE.Loc,
                         "opcode '" + HE.Pattern +
                             "' is not available for the selected subtarget (" +
                             ISA + "); enable its extension with -march or "
                                   "-mattr");
    } else {
      Regex RE("^(" + HE.Pattern + ")$");
      std::string Why;
      if (!RE.isValid(Why))
        return makeError(*L.SM, HE.Loc,
                         "invalid regular expression '" + HE.Pattern +
                             "': " + Why);
      for (const OpcodeDesc &Op : Cat.available())
        if (RE.match(Op.Name))
          Matches.push_back(&Op);
    }
    if (Matches.empty())
      return makeError(*L.SM, HE.Loc,
                       "histogram entry '" + HE.Pattern +
                           "' matches no opcode available for " + ISA +
                           " (see --list-opcode-names)");
    for (const OpcodeDesc *Op : Matches) {
      auto [It, Inserted] =
          ByName.try_emplace(Op->Name.str(), Entry{Op, HE.Weight, I});
      if (!Inserted) {
        if (Error E = Warnings.warn(
                Warning::InstructionHistogram,
                "opcode '" + Op->Name + "' is given more than once in the "
                "histogram (entries '" + L.Histogram[It->second.LayoutIndex].Pattern +
                "' and '" + HE.Pattern + "'); the last weight (" +
                formatWeight(HE.Weight) + ") is used"))
          return std::move(E);
        It->second = Entry{Op, HE.Weight, I};
      }
    }
  }
  OpcodeHistogram H;
  std::vector<double> Weights;
  for (auto &KV : ByName) {
    H.Entries.push_back(KV.second);
    Weights.push_back(KV.second.Weight);
  }
  H.Chooser.reset(Weights);
  if (H.Chooser.empty())
    return makeError(*L.SM, L.HistogramLoc,
                     "every histogram weight is zero; at least one opcode "
                     "needs a positive weight");
  return std::move(H);
}

} // namespace snipgen
