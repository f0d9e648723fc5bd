# Zacas conformance (RV64 and RV32), from the Zacas specification:
#   AMOCAS.W/D/Q rd, rs2, (rs1): temp = M[rs1]; if temp == rd then
#   M[rs1] = rs2; rd = temp (sign-extended for .W on RV64). The compare
#   uses the low 32 bits of rd for .W. AMOCAS.D on RV32 and AMOCAS.Q on RV64
#   use even register pairs (low half in the even register); the x0 pair
#   reads as zero and, as rd, is not written (x1 keeps its value). A
#   misaligned address raises store/AMO address-misaligned (the spec also
#   allows an access fault: either is accepted here); faults are store/AMO
#   faults and leave rd unchanged.
#include "conf_checks.h"
TEST_CODE_BEGIN
  INSTALL_HANDLER
  la s0, buf

  # ---- AMOCAS.W --------------------------------------------------------
  li t0, -5
  sw t0, 0(s0)
#if __riscv_xlen == 64
  li a0, 0x12345678fffffffb   # only the low 32 bits take part in the compare
#else
  li a0, 0xfffffffb
#endif
  li a1, 0x7654321
  amocas.w a0, a1, (s0)       # equal: store
  CHECK(1, a0, -5)            # old word, sign-extended
  lw a2, 0(s0)
  CHECK(2, a2, 0x7654321)
  li a0, 1
  li a1, 2
  amocas.w.aq a0, a1, (s0)    # not equal: memory unchanged
  CHECK(3, a0, 0x7654321)
  lw a2, 0(s0)
  CHECK(4, a2, 0x7654321)
  li a1, 9
  amocas.w.rl a0, a1, (s0)    # equal
  lw a2, 0(s0)
  CHECK(5, a2, 9)
  CHECK(6, a0, 0x7654321)
  amocas.w.aqrl a0, a1, (s0)  # 0x7654321 != 9
  CHECK(7, a0, 9)
  lw a2, 0(s0)
  CHECK(8, a2, 9)
  li t0, 0x80000000
  sw t0, 4(s0)
  addi s1, s0, 4
  li a0, 0x80000000
  li a1, 0
  amocas.w a0, a1, (s1)
  CHECK(9, a0, -0x80000000)   # sign-extended
  lw a2, 4(s0)
  CHECK(10, a2, 0)

#if __riscv_xlen == 64
  # ---- AMOCAS.D (RV64: one register) ------------------------------------
  li t0, 0x8000000000000001
  sd t0, 16(s0)
  addi s1, s0, 16
  li a0, 0x8000000000000001
  li a1, 0x0123456789abcdef
  amocas.d a0, a1, (s1)
  CHECK(20, a0, 0x8000000000000001)
  ld a2, 16(s0)
  CHECK(21, a2, 0x0123456789abcdef)
  li a0, 0
  amocas.d.aqrl a0, a1, (s1)
  CHECK(22, a0, 0x0123456789abcdef)

  # ---- AMOCAS.Q (RV64: pairs, 16-byte aligned) --------------------------
  li t0, 0x1111111111111111
  sd t0, 32(s0)
  li t0, 0x2222222222222222
  sd t0, 40(s0)
  addi s1, s0, 32
  li a0, 0x1111111111111111   # compare pair a0 (low), a1 (high)
  li a1, 0x2222222222222222
  li a2, 0x3333333333333333   # swap pair a2 (low), a3 (high)
  li a3, 0x4444444444444444
  amocas.q a0, a2, (s1)
  CHECK(30, a0, 0x1111111111111111)
  CHECK(31, a1, 0x2222222222222222)
  ld a4, 32(s0)
  CHECK(32, a4, 0x3333333333333333)
  ld a4, 40(s0)
  CHECK(33, a4, 0x4444444444444444)
  li a0, 0x3333333333333333   # low half equal, high half not
  li a1, 0
  amocas.q.aq a0, a2, (s1)
  CHECK(34, a0, 0x3333333333333333)
  CHECK(35, a1, 0x4444444444444444)
  # rd = x0 pair: compares with zero and writes neither x0 nor x1.
  li ra, 77
  amocas.q.rl zero, a2, (s1)  # memory is not zero: no store
  CHECK(36, ra, 77)
  sd zero, 48(s0)
  sd zero, 56(s0)
  addi s1, s0, 48
  amocas.q.aqrl zero, a2, (s1) # memory is zero: store a2:a3
  CHECK(37, ra, 77)
  ld a4, 48(s0)
  CHECK(38, a4, 0x3333333333333333)
  ld a4, 56(s0)
  CHECK(39, a4, 0x4444444444444444)
  # rs2 = x0 pair stores zeros.
  li a0, 0x3333333333333333
  li a1, 0x4444444444444444
  amocas.q a0, zero, (s1)
  ld a4, 48(s0)
  CHECK(40, a4, 0)
  ld a4, 56(s0)
  CHECK(41, a4, 0)
  CHECK(42, a0, 0x3333333333333333)
  # Misaligned: 8-aligned but not 16-aligned.
  addi s1, s0, 8
  li a0, 0x55
  amocas.q a0, a2, (s1)
  li t0, 6
  beq s10, t0, 2f
  CHECK(43, s10, 7)
2:
  CHECK_REG(44, s11, s1)
  CHECK(45, a0, 0x55)
  li s10, -1
  addi s1, s0, 4
  amocas.d a0, a2, (s1)
  li t0, 6
  beq s10, t0, 2f
  CHECK(46, s10, 7)
2:
  CHECK_REG(47, s11, s1)
  li s10, -1
#else
  # ---- AMOCAS.D (RV32: pairs, 8-byte aligned) ---------------------------
  li t0, 0x80000001
  sw t0, 16(s0)
  li t0, 0x7fffffff
  sw t0, 20(s0)
  addi s1, s0, 16
  li a0, 0x80000001           # compare pair a0 (low), a1 (high)
  li a1, 0x7fffffff
  li a2, 0x11111111           # swap pair a2 (low), a3 (high)
  li a3, 0x22222222
  amocas.d a0, a2, (s1)
  CHECK(20, a0, 0x80000001)
  CHECK(21, a1, 0x7fffffff)
  lw a4, 16(s0)
  CHECK(22, a4, 0x11111111)
  lw a4, 20(s0)
  CHECK(23, a4, 0x22222222)
  li a0, 0x11111111           # high half differs
  li a1, 0
  li a4, 0x33
  li a5, 0x44
  amocas.d.aq a0, a4, (s1)
  CHECK(24, a0, 0x11111111)
  CHECK(25, a1, 0x22222222)
  lw a4, 16(s0)
  CHECK(26, a4, 0x11111111)
  # rd = x0 pair.
  li ra, 77
  li a4, 0x33
  amocas.d.rl zero, a4, (s1)  # memory not zero: no store
  CHECK(27, ra, 77)
  sw zero, 24(s0)
  sw zero, 28(s0)
  addi s1, s0, 24
  amocas.d.aqrl zero, a4, (s1) # memory zero: store a4:a5
  CHECK(28, ra, 77)
  lw t0, 24(s0)
  CHECK(29, t0, 0x33)
  lw t0, 28(s0)
  CHECK(30, t0, 0x44)
  # rs2 = x0 pair stores zeros.
  li a0, 0x33
  li a1, 0x44
  amocas.d a0, zero, (s1)
  lw t0, 24(s0)
  CHECK(31, t0, 0)
  lw t0, 28(s0)
  CHECK(32, t0, 0)
  # Misaligned: 4-aligned but not 8-aligned.
  addi s1, s0, 4
  li a0, 0x55
  amocas.d a0, a2, (s1)
  li t0, 6
  beq s10, t0, 2f
  CHECK(33, s10, 7)
2:
  CHECK_REG(34, s11, s1)
  CHECK(35, a0, 0x55)
  li s10, -1
#endif

  # ---- Faults -------------------------------------------------------------
  addi s1, s0, 2
  li a0, 0x66
  amocas.w a0, a1, (s1)       # misaligned word
  li t0, 6
  beq s10, t0, 2f
  CHECK(50, s10, 7)
2:
  CHECK_REG(51, s11, s1)
  CHECK(52, a0, 0x66)
  li s10, -1
  li s1, UNMAPPED
  amocas.w a0, a1, (s1)       # no memory: store/AMO access fault
  EXPECT_TRAP(53, 7, UNMAPPED)
  CHECK(54, a0, 0x66)
  TEST_PASS
TRAP_HANDLER
TEST_CODE_END
  .data
  .align 4
buf: .fill 64, 1, 0
