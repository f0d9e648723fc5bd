//===- PrimaryFilter.cpp - -keep-primary ----------------------------------===//
#include "snipgen/Generator/PrimaryFilter.h"
#include "snipgen/Support/Error.h"
#include "llvm/ADT/StringExtras.h"
#include "llvm/ADT/StringRef.h"
#include <algorithm>
#include <limits>

using namespace llvm;

namespace snipgen {

static constexpr uint64_t Open = std::numeric_limits<uint64_t>::max();

Expected<PrimaryFilter> PrimaryFilter::parse(ArrayRef<std::string> Items) {
  PrimaryFilter F;
  for (const std::string &Item : Items) {
    StringRef S = StringRef(Item).trim();
    if (S.empty())
      continue;
    auto Bad = [&]() {
      return makeError("-keep-primary: '" + S +
                       "' is not an ordinal N, a range A-B or an open range "
                       "A- (ordinals are 0-based)");
    };
    auto [A, B] = S.split('-');
    uint64_t Lo = 0, Hi = 0;
    if (A.trim().getAsInteger(10, Lo))
      return Bad();
    if (!S.contains('-'))
      Hi = Lo;
    else if (B.trim().empty())
      Hi = Open;
    else if (B.trim().getAsInteger(10, Hi))
      return Bad();
    if (Hi < Lo)
      return makeError("-keep-primary: the range '" + S + "' is empty");
    F.Ranges.push_back({Lo, Hi});
  }
  llvm::sort(F.Ranges);
  std::vector<std::pair<uint64_t, uint64_t>> Merged;
  for (auto R : F.Ranges) {
    if (!Merged.empty() &&
        (Merged.back().second == Open || R.first <= Merged.back().second + 1))
      Merged.back().second = std::max(Merged.back().second, R.second);
    else
      Merged.push_back(R);
  }
  F.Ranges = std::move(Merged);
  return F;
}

bool PrimaryFilter::keeps(uint64_t Ordinal) const {
  auto It = std::upper_bound(
      Ranges.begin(), Ranges.end(), Ordinal,
      [](uint64_t O, const std::pair<uint64_t, uint64_t> &R) {
        return O < R.first;
      });
  return It != Ranges.begin() && Ordinal <= std::prev(It)->second;
}

bool PrimaryFilter::keepsSomeFrom(uint64_t Ordinal) const {
  return !Ranges.empty() && Ranges.back().second >= Ordinal;
}

std::string PrimaryFilter::str() const {
  std::string S;
  for (auto [Lo, Hi] : Ranges) {
    if (!S.empty())
      S += ",";
    S += utostr(Lo);
    if (Hi == Open)
      S += "-";
    else if (Hi != Lo)
      S += "-" + utostr(Hi);
  }
  return S;
}

PrimaryDraw::PrimaryDraw(const PrimaryFilter *Filter, RandomEngine &RNG,
                         PrimaryFilterCounts &Counts)
    : RNG(RNG), Saved(RNG) {
  if (!Filter)
    return;
  uint64_t Ordinal = Counts.Drawn++;
  uint64_t StreamSeed = RNG.next();
  if (!Filter->keeps(Ordinal)) {
    Skip = true;
    ++Counts.Skipped;
    return;
  }
  Saved = RNG;
  RNG.reseed(StreamSeed);
  Switched = true;
}

PrimaryDraw::~PrimaryDraw() {
  if (Switched)
    RNG = Saved;
}

} // namespace snipgen
