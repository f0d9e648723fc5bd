//===- HistogramVerifier.h - -verify-gen-histogram --------------*- C++ -*-===//
//
// Checks the generated program against the histogram it was drawn from, as
// llvm-snippy's -verify-gen-histogram does: for every function, the final
// bytes (after layout and branch relaxation) are decoded and counted per
// LLVM opcode; the primary instructions (recorded per block at generation,
// plus the histogram-drawn terminators) are compared with the histogram's
// probabilities. An opcode passes when
//   |primary_count - expected| <= MaxDeviation * expected,
//   expected = probability * primary instructions of the function,
// and every opcode of the histogram with a weight must appear. The table is
// written to OS; with MustSucceed a failure is an error.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_HISTOGRAMVERIFIER_H
#define SNIPGEN_GENERATOR_HISTOGRAMVERIFIER_H

#include "snipgen/Generator/Program.h"
#include "llvm/Support/Error.h"
#include "llvm/Support/raw_ostream.h"

namespace snipgen {

class MCEnvironment;
class OpcodeHistogram;

struct HistogramCheckOptions {
  double MaxDeviation = 1.0;
  bool MustSucceed = true;
};

llvm::Error verifyGeneratedHistogram(const Program &P,
                                     const OpcodeHistogram &H,
                                     const MCEnvironment &Env,
                                     const HistogramCheckOptions &Opts,
                                     llvm::raw_ostream &OS);

} // namespace snipgen

#endif
