# Zfbfmin conformance (RV64), written from the BF16 extensions spec: FCVT.BF16.S
# rounds like any narrowing conversion (all five modes, overflow, subnormals,
# tininess after rounding), FCVT.S.BF16 is exact; NaNs become canonical.
# Expected values come from an exact rational reference in Python; exits
# through tohost (0 = pass).
#include "fpcheck.h"
TEST_CODE_BEGIN
  csrw fflags, zero
# FCVT.BF16.S in every rounding mode
  li t4, 0x3f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 1
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 2
  CHECK_FLAGS 0x0, 3
  li t4, 0x3f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 4
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 5
  CHECK_FLAGS 0x0, 6
  li t4, 0x3f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 7
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 8
  CHECK_FLAGS 0x0, 9
  li t4, 0x3f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 10
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 11
  CHECK_FLAGS 0x0, 12
  li t4, 0x3f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 13
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 14
  CHECK_FLAGS 0x0, 15
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 16
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 17
  CHECK_FLAGS 0x1, 18
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 19
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 20
  CHECK_FLAGS 0x1, 21
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 22
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 23
  CHECK_FLAGS 0x1, 24
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 25
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 26
  CHECK_FLAGS 0x1, 27
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 28
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 29
  CHECK_FLAGS 0x1, 30
  li t4, 0x3f818000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f82, 31
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 32
  CHECK_FLAGS 0x1, 33
  li t4, 0x3f818000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 34
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 35
  CHECK_FLAGS 0x1, 36
  li t4, 0x3f818000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 37
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 38
  CHECK_FLAGS 0x1, 39
  li t4, 0x3f818000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f82, 40
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 41
  CHECK_FLAGS 0x1, 42
  li t4, 0x3f818000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f82, 43
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 44
  CHECK_FLAGS 0x1, 45
  li t4, 0x3f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 46
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 47
  CHECK_FLAGS 0x1, 48
  li t4, 0x3f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 49
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 50
  CHECK_FLAGS 0x1, 51
  li t4, 0x3f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 52
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 53
  CHECK_FLAGS 0x1, 54
  li t4, 0x3f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 55
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 56
  CHECK_FLAGS 0x1, 57
  li t4, 0x3f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f80, 58
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 59
  CHECK_FLAGS 0x1, 60
  li t4, 0xbf800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffbf80, 61
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 62
  CHECK_FLAGS 0x1, 63
  li t4, 0xbf800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffbf80, 64
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 65
  CHECK_FLAGS 0x1, 66
  li t4, 0xbf800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffbf81, 67
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 68
  CHECK_FLAGS 0x1, 69
  li t4, 0xbf800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffbf80, 70
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 71
  CHECK_FLAGS 0x1, 72
  li t4, 0xbf800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffbf80, 73
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 74
  CHECK_FLAGS 0x1, 75
  li t4, 0x7f7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 76
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 77
  CHECK_FLAGS 0x5, 78
  li t4, 0x7f7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f7f, 79
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 80
  CHECK_FLAGS 0x1, 81
  li t4, 0x7f7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f7f, 82
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 83
  CHECK_FLAGS 0x1, 84
  li t4, 0x7f7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 85
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 86
  CHECK_FLAGS 0x5, 87
  li t4, 0x7f7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 88
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 89
  CHECK_FLAGS 0x5, 90
  li t4, 0xff7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 91
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 92
  CHECK_FLAGS 0x5, 93
  li t4, 0xff7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff7f, 94
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 95
  CHECK_FLAGS 0x1, 96
  li t4, 0xff7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 97
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 98
  CHECK_FLAGS 0x5, 99
  li t4, 0xff7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff7f, 100
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 101
  CHECK_FLAGS 0x1, 102
  li t4, 0xff7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 103
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 104
  CHECK_FLAGS 0x5, 105
  li t4, 0x7f7f8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 106
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 107
  CHECK_FLAGS 0x5, 108
  li t4, 0x7f7f8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f7f, 109
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 110
  CHECK_FLAGS 0x1, 111
  li t4, 0x7f7f8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f7f, 112
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 113
  CHECK_FLAGS 0x1, 114
  li t4, 0x7f7f8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 115
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 116
  CHECK_FLAGS 0x5, 117
  li t4, 0x7f7f8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 118
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 119
  CHECK_FLAGS 0x5, 120
  li t4, 0x10000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 121
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 122
  CHECK_FLAGS 0x0, 123
  li t4, 0x10000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 124
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 125
  CHECK_FLAGS 0x0, 126
  li t4, 0x10000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 127
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 128
  CHECK_FLAGS 0x0, 129
  li t4, 0x10000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 130
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 131
  CHECK_FLAGS 0x0, 132
  li t4, 0x10000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 133
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 134
  CHECK_FLAGS 0x0, 135
  li t4, 0x8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 136
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 137
  CHECK_FLAGS 0x3, 138
  li t4, 0x8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 139
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 140
  CHECK_FLAGS 0x3, 141
  li t4, 0x8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 142
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 143
  CHECK_FLAGS 0x3, 144
  li t4, 0x8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 145
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 146
  CHECK_FLAGS 0x3, 147
  li t4, 0x8000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 148
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 149
  CHECK_FLAGS 0x3, 150
  li t4, 0x18000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x2, 151
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 152
  CHECK_FLAGS 0x3, 153
  li t4, 0x18000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 154
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 155
  CHECK_FLAGS 0x3, 156
  li t4, 0x18000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 157
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 158
  CHECK_FLAGS 0x3, 159
  li t4, 0x18000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x2, 160
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 161
  CHECK_FLAGS 0x3, 162
  li t4, 0x18000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x2, 163
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 164
  CHECK_FLAGS 0x3, 165
  li t4, 0x80008001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8001, 166
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 167
  CHECK_FLAGS 0x3, 168
  li t4, 0x80008001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 169
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 170
  CHECK_FLAGS 0x3, 171
  li t4, 0x80008001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8001, 172
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 173
  CHECK_FLAGS 0x3, 174
  li t4, 0x80008001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 175
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 176
  CHECK_FLAGS 0x3, 177
  li t4, 0x80008001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8001, 178
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 179
  CHECK_FLAGS 0x3, 180
  li t4, 0x800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 181
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 182
  CHECK_FLAGS 0x0, 183
  li t4, 0x800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 184
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 185
  CHECK_FLAGS 0x0, 186
  li t4, 0x800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 187
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 188
  CHECK_FLAGS 0x0, 189
  li t4, 0x800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 190
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 191
  CHECK_FLAGS 0x0, 192
  li t4, 0x800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 193
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 194
  CHECK_FLAGS 0x0, 195
  li t4, 0x7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 196
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 197
  CHECK_FLAGS 0x1, 198
  li t4, 0x7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f, 199
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 200
  CHECK_FLAGS 0x3, 201
  li t4, 0x7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f, 202
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 203
  CHECK_FLAGS 0x3, 204
  li t4, 0x7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 205
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 206
  CHECK_FLAGS 0x1, 207
  li t4, 0x7fffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 208
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 209
  CHECK_FLAGS 0x1, 210
  li t4, 0x1
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 211
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 212
  CHECK_FLAGS 0x3, 213
  li t4, 0x1
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 214
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 215
  CHECK_FLAGS 0x3, 216
  li t4, 0x1
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 217
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 218
  CHECK_FLAGS 0x3, 219
  li t4, 0x1
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x1, 220
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 221
  CHECK_FLAGS 0x3, 222
  li t4, 0x1
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x0, 223
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 224
  CHECK_FLAGS 0x3, 225
  li t4, 0x80000000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 226
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 227
  CHECK_FLAGS 0x0, 228
  li t4, 0x80000000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 229
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 230
  CHECK_FLAGS 0x0, 231
  li t4, 0x80000000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 232
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 233
  CHECK_FLAGS 0x0, 234
  li t4, 0x80000000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 235
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 236
  CHECK_FLAGS 0x0, 237
  li t4, 0x80000000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffff8000, 238
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 239
  CHECK_FLAGS 0x0, 240
  li t4, 0x7f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 241
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 242
  CHECK_FLAGS 0x0, 243
  li t4, 0x7f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 244
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 245
  CHECK_FLAGS 0x0, 246
  li t4, 0x7f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 247
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 248
  CHECK_FLAGS 0x0, 249
  li t4, 0x7f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 250
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 251
  CHECK_FLAGS 0x0, 252
  li t4, 0x7f800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7f80, 253
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 254
  CHECK_FLAGS 0x0, 255
  li t4, 0xff800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 256
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 257
  CHECK_FLAGS 0x0, 258
  li t4, 0xff800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 259
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 260
  CHECK_FLAGS 0x0, 261
  li t4, 0xff800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 262
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 263
  CHECK_FLAGS 0x0, 264
  li t4, 0xff800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 265
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 266
  CHECK_FLAGS 0x0, 267
  li t4, 0xff800000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffff80, 268
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 269
  CHECK_FLAGS 0x0, 270
  li t4, 0x7fc00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 271
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 272
  CHECK_FLAGS 0x0, 273
  li t4, 0x7fc00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 274
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 275
  CHECK_FLAGS 0x0, 276
  li t4, 0x7fc00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 277
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 278
  CHECK_FLAGS 0x0, 279
  li t4, 0x7fc00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 280
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 281
  CHECK_FLAGS 0x0, 282
  li t4, 0x7fc00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 283
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 284
  CHECK_FLAGS 0x0, 285
  li t4, 0x7fc12345
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 286
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 287
  CHECK_FLAGS 0x0, 288
  li t4, 0x7fc12345
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 289
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 290
  CHECK_FLAGS 0x0, 291
  li t4, 0x7fc12345
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 292
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 293
  CHECK_FLAGS 0x0, 294
  li t4, 0x7fc12345
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 295
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 296
  CHECK_FLAGS 0x0, 297
  li t4, 0x7fc12345
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 298
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 299
  CHECK_FLAGS 0x0, 300
  li t4, 0x7f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 301
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 302
  CHECK_FLAGS 0x10, 303
  li t4, 0x7f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 304
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 305
  CHECK_FLAGS 0x10, 306
  li t4, 0x7f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 307
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 308
  CHECK_FLAGS 0x10, 309
  li t4, 0x7f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 310
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 311
  CHECK_FLAGS 0x10, 312
  li t4, 0x7f800001
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 313
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 314
  CHECK_FLAGS 0x10, 315
  li t4, 0xffa00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 316
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 317
  CHECK_FLAGS 0x10, 318
  li t4, 0xffa00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 319
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 320
  CHECK_FLAGS 0x10, 321
  li t4, 0xffa00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 322
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 323
  CHECK_FLAGS 0x10, 324
  li t4, 0xffa00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 325
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 326
  CHECK_FLAGS 0x10, 327
  li t4, 0xffa00000
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x7fc0, 328
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 329
  CHECK_FLAGS 0x10, 330
  li t4, 0x40490fdb
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x4049, 331
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 332
  CHECK_FLAGS 0x1, 333
  li t4, 0x40490fdb
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x4049, 334
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 335
  CHECK_FLAGS 0x1, 336
  li t4, 0x40490fdb
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x4049, 337
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 338
  CHECK_FLAGS 0x1, 339
  li t4, 0x40490fdb
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x404a, 340
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 341
  CHECK_FLAGS 0x1, 342
  li t4, 0x40490fdb
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x4049, 343
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 344
  CHECK_FLAGS 0x1, 345
  li t4, 0xc2f6e979
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffc2f7, 346
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 347
  CHECK_FLAGS 0x1, 348
  li t4, 0xc2f6e979
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffc2f6, 349
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 350
  CHECK_FLAGS 0x1, 351
  li t4, 0xc2f6e979
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffc2f7, 352
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 353
  CHECK_FLAGS 0x1, 354
  li t4, 0xc2f6e979
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffc2f6, 355
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 356
  CHECK_FLAGS 0x1, 357
  li t4, 0xc2f6e979
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0xffffffffffffc2f7, 358
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 359
  CHECK_FLAGS 0x1, 360
  li t4, 0x3e99999a
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3e9a, 361
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 362
  CHECK_FLAGS 0x1, 363
  li t4, 0x3e99999a
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3e99, 364
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 365
  CHECK_FLAGS 0x1, 366
  li t4, 0x3e99999a
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3e99, 367
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 368
  CHECK_FLAGS 0x1, 369
  li t4, 0x3e99999a
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3e9a, 370
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 371
  CHECK_FLAGS 0x1, 372
  li t4, 0x3e99999a
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3e9a, 373
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 374
  CHECK_FLAGS 0x1, 375
  li t4, 0x80ffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rne
  fmv.x.h t4, ft0
  CHECK_X t4, 0x81, 376
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 377
  CHECK_FLAGS 0x1, 378
  li t4, 0x80ffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rtz
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 379
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 380
  CHECK_FLAGS 0x1, 381
  li t4, 0x80ffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rdn
  fmv.x.h t4, ft0
  CHECK_X t4, 0x80, 382
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 383
  CHECK_FLAGS 0x1, 384
  li t4, 0x80ffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rup
  fmv.x.h t4, ft0
  CHECK_X t4, 0x81, 385
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 386
  CHECK_FLAGS 0x1, 387
  li t4, 0x80ffff
  fmv.w.x ft1, t4
  fcvt.bf16.s ft0, ft1, rmm
  fmv.x.h t4, ft0
  CHECK_X t4, 0x81, 388
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 389
  CHECK_FLAGS 0x1, 390
  li t4, 0x3f808000
  fmv.w.x ft1, t4
  fsrmi 4
  fcvt.bf16.s ft0, ft1
  fsrmi 0
  fmv.x.h t4, ft0
  CHECK_X t4, 0x3f81, 391
  fmv.x.d t4, ft0
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 392
  CHECK_FLAGS 0x1, 393
# FCVT.S.BF16: exact widening
  li t4, 0x3f80
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x3f800000, 394
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 395
  CHECK_FLAGS 0x0, 396
  li t4, 0xbf80
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0xffffffffbf800000, 397
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 398
  CHECK_FLAGS 0x0, 399
  li t4, 0x1
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x10000, 400
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 401
  CHECK_FLAGS 0x0, 402
  li t4, 0x807f
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0xffffffff807f0000, 403
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 404
  CHECK_FLAGS 0x0, 405
  li t4, 0x7f7f
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7f7f0000, 406
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 407
  CHECK_FLAGS 0x0, 408
  li t4, 0x7f80
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7f800000, 409
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 410
  CHECK_FLAGS 0x0, 411
  li t4, 0xff80
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0xffffffffff800000, 412
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 413
  CHECK_FLAGS 0x0, 414
  li t4, 0x0
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x0, 415
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 416
  CHECK_FLAGS 0x0, 417
  li t4, 0x8000
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0xffffffff80000000, 418
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 419
  CHECK_FLAGS 0x0, 420
  li t4, 0x4049
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x40490000, 421
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 422
  CHECK_FLAGS 0x0, 423
  li t4, 0x7fc0
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 424
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 425
  CHECK_FLAGS 0x0, 426
  li t4, 0x7fc5
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 427
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 428
  CHECK_FLAGS 0x0, 429
  li t4, 0xffff
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 430
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 431
  CHECK_FLAGS 0x0, 432
  li t4, 0x7f81
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 433
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 434
  CHECK_FLAGS 0x10, 435
  li t4, 0xffbf
  fmv.h.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 436
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 437
  CHECK_FLAGS 0x10, 438
# An improperly NaN-boxed bfloat16 reads as the canonical NaN 0x7fc0
# (QEMU 10.0.2 reads it as the half NaN 0x7e00: model only)
#ifndef FP_USER_MODE
  li t4, 0x3f80
  fmv.w.x ft1, t4
  fcvt.s.bf16 ft0, ft1
  fmv.x.w t4, ft0
  CHECK_X t4, 0x7fc00000, 439
  fmv.x.d t4, ft0
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 440
  CHECK_FLAGS 0x0, 441
#endif
# FLH/FSH/FMV.X.H/FMV.H.X move raw bits (Zfbfmin without Zfh)
  la a0, scratch
  li t4, 0x4049
  sh t4, 0(a0)
  flh ft2, 0(a0)
  fcvt.s.bf16 ft3, ft2
  fmv.x.w t4, ft3
  CHECK_X t4, 0x40490000, 442
  fmv.x.d t4, ft3
  srai t4, t4, 32
  CHECK_X t4, 0xffffffffffffffff, 443
  fmv.x.h t4, ft2
  CHECK_X t4, 0x4049, 444
  fmv.x.d t4, ft2
  srai t4, t4, 16
  CHECK_X t4, 0xffffffffffffffff, 445
  li t4, 0xc2f7
  fmv.h.x ft4, t4
  fsh ft4, 2(a0)
  lhu t4, 2(a0)
  CHECK_X t4, 0xc2f7, 446
  fmv.x.h t4, ft4
  CHECK_X t4, 0xffffffffffffc2f7, 447
  CHECK_FLAGS 0x0, 448
  TEST_PASS
TEST_CODE_END
  .data
  .align 3
scratch: .dword 0
