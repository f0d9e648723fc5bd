/* Checks shared by the conformance programs (on top of ../../Inputs/bare.h).
   Registers t2..t6, s10 and s11 belong to the harness: t6/t5 write tohost,
   t4 holds expected values, the trap handler uses t2..t4 and records the
   last trap in s10 (mcause) and s11 (mtval). */
#include "bare.h"

#if __riscv_xlen == 64
#define LREG ld
#define SREG sd
#define REGBYTES 8
#else
#define LREG lw
#define SREG sw
#define REGBYTES 4
#endif

/* Fails with code n unless reg == value (value as `li` reads it). */
#define CHECK(n, reg, value) \
  li t4, value;              \
  beq reg, t4, 1f;           \
  TEST_FAIL(n);              \
1:

/* Installs trap_handler (defined by TRAP_HANDLER) and clears the record. */
#define INSTALL_HANDLER      \
  la t4, trap_handler;       \
  csrw mtvec, t4;            \
  li s10, -1;                \
  li s11, -1

/* Fails with code n unless the last trap had this mcause and mtval, then
   clears the record. */
#define EXPECT_TRAP(n, cause, tval) \
  CHECK(n, s10, cause);             \
  CHECK(n, s11, tval);              \
  li s10, -1;                       \
  li s11, -1

/* Fails with code n if anything trapped since the last check. */
#define EXPECT_NO_TRAP(n) CHECK(n, s10, -1)

/* Records mcause/mtval and resumes after the trapping instruction (2 or 4
   bytes, from its low bits). */
#define TRAP_HANDLER         \
  .align 2;                  \
trap_handler:                \
  csrr s10, mcause;          \
  csrr s11, mtval;           \
  csrr t3, mepc;             \
  lhu t4, 0(t3);             \
  andi t4, t4, 3;            \
  addi t3, t3, 2;            \
  li t2, 3;                  \
  bne t4, t2, 2f;            \
  addi t3, t3, 2;            \
2:                           \
  csrw mepc, t3;             \
  mret

/* An address outside the flat memory of snipgen-run -flat-memory (and of
   Spike's default memory map). */
#define UNMAPPED 0x10000000

/* Fails with code n unless registers a and b are equal. */
#define CHECK_REG(n, a, b) \
  beq a, b, 1f;            \
  TEST_FAIL(n);            \
1:
