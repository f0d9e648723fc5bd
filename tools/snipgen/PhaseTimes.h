//===- PhaseTimes.h - CPU time per driver phase (SNIPGEN_TIME_PHASES) -*- C++ -*-===//
//
// SNIPGEN_TIME_PHASES=1 prints, on stderr, the process CPU time spent
// before main (loading and relocating libLLVM, static initialisers) and in
// each phase of the driver up to the exit: what start-up work costs
// (docs/contributing.md, "Benchmarks"). Off, a mark costs one branch.
//===----------------------------------------------------------------------===//
#ifndef SNIPGEN_TOOLS_SNIPGEN_PHASETIMES_H
#define SNIPGEN_TOOLS_SNIPGEN_PHASETIMES_H

namespace snipgen {

/// Called first in main: reads SNIPGEN_TIME_PHASES and reports the time
/// before main.
void startPhaseTimes();
/// The phase that ends now.
void phaseDone(const char *Name);

} // namespace snipgen

#endif
