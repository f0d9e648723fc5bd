# No trap handler: a load outside every region stops the run with a report.
#include "bare.h"
TEST_CODE_BEGIN
  li s0, 0x90000000
  lw a0, 8(s0)
  TEST_PASS
TEST_CODE_END
