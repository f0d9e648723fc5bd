//===- MemorySchemeKinds.cpp - Ranges, evictions, addresses, default ------===//
#include "MemorySchemeKinds.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/Twine.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <bit>

using namespace llvm;

namespace snipgen {

static constexpr uint64_t MaxU64 = std::numeric_limits<uint64_t>::max();

// Picks an index with probability proportional to Weights (all > 0).
static size_t pickWeighted(ArrayRef<double> Weights, RandomEngine &RNG) {
  double Total = 0;
  for (double W : Weights)
    Total += W;
  double R = RNG.unit() * Total;
  for (size_t I = 0; I + 1 < Weights.size(); ++I) {
    if (R < Weights[I])
      return I;
    R -= Weights[I];
  }
  return Weights.size() - 1;
}

//===----------------------------------------------------------------------===//
// RangeScheme
//===----------------------------------------------------------------------===//

RangeScheme::RangeScheme(const RangeGeometry &G, double Weight,
                         bool AllowMisaligned, std::string Name,
                         const AddressSet &Allowed)
    : MemoryScheme(SchemeKind::Range, Weight, AllowMisaligned, std::move(Name),
                   Allowed),
      G(G) {
  AddressSet::Interval S = G.span();
  Clip = Allowed.clip(S.Lo, S.Hi);
}

bool RangeScheme::admitsUncached(const AccessRequest &R) {
  return G.pick(Clip, R.Size, alignment(R), R.WindowLo, R.WindowHi, nullptr)
      .has_value();
}

std::optional<uint64_t> RangeScheme::choose(const AccessRequest &R,
                                            RandomEngine &RNG) {
  return G.pick(Clip, R.Size, alignment(R), R.WindowLo, R.WindowHi, &RNG);
}

bool RangeScheme::allows(uint64_t Addr, unsigned Size, bool) const {
  return G.allowsAccess(Addr, Size);
}

std::string RangeScheme::whyNot(const AccessRequest &R) {
  if (G.MaxAccessSize && R.Size > *G.MaxAccessSize)
    return "allows at most " + utostr(*G.MaxAccessSize) +
           "-byte accesses (access-size)";
  if (G.pick(Clip, R.Size, 1, 0, MaxU64, nullptr))
    return "has no start address aligned to " + utostr(alignment(R)) +
           (AllowMisaligned ? "" : " (misaligned accesses are disabled)");
  if (G.MaxPastLastOffset &&
      G.Last + *G.MaxPastLastOffset < G.First + R.Size)
    return "cannot fit " + utostr(R.Size) +
           " bytes between first-offset and last-offset + "
           "max-past-last-offset";
  return MemoryScheme::whyNot(R);
}

//===----------------------------------------------------------------------===//
// DefaultScheme
//===----------------------------------------------------------------------===//

DefaultScheme::DefaultScheme(std::vector<RangeGeometry> Sections,
                             const AddressSet &Allowed)
    : MemoryScheme(SchemeKind::Default, 1.0, /*AllowMisaligned=*/false,
                   "the default scheme (anywhere in the RW sections, "
                   "naturally aligned)",
                   Allowed) {
  for (RangeGeometry &G : Sections) {
    AddressSet::Interval S = G.span();
    Parts.push_back({G, Allowed.clip(S.Lo, S.Hi)});
  }
}

bool DefaultScheme::admitsUncached(const AccessRequest &R) {
  unsigned A = alignment(R);
  for (const Part &P : Parts)
    if (P.G.pick(P.Clip, R.Size, A, R.WindowLo, R.WindowHi, nullptr))
      return true;
  return false;
}

const DefaultScheme::Usable &DefaultScheme::usable(const AccessRequest &R) {
  uint64_t Key = uint64_t(R.Size) | uint64_t(R.IsaAlign) << 32;
  for (const Usable &U : Cache)
    if (U.Key == Key)
      return U;
  Usable U{Key, {}, {}};
  unsigned A = alignment(R);
  for (unsigned I = 0; I < Parts.size(); ++I)
    if (Parts[I].G.pick(Parts[I].Clip, R.Size, A, 0, MaxU64, nullptr)) {
      U.Parts.push_back(I);
      U.Weights.push_back(double(Parts[I].G.Size));
    }
  Cache.push_back(std::move(U));
  return Cache.back();
}

std::optional<uint64_t> DefaultScheme::choose(const AccessRequest &R,
                                              RandomEngine &RNG) {
  // Roughly uniform over all bytes: sections weighted by their size.
  unsigned A = alignment(R);
  if (!R.hasWindow()) {
    const Usable &U = usable(R);
    if (U.Parts.empty())
      return std::nullopt;
    const Part &P = Parts[U.Parts[U.Parts.size() == 1
                                      ? 0
                                      : pickWeighted(U.Weights, RNG)]];
    return P.G.pick(P.Clip, R.Size, A, 0, MaxU64, &RNG);
  }
  std::vector<double> Weights;
  std::vector<const Part *> Fitting;
  for (const Part &P : Parts)
    if (P.G.pick(P.Clip, R.Size, A, R.WindowLo, R.WindowHi, nullptr)) {
      Fitting.push_back(&P);
      Weights.push_back(double(P.G.Size));
    }
  if (Fitting.empty())
    return std::nullopt;
  const Part &P = *Fitting[pickWeighted(Weights, RNG)];
  return P.G.pick(P.Clip, R.Size, A, R.WindowLo, R.WindowHi, &RNG);
}

bool DefaultScheme::allows(uint64_t Addr, unsigned Size, bool) const {
  for (const Part &P : Parts)
    if (P.G.allowsAccess(Addr, Size))
      return true;
  return false;
}

//===----------------------------------------------------------------------===//
// EvictionScheme
//===----------------------------------------------------------------------===//

// Bits of C, lowest first, placed into the set bits of Mask (lowest first).
static uint64_t depositBits(uint64_t C, uint64_t Mask) {
  uint64_t R = 0;
  while (Mask && C) {
    uint64_t Bit = Mask & -Mask;
    if (C & 1)
      R |= Bit;
    C >>= 1;
    Mask &= Mask - 1;
  }
  return R;
}

EvictionScheme::EvictionScheme(uint64_t Mask, uint64_t Fixed, double Weight,
                               bool AllowMisaligned, std::string Name,
                               const AddressSet &Allowed)
    : MemoryScheme(SchemeKind::Eviction, Weight, AllowMisaligned,
                   std::move(Name), Allowed),
      Mask(Mask), Fixed(Fixed) {}

std::vector<EvictionScheme::CounterRange>
EvictionScheme::counters(const AccessRequest &R) const {
  std::vector<CounterRange> Out;
  unsigned A = alignment(R);
  if (Fixed & (A - 1))
    return Out; // a fixed low bit makes every address misaligned
  uint64_t M = Mask & ~uint64_t(A - 1);
  unsigned Bits = std::popcount(M);
  uint64_t CMax = Bits == 64 ? MaxU64 : (uint64_t(1) << Bits) - 1;
  auto Addr = [&](uint64_t C) { return Fixed | depositBits(C, M); };
  uint64_t Lowest = Addr(0), Highest = Addr(CMax);
  uint64_t LastByte = Highest > MaxU64 - R.Size ? MaxU64 : Highest + R.Size;
  for (const AddressSet::Interval &I : Allowed.clip(Lowest, LastByte)) {
    // Starts L..U keep all R.Size bytes inside the interval.
    if (I.Hi - I.Lo < R.Size)
      continue;
    uint64_t L = std::max(I.Lo, R.WindowLo);
    uint64_t U = std::min(I.Hi - R.Size, R.WindowHi);
    if (L > U || Addr(CMax) < L || Addr(0) > U)
      continue;
    uint64_t Lo = 0, Hi = CMax; // smallest counter with Addr >= L
    while (Lo < Hi) {
      uint64_t Mid = Lo + (Hi - Lo) / 2;
      if (Addr(Mid) >= L)
        Hi = Mid;
      else
        Lo = Mid + 1;
    }
    uint64_t First = Lo;
    Lo = 0, Hi = CMax; // largest counter with Addr <= U
    while (Lo < Hi) {
      uint64_t Mid = Lo + (Hi - Lo - 1) / 2 + 1;
      if (Addr(Mid) <= U)
        Lo = Mid;
      else
        Hi = Mid - 1;
    }
    if (First <= Lo)
      Out.push_back({First, Lo});
  }
  return Out;
}

const std::vector<EvictionScheme::CounterRange> &
EvictionScheme::cachedCounters(const AccessRequest &R) {
  uint64_t Key = uint64_t(R.Size) | uint64_t(R.IsaAlign) << 32;
  for (auto &[K, V] : Cache)
    if (K == Key)
      return V;
  Cache.push_back({Key, counters(R)});
  return Cache.back().second;
}

// The counters of Ranges whose addresses lie in [Lo, Hi].
static std::vector<std::pair<uint64_t, uint64_t>>
restrictCounters(ArrayRef<std::pair<uint64_t, uint64_t>> Ranges, uint64_t Lo,
                 uint64_t Hi, function_ref<uint64_t(uint64_t)> Addr) {
  std::vector<std::pair<uint64_t, uint64_t>> Out;
  for (auto [CLo, CHi] : Ranges) {
    if (Addr(CHi) < Lo || Addr(CLo) > Hi)
      continue;
    uint64_t L = CLo, H = CHi; // smallest counter with Addr >= Lo
    while (L < H) {
      uint64_t Mid = L + (H - L) / 2;
      if (Addr(Mid) >= Lo)
        H = Mid;
      else
        L = Mid + 1;
    }
    uint64_t First = L;
    L = CLo, H = CHi; // largest counter with Addr <= Hi
    while (L < H) {
      uint64_t Mid = L + (H - L - 1) / 2 + 1;
      if (Addr(Mid) <= Hi)
        L = Mid;
      else
        H = Mid - 1;
    }
    if (First <= L)
      Out.push_back({First, L});
  }
  return Out;
}

bool EvictionScheme::admitsUncached(const AccessRequest &R) {
  if (!R.hasWindow())
    return !counters(R).empty();
  return pickAddress(R, nullptr).has_value();
}

std::optional<uint64_t> EvictionScheme::choose(const AccessRequest &R,
                                               RandomEngine &RNG) {
  return pickAddress(R, &RNG);
}

std::optional<uint64_t> EvictionScheme::pickAddress(const AccessRequest &R,
                                                    RandomEngine *RNG) {
  // Every address lies in [Fixed, Fixed | Mask]: most windows miss it.
  if (R.WindowHi < Fixed || R.WindowLo > (Fixed | Mask))
    return std::nullopt;
  AccessRequest Plain = R;
  Plain.WindowLo = 0, Plain.WindowHi = MaxU64;
  const std::vector<CounterRange> &All = cachedCounters(Plain);
  uint64_t M = Mask & ~uint64_t(alignment(R) - 1);
  auto Addr = [&](uint64_t C) { return Fixed | depositBits(C, M); };
  SmallVector<std::pair<uint64_t, uint64_t>, 4> Ranges;
  for (const CounterRange &C : All)
    Ranges.push_back({C.Lo, C.Hi});
  if (R.hasWindow()) {
    auto Restricted = restrictCounters(Ranges, R.WindowLo, R.WindowHi, Addr);
    Ranges.assign(Restricted.begin(), Restricted.end());
  }
  if (Ranges.empty())
    return std::nullopt;
  if (!RNG) // an existence check
    return Addr(Ranges.front().first);
  if (Ranges.size() == 1)
    return Addr(RNG->inRangeU(Ranges[0].first, Ranges[0].second));
  SmallVector<double, 4> Weights;
  for (auto [Lo, Hi] : Ranges)
    Weights.push_back(double(Hi - Lo) + 1.0);
  auto [Lo, Hi] = Ranges[pickWeighted(Weights, *RNG)];
  return Addr(RNG->inRangeU(Lo, Hi));
}

bool EvictionScheme::allows(uint64_t Addr, unsigned, bool) const {
  return (Addr & ~Mask) == Fixed;
}

std::string EvictionScheme::whyNot(const AccessRequest &R) {
  unsigned A = alignment(R);
  if (Fixed & (A - 1))
    return "its fixed bits make every address misaligned for a " +
           utostr(R.Size) + "-byte access aligned to " + utostr(A) +
           (AllowMisaligned ? "" : " (misaligned accesses are disabled)");
  return MemoryScheme::whyNot(R);
}

//===----------------------------------------------------------------------===//
// AddressesScheme
//===----------------------------------------------------------------------===//

AddressesScheme::AddressesScheme(const AccessAddressesDesc &D, double Weight,
                                 bool AllowMisaligned, std::string Name,
                                 const AddressSet &Allowed)
    : MemoryScheme(SchemeKind::Addresses, Weight, AllowMisaligned,
                   std::move(Name), Allowed),
      Ordered(D.Ordered), Plain(D.Plain) {
  for (const BurstAddressDesc &B : D.Burst) {
    RangeGeometry G;
    G.Start = B.Addr;
    G.Size = B.Size;
    // Stride 0 means the one address; one block the size of the set.
    G.Stride = B.Stride ? B.Stride : B.Size;
    G.MaxAccessSize = B.AccessSize;
    Bursts.push_back(G);
  }
  for (const PlainAddressDesc &P : Plain)
    SortedPlain.push_back({P.Addr, P.AccessSize});
  llvm::sort(SortedPlain);
}

AddressSet::Interval AddressesScheme::extent() const {
  uint64_t Lo = MaxU64, Hi = 0;
  for (const auto &[Addr, Size] : SortedPlain) {
    Lo = std::min(Lo, Addr);
    Hi = std::max(Hi, Addr + 1);
  }
  for (const RangeGeometry &G : Bursts) {
    AddressSet::Interval S = G.span();
    if (S.Lo < S.Hi) {
      Lo = std::min(Lo, S.Lo);
      Hi = std::max(Hi, S.Hi);
    }
  }
  return Lo < Hi ? AddressSet::Interval{Lo, Hi} : AddressSet::Interval{0, 0};
}

bool AddressesScheme::plainFits(size_t I, const AccessRequest &R,
                                unsigned Align) const {
  const PlainAddressDesc &P = Plain[I];
  return P.Addr % Align == 0 && R.Size <= P.AccessSize &&
         P.Addr >= R.WindowLo && P.Addr <= R.WindowHi &&
         P.Addr <= MaxU64 - R.Size && Allowed.contains(P.Addr, P.Addr + R.Size);
}

std::optional<uint64_t> AddressesScheme::burstPick(size_t I,
                                                   const AccessRequest &R,
                                                   RandomEngine *RNG) const {
  const RangeGeometry &G = Bursts[I];
  AddressSet::Interval S = G.span();
  return G.pick(Allowed.clip(S.Lo, S.Hi), R.Size, alignment(R), R.WindowLo,
                R.WindowHi, RNG);
}

bool AddressesScheme::admitsUncached(const AccessRequest &R) {
  if (R.Burst) {
    for (size_t I = 0; I < Bursts.size(); ++I)
      if (burstPick(I, R, nullptr))
        return true;
    return false;
  }
  unsigned A = alignment(R);
  for (size_t I = 0; I < Plain.size(); ++I)
    if (plainFits(I, R, A))
      return true;
  return false;
}

std::optional<uint64_t> AddressesScheme::choose(const AccessRequest &R,
                                                RandomEngine &RNG) {
  if (R.Burst) {
    // One set per access; in order, the next set that fits.
    std::vector<size_t> Fitting;
    for (size_t K = 0; K < Bursts.size(); ++K) {
      size_t I = Ordered ? (BurstCursor + K) % Bursts.size() : K;
      if (!burstPick(I, R, nullptr))
        continue;
      if (Ordered) {
        BurstCursor = (I + 1) % Bursts.size();
        return burstPick(I, R, &RNG);
      }
      Fitting.push_back(I);
    }
    if (Fitting.empty())
      return std::nullopt;
    return burstPick(Fitting[RNG.below(Fitting.size())], R, &RNG);
  }
  unsigned A = alignment(R);
  if (Ordered) {
    // The next address in order that fits the access (an address that does
    // not fit is skipped, so generation always makes progress).
    for (size_t K = 0; K < Plain.size(); ++K) {
      size_t I = (PlainCursor + K) % Plain.size();
      if (plainFits(I, R, A)) {
        PlainCursor = (I + 1) % Plain.size();
        return Plain[I].Addr;
      }
    }
    return std::nullopt;
  }
  std::vector<size_t> Fitting;
  for (size_t I = 0; I < Plain.size(); ++I)
    if (plainFits(I, R, A))
      Fitting.push_back(I);
  if (Fitting.empty())
    return std::nullopt;
  return Plain[Fitting[RNG.below(Fitting.size())]].Addr;
}

bool AddressesScheme::allows(uint64_t Addr, unsigned Size, bool Burst) const {
  if (Burst) {
    for (const RangeGeometry &G : Bursts)
      if (G.allowsAccess(Addr, Size))
        return true;
    return false;
  }
  auto It = std::lower_bound(SortedPlain.begin(), SortedPlain.end(),
                             std::make_pair(Addr, uint64_t(0)));
  for (; It != SortedPlain.end() && It->first == Addr; ++It)
    if (Size <= It->second)
      return true;
  return false;
}

std::string AddressesScheme::whyNot(const AccessRequest &R) {
  if (!R.Burst && Plain.empty())
    return "has only burst addresses, which only burst groups use";
  if (R.Burst && Bursts.empty())
    return "has no burst addresses";
  if (!R.Burst && llvm::none_of(Plain, [&](const PlainAddressDesc &P) {
        return R.Size <= P.AccessSize;
      }))
    return "has no address that allows " + utostr(R.Size) +
           "-byte accesses (access-size)";
  if (!R.Burst && llvm::none_of(Plain, [&](const PlainAddressDesc &P) {
        return P.Addr % alignment(R) == 0;
      }))
    return "has no address aligned to " + utostr(alignment(R)) +
           (AllowMisaligned ? "" : " (misaligned accesses are disabled)");
  return MemoryScheme::whyNot(R);
}

} // namespace snipgen
