/* A C program that calls a snipgen snippet as an ordinary function several
   times and checks that the callee-saved registers, sp, gp and tp survive
   each call (check64.S / check32.S). The snippet calls back user_hook
   (hook64.S / hook32.S), which clobbers every caller-saved register.
   Built with the C library (RV64) or freestanding (RV32: Debian's cross
   compiler has no rv32 C library), where start32.S provides _start. */
int check_snippet(void);
volatile int hook_calls;

#ifdef FREESTANDING
#define report(...)
#else
#include <stdio.h>
#define report(...) printf(__VA_ARGS__)
#endif

int main(void) {
  for (int I = 0; I < 5; ++I) {
    int R = check_snippet();
    if (R) {
      report("call %d: register check %d failed\n", I, R);
      return R;
    }
  }
  report("ok: 5 calls, %d hook calls\n", hook_calls);
  return 0;
}
