# An illegal instruction traps to the handler with its encoding in mtval; the
# handler skips it. A write to a read-only CSR traps the same way.
#include "bare.h"
TEST_CODE_BEGIN
  la t0, handler
  csrw mtvec, t0
  li s1, 0              # number of traps taken
bad:
  .word 0x0000ffff      # not a valid instruction (reserved 48-bit prefix)
  li t1, 1
  bne s1, t1, fail_count
  csrr t2, mcause
  li t1, 2
  bne t2, t1, fail_cause
  csrr t2, mtval
  li t1, 0x0000ffff
  bne t2, t1, fail_tval
  csrw mhartid, zero    # read-only: illegal
  li t1, 2
  bne s1, t1, fail_count
  TEST_PASS
fail_count:
  TEST_FAIL(1)
fail_cause:
  TEST_FAIL(2)
fail_tval:
  TEST_FAIL(3)

  .align 2
handler:
  addi s1, s1, 1
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  mret
TEST_CODE_END
