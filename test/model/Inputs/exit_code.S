# A failing "test" reports its number through tohost: exit code 5.
#include "bare.h"
TEST_CODE_BEGIN
  li a0, 1
  li a1, 2
  beq a0, a1, pass
  TEST_FAIL(5)
pass:
  TEST_PASS
TEST_CODE_END
