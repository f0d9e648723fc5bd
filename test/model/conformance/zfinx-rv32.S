# Zfinx/Zdinx/Zhinx conformance (RV32), written from the "Zfinx" chapter of
# the unprivileged spec: FP operands in X registers with the upper bits ignored,
# results sign-extended to XLEN, RV32 doubles in even/odd pairs
# (x0 pair reads zero, writes dropped); misa.F/D and mstatus.FS read 0 while fcsr
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
  li a1, 0x3f800000
  li a2, 0x40000000
  fadd.s a0, a1, a2
  CHECK_X a0, 0x40400000, 5
  fsub.s a0, a1, a2
  CHECK_X a0, 0xbf800000, 6
  fmul.s a0, a2, a2
  CHECK_X a0, 0x40800000, 7
  fsgnjn.s a3, a1, a1
  CHECK_X a3, 0xbf800000, 8
  fsgnjx.s a3, a3, a3
  CHECK_X a3, 0x3f800000, 9
  fmadd.s a0, a2, a2, a1
  CHECK_X a0, 0x40a00000, 10
  fnmsub.s a0, a2, a2, a1
  CHECK_X a0, 0xc0400000, 11
  fsqrt.s a0, a0
  CHECK_X a0, 0x7fc00000, 12
  CHECK_FLAGS 0x10, 13
  fdiv.s a0, a1, zero
  CHECK_X a0, 0x7f800000, 14
  CHECK_FLAGS 0x8, 15
  li a1, 0x3f800000
  li a2, 0x40400000
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
  li a4, 0x7fc00000
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
  li a5, 0x80000000
  fclass.s a0, a5
  CHECK_X a0, 0x8, 31
  fclass.s a0, zero
  CHECK_X a0, 0x10, 32
  li a1, 0xc0200000
  fcvt.w.s a0, a1
  CHECK_X a0, 0xfffffffe, 33
  CHECK_FLAGS 0x1, 34
  fcvt.wu.s a0, a1
  CHECK_X a0, 0x0, 35
  CHECK_FLAGS 0x10, 36
  li a1, 0x4f32d05e
  fcvt.wu.s a0, a1
  CHECK_X a0, 0xb2d05e00, 37
  CHECK_FLAGS 0x0, 38
  li a1, 0xfffffff9
  fcvt.s.w a0, a1
  CHECK_X a0, 0xc0e00000, 39
  fcvt.s.wu a0, a1
  CHECK_X a0, 0x4f800000, 40
  CHECK_FLAGS 0x1, 41
  fadd.s zero, a1, a1
  CHECK_X zero, 0x0, 42
# Half (Zhinx): 16-bit operands, results sign-extended to XLEN
  li a1, 0xdead3c00
  li a2, 0xdead4000
  fadd.h a0, a1, a2
  CHECK_X a0, 0x4200, 43
  fsub.h a0, a1, a2
  CHECK_X a0, 0xffffbc00, 44
  fmul.h a0, a2, a2
  CHECK_X a0, 0x4400, 45
  fdiv.h a0, a1, a2
  CHECK_X a0, 0x3800, 46
  fmsub.h a0, a2, a2, a1
  CHECK_X a0, 0x4200, 47
  fnmadd.h a0, a2, a2, a1
  CHECK_X a0, 0xffffc500, 48
#if !defined(FP_USER_MODE) || __riscv_xlen == 64
  fsgnjn.h a0, a1, a1
  CHECK_X a0, 0xffffbc00, 49
  fsgnjx.h a0, a1, a0
  CHECK_X a0, 0xffffbc00, 50
#endif
  fsgnj.h a0, a1, a1
  CHECK_X a0, 0x3c00, 51
  fmin.h a0, a1, a2
  CHECK_X a0, 0x3c00, 52
  fmax.h a0, a1, a2
  CHECK_X a0, 0x4000, 53
  feq.h a0, a1, a2
  CHECK_X a0, 0x0, 54
  flt.h a0, a1, a2
  CHECK_X a0, 0x1, 55
  fle.h a0, a2, a2
  CHECK_X a0, 0x1, 56
  fclass.h a0, a1
  CHECK_X a0, 0x40, 57
  fsqrt.h a0, a2
  CHECK_X a0, 0x3da8, 58
  CHECK_FLAGS 0x1, 59
  li a1, 0x7bff
  fadd.h a0, a1, a1
  CHECK_X a0, 0x7c00, 60
  CHECK_FLAGS 0x5, 61
  li a1, 0xdeadc380
  fcvt.w.h a0, a1, rne
  CHECK_X a0, 0xfffffffc, 62
  CHECK_FLAGS 0x1, 63
  fcvt.wu.h a0, a1, rne
  CHECK_X a0, 0x0, 64
  CHECK_FLAGS 0x10, 65
  li a1, 0x11170
  fcvt.h.w a0, a1
  CHECK_X a0, 0x7c00, 66
  CHECK_FLAGS 0x5, 67
  li a1, 0x801
  fcvt.h.wu a0, a1
  CHECK_X a0, 0x6800, 68
  CHECK_FLAGS 0x1, 69
# Zhinxmin conversions
  li a1, 0x3fc00000
  fcvt.h.s a0, a1
  CHECK_X a0, 0x3e00, 70
  li a1, 0xdeadbe00
  fcvt.s.h a0, a1
  CHECK_X a0, 0xbfc00000, 71
  li a1, 0xdead7c01
  fcvt.s.h a0, a1
  CHECK_X a0, 0x7fc00000, 72
  CHECK_FLAGS 0x10, 73
# Double (Zdinx): even/odd register pairs, low word in the even one
  li a2, 0x0
  li a3, 0x3ff00000
  li a4, 0x0
  li a5, 0x40000000
  fadd.d a0, a2, a4
  CHECK_X a0, 0x0, 74
  CHECK_X a1, 0x40080000, 75
  fsub.d a0, a2, a4
  CHECK_X a0, 0x0, 76
  CHECK_X a1, 0xbff00000, 77
  fmul.d a6, a4, a4
  CHECK_X a6, 0x0, 78
  CHECK_X a7, 0x40100000, 79
  fdiv.d a0, a2, a4
  CHECK_X a0, 0x0, 80
  CHECK_X a1, 0x3fe00000, 81
  fmadd.d a0, a4, a4, a2
  CHECK_X a0, 0x0, 82
  CHECK_X a1, 0x40140000, 83
  fnmsub.d a0, a4, a4, a2
  CHECK_X a0, 0x0, 84
  CHECK_X a1, 0xc0080000, 85
  fsgnjn.d a0, a2, a2
  CHECK_X a0, 0x0, 86
  CHECK_X a1, 0xbff00000, 87
  fsgnjx.d a0, a0, a4
  CHECK_X a0, 0x0, 88
  CHECK_X a1, 0xbff00000, 89
  fmin.d a0, a2, a4
  CHECK_X a0, 0x0, 90
  CHECK_X a1, 0x3ff00000, 91
  fmax.d a0, a2, a4
  CHECK_X a0, 0x0, 92
  CHECK_X a1, 0x40000000, 93
  feq.d a0, a2, a2
  CHECK_X a0, 0x1, 94
  flt.d a0, a4, a2
  CHECK_X a0, 0x0, 95
  fle.d a0, a2, a4
  CHECK_X a0, 0x1, 96
  fclass.d a0, a4
  CHECK_X a0, 0x40, 97
  li a2, 0x0
  li a3, 0x40000000
  fsqrt.d a0, a2
  CHECK_X a0, 0x667f3bcd, 98
  CHECK_X a1, 0x3ff6a09e, 99
  CHECK_FLAGS 0x1, 100
  li a2, 0x0
  li a3, 0x3ff00000
  li a4, 0x0
  li a5, 0x40080000
  fdiv.d a0, a2, a4, rup
  CHECK_X a0, 0x55555556, 101
  CHECK_X a1, 0x3fd55555, 102
  CHECK_FLAGS 0x1, 103
  fcvt.s.d a0, a4
  CHECK_X a0, 0x40400000, 104
  li a4, 0x55555555
  li a5, 0x3fd55555
  fcvt.s.d a0, a4
  CHECK_X a0, 0x3eaaaaab, 105
  CHECK_FLAGS 0x1, 106
  li a1, 0xbe800000
  fcvt.d.s a0, a1
  CHECK_X a0, 0x0, 107
  CHECK_X a1, 0xbfd00000, 108
  li a4, 0x0
  li a5, 0xc00c0000
  fcvt.w.d a1, a4
  CHECK_X a1, 0xfffffffc, 109
  CHECK_FLAGS 0x1, 110
  fcvt.wu.d a1, a4, rtz
  CHECK_X a1, 0x0, 111
  CHECK_FLAGS 0x10, 112
  li t0, 0xfffffff7
  fcvt.d.w a0, t0
  CHECK_X a0, 0x0, 113
  CHECK_X a1, 0xc0220000, 114
  fcvt.d.wu a0, t0
  CHECK_X a0, 0xfee00000, 115
  CHECK_X a1, 0x41efffff, 116
# x0 as a pair: reads as +0.0; a write to it is dropped (x1 untouched)
  li a4, 0x0
  li a5, 0x40000000
  fadd.d a0, zero, a4
  CHECK_X a0, 0x0, 117
  CHECK_X a1, 0x40000000, 118
  fclass.d a0, zero
  CHECK_X a0, 0x10, 119
  li ra, 0x1234
  fadd.d zero, a4, a4
  CHECK_X ra, 0x1234, 120
  CHECK_X zero, 0x0, 121
  fsgnjn.d s2, zero, zero
  CHECK_X s2, 0x0, 122
  CHECK_X s3, 0x80000000, 123
  fcvt.d.w zero, a1
  CHECK_X ra, 0x1234, 124
# mstatus.FS stays 0 after FP work and fcsr writes
  csrwi fflags, 1
#ifndef FP_USER_MODE
  csrr t4, mstatus
  li t3, 0x6000
  and t4, t4, t3
  CHECK_X t4, 0x0, 125
  csrr t4, mstatus
  srli t4, t4, 31
  CHECK_X t4, 0x0, 126
#endif
  CHECK_FLAGS 0x1, 127
  TEST_PASS
TEST_CODE_END
