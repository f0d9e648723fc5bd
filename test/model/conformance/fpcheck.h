/* Checking macros for the FP extension conformance programs (zfa*.S,
   zfinx*.S, zfbfmin*.S). Test number n fails with TEST_FAIL(n). Scratch
   registers: t3, t4 (t5, t6 belong to bare.h). Expected values come from
   the specifications' definitions, not from the model. */
#ifdef FP_USER_MODE
/* User-mode build for snipgen-qemu-check (test/cosim/fp-conformance.test):
   the program ends at an EBREAK, a failure first loads its number into t6;
   the model and QEMU are compared after every instruction. */
#define TEST_CODE_BEGIN .text; .globl _start; _start:
#define TEST_PASS li t6, 0; ebreak
#define TEST_FAIL(code) li t6, code; ebreak
#define TEST_CODE_END
#else
#include "bare.h"
#endif

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
