# Zabha conformance (RV64 and RV32), from the Zabha specification: AMO<op>.B
# and .H are the A extension's AMOs on 8 and 16 bits - rd receives the old
# value sign-extended, only the low 8/16 bits of rs2 are used, MIN/MAX
# compare signed, MINU/MAXU unsigned - and, with Zacas, AMOCAS.B/H compare
# the low 8/16 bits of rd. Neighbouring bytes never change. A misaligned
# halfword AMO raises store/AMO address-misaligned (or, as the spec allows,
# an access fault) and leaves rd unchanged.
#include "conf_checks.h"

/* One byte AMO at buf+1: memory m, rs2 s -> memory new, rd old. */
#define BYTE_AMO(n, op, m, s, new, old) \
  li t0, m;                 \
  sb t0, 1(s0);             \
  li a1, s;                 \
  op a0, a1, (s1);          \
  CHECK(n, a0, old);        \
  lbu a2, 1(s0);            \
  CHECK(n, a2, new)

/* One halfword AMO at buf+2. */
#define HALF_AMO(n, op, m, s, new, old) \
  li t0, m;                 \
  sh t0, 2(s0);             \
  li a1, s;                 \
  op a0, a1, (s2);          \
  CHECK(n, a0, old);        \
  lhu a2, 2(s0);            \
  CHECK(n, a2, new)

TEST_CODE_BEGIN
  INSTALL_HANDLER
  la s0, buf
  li t0, 0xa5
  sb t0, 0(s0)
  sb t0, 4(s0)
  addi s1, s0, 1
  addi s2, s0, 2

  BYTE_AMO(1, amoswap.b, 0x80, 0x1234, 0x34, -128)
  BYTE_AMO(2, amoadd.b, 0xff, 0x02, 0x01, -1)
  BYTE_AMO(3, amoxor.b.aq, 0x0f, 0xff, 0xf0, 0x0f)
  BYTE_AMO(4, amoand.b.rl, 0x3c, 0x0f, 0x0c, 0x3c)
  BYTE_AMO(5, amoor.b.aqrl, 0x30, 0x03, 0x33, 0x30)
  BYTE_AMO(6, amomin.b, 0x80, 0x7f, 0x80, -128)      /* -128 < 127 */
  BYTE_AMO(7, amomax.b, 0x80, 0x7f, 0x7f, -128)
  BYTE_AMO(8, amominu.b, 0x80, 0x7f, 0x7f, -128)     /* 128 > 127 */
  BYTE_AMO(9, amomaxu.b, 0x80, 0x17f, 0x80, -128)    /* rs2 byte 0x7f */
  BYTE_AMO(10, amomin.b, 0x01, 0x1ff, 0xff, 1)       /* rs2 byte -1 */
  BYTE_AMO(11, amomaxu.b.aq, 0x01, 0xfe, 0xfe, 1)
  BYTE_AMO(12, amominu.b.rl, 0xfe, 0x01, 0x01, -2)
  BYTE_AMO(13, amomax.b.aqrl, 0xfe, 0x101, 0x01, -2)
  BYTE_AMO(14, amoadd.b.aq, 0x7f, 0x01, 0x80, 0x7f)  /* wraps in 8 bits */

  HALF_AMO(20, amoswap.h, 0x8000, 0x12345, 0x2345, -32768)
  HALF_AMO(21, amoadd.h, 0xffff, 0x0003, 0x0002, -1)
  HALF_AMO(22, amomin.h, 0x0001, 0xffff, 0xffff, 1)
  HALF_AMO(23, amomaxu.h.aqrl, 0x0001, 0xffff, 0xffff, 1)
  HALF_AMO(24, amominu.h, 0x8000, 0x7fff, 0x7fff, -32768)
  HALF_AMO(25, amomax.h, 0x8000, 0x10000, 0x0000, -32768) /* rs2 half 0 */
  HALF_AMO(26, amoxor.h.aq, 0x00ff, 0xffff, 0xff00, 0xff)
  HALF_AMO(27, amoand.h.rl, 0xf0f0, 0xff00, 0xf000, -3856)
  HALF_AMO(28, amoor.h, 0x0101, 0x1010, 0x1111, 0x101)
  HALF_AMO(29, amomaxu.h, 0x7fff, 0x8000, 0x8000, 0x7fff)
  HALF_AMO(30, amomin.h.aq, 0x7fff, 0x8000, 0x8000, 0x7fff)
  HALF_AMO(31, amomax.h.rl, 0xffff, 0xfffe, 0xffff, -1)
  HALF_AMO(32, amominu.h.aqrl, 0xffff, 0xfffe, 0xfffe, -1)

  # Neighbours untouched.
  lbu a2, 0(s0)
  CHECK(40, a2, 0xa5)
  lbu a2, 4(s0)
  CHECK(41, a2, 0xa5)

  # AMOCAS.B / AMOCAS.H.
  li t0, 0xff
  sb t0, 1(s0)
  li a0, -1                   # low byte 0xff: equal
  li a1, 0x12
  amocas.b a0, a1, (s1)
  CHECK(50, a0, -1)
  lbu a2, 1(s0)
  CHECK(51, a2, 0x12)
  li a0, 0x312                # low byte 0x12: equal
  li a1, 0x99
  amocas.b.aq a0, a1, (s1)
  CHECK(52, a0, 0x12)
  lbu a2, 1(s0)
  CHECK(53, a2, 0x99)
  li a0, 0x98                 # not equal
  amocas.b.rl a0, a1, (s1)
  CHECK(54, a0, -103)         # 0x99 sign-extended
  lbu a2, 1(s0)
  CHECK(55, a2, 0x99)
  li t0, 0x8012
  sh t0, 2(s0)
  li a0, 0x1280               # not equal
  li a1, 0x5555
  amocas.h.aqrl a0, a1, (s2)
  CHECK(56, a0, -32750)       # 0x8012 sign-extended
  lhu a2, 2(s0)
  CHECK(57, a2, 0x8012)
  li a0, 0x18012              # low half equal
  amocas.h a0, a1, (s2)
  CHECK(58, a0, -32750)
  lhu a2, 2(s0)
  CHECK(59, a2, 0x5555)
  lbu a2, 0(s0)
  CHECK(60, a2, 0xa5)
  lbu a2, 4(s0)
  CHECK(61, a2, 0xa5)

  # Misaligned halfword AMOs.
  li a0, 0x77
  amoadd.h a0, a1, (s1)
  li t0, 6
  beq s10, t0, 2f
  CHECK(70, s10, 7)
2:
  CHECK_REG(71, s11, s1)
  CHECK(72, a0, 0x77)
  li s10, -1
  amocas.h a0, a1, (s1)
  li t0, 6
  beq s10, t0, 2f
  CHECK(73, s10, 7)
2:
  CHECK_REG(74, s11, s1)
  CHECK(75, a0, 0x77)
  li s10, -1
  # No memory: store/AMO access fault, also for a byte.
  li s3, UNMAPPED
  amoor.b a0, a1, (s3)
  EXPECT_TRAP(76, 7, UNMAPPED)
  CHECK(77, a0, 0x77)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
  .data
  .align 3
buf: .fill 16, 1, 0
