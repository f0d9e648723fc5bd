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
  // The draws are inline: generation makes several per instruction.
  uint64_t next() {
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

  /// Uniform in [0, Bound) for Bound > 0; exact, no modulo bias.
  uint64_t below(uint64_t Bound) {
    assert(Bound > 0 && "empty range");
    // Lemire's nearly-divisionless method with rejection: exact and unbiased.
    unsigned __int128 M = (unsigned __int128)next() * Bound;
    uint64_t Low = (uint64_t)M;
    if (Low < Bound) [[unlikely]] {
      uint64_t Threshold = (0 - Bound) % Bound;
      while (Low < Threshold) {
        M = (unsigned __int128)next() * Bound;
        Low = (uint64_t)M;
      }
    }
    return (uint64_t)(M >> 64);
  }
  /// Uniform in the closed interval [Lo, Hi].
  int64_t inRange(int64_t Lo, int64_t Hi) {
    assert(Lo <= Hi);
    return (int64_t)inRangeU(0, (uint64_t)Hi - (uint64_t)Lo) + Lo;
  }
  uint64_t inRangeU(uint64_t Lo, uint64_t Hi) {
    assert(Lo <= Hi);
    uint64_t Span = Hi - Lo;
    if (Span == UINT64_MAX)
      return next();
    return Lo + below(Span + 1);
  }
  /// Uniform double in [0, 1).
  double unit() { return (double)(next() >> 11) * 0x1.0p-53; }
  /// True with probability P.
  bool chance(double P) { return unit() < P; }

  template <typename T> const T &pick(llvm::ArrayRef<T> Items) {
    assert(!Items.empty());
    return Items[below(Items.size())];
  }

private:
  static uint64_t rotl(uint64_t X, int K) {
    return (X << K) | (X >> (64 - K));
  }
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
