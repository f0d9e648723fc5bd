//===- PrimarySource.h - The sequence of primary opcodes --------*- C++ -*-===//
//
// Where the next primary opcode comes from. The default draws each one from
// the histogram; burst mode groups memory opcodes (the layout's burst key).
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_PRIMARYSOURCE_H
#define SNIPGEN_GENERATOR_PRIMARYSOURCE_H

namespace snipgen {

class OpcodeHistogram;
class RandomEngine;
struct OpcodeDesc;

class PrimarySource {
public:
  virtual ~PrimarySource();
  virtual const OpcodeDesc &next(RandomEngine &RNG) = 0;
};

class HistogramSource final : public PrimarySource {
public:
  explicit HistogramSource(const OpcodeHistogram &H) : H(H) {}
  const OpcodeDesc &next(RandomEngine &RNG) override;

private:
  const OpcodeHistogram &H;
};

} // namespace snipgen

#endif
