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

void RandomEngine::reseed(uint64_t Seed) {
  uint64_t X = Seed;
  for (uint64_t &Word : S)
    Word = splitmix64(X);
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
  // Short tables (a histogram's usual size): the index upper_bound returns
  // is the number of sums <= X (they never decrease), counted without
  // branches.
  if (Cumulative.size() <= 64) {
    size_t N = 0;
    for (double C : Cumulative)
      N += C <= X;
    if (N < Cumulative.size())
      return N;
  }
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
