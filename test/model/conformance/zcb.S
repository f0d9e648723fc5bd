# Zcb conformance (RV64 and RV32), from the Zcb specification: each
# instruction is its 32-bit expansion - c.lbu/c.lhu/c.lh/c.sb/c.sh are
# lbu/lhu/lh/sb/sh with a small unsigned offset; c.zext.b is andi 0xff;
# c.sext.b, c.zext.h, c.sext.h are the Zbb instructions; c.zext.w (RV64) is
# add.uw rd, rd, x0; c.not is xori -1; c.mul is mul rd, rd, rs2. Faults are
# those of the expanded load or store.
#include "conf_checks.h"
TEST_CODE_BEGIN
  INSTALL_HANDLER
  la s0, buf

  # Loads and stores.
  li a0, 0x80
  c.sb a0, 3(s0)
  c.lbu a1, 3(s0)
  CHECK(1, a1, 0x80)
  li a0, -2
  c.sh a0, 2(s0)
  c.lbu a1, 3(s0)
  CHECK(2, a1, 0xff)
  c.lhu a2, 2(s0)
  CHECK(3, a2, 0xfffe)
  c.lh a3, 2(s0)
  CHECK(4, a3, -2)
  c.sb a0, 0(s0)
  c.lbu a4, 0(s0)
  CHECK(5, a4, 0xfe)
  lw a5, 0(s0)
  CHECK(6, a5, -130818)       # bytes fe 00 fe ff
  li a0, 0x17ffe
  c.sh a0, 0(s0)              # only the low 16 bits
  c.lh a3, 0(s0)
  CHECK(7, a3, 0x7ffe)
  c.lbu a4, 1(s0)
  CHECK(8, a4, 0x7f)
  c.lbu a4, 2(s0)
  CHECK(9, a4, 0xfe)

  # c.zext.b (Zcb alone).
  li a0, 0x123456f0
  c.zext.b a0
  CHECK(10, a0, 0xf0)
  # Zbb forms.
  li a1, 0x80
  c.sext.b a1
  CHECK(11, a1, -128)
  li a1, 0x1237f
  c.sext.b a1
  CHECK(12, a1, 0x7f)
  li a2, 0x12348765
  c.zext.h a2
  CHECK(13, a2, 0x8765)
  li a3, 0x12348765
  c.sext.h a3
  CHECK(14, a3, -30875)
  li a3, 0x7fff
  c.sext.h a3
  CHECK(15, a3, 0x7fff)
  # c.not.
  li a4, 0
  c.not a4
  CHECK(16, a4, -1)
  li a4, 0x5555
  c.not a4
  CHECK(17, a4, -0x5556)
  # c.mul (M): low XLEN bits of the product.
  li a5, 7
  li s1, -3
  c.mul a5, s1
  CHECK(18, a5, -21)
  li a5, 0x10001
  li s1, 0x10001
  c.mul a5, s1
#if __riscv_xlen == 64
  CHECK(19, a5, 0x100020001)
  li a5, 0x123456789
  li s1, 0x10
  c.mul a5, s1
  CHECK(20, a5, 0x1234567890)
  # c.zext.w (Zba, RV64 only).
  li a0, -0x80000000
  c.zext.w a0
  CHECK(21, a0, 0x80000000)
  li a0, 0x123456789
  c.zext.w a0
  CHECK(22, a0, 0x23456789)
#else
  CHECK(19, a5, 0x00020001)
#endif

  # Faults: the expanded load/store's causes, mtval = the address.
  li s1, UNMAPPED
  li a0, 0x33
  c.lbu a0, 1(s1)
  EXPECT_TRAP(30, 5, UNMAPPED + 1)
  CHECK(31, a0, 0x33)
  c.lh a0, 2(s1)
  EXPECT_TRAP(32, 5, UNMAPPED + 2)
  c.sh a0, 2(s1)
  EXPECT_TRAP(33, 7, UNMAPPED + 2)
  c.sb a0, 3(s1)
  EXPECT_TRAP(34, 7, UNMAPPED + 3)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
  .data
  .align 3
buf: .fill 16, 1, 0
