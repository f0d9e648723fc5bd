//===- Valuegram.cpp - Drawing register values from valuegrams ------------===//
#include "snipgen/Generator/Valuegram.h"

namespace snipgen {

uint64_t drawBitPattern(unsigned Bits, RandomEngine &RNG) {
  if (Bits < 4)
    return RNG.next() & lowBitsMask(Bits);
  unsigned Period = (unsigned)RNG.inRangeU(2, Bits / 2);
  unsigned Offset = (unsigned)RNG.below(Period);
  uint64_t V = 0;
  for (unsigned B = Offset; B < Bits; B += Period)
    V |= 1ull << B;
  return V;
}

uint64_t drawValuegramEntry(const ValuegramEntry &E, unsigned Bits,
                            RandomEngine &RNG) {
  switch (E.K) {
  case ValuegramEntry::Kind::BitValue:
    // Out-of-width values are rejected when the configuration is applied;
    // cutting them here only keeps this function total.
    return E.Value.fitTo(Bits).value_or(E.Value.Bits & lowBitsMask(Bits));
  case ValuegramEntry::Kind::Uniform:
    return RNG.next() & lowBitsMask(Bits);
  case ValuegramEntry::Kind::BitPattern:
    return drawBitPattern(Bits, RNG);
  case ValuegramEntry::Kind::BitRange:
    return RNG.inRangeU(E.Min, E.Max) & lowBitsMask(Bits);
  }
  return 0;
}

ValuegramSampler::ValuegramSampler(const Valuegram &VG) : VG(&VG) {
  std::vector<double> Weights;
  for (const ValuegramEntry &E : VG.Entries)
    Weights.push_back(E.Weight);
  Chooser.reset(Weights);
}

uint64_t ValuegramSampler::draw(unsigned Bits, RandomEngine &RNG) const {
  return drawValuegramEntry(VG->Entries[Chooser.choose(RNG)], Bits, RNG);
}

std::vector<uint8_t> ValuegramSampler::drawWide(unsigned Bytes,
                                                RandomEngine &RNG) const {
  const ValuegramEntry &E = VG->Entries[Chooser.choose(RNG)];
  std::vector<uint8_t> Out(Bytes, 0);
  for (unsigned Part = 0; Part * 8 < Bytes; ++Part) {
    uint64_t V = 0;
    switch (E.K) {
    case ValuegramEntry::Kind::BitValue:
      V = Part == 0 ? drawValuegramEntry(E, 64, RNG)
                    : (E.Value.Negative ? ~0ull : 0);
      break;
    case ValuegramEntry::Kind::BitRange:
      V = Part == 0 ? drawValuegramEntry(E, 64, RNG) : 0;
      break;
    case ValuegramEntry::Kind::Uniform:
    case ValuegramEntry::Kind::BitPattern:
      V = drawValuegramEntry(E, 64, RNG);
      break;
    }
    for (unsigned B = 0; B < 8 && Part * 8 + B < Bytes; ++B)
      Out[Part * 8 + B] = uint8_t(V >> (8 * B));
  }
  return Out;
}

} // namespace snipgen
