/* Zbkb: pack, packh, packw, brev8, zip/unzip (RV32), rev8, rotates, andn,
   orn, xnor - values from the instruction definitions of the scalar crypto
   spec. */
#include "zk.h"

int main(void) {
  CHECK(1, OP2("packh", 0x1234, 0x5678), 0x7834);
  CHECK(2, OP2("packh", -1, 0), 0xff);
  CHECK(3, OP2("andn", 0xf0f0, 0xff00), 0xf0);
  CHECK(4, OP2("orn", 0, 0x0f), ~(xlen_t)0x0f);
  CHECK(5, OP2("xnor", 0x5a, 0x5a), ~(xlen_t)0);
  CHECK(6, OP1I("rori", 1, 1), (xlen_t)1 << (__riscv_xlen - 1));
  CHECK(7, OP2("rol", (xlen_t)1 << (__riscv_xlen - 1), __riscv_xlen + 1), 1);
  CHECK(8, OP2("ror", 6, __riscv_xlen + 1), 3);
#if __riscv_xlen == 64
  CHECK(10, OP2("pack", 0x1111111122222222ul, 0x3333333344444444ul),
        0x4444444422222222ul);
  CHECK(11, OP2("packw", 0xaaaa5678ul, 0xbbbb9abcul), 0xffffffff9abc5678ul);
  CHECK(12, OP2("packw", 0x1234ul, 0xffff7fffu), 0x7fff1234ul);
  CHECK(13, OP1("rev8", 0x0102030405060708ul), 0x0807060504030201ul);
  CHECK(14, OP1("brev8", 0x01020408102040f0ul), 0x804020100804020ful);
  CHECK(15, OP2("rorw", 0x80000001ul, 1), 0xffffffffc0000000ul);
  CHECK(16, OP2("rolw", 0xffffffff00000001ul, 33), 2);
  CHECK(17, OP1I("roriw", 0x100000000ul | 2, 1), 1);
  /* pack + rev8 + brev8 reverse all 64 bits: a use from the spec. */
  CHECK(18, OP1("brev8", OP1("rev8", 1)), 0x8000000000000000ul);
#else
  CHECK(10, OP2("pack", 0x11112222u, 0x33334444u), 0x44442222u);
  CHECK(11, OP1("rev8", 0x01020304u), 0x04030201u);
  CHECK(12, OP1("brev8", 0x12345678u), 0x482c6a1eu);
  CHECK(13, OP1("zip", 0xffff0000u), 0xaaaaaaaau);
  CHECK(14, OP1("zip", 0x0000ff00u), 0x55550000u);
  CHECK(15, OP1("unzip", 0xaaaaaaaau), 0xffff0000u);
  CHECK(16, OP1("unzip", 0x00000006u), 0x00010002u);
  CHECK(17, OP1("unzip", OP1("zip", 0x12345678u)), 0x12345678u);
  CHECK(18, OP1("zip", 0x00010002u), 0x00000006u);
#endif
  return 0;
}
