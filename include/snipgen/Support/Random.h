//===- Random.h - The one seeded random generator ---------------*- C++ -*-===//
//
// Every random choice in snipgen comes from one RandomEngine passed
// explicitly. The engine and all distributions here are defined bit-exactly
// (xoshiro256** seeded by splitmix64, Lemire's unbiased bounded integers, 53-bit
// doubles), unlike the std:: distributions whose results differ between
// standard libraries. Same seed => same choices on every machine.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_SUPPORT_RANDOM_H
#define SNIPGEN_SUPPORT_RANDOM_H

#include "llvm/ADT/ArrayRef.h"
#include <cassert>
#include <cstdint>
#include <vector>

namespace snipgen {

class RandomEngine {
public:
  explicit RandomEngine(uint64_t Seed) { reseed(Seed); }

  void reseed(uint64_t Seed);
  uint64_t next();

  /// Uniform in [0, Bound) for Bound > 0; exact, no modulo bias.
  uint64_t below(uint64_t Bound);
  /// Uniform in the closed interval [Lo, Hi].
  int64_t inRange(int64_t Lo, int64_t Hi);
  uint64_t inRangeU(uint64_t Lo, uint64_t Hi);
  /// Uniform double in [0, 1).
  double unit();
  /// True with probability P.
  bool chance(double P) { return unit() < P; }

  template <typename T> const T &pick(llvm::ArrayRef<T> Items) {
    assert(!Items.empty());
    return Items[below(Items.size())];
  }

private:
  uint64_t S[4];
};

/// Draws indices with probability proportional to non-negative weights.
/// Cumulative sums in a fixed order keep it deterministic.
class WeightedChooser {
public:
  WeightedChooser() = default;
  explicit WeightedChooser(llvm::ArrayRef<double> Weights) { reset(Weights); }
  void reset(llvm::ArrayRef<double> Weights);
  bool empty() const { return Total <= 0.0; }
  size_t size() const { return Cumulative.size(); }
  double total() const { return Total; }
  size_t choose(RandomEngine &RNG) const;

private:
  std::vector<double> Cumulative;
  double Total = 0.0;
};

/// A seed from the operating system's entropy, for runs without -seed.
uint64_t chooseFreshSeed();

} // namespace snipgen

#endif
