# A misaligned load: fine by default; with --misaligned=trap the handler sees
# cause 4 and the address in mtval, then skips the load.
#include "bare.h"
TEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  la s0, buffer
  li s1, 0
  lw a0, 1(s0)
  beqz s1, no_trap
  csrr t1, mtval
  addi t2, s0, 1
  bne t1, t2, fail
  TEST_FAIL(4)          # exit code 4: trapped (as requested)
no_trap:
  TEST_PASS
fail:
  TEST_FAIL(9)
  .align 2
handler:
  li s1, 1
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  mret
TEST_CODE_END
  .data
buffer: .dword 0x0807060504030201
