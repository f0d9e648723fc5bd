//===- MemorySchemeSet.cpp - Building and choosing memory schemes ---------===//
#include "snipgen/Generator/MemorySchemeSet.h"
#include "MemorySchemeKinds.h"
#include "snipgen/Config/ControlFlowConfig.h"
#include "snipgen/Config/Layout.h"
#include "snipgen/Support/Error.h"
#include "snipgen/Support/Warnings.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/Support/SourceMgr.h"

using namespace llvm;

namespace snipgen {

static constexpr uint64_t MaxU64 = std::numeric_limits<uint64_t>::max();

static std::string hex(uint64_t V) { return "0x" + utohexstr(V, true); }

static std::string where(const Layout &L, SMLoc Loc) {
  return L.SM ? formatLoc(*L.SM, Loc) : "<layout>";
}

MemorySchemeSet::~MemorySchemeSet() = default;

namespace {
// Builds the schemes in layout order: top-level ranges, evictions,
// addresses, then each access group's.
class SchemeBuilder {
public:
  SchemeBuilder(const Layout &L, const MemoryPolicy &P, WarningEngine &W,
                std::vector<std::unique_ptr<MemoryScheme>> &Out,
                const AddressSet &RW, const AddressSet &Allowed)
      : L(L), P(P), W(W), Out(Out), RW(RW), Allowed(Allowed) {}
  Error addList(const MemorySchemeList &List, double GroupWeight,
                StringRef InGroup);

private:
  Error checkReach(SMLoc Loc, StringRef Key, uint64_t Lo, uint64_t Hi,
                   const std::string &Name);
  Error warnIfOutside(AddressSet::Interval Span, const std::string &Name);
  const Layout &L;
  const MemoryPolicy &P;
  WarningEngine &W;
  std::vector<std::unique_ptr<MemoryScheme>> &Out;
  const AddressSet &RW, &Allowed;
};
} // namespace

// On RV32 every address a scheme can produce must fit in 32 bits.
Error SchemeBuilder::checkReach(SMLoc Loc, StringRef Key, uint64_t Lo,
                                uint64_t Hi, const std::string &Name) {
  if (P.XLen != 32 || Hi <= (uint64_t(1) << 32))
    return Error::success();
  return makeError(*L.SM, Loc,
                   Name + ": '" + Key + "' reaches " + hex(Hi - 1) +
                       ", beyond the 32-bit address space of RV32 (by " +
                       hex(Hi - (uint64_t(1) << 32)) + " bytes)");
}

Error SchemeBuilder::warnIfOutside(AddressSet::Interval Span,
                                   const std::string &Name) {
  if (Span.Lo >= Span.Hi || RW.contains(Span.Lo, Span.Hi))
    return Error::success();
  std::string Msg = "Possibly wrong memory scheme: the " + Name +
                    " may generate accesses outside of all provided RW "
                    "sections in layout (it spans [" +
                    hex(Span.Lo) + ", " + hex(Span.Hi) + "))";
  // llvm-snippy's -strict-memory-schemes: an error, whatever -W options say.
  if (P.StrictSchemes)
    return makeError(Msg + " (an error with -strict-memory-schemes)");
  return W.warn(Warning::MemoryAccess, Msg + "; such addresses are never used");
}

Error SchemeBuilder::addList(const MemorySchemeList &List, double GroupWeight,
                             StringRef InGroup) {
  bool Misaligned = !P.DisableMisaligned;
  for (const AccessRangeDesc &D : List.Ranges) {
    std::string Name = ("access range at " + where(L, D.Loc) + InGroup).str();
    if (Error E = checkReach(D.Loc, "size", D.Start, D.Start + D.Size, Name))
      return E;
    RangeGeometry G;
    G.Start = D.Start;
    G.Size = D.Size;
    G.Stride = D.Stride;
    G.First = D.FirstOffset;
    G.Last = D.LastOffset;
    G.MaxPastLastOffset = D.MaxPastLastOffset;
    G.MaxAccessSize = D.AccessSize;
    if (Error E = warnIfOutside(G.span(), Name))
      return E;
    Out.push_back(std::make_unique<RangeScheme>(
        G, D.Weight * GroupWeight, D.MisalignedAccess.value_or(Misaligned),
        Name, Allowed));
  }
  for (const AccessEvictionDesc &D : List.Evictions) {
    std::string Name = ("access eviction at " + where(L, D.Loc) + " (mask " +
                        hex(D.Mask) + ", fixed " + hex(D.Fixed) + ")" + InGroup)
                           .str();
    uint64_t Top = D.Fixed | D.Mask;
    if (Error E = checkReach(D.Loc, "mask", D.Fixed, Top == MaxU64 ? MaxU64 : Top + 1,
                             Name))
      return E;
    if (Error E = warnIfOutside({D.Fixed, Top == MaxU64 ? MaxU64 : Top + 1}, Name))
      return E;
    Out.push_back(std::make_unique<EvictionScheme>(
        D.Mask, D.Fixed, D.Weight * GroupWeight, Misaligned, Name, Allowed));
  }
  for (const AccessAddressesDesc &D : List.Addresses) {
    std::string Name =
        ("access-addresses entry at " + where(L, D.Loc) + InGroup).str();
    for (const PlainAddressDesc &A : D.Plain) {
      if (Error E = checkReach(A.Loc, "addr", A.Addr, A.Addr + 1, Name))
        return E;
      if (Error E = warnIfOutside({A.Addr, A.Addr + 1},
                                  "address " + hex(A.Addr) + " of the " + Name))
        return E;
    }
    for (const BurstAddressDesc &B : D.Burst) {
      if (Error E = checkReach(B.Loc, "size", B.Addr, B.Addr + B.Size, Name))
        return E;
      if (Error E = warnIfOutside({B.Addr, B.Addr + B.Size},
                                  "burst address set at " + where(L, B.Loc) +
                                      " of the " + Name))
        return E;
    }
    Out.push_back(std::make_unique<AddressesScheme>(
        D, D.Weight * GroupWeight, Misaligned, Name, Allowed));
  }
  return Error::success();
}

Expected<std::unique_ptr<MemorySchemeSet>>
MemorySchemeSet::build(const Layout &L, const MemoryPolicy &P,
                       WarningEngine &Warnings) {
  std::unique_ptr<MemorySchemeSet> S(new MemorySchemeSet());
  const uint64_t Space32 = uint64_t(1) << 32;
  std::vector<RangeGeometry> DefaultParts;
  for (const SectionDesc &Sec : L.Sections) {
    if (P.XLen == 32 && Sec.end() > Space32)
      return makeError(*L.SM, Sec.Loc,
                       "section '" + Sec.Name + "' [" + hex(Sec.VMA) + ", " +
                           hex(Sec.end()) +
                           ") lies beyond the 32-bit address space of RV32: "
                           "it ends " +
                           hex(Sec.end() - Space32) +
                           " bytes past the 4 GiB that RV32 addresses "
                           "reach; move it below 0x100000000");
    // stack, utility and selfcheck hold snipgen's own data, not the
    // snippet's accesses.
    if (Sec.Access.W && !Sec.Access.X && !isServiceSectionName(Sec.Name)) {
      S->RW.add(Sec.VMA, Sec.end());
      RangeGeometry G;
      G.Start = Sec.VMA;
      G.Size = Sec.Size;
      DefaultParts.push_back(G);
    }
  }
  for (const PlainAddressDesc &R : L.Memory.Restricted) {
    if (P.XLen == 32 && R.Addr + R.AccessSize > Space32)
      return makeError(*L.SM, R.Loc,
                       "restricted address " + hex(R.Addr) + " (+" +
                           utostr(R.AccessSize) +
                           " bytes) is beyond the 32-bit address space of "
                           "RV32");
    S->Restricted.add(R.Addr, R.Addr + R.AccessSize);
  }
  S->Allowed = S->RW;
  for (const AddressSet::Interval &I : S->Restricted.intervals())
    S->Allowed.subtract(I.Lo, I.Hi);

  if (!L.Memory.hasPositiveSchemes()) {
    S->IsDefault = true;
    S->Schemes.push_back(
        std::make_unique<DefaultScheme>(std::move(DefaultParts), S->Allowed));
    return S;
  }
  SchemeBuilder B(L, P, Warnings, S->Schemes, S->RW, S->Allowed);
  if (Error E = B.addList(L.Memory.TopLevel, 1.0, ""))
    return E;
  for (const AccessGroupDesc &G : L.Memory.Groups)
    if (Error E = B.addList(G.Schemes, G.Weight,
                            (" (access group at " + where(L, G.Loc) + ")")))
      return E;
  return S;
}

const MemorySchemeSet::Admitting &
MemorySchemeSet::admitting(const AccessRequest &R) {
  auto Fill = [&](Admitting &A) {
    for (unsigned I = 0; I < Schemes.size(); ++I)
      if (Schemes[I]->weight() > 0 && Schemes[I]->admits(R)) {
        A.Ids.push_back(I);
        A.Weights.push_back(Schemes[I]->weight());
      }
  };
  if (R.hasWindow()) {
    Windowed.Ids.clear();
    Windowed.Weights.clear();
    Fill(Windowed);
    return Windowed;
  }
  uint64_t Key = uint64_t(R.Size) | uint64_t(R.IsaAlign) << 32 |
                 uint64_t(R.Burst) << 48 | uint64_t(R.AlignOnIsa) << 49;
  for (const Admitting &A : Cache)
    if (A.Key == Key)
      return A;
  Cache.push_back({Key, {}, {}});
  Fill(Cache.back());
  return Cache.back();
}

bool MemorySchemeSet::admits(const AccessRequest &R) {
  return !admitting(R).Ids.empty();
}

std::optional<unsigned> MemorySchemeSet::pick(const AccessRequest &R,
                                              RandomEngine &RNG) {
  const Admitting &A = admitting(R);
  if (A.Ids.empty())
    return std::nullopt;
  if (A.Ids.size() == 1)
    return A.Ids.front();
  double Total = 0;
  for (double W : A.Weights)
    Total += W;
  double X = RNG.unit() * Total;
  for (size_t I = 0; I + 1 < A.Ids.size(); ++I) {
    if (X < A.Weights[I])
      return A.Ids[I];
    X -= A.Weights[I];
  }
  return A.Ids.back();
}

std::string MemorySchemeSet::explainRejections(const AccessRequest &R) {
  std::string Out;
  for (const auto &S : Schemes) {
    Out += "\n  - " + S->name() + ": ";
    Out += S->weight() > 0 ? S->whyNot(R) : std::string("has weight 0");
  }
  return Out;
}

} // namespace snipgen
