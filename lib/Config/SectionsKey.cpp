//===- SectionsKey.cpp - The `sections` top-level key ---------------------===//
//
//   sections:
//     - name: 1            # or the deprecated `no: 1`
//       VMA: 0x10000
//       SIZE: 0x10000
//       LMA: 0x10000       # optional, defaults to VMA
//       ACCESS: rx         # r, rw, rx or rwx
//       PHDR: 'header1'    # optional
//
// Sections named stack, utility or selfcheck must be rw; the features that
// use them look them up by name (Config/ControlFlowConfig.h).
//===----------------------------------------------------------------------===//
#include "LayoutKeys.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"
#include <limits>
#include <optional>

using namespace llvm;

namespace snipgen {

std::string SectionAccess::str() const {
  std::string S = "r";
  if (W)
    S += 'w';
  if (X)
    S += 'x';
  return S;
}

static constexpr StringRef SectionKeys[] = {"name", "no",     "VMA", "SIZE",
                                            "LMA",  "ACCESS", "PHDR"};
static constexpr StringRef AccessValues[] = {"r", "rw", "rx", "rwx"};
static constexpr const char *RequiredKeysHint =
    "each section needs name, VMA, SIZE and ACCESS (LMA and PHDR are "
    "optional)";

static std::optional<SectionAccess> parseAccess(StringRef S) {
  if (!is_contained(AccessValues, S))
    return std::nullopt;
  SectionAccess A;
  A.R = true;
  A.W = S.contains('w');
  A.X = S.contains('x');
  return A;
}

static std::string hex(uint64_t V) { return "0x" + utohexstr(V, true); }

static std::string rangeText(const SectionDesc &S) {
  return (Twine("[") + hex(S.VMA) + ", " + hex(S.end()) + ")").str();
}

namespace {
// Reads one section mapping; Label ("section '1'") names it in messages.
class SectionReader {
public:
  SectionReader(const SourceMgr &SM, const YAMLNode &Node)
      : SM(SM), Node(Node) {}
  Expected<SectionDesc> read();

private:
  Error readName();
  Expected<const YAMLEntry *> require(StringRef Key);
  Expected<uint64_t> readAddress(const YAMLEntry &E);
  Error checkFitsAddressSpace(const YAMLEntry &SizeEntry, StringRef What,
                              uint64_t Start);

  const SourceMgr &SM;
  const YAMLNode &Node;
  SectionDesc S;
  std::string Label;
};
} // namespace

Error SectionReader::readName() {
  const YAMLEntry *Name = Node.find("name");
  const YAMLEntry *No = Node.find("no");
  if (Name && No)
    return makeError(SM, No->Key.Loc,
                     "a section has both 'name' and the deprecated 'no'; "
                     "keep only 'name'");
  const YAMLEntry *E = Name ? Name : No;
  if (!E)
    return makeError(SM, Node.Loc,
                     Twine("a section has no 'name'; ") + RequiredKeysHint);
  if (Error Err = expectScalar(SM, E->Value, "'" + E->key() + "' of a section"))
    return Err;
  if (E->Value.Value.empty())
    return makeError(SM, E->Value.Loc, "a section name must not be empty");
  // The name becomes part of an ELF section name and of the linker script;
  // keep to the characters both take unquoted (as -sections-prefix).
  for (char C : E->Value.Value)
    if (!isAlnum(C) && C != '.' && C != '_' && C != '$')
      return makeError(SM, E->Value.Loc,
                       "section name '" + E->Value.Value + "' contains '" +
                           Twine(C) +
                           "'; a section name may hold only letters, "
                           "digits, '.', '_' and '$'");
  S.Name = E->Value.Value;
  Label = "section '" + S.Name + "'";
  return Error::success();
}

Expected<const YAMLEntry *> SectionReader::require(StringRef Key) {
  if (const YAMLEntry *E = Node.find(Key))
    return E;
  return makeError(SM, Node.Loc,
                   Label + " has no '" + Key + "'; " + RequiredKeysHint);
}

Expected<uint64_t> SectionReader::readAddress(const YAMLEntry &E) {
  return parseUnsigned(SM, E.Value, "'" + E.key() + "' of " + Label);
}

// end() must be representable: a section may not wrap around 2^64.
Error SectionReader::checkFitsAddressSpace(const YAMLEntry &SizeEntry,
                                           StringRef What, uint64_t Start) {
  if (S.Size <= std::numeric_limits<uint64_t>::max() - Start)
    return Error::success();
  return makeError(SM, SizeEntry.Value.Loc,
                   Label + " does not fit in the 64-bit address space: " +
                       What + " " + hex(Start) + " + SIZE " + hex(S.Size) +
                       " overflows");
}

Expected<SectionDesc> SectionReader::read() {
  if (Error E = expectMapping(SM, Node, "each entry of 'sections'"))
    return E;
  if (Error E = checkAllowedKeys(SM, Node, SectionKeys, "a section"))
    return E;
  S.Loc = Node.Loc;
  if (Error E = readName())
    return E;

  Expected<const YAMLEntry *> VMA = require("VMA");
  if (!VMA)
    return VMA.takeError();
  Expected<uint64_t> VMAValue = readAddress(**VMA);
  if (!VMAValue)
    return VMAValue.takeError();
  S.VMA = *VMAValue;

  Expected<const YAMLEntry *> Size = require("SIZE");
  if (!Size)
    return Size.takeError();
  Expected<uint64_t> SizeValue = readAddress(**Size);
  if (!SizeValue)
    return SizeValue.takeError();
  S.Size = *SizeValue;
  if (S.Size == 0)
    return makeError(SM, (*Size)->Value.Loc,
                     "'SIZE' of " + Label + " must not be zero");
  if (Error E = checkFitsAddressSpace(**Size, "VMA", S.VMA))
    return E;

  S.LMA = S.VMA;
  if (const YAMLEntry *LMA = Node.find("LMA")) {
    Expected<uint64_t> LMAValue = readAddress(*LMA);
    if (!LMAValue)
      return LMAValue.takeError();
    S.LMA = *LMAValue;
    if (Error E = checkFitsAddressSpace(**Size, "LMA", S.LMA))
      return E;
  }

  Expected<const YAMLEntry *> Access = require("ACCESS");
  if (!Access)
    return Access.takeError();
  const YAMLNode &AccessValue = (*Access)->Value;
  std::optional<SectionAccess> A;
  if (AccessValue.isScalar())
    A = parseAccess(AccessValue.Value);
  if (!A)
    return makeError(SM, AccessValue.Loc,
                     "'ACCESS' of " + Label + " must be one of " +
                         join(std::begin(AccessValues), std::end(AccessValues), ", ") + ", got " +
                         AccessValue.describe());
  S.Access = *A;

  if (const YAMLEntry *Phdr = Node.find("PHDR")) {
    if (Error E = expectScalar(SM, Phdr->Value, "'PHDR' of " + Label))
      return E;
    S.Phdr = Phdr->Value.Value;
  }
  return std::move(S);
}

// Names and address ranges must be unique; reported at the later section.
static Error checkDistinct(const SourceMgr &SM, ArrayRef<SectionDesc> Sections) {
  for (size_t J = 0; J < Sections.size(); ++J) {
    const SectionDesc &Later = Sections[J];
    for (size_t I = 0; I < J; ++I) {
      const SectionDesc &Earlier = Sections[I];
      if (Earlier.Name == Later.Name)
        return makeErrorWithNote(
            SM, Later.Loc,
            "duplicate section name '" + Later.Name + "' (first used at " +
                formatLoc(SM, Earlier.Loc) + ")",
            Earlier.Loc, "section '" + Earlier.Name + "' is defined here");
      if (Earlier.VMA < Later.end() && Later.VMA < Earlier.end())
        return makeErrorWithNote(
            SM, Later.Loc,
            "section '" + Later.Name + "' " + rangeText(Later) +
                " overlaps section '" + Earlier.Name + "' " +
                rangeText(Earlier) + " (defined at " +
                formatLoc(SM, Earlier.Loc) + ")",
            Earlier.Loc, "section '" + Earlier.Name + "' is defined here");
      // Load addresses must not collide either: the linker could not place
      // both sections' contents.
      if (Earlier.LMA < Later.LMA + Later.Size &&
          Later.LMA < Earlier.LMA + Earlier.Size)
        return makeErrorWithNote(
            SM, Later.Loc,
            "section '" + Later.Name + "' has LMA range [" + hex(Later.LMA) +
                ", " + hex(Later.LMA + Later.Size) +
                ") overlapping the LMA range [" + hex(Earlier.LMA) + ", " +
                hex(Earlier.LMA + Earlier.Size) + ") of section '" +
                Earlier.Name + "' (defined at " + formatLoc(SM, Earlier.Loc) +
                ")",
            Earlier.Loc, "section '" + Earlier.Name + "' is defined here");
    }
  }
  return Error::success();
}

static constexpr const char *NeedsRXAndRW =
    "the layout needs at least one RX section and one RW section";

Error parseSectionsKey(const YAMLEntry &Entry, LayoutBuildContext &Ctx) {
  const SourceMgr &SM = Ctx.sm();
  const YAMLNode &Value = Entry.Value;
  if (Value.isNull() || (Value.isSequence() && Value.Items.empty()))
    return makeError(SM, Entry.Key.Loc,
                     Twine("'sections' is empty; ") + NeedsRXAndRW);
  if (Error E = expectSequence(SM, Value, "'sections'"))
    return E;
  for (const YAMLNode &Item : Value.Items) {
    Expected<SectionDesc> S = SectionReader(SM, Item).read();
    if (!S)
      return S.takeError();
    Ctx.L.Sections.push_back(std::move(*S));
  }
  if (Error E = checkDistinct(SM, Ctx.L.Sections))
    return E;

  bool HasCode = any_of(Ctx.L.Sections,
                        [](const SectionDesc &S) { return S.Access.X; });
  // stack, utility and selfcheck hold snipgen's own data: rw, never code
  // (the memory schemes leave them alone).
  for (const SectionDesc &S : Ctx.L.Sections)
    if (isServiceSectionName(S.Name) && (!S.Access.W || S.Access.X))
      return makeError(SM, S.Loc,
                       "section '" + S.Name + "' must have ACCESS rw (it holds " +
                           (S.Name == "stack"     ? "the stack"
                            : S.Name == "utility" ? "spilled gp and tp"
                                                  : "self-check data") +
                           "), got '" + S.Access.str() + "'");
  bool HasData = any_of(Ctx.L.Sections, [](const SectionDesc &S) {
    return S.Access.W && !S.Access.X;
  });
  if (!HasCode)
    return makeError(SM, Entry.Key.Loc,
                     Twine(NeedsRXAndRW) +
                         ": no section has ACCESS rx or rwx (for code)");
  if (!HasData)
    return makeError(SM, Entry.Key.Loc,
                     Twine(NeedsRXAndRW) + ": no section has ACCESS rw (for "
                                           "data)");
  return Error::success();
}

Error finishSectionsKey(const YAMLEntry *Entry, LayoutBuildContext &Ctx) {
  if (Entry)
    return Error::success();
  return makeError("the layout (" + join(Ctx.L.Files, ", ") +
                   ") has no 'sections' key; " + NeedsRXAndRW);
}

} // namespace snipgen
