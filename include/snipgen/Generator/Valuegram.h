//===- Valuegram.h - Drawing register values from valuegrams ----*- C++ -*-===//
//
// A valuegram (Config/ValueConfig.h) is a weighted list of value sources:
// a fixed value, uniform random bits, a bit pattern, or a range of raw bit
// values. Drawing first picks a source by weight, then a value of the
// requested width from it:
//   * bitvalue: the value, sign-extended when written as a negative integer
//     (it must fit: checked when the configuration is applied);
//   * uniform: every bit random;
//   * bitpattern: evenly spaced ones - period P in [2, Bits/2] and a first
//     one at an offset below P, both random (0x0080200802008020 is period
//     10, offset 5);
//   * bitrange: uniform in [min, max] (raw bits).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_VALUEGRAM_H
#define SNIPGEN_GENERATOR_VALUEGRAM_H

#include "snipgen/Config/ValueConfig.h"
#include "snipgen/Support/Random.h"
#include <cstdint>
#include <vector>

namespace snipgen {

/// Bits ones, or all 64.
inline uint64_t lowBitsMask(unsigned Bits) {
  return Bits >= 64 ? ~0ull : (1ull << Bits) - 1;
}

/// Evenly spaced ones in the low Bits bits.
uint64_t drawBitPattern(unsigned Bits, RandomEngine &RNG);

class ValuegramSampler {
public:
  explicit ValuegramSampler(const Valuegram &VG);
  /// A value of the low Bits bits (the rest zero).
  uint64_t draw(unsigned Bits, RandomEngine &RNG) const;
  /// A whole vector register of Bytes bytes (little endian): one entry by
  /// weight, then a bitvalue or bitrange value in the low 64 bits
  /// (sign-extended when written negative), uniform bits everywhere, or a
  /// bit pattern drawn for every 64-bit part.
  std::vector<uint8_t> drawWide(unsigned Bytes, RandomEngine &RNG) const;
  const Valuegram &valuegram() const { return *VG; }

private:
  const Valuegram *VG;
  WeightedChooser Chooser;
};

/// One entry, drawn at Bits.
uint64_t drawValuegramEntry(const ValuegramEntry &E, unsigned Bits,
                            RandomEngine &RNG);

} // namespace snipgen

#endif
