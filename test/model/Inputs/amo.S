# LR/SC and AMOs on a counter, RV32 or RV64 (the width of `long`).
#include "bare.h"
TEST_CODE_BEGIN
  la s0, counter
  li t0, 3
retry:
  lr.w a0, (s0)
  addi a0, a0, 10
  sc.w a1, a0, (s0)
  bnez a1, retry
  amoadd.w a2, t0, (s0)     # a2 = 10, counter = 13
  li t1, 10
  bne a2, t1, fail
  lw a3, 0(s0)
  li t1, 13
  bne a3, t1, fail
  TEST_PASS
fail:
  TEST_FAIL(1)
TEST_CODE_END
  .data
  .align 3
counter: .word 0
