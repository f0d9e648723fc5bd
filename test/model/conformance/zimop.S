# Zimop and Zcmop conformance (RV64 and RV32), from the specifications:
# MOP.R.n (n = 0..31) and MOP.RR.n (n = 0..7) write 0 to rd and have no other
# effect; C.MOP.n (n = 1, 3, ..., 15) writes no register at all (it may only
# ever read x[n]).
#include "conf_checks.h"

#define MOP_R(n) li a0, 0x5a; li a1, 0x77; mop.r.##n a0, a1; CHECK(1, a0, 0); CHECK(2, a1, 0x77)
#define MOP_RR(n) li a0, 0x5a; li a1, 0x77; li a2, 0x99; mop.rr.##n a0, a1, a2; \
  CHECK(3, a0, 0); CHECK(4, a1, 0x77); CHECK(5, a2, 0x99)

TEST_CODE_BEGIN
  INSTALL_HANDLER
  MOP_R(0)  MOP_R(1)  MOP_R(2)  MOP_R(3)  MOP_R(4)  MOP_R(5)  MOP_R(6)  MOP_R(7)
  MOP_R(8)  MOP_R(9)  MOP_R(10) MOP_R(11) MOP_R(12) MOP_R(13) MOP_R(14) MOP_R(15)
  MOP_R(16) MOP_R(17) MOP_R(18) MOP_R(19) MOP_R(20) MOP_R(21) MOP_R(22) MOP_R(23)
  MOP_R(24) MOP_R(25) MOP_R(26) MOP_R(27) MOP_R(28) MOP_R(29) MOP_R(30) MOP_R(31)
  MOP_RR(0) MOP_RR(1) MOP_RR(2) MOP_RR(3) MOP_RR(4) MOP_RR(5) MOP_RR(6) MOP_RR(7)
  # rd = rs1: still zero.
  li a3, 0x1234
  mop.r.17 a3, a3
  CHECK(6, a3, 0)
  li a3, 0x1234
  mop.rr.5 a3, a3, a3
  CHECK(7, a3, 0)

  # C.MOP.n: x1, x3, ..., x15 keep their values.
  li x1, 101
  li x3, 103
  li x5, 105
  li x7, 107
  li x9, 109
  li x11, 111
  li x13, 113
  li x15, 115
  c.mop.1
  c.mop.3
  c.mop.5
  c.mop.7
  c.mop.9
  c.mop.11
  c.mop.13
  c.mop.15
  CHECK(10, x1, 101)
  CHECK(11, x3, 103)
  CHECK(12, x5, 105)
  CHECK(13, x7, 107)
  CHECK(14, x9, 109)
  CHECK(15, x11, 111)
  CHECK(16, x13, 113)
  CHECK(17, x15, 115)
  EXPECT_NO_TRAP(18)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
