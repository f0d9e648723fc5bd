#include "snipgen/Generator/Histogram.h"
#include "../FP/FPControlPseudos.h"
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
  // FP control pseudo-instructions (ReadFFLAGS, ...) get descriptions of
  // their own, built on first use and owned by the histogram.
  std::vector<std::unique_ptr<OpcodeDesc>> Pseudos;
  auto Pseudo = [&](StringRef Name, std::string *Why) -> const OpcodeDesc * {
    for (const auto &P : Pseudos)
      if (P->Name == Name)
        return P.get();
    if (auto D = buildFPControlPseudo(Name, Cat, Why)) {
      Pseudos.push_back(std::move(D));
      return Pseudos.back().get();
    }
    return nullptr;
  };
  const std::string &ISA = Cat.env().selection().ISAString;
  for (unsigned I = 0; I < L.Histogram.size(); ++I) {
    const HistogramEntry &HE = L.Histogram[I];
    std::vector<const OpcodeDesc *> Matches;
    if (isPlainName(HE.Pattern)) {
      std::string Why;
      if (const OpcodeDesc *Op = Cat.lookup(HE.Pattern))
        Matches.push_back(Op);
      else if (const OpcodeDesc *P = Pseudo(HE.Pattern, &Why))
        Matches.push_back(P);
      else if (!Why.empty())
        return makeError(*L.SM, HE.Loc,
                         "pseudo-instruction '" + HE.Pattern +
                             "' is not available for the selected subtarget (" +
                             ISA + "): " + Why);
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
      for (StringRef Name : fpControlPseudoNames())
        if (RE.match(Name))
          if (const OpcodeDesc *P = Pseudo(Name, nullptr))
            Matches.push_back(P);
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
          return E;
        It->second = Entry{Op, HE.Weight, I};
      }
    }
  }
  OpcodeHistogram H;
  H.Pseudos = std::move(Pseudos);
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
  return H;
}

} // namespace snipgen
