#include "snipgen/Support/Random.h"
#include <algorithm>
#include <random>

namespace snipgen {

static uint64_t splitmix64(uint64_t &X) {
  uint64_t Z = (X += 0x9e3779b97f4a7c15ULL);
  Z = (Z ^ (Z >> 30)) * 0xbf58476d1ce4e5b9ULL;
  Z = (Z ^ (Z >> 27)) * 0x94d049bb133111ebULL;
  return Z ^ (Z >> 31);
}

static inline uint64_t rotl(uint64_t X, int K) {
  return (X << K) | (X >> (64 - K));
}

void RandomEngine::reseed(uint64_t Seed) {
  uint64_t X = Seed;
  for (uint64_t &Word : S)
    Word = splitmix64(X);
}

uint64_t RandomEngine::next() {
  const uint64_t Result = rotl(S[1] * 5, 7) * 9;
  const uint64_t T = S[1] << 17;
  S[2] ^= S[0];
  S[3] ^= S[1];
  S[1] ^= S[2];
  S[0] ^= S[3];
  S[2] ^= T;
  S[3] = rotl(S[3], 45);
  return Result;
}

uint64_t RandomEngine::below(uint64_t Bound) {
  assert(Bound > 0 && "empty range");
  // Lemire's nearly-divisionless method with rejection: exact and unbiased.
  unsigned __int128 M = (unsigned __int128)next() * Bound;
  uint64_t Low = (uint64_t)M;
  if (Low < Bound) {
    uint64_t Threshold = (0 - Bound) % Bound;
    while (Low < Threshold) {
      M = (unsigned __int128)next() * Bound;
      Low = (uint64_t)M;
    }
  }
  return (uint64_t)(M >> 64);
}

uint64_t RandomEngine::inRangeU(uint64_t Lo, uint64_t Hi) {
  assert(Lo <= Hi);
  uint64_t Span = Hi - Lo;
  if (Span == UINT64_MAX)
    return next();
  return Lo + below(Span + 1);
}

int64_t RandomEngine::inRange(int64_t Lo, int64_t Hi) {
  assert(Lo <= Hi);
  return (int64_t)inRangeU(0, (uint64_t)Hi - (uint64_t)Lo) + Lo;
}

double RandomEngine::unit() {
  return (double)(next() >> 11) * 0x1.0p-53;
}

void WeightedChooser::reset(llvm::ArrayRef<double> Weights) {
  Cumulative.clear();
  Cumulative.reserve(Weights.size());
  Total = 0.0;
  for (double W : Weights) {
    Total += W > 0.0 ? W : 0.0;
    Cumulative.push_back(Total);
  }
}

size_t WeightedChooser::choose(RandomEngine &RNG) const {
  assert(!empty() && "no positive weight to choose from");
  // The first entry whose cumulative sum exceeds X; zero-weight entries never
  // qualify because their sum equals their predecessor's.
  double X = RNG.unit() * Total;
  auto It = std::upper_bound(Cumulative.begin(), Cumulative.end(), X);
  if (It == Cumulative.end()) // X rounded up to Total: take the last positive.
    It = std::lower_bound(Cumulative.begin(), Cumulative.end(), Total);
  return It - Cumulative.begin();
}

uint64_t chooseFreshSeed() {
  std::random_device RD;
  return ((uint64_t)RD() << 32) ^ RD();
}

} // namespace snipgen
