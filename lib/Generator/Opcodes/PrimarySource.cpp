#include "snipgen/Generator/PrimarySource.h"
#include "snipgen/Generator/Histogram.h"

namespace snipgen {

PrimarySource::~PrimarySource() = default;

const OpcodeDesc &HistogramSource::next(RandomEngine &RNG) {
  return H.choose(RNG);
}

} // namespace snipgen
