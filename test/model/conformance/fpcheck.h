/* Checking macros for the FP extension conformance programs (zfa*.S,
   zfinx*.S, zfbfmin*.S). Test number n fails with TEST_FAIL(n). Scratch
   registers: t3, t4 (t5, t6 belong to bare.h). Expected values come from
   the specifications' definitions, not from the model. */
#include "bare.h"

#if __riscv_xlen == 64
#define SEXT32(r) addiw r, r, 0
#else
#define SEXT32(r)
#endif

/* Fails test n unless register r holds constant v (XLEN-wide). */
.macro CHECK_X r, v, n
  li t3, \v
  beq \r, t3, 1f
  TEST_FAIL(\n)
1:
.endm

/* Fails unless r holds the 32-bit value v sign-extended to XLEN. */
.macro CHECK_X32 r, v, n
  li t3, \v
  SEXT32(t3)
  beq \r, t3, 1f
  TEST_FAIL(\n)
1:
.endm

/* Fails unless fflags == v; clears fflags. */
.macro CHECK_FLAGS v, n
  csrrw t4, fflags, zero
  li t3, \v
  beq t4, t3, 1f
  TEST_FAIL(\n)
1:
.endm
