//===- PhaseTimes.cpp - CPU time per driver phase -------------------------===//
#include "PhaseTimes.h"
#include <cstdio>
#include <cstdlib>
#include <ctime>

namespace snipgen {

static bool Enabled = false;
static double Last = 0;

static double cpuMillis() {
  timespec T;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &T);
  return double(T.tv_sec) * 1e3 + double(T.tv_nsec) / 1e6;
}

void startPhaseTimes() {
  const char *V = std::getenv("SNIPGEN_TIME_PHASES");
  Enabled = V && *V && !(V[0] == '0' && !V[1]);
  if (!Enabled)
    return;
  Last = cpuMillis();
  std::fprintf(stderr, "snipgen: phase %-24s %7.2f ms\n", "before main", Last);
}

void phaseDone(const char *Name) {
  if (!Enabled)
    return;
  double Now = cpuMillis();
  std::fprintf(stderr, "snipgen: phase %-24s %7.2f ms (total %.2f)\n", Name,
               Now - Last, Now);
  Last = Now;
}

} // namespace snipgen
