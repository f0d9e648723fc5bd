# ecall/mret round trip through an mtvec handler, then a tohost exit.
#include "bare.h"
TEST_CODE_BEGIN
  la t0, trap_handler
  csrw mtvec, t0
  li a0, 0
  ecall                 # -> trap_handler, returns with a0 = 42
  li t1, 42
  bne a0, t1, fail
  csrr t2, mcause
  li t1, 11             # ecall from M-mode
  bne t2, t1, fail
  TEST_PASS
fail:
  TEST_FAIL(7)

  .align 2
trap_handler:
  li a0, 42
  csrr t0, mepc
  addi t0, t0, 4
  csrw mepc, t0
  mret
TEST_CODE_END
