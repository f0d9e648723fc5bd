//===- ConsecutiveLoopsCheck.h - -verify-consecutive-loops -------*- C++ -*-===//
//
// llvm-snippy's -verify-consecutive-loops, on the generated program: finds
// the loops placed back to back (a loop whose start directly follows the
// previous loop's latch, nothing but alignment NOPs between, its counter set
// up before the chain's first loop) and checks them against the
// branchegram's consecutive-loops: none when not asked for; at most N after
// a first loop; with `all` one chain of every block of each function but
// the last. Loops of a chain have depth 1.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_GENERATOR_CONSECUTIVELOOPSCHECK_H
#define SNIPGEN_GENERATOR_CONSECUTIVELOOPSCHECK_H

#include "llvm/Support/Error.h"

namespace snipgen {

struct BranchesConfig;
struct Program;

/// An error naming the function and address of the first violation.
llvm::Error verifyConsecutiveLoops(const Program &P, const BranchesConfig &B);

} // namespace snipgen

#endif
