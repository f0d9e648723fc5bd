# Zfinx/Zdinx/Zhinx conformance (RV64), written from the "Zfinx" chapter of
# the unprivileged spec: FP operands in X registers with the upper bits ignored,
# results sign-extended to XLEN; misa.F/D and mstatus.FS read 0 while fcsr
# works. Expected values come from Python's IEEE arithmetic; exits through
# tohost (0 = pass).
#include "fpcheck.h"
TEST_CODE_BEGIN
  csrw fflags, zero
# Zfinx: misa.F/D are 0, mstatus.FS is hardwired to 0, fcsr exists
#ifndef FP_USER_MODE
  csrr t4, misa
  srli t4, t4, 3
  andi t4, t4, 0x5
  CHECK_X t4, 0x0, 1
  li t4, 0x6000
  csrs mstatus, t4
  csrr t4, mstatus
  li t3, 0x6000
  and t4, t4, t3
  CHECK_X t4, 0x0, 2
#endif
  csrwi frm, 3
  csrr t4, frm
  CHECK_X t4, 0x3, 3
  csrwi fcsr, 0x1f
  csrr t4, fcsr
  CHECK_X t4, 0x1f, 4
  csrwi fcsr, 0
# Single: upper bits ignored on input, results sign-extended
  li a1, 0x123456783f800000
  li a2, 0x1234567840000000
  fadd.s a0, a1, a2
  CHECK_X a0, 0x40400000, 5
  fsub.s a0, a1, a2
  CHECK_X a0, 0xffffffffbf800000, 6
  fmul.s a0, a2, a2
  CHECK_X a0, 0x40800000, 7
  fsgnjn.s a3, a1, a1
  CHECK_X a3, 0xffffffffbf800000, 8
  fsgnjx.s a3, a3, a3
  CHECK_X a3, 0x3f800000, 9
  fmadd.s a0, a2, a2, a1
  CHECK_X a0, 0x40a00000, 10
  fnmsub.s a0, a2, a2, a1
  CHECK_X a0, 0xffffffffc0400000, 11
  fsqrt.s a0, a0
  CHECK_X a0, 0x7fc00000, 12
  CHECK_FLAGS 0x10, 13
  fdiv.s a0, a1, zero
  CHECK_X a0, 0x7f800000, 14
  CHECK_FLAGS 0x8, 15
  li a1, 0x123456783f800000
  li a2, 0x1234567840400000
  fdiv.s a0, a1, a2
  CHECK_X a0, 0x3eaaaaab, 16
  CHECK_FLAGS 0x1, 17
  fdiv.s a0, a1, a2, rtz
  CHECK_X a0, 0x3eaaaaaa, 18
  CHECK_FLAGS 0x1, 19
  feq.s a0, a1, a1
  CHECK_X a0, 0x1, 20
  flt.s a0, a2, a1
  CHECK_X a0, 0x0, 21
  fle.s a0, a1, a2
  CHECK_X a0, 0x1, 22
  li a4, 0x123456787fc00000
  feq.s a0, a4, a4
  CHECK_X a0, 0x0, 23
  CHECK_FLAGS 0x0, 24
  flt.s a0, a4, a1
  CHECK_X a0, 0x0, 25
  CHECK_FLAGS 0x10, 26
  fmin.s a0, a4, a1
  CHECK_X a0, 0x3f800000, 27
  fmax.s a0, a1, a2
  CHECK_X a0, 0x40400000, 28
  fclass.s a0, a1
  CHECK_X a0, 0x40, 29
  fclass.s a0, a4
  CHECK_X a0, 0x200, 30
  li a5, 0x1234567880000000
  fclass.s a0, a5
  CHECK_X a0, 0x8, 31
  fclass.s a0, zero
  CHECK_X a0, 0x10, 32
  li a1, 0x12345678c0200000
  fcvt.w.s a0, a1
  CHECK_X a0, 0xfffffffffffffffe, 33
  CHECK_FLAGS 0x1, 34
  fcvt.wu.s a0, a1
  CHECK_X a0, 0x0, 35
  CHECK_FLAGS 0x10, 36
  li a1, 0x4f32d05e
  fcvt.wu.s a0, a1
  CHECK_X a0, 0xffffffffb2d05e00, 37
  CHECK_FLAGS 0x0, 38
  li a1, 0xfffffffffffffff9
  fcvt.s.w a0, a1
  CHECK_X a0, 0xffffffffc0e00000, 39
  fcvt.s.wu a0, a1
  CHECK_X a0, 0x4f800000, 40
  CHECK_FLAGS 0x1, 41
  li a1, 0xd3800000
  fcvt.l.s a0, a1
  CHECK_X a0, 0xffffff0000000000, 42
  fcvt.lu.s a0, a1
  CHECK_X a0, 0x0, 43
  CHECK_FLAGS 0x10, 44
  li a1, 0xffffff0000000000
  fcvt.s.l a0, a1
  CHECK_X a0, 0xffffffffd3800000, 45
  fcvt.s.lu a0, a1
  CHECK_X a0, 0x5f7fffff, 46
  CHECK_FLAGS 0x0, 47
  fadd.s zero, a1, a1
  CHECK_X zero, 0x0, 48
# Half (Zhinx): 16-bit operands, results sign-extended to XLEN
  li a1, 0x12345678dead3c00
  li a2, 0x12345678dead4000
  fadd.h a0, a1, a2
  CHECK_X a0, 0x4200, 49
  fsub.h a0, a1, a2
  CHECK_X a0, 0xffffffffffffbc00, 50
  fmul.h a0, a2, a2
  CHECK_X a0, 0x4400, 51
  fdiv.h a0, a1, a2
  CHECK_X a0, 0x3800, 52
  fmsub.h a0, a2, a2, a1
  CHECK_X a0, 0x4200, 53
  fnmadd.h a0, a2, a2, a1
  CHECK_X a0, 0xffffffffffffc500, 54
#if !defined(FP_USER_MODE) || __riscv_xlen == 64
  fsgnjn.h a0, a1, a1
  CHECK_X a0, 0xffffffffffffbc00, 55
  fsgnjx.h a0, a1, a0
  CHECK_X a0, 0xffffffffffffbc00, 56
#endif
  fsgnj.h a0, a1, a1
  CHECK_X a0, 0x3c00, 57
  fmin.h a0, a1, a2
  CHECK_X a0, 0x3c00, 58
  fmax.h a0, a1, a2
  CHECK_X a0, 0x4000, 59
  feq.h a0, a1, a2
  CHECK_X a0, 0x0, 60
  flt.h a0, a1, a2
  CHECK_X a0, 0x1, 61
  fle.h a0, a2, a2
  CHECK_X a0, 0x1, 62
  fclass.h a0, a1
  CHECK_X a0, 0x40, 63
  fsqrt.h a0, a2
  CHECK_X a0, 0x3da8, 64
  CHECK_FLAGS 0x1, 65
  li a1, 0x7bff
  fadd.h a0, a1, a1
  CHECK_X a0, 0x7c00, 66
  CHECK_FLAGS 0x5, 67
  li a1, 0x12345678deadc380
  fcvt.w.h a0, a1, rne
  CHECK_X a0, 0xfffffffffffffffc, 68
  CHECK_FLAGS 0x1, 69
  fcvt.wu.h a0, a1, rne
  CHECK_X a0, 0x0, 70
  CHECK_FLAGS 0x10, 71
  li a1, 0x11170
  fcvt.h.w a0, a1
  CHECK_X a0, 0x7c00, 72
  CHECK_FLAGS 0x5, 73
  li a1, 0x801
  fcvt.h.wu a0, a1
  CHECK_X a0, 0x6800, 74
  CHECK_FLAGS 0x1, 75
  li a1, 0xfffffffffffffffb
  fcvt.h.l a0, a1
  CHECK_X a0, 0xffffffffffffc500, 76
  fcvt.h.lu a0, a1
  CHECK_X a0, 0x7c00, 77
  CHECK_FLAGS 0x5, 78
  li a1, 0xc500
  fcvt.l.h a0, a1
  CHECK_X a0, 0xfffffffffffffffb, 79
  fcvt.lu.h a0, a1
  CHECK_X a0, 0x0, 80
  CHECK_FLAGS 0x10, 81
# Zhinxmin conversions
  li a1, 0x123456783fc00000
  fcvt.h.s a0, a1
  CHECK_X a0, 0x3e00, 82
  li a1, 0x12345678deadbe00
  fcvt.s.h a0, a1
  CHECK_X a0, 0xffffffffbfc00000, 83
  li a1, 0x12345678dead7c01
  fcvt.s.h a0, a1
  CHECK_X a0, 0x7fc00000, 84
  CHECK_FLAGS 0x10, 85
# Double (Zdinx)
  li a2, 0x3ff0000000000000
  li a4, 0x4000000000000000
  fadd.d a0, a2, a4
  CHECK_X a0, 0x4008000000000000, 86
  fsub.d a0, a2, a4
  CHECK_X a0, 0xbff0000000000000, 87
  fmul.d a6, a4, a4
  CHECK_X a6, 0x4010000000000000, 88
  fdiv.d a0, a2, a4
  CHECK_X a0, 0x3fe0000000000000, 89
  fmadd.d a0, a4, a4, a2
  CHECK_X a0, 0x4014000000000000, 90
  fnmsub.d a0, a4, a4, a2
  CHECK_X a0, 0xc008000000000000, 91
  fsgnjn.d a0, a2, a2
  CHECK_X a0, 0xbff0000000000000, 92
  fsgnjx.d a0, a0, a4
  CHECK_X a0, 0xbff0000000000000, 93
  fmin.d a0, a2, a4
  CHECK_X a0, 0x3ff0000000000000, 94
  fmax.d a0, a2, a4
  CHECK_X a0, 0x4000000000000000, 95
  feq.d a0, a2, a2
  CHECK_X a0, 0x1, 96
  flt.d a0, a4, a2
  CHECK_X a0, 0x0, 97
  fle.d a0, a2, a4
  CHECK_X a0, 0x1, 98
  fclass.d a0, a4
  CHECK_X a0, 0x40, 99
  li a2, 0x4000000000000000
  fsqrt.d a0, a2
  CHECK_X a0, 0x3ff6a09e667f3bcd, 100
  CHECK_FLAGS 0x1, 101
  li a2, 0x3ff0000000000000
  li a4, 0x4008000000000000
  fdiv.d a0, a2, a4, rup
  CHECK_X a0, 0x3fd5555555555556, 102
  CHECK_FLAGS 0x1, 103
  fcvt.s.d a0, a4
  CHECK_X a0, 0x40400000, 104
  li a4, 0x3fd5555555555555
  fcvt.s.d a0, a4
  CHECK_X a0, 0x3eaaaaab, 105
  CHECK_FLAGS 0x1, 106
  li a1, 0x12345678be800000
  fcvt.d.s a0, a1
  CHECK_X a0, 0xbfd0000000000000, 107
  li a4, 0xc00c000000000000
  fcvt.w.d a1, a4
  CHECK_X a1, 0xfffffffffffffffc, 108
  CHECK_FLAGS 0x1, 109
  fcvt.wu.d a1, a4, rtz
  CHECK_X a1, 0x0, 110
  CHECK_FLAGS 0x10, 111
  li t0, 0xfffffffffffffff7
  fcvt.d.w a0, t0
  CHECK_X a0, 0xc022000000000000, 112
  fcvt.d.wu a0, t0
  CHECK_X a0, 0x41effffffee00000, 113
  li a4, 0xc3b0000000000000
  fcvt.l.d a1, a4
  CHECK_X a1, 0xf000000000000000, 114
  fcvt.lu.d a1, a4
  CHECK_X a1, 0x0, 115
  CHECK_FLAGS 0x10, 116
  li a1, 0x8000000000000001
  fcvt.d.lu a0, a1
  CHECK_X a0, 0x43e0000000000000, 117
  CHECK_FLAGS 0x1, 118
  fcvt.d.l a0, a1
  CHECK_X a0, 0xc3e0000000000000, 119
  CHECK_FLAGS 0x1, 120
  li a1, 0x12345678dead3800
  fcvt.d.h a0, a1
  CHECK_X a0, 0x3fe0000000000000, 121
  li a4, 0x4202a05f20000000
  fcvt.h.d a0, a4
  CHECK_X a0, 0x7c00, 122
  CHECK_FLAGS 0x5, 123
# mstatus.FS stays 0 after FP work and fcsr writes
  csrwi fflags, 1
#ifndef FP_USER_MODE
  csrr t4, mstatus
  li t3, 0x6000
  and t4, t4, t3
  CHECK_X t4, 0x0, 124
  csrr t4, mstatus
  srli t4, t4, 63
  CHECK_X t4, 0x0, 125
#endif
  CHECK_FLAGS 0x1, 126
  TEST_PASS
TEST_CODE_END
