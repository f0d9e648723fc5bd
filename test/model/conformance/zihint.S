# Zihintntl and Zihintpause conformance (RV64 and RV32): NTL.P1/PALL/S1/ALL
# (add x0, x0, x2..x5), C.NTL.* (c.add x0, x2..x5) and PAUSE (fence w, 0)
# are hints: they retire with no architectural effect.
#include "conf_checks.h"
TEST_CODE_BEGIN
  INSTALL_HANDLER
  mv s2, sp
  mv s3, gp
  mv s4, tp
  li sp, 0x1002
  li gp, 0x1003
  li tp, 0x1004
  li t0, 0x1005
  ntl.p1
  ntl.pall
  ntl.s1
  ntl.all
  c.ntl.p1
  c.ntl.pall
  c.ntl.s1
  c.ntl.all
  pause
  li a0, 1
  pause
  addi a0, a0, 1
  EXPECT_NO_TRAP(1)
  CHECK(2, sp, 0x1002)
  CHECK(3, gp, 0x1003)
  CHECK(4, tp, 0x1004)
  CHECK(5, t0, 0x1005)
  CHECK(6, a0, 2)
  CHECK(7, zero, 0)
  mv sp, s2
  mv gp, s3
  mv tp, s4
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
