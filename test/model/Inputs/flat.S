# Needs flat read/write/execute memory (as Spike gives test suites): writes
# data into .text, runs code placed in .data (and patched at run time), and
# uses RAM past the end of the image. RV32 or RV64.
#include "bare.h"
TEST_CODE_BEGIN
  # Data into .text.
  la t0, text_word
  li t1, 0x1234
  sw t1, 0(t0)
  lw t2, 0(t0)
  bne t1, t2, fail1
  # Code in .data, patched: the nop becomes addi a0, a0, 1 (0x00150513).
  la t0, data_code
  li t1, 0x00150513
  sw t1, 4(t0)
  fence.i
  li a0, 0
  jalr ra, 0(t0)
  li t1, 43
  bne a0, t1, fail2
  # RAM 64 KiB past the end of the image (inside the default 1 MiB).
  la t0, _end
  li t1, 0x10000
  add t0, t0, t1
  li t1, 0x5a5a
  sw t1, 0(t0)
  lw t2, 0(t0)
  bne t1, t2, fail3
  TEST_PASS
fail1:
  TEST_FAIL(1)
fail2:
  TEST_FAIL(2)
fail3:
  TEST_FAIL(3)
  .align 2
text_word: .word 0
TEST_CODE_END
  .data
  .align 2
# Spelled as words: `.option norvc` would drop C from the ELF's arch
# attribute (which snipgen-run reads), and the code must be 4-byte forms.
data_code:
  .word 0x02a00513          # addi a0, zero, 42
  .word 0x00000013          # nop (patched)
  .word 0x00008067          # ret
