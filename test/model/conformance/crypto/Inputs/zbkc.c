/* Zbkc: carry-less multiplication, low and high halves of the 2*XLEN-bit
   product. */
#include "zk.h"

int main(void) {
  const xlen_t Ones = ~(xlen_t)0, Top = (xlen_t)1 << (__riscv_xlen - 1);
  CHECK(1, OP2("clmul", 0xb, 0x6), 0x3a);          /* x^3+x+1 times x^2+x */
  CHECK(2, OP2("clmulh", 0xb, 0x6), 0);
  CHECK(3, OP2("clmul", Ones, Ones), Ones / 3);    /* 0x5555... */
  CHECK(4, OP2("clmulh", Ones, Ones), Ones / 3);
  CHECK(5, OP2("clmulh", Top, Top), Top >> 1);     /* x^(2*XLEN-2) */
  CHECK(6, OP2("clmul", Top, 2), 0);
  CHECK(7, OP2("clmulh", Top, 2), 1);
  CHECK(8, OP2("clmul", 12345, 1), 12345);
#if __riscv_xlen == 64
  CHECK(10, OP2("clmul", 0x0123456789abcdeful, 0xfedcba9876543210ul),
        0x40a0789828c810f0ul);
  CHECK(11, OP2("clmulh", 0x0123456789abcdeful, 0xfedcba9876543210ul),
        0x00e038d8688850b0ul);
#else
  CHECK(10, OP2("clmul", 0x89abcdefu, 0x76543210u), 0x28c810f0u);
  CHECK(11, OP2("clmulh", 0x89abcdefu, 0x76543210u), 0x38d800e0u);
#endif
  return 0;
}
