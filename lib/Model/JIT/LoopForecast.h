//===- LoopForecast.h - How long a counted self-loop will run ---*- C++ -*-===//
//
// The compiled tier buys a block's code once the block has been interpreted
// about as long as compiling it costs (JITEngine::hotEnough): the rent-or-buy
// rule, which never pays more than twice the best choice made knowing the
// future. For a block that loops by itself on a counter, the future is
// readable: its exit branch compares registers the block changes by a
// constant step (or not at all), and the hart holds their values now. If the
// loop will come back at least as often as the rule would wait for, waiting
// only costs the interpretation; the engine then compiles it as soon as
// its body is decoded (JITEngine::ForecastArrivals).
//
// forecastIterations reads the exit branch of a self-loop plan: each of its
// two registers must be left alone by the body or written exactly once, by
// an ADDI-shaped add of a constant to itself (x0 is the constant 0). Any
// other write (a load, a register-register add, two increments) makes the
// count unknown. Equality branches are followed exactly, modulo 2^XLEN;
// ordered ones while the counters do not wrap around (one that would wrap
// first makes the count unknown). A branch the counters
// never make fall through (a counter stepping away from its bound, an
// invariant condition) is Unbounded. A wrong forecast costs only time: it
// decides when a block is compiled, never what it computes.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_LIB_MODEL_JIT_LOOPFORECAST_H
#define SNIPGEN_LIB_MODEL_JIT_LOOPFORECAST_H

#include "JIT/OpcodeRules.h"
#include <cstdint>

namespace snipgen::model::jit {

/// forecastIterations' answer for a loop that its counters do not end.
inline constexpr uint64_t Unbounded = ~0ull;

/// How many times the self-loop Plan will run, starting with the iteration
/// about to begin, given the X registers X now (XLen 32 or 64): 1 if its
/// branch falls through at the end of this iteration, Unbounded (see above),
/// or 0 if the branch's registers are not counters the forecast can follow.
/// Plan must be a self-loop (BlockPlan::SelfLoop).
uint64_t forecastIterations(const BlockPlan &Plan, const OpcodeRules &Rules,
                            const uint64_t *X, unsigned XLen);

} // namespace snipgen::model::jit

#endif
