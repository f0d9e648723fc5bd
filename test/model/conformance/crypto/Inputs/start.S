/* Start-up for the C conformance programs: a stack, main(), and main's
   return value as the tohost code (0 = pass, n = check n failed). */
#include "bare.h"

TEST_CODE_BEGIN
  la sp, stack_top
  call main
  beqz a0, 1f
  slli t6, a0, 1
  ori t6, t6, 1
  j write_tohost
1:
  TEST_PASS
TEST_CODE_END

  .section .bss
  .align 4
  .space 8192
stack_top:
