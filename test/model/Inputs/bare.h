/* Minimal bare-metal test harness in the riscv-tests convention (our own
   macros): code starts at _start in machine mode; a test ends by writing
   (code << 1) | 1 to `tohost` - code 0 is a pass. */
#if __riscv_xlen == 64
#define STORE_TOHOST sd
#else
#define STORE_TOHOST sw
#endif

#define TEST_CODE_BEGIN        \
  .section .text.init;         \
  .globl _start;               \
_start:

#define TEST_PASS              \
  li t6, 1;                    \
  j write_tohost

#define TEST_FAIL(code)        \
  li t6, ((code) << 1) | 1;    \
  j write_tohost

#define TEST_CODE_END          \
write_tohost:                  \
  la t5, tohost;               \
  STORE_TOHOST t6, 0(t5);      \
1: j 1b;                       \
  .section .tohost, "aw", @progbits; \
  .align 6;                    \
  .globl tohost;               \
tohost: .dword 0;              \
  .align 6;                    \
  .globl fromhost;             \
fromhost: .dword 0
