//===- MemoryScheme.cpp - Address sets and range geometry -----------------===//
#include "snipgen/Generator/MemoryScheme.h"
#include "llvm/ADT/SmallVector.h"
#include "llvm/Support/MathExtras.h"
#include <algorithm>
#include <numeric>

using namespace llvm;

namespace snipgen {

static constexpr uint64_t MaxU64 = std::numeric_limits<uint64_t>::max();

static uint64_t saturatingAdd(uint64_t A, uint64_t B) {
  return A > MaxU64 - B ? MaxU64 : A + B;
}

// Division by strides and alignments: 1 or powers of two nearly always, and
// then shifts (the same results; a 64-bit division per address adds up).
static inline uint64_t divU(uint64_t A, uint64_t B) {
  return B && (B & (B - 1)) == 0 ? A >> llvm::countr_zero(B) : A / B;
}
static inline uint64_t remU(uint64_t A, uint64_t B) {
  return B && (B & (B - 1)) == 0 ? A & (B - 1) : A % B;
}
// llvm::alignTo: the ceiling quotient times B (wraps the same way).
static inline uint64_t alignUp(uint64_t A, uint64_t B) {
  return (divU(A, B) + (remU(A, B) != 0)) * B;
}

//===----------------------------------------------------------------------===//
// AddressSet
//===----------------------------------------------------------------------===//

void AddressSet::add(uint64_t Lo, uint64_t Hi) {
  if (Lo >= Hi)
    return;
  auto It = Map.upper_bound(Lo);
  if (It != Map.begin()) {
    auto Prev = std::prev(It);
    if (Prev->second >= Lo) {
      Lo = Prev->first;
      Hi = std::max(Hi, Prev->second);
      It = Map.erase(Prev);
    }
  }
  while (It != Map.end() && It->first <= Hi) {
    Hi = std::max(Hi, It->second);
    It = Map.erase(It);
  }
  Map.emplace(Lo, Hi);
}

void AddressSet::subtract(uint64_t Lo, uint64_t Hi) {
  if (Lo >= Hi)
    return;
  auto It = Map.upper_bound(Lo);
  if (It != Map.begin() && std::prev(It)->second > Lo)
    --It;
  while (It != Map.end() && It->first < Hi) {
    uint64_t A = It->first, B = It->second;
    It = Map.erase(It);
    if (A < Lo)
      Map.emplace(A, Lo);
    if (B > Hi) {
      Map.emplace(Hi, B);
      break;
    }
  }
}

bool AddressSet::contains(uint64_t Lo, uint64_t Hi) const {
  auto It = Map.upper_bound(Lo);
  if (It == Map.begin())
    return false;
  return std::prev(It)->second >= Hi;
}

bool AddressSet::overlaps(uint64_t Lo, uint64_t Hi) const {
  auto It = Map.upper_bound(Lo);
  if (It != Map.begin() && std::prev(It)->second > Lo)
    return true;
  return It != Map.end() && It->first < Hi;
}

std::vector<AddressSet::Interval> AddressSet::clip(uint64_t Lo,
                                                   uint64_t Hi) const {
  std::vector<Interval> Out;
  auto It = Map.upper_bound(Lo);
  if (It != Map.begin() && std::prev(It)->second > Lo)
    --It;
  for (; It != Map.end() && It->first < Hi; ++It)
    Out.push_back({std::max(It->first, Lo), std::min(It->second, Hi)});
  return Out;
}

std::vector<AddressSet::Interval> AddressSet::intervals() const {
  std::vector<Interval> Out;
  for (auto &[Lo, Hi] : Map)
    Out.push_back({Lo, Hi});
  return Out;
}

unsigned naturalAlignment(unsigned Size) {
  return isPowerOf2_32(Size) ? Size : 1;
}

//===----------------------------------------------------------------------===//
// RangeGeometry
//===----------------------------------------------------------------------===//

std::optional<uint64_t> RangeGeometry::reachEnd(uint64_t Addr) const {
  if (Addr < Start || Addr >= end())
    return std::nullopt;
  uint64_t Off = Addr - Start;
  uint64_t InBlock = remU(Off, Stride);
  if (InBlock < First || InBlock > Last)
    return std::nullopt;
  uint64_t End = end();
  if (MaxPastLastOffset) {
    uint64_t Block = Addr - InBlock;
    End = std::min(End, saturatingAdd(saturatingAdd(Block, Last),
                                      *MaxPastLastOffset));
  }
  if (End <= Addr)
    return std::nullopt;
  return End;
}

bool RangeGeometry::allowsAccess(uint64_t Addr, uint64_t AccessSize) const {
  if (MaxAccessSize && AccessSize > *MaxAccessSize)
    return false;
  std::optional<uint64_t> End = reachEnd(Addr);
  return End && AccessSize <= *End - Addr;
}

AddressSet::Interval RangeGeometry::span() const {
  if (First >= Size)
    return {Start, Start};
  uint64_t Hi = end();
  if (MaxPastLastOffset) {
    uint64_t LastBlock = Start + divU(Size - 1 - First, Stride) * Stride;
    Hi = std::min(Hi, saturatingAdd(saturatingAdd(LastBlock, Last),
                                    *MaxPastLastOffset));
  }
  return {Start + First, std::max(Hi, Start + First)};
}

namespace {
// The blocks k in [KLo, KHi] of one allowed interval; starts must lie in
// [ALo, AHi].
struct Segment {
  uint64_t KLo, KHi, ALo, AHi;
};
} // namespace

std::optional<uint64_t>
RangeGeometry::pick(ArrayRef<AddressSet::Interval> Allowed, uint64_t AccessSize,
                    unsigned Align, uint64_t WindowLo, uint64_t WindowHi,
                    RandomEngine *RNG) const {
  if (AccessSize == 0 || (MaxAccessSize && AccessSize > *MaxAccessSize) ||
      First >= Size)
    return std::nullopt;
  // The last block offset from which AccessSize bytes stay within
  // Last + MaxPastLastOffset.
  uint64_t LastEff = Last;
  if (MaxPastLastOffset) {
    uint64_t Limit = saturatingAdd(Last, *MaxPastLastOffset);
    if (Limit < AccessSize)
      return std::nullopt;
    LastEff = std::min(Last, Limit - AccessSize);
    if (LastEff < First)
      return std::nullopt;
  }

  SmallVector<Segment, 4> Segs;
  for (const AddressSet::Interval &I : Allowed) {
    uint64_t Lo = std::max({I.Lo, WindowLo, Start + First});
    uint64_t HiEnd = std::min(I.Hi, end());
    if (HiEnd < AccessSize)
      continue;
    uint64_t AHi = std::min(HiEnd - AccessSize, WindowHi);
    if (Lo > AHi)
      continue;
    uint64_t Rel = Lo - Start;
    uint64_t KLo = 0;
    if (Rel > LastEff)
      KLo = divU(Rel - LastEff, Stride) + (remU(Rel - LastEff, Stride) != 0);
    uint64_t KHi = divU(AHi - Start - First, Stride);
    if (KLo <= KHi) {
      // Field by field: a braced temporary is copied with wide loads that
      // wait on its narrow stores.
      Segment &S = Segs.emplace_back();
      S.KLo = KLo;
      S.KHi = KHi;
      S.ALo = Lo;
      S.AHi = AHi;
    }
  }
  if (Segs.empty())
    return std::nullopt;

  // Aligned starts of block K: the first one and how many.
  auto Starts = [&](const Segment &S, uint64_t K) -> std::pair<uint64_t, uint64_t> {
    uint64_t B = Start + K * Stride;
    uint64_t OLo = std::max(First, S.ALo > B ? S.ALo - B : 0);
    uint64_t OHi = std::min(LastEff, S.AHi - B);
    if (OLo > OHi)
      return {0, 0};
    uint64_t X0 = B + OLo, XMax = B + OHi;
    uint64_t X = alignUp(X0, Align);
    if (X < X0 || X > XMax)
      return {0, 0};
    return {X, divU(XMax - X, Align) + 1};
  };
  // Interior blocks repeat their alignment pattern every Period blocks, so
  // the first and last Period + 1 blocks of a segment show every case.
  uint64_t Period =
      (Stride & (Stride - 1)) == 0 && (Align & (Align - 1)) == 0
          ? divU(Align, std::min<uint64_t>(Stride, Align))
          : Align / std::gcd<uint64_t>(Stride, Align);
  auto Candidates = [&](auto &&Visit) {
    for (const Segment &S : Segs) {
      uint64_t N = S.KHi - S.KLo; // blocks - 1
      for (uint64_t K = S.KLo; K <= S.KHi; ++K) {
        if (N > 2 * Period + 2 && K == S.KLo + Period + 1)
          K = S.KHi - Period;
        if (Visit(S, K))
          return;
      }
    }
  };

  if (!RNG) {
    std::optional<uint64_t> Found;
    Candidates([&](const Segment &S, uint64_t K) {
      auto [X, N] = Starts(S, K);
      if (N)
        Found = X;
      return N != 0;
    });
    return Found;
  }

  double Total = 0;
  for (const Segment &S : Segs)
    Total += double(S.KHi - S.KLo) + 1.0;
  for (int Attempt = 0; Attempt < 8; ++Attempt) {
    const Segment *Chosen = &Segs.back();
    if (Segs.size() == 1) {
      RNG->next(); // the draw that picks among several segments
    } else {
      double R = RNG->unit() * Total;
      for (const Segment &S : Segs) {
        double W = double(S.KHi - S.KLo) + 1.0;
        if (R < W) {
          Chosen = &S;
          break;
        }
        R -= W;
      }
    }
    uint64_t K = RNG->inRangeU(Chosen->KLo, Chosen->KHi);
    auto [X, N] = Starts(*Chosen, K);
    if (N)
      return X + Align * RNG->below(N);
  }
  // Rare (few blocks have an aligned start): choose among the blocks that
  // show every case.
  std::vector<std::pair<uint64_t, uint64_t>> Valid;
  Candidates([&](const Segment &S, uint64_t K) {
    auto Found = Starts(S, K);
    if (Found.second)
      Valid.push_back(Found);
    return false;
  });
  if (Valid.empty())
    return std::nullopt;
  auto [X, N] = Valid[RNG->below(Valid.size())];
  return X + Align * RNG->below(N);
}

//===----------------------------------------------------------------------===//
// MemoryScheme
//===----------------------------------------------------------------------===//

MemoryScheme::~MemoryScheme() = default;

unsigned MemoryScheme::alignment(const AccessRequest &R) const {
  if (AllowMisaligned || R.AlignOnIsa)
    return R.IsaAlign;
  return std::max(R.IsaAlign, naturalAlignment(R.Size));
}

bool MemoryScheme::admits(const AccessRequest &R) {
  if (R.hasWindow())
    return admitsUncached(R);
  uint64_t Key = uint64_t(R.Size) | uint64_t(R.IsaAlign) << 32 |
                 uint64_t(R.Burst) << 48 | uint64_t(R.AlignOnIsa) << 49;
  for (auto &[K, V] : AdmitsCache)
    if (K == Key)
      return V;
  bool V = admitsUncached(R);
  AdmitsCache.push_back({Key, V});
  return V;
}

std::string MemoryScheme::whyNot(const AccessRequest &R) {
  return "has no address for it inside the RW sections outside the "
         "restricted addresses";
}

} // namespace snipgen
