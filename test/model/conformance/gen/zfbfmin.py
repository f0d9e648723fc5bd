import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

def bf16_round(b32, rm):
    """Exact reference: round the binary32 value b32 to bfloat16."""
    sign = b32 >> 31
    x = Fr(fromf32(b32)) if (b32 & 0x7f800000) != 0x7f800000 else None
    if x is None:
        if b32 & 0x7fffff: return 0x7fc0, (NV if not (b32 & 0x400000) else 0)
        return (b32 >> 16), 0
    if x == 0: return sign << 15, 0
    ax = abs(x)
    e = math.floor(math.log2(ax))
    while Fr(2) ** e > ax: e -= 1
    while Fr(2) ** (e + 1) <= ax: e += 1
    e = max(e, -126)  # subnormal spacing
    q = Fr(2) ** (e - 7)
    n = x / q
    r = round_int(n, rm)
    flags = 0
    if r != n:
        flags |= NX
        # Tininess after rounding: |x| rounded with unbounded exponent < 2^-126.
        if ax < Fr(2) ** -126:
            q2 = Fr(2) ** (math.floor(math.log2(ax)) - 7)
            r2 = round_int(x / q2, rm) * q2
            if abs(r2) < Fr(2) ** -126: flags |= UF
    v = r * q
    if abs(v) >= Fr(2) ** 128:
        flags |= OF | NX
        tomax = rm == 'rtz' or (rm == 'rdn' and sign == 0) or (rm == 'rup' and sign == 1)
        return (sign << 15) | (0x7f7f if tomax else 0x7f80), flags
    if v == 0: return sign << 15, flags
    av = abs(v)
    ev = math.floor(math.log2(av))
    if ev < -126:
        mant = int(av / Fr(2) ** -133); bits = mant
    else:
        mant = int(av / Fr(2) ** (ev - 7)) - 128; bits = ((ev + 127) << 7) | mant
    return (sign << 15) | bits, flags

def gen(xlen):
    p = Prog(xlen)
    p.emit('# FCVT.BF16.S in every rounding mode')
    vals = [0x3f800000, 0x3f808000, 0x3f818000, 0x3f800001, 0xbf800001, 0x7f7fffff, 0xff7fffff,
            0x7f7f8000, 0x00010000, 0x00008000, 0x00018000, 0x80008001, 0x00800000, 0x007fffff,
            0x00000001, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000, 0x7fc12345, 0x7f800001,
            0xffa00000, 0x40490fdb, 0xc2f6e979, 0x3e99999a, 0x0080ffff]
    for v in vals:
        for rm in ['rne', 'rtz', 'rdn', 'rup', 'rmm']:
            r, fl = bf16_round(v, rm)
            p.ld_s('ft1', v); p.emit(f'  fcvt.bf16.s ft0, ft1, {rm}'); p.chk_h('ft0', r); p.flags(fl)
    p.ld_s('ft1', 0x3f808000); p.emit('  fsrmi 4', '  fcvt.bf16.s ft0, ft1', '  fsrmi 0'); p.chk_h('ft0', 0x3f81); p.flags(NX)
    p.emit('# FCVT.S.BF16: exact widening')
    for b in [0x3f80, 0xbf80, 0x0001, 0x807f, 0x7f7f, 0x7f80, 0xff80, 0x0000, 0x8000, 0x4049]:
        p.ld_h('ft1', b); p.emit('  fcvt.s.bf16 ft0, ft1'); p.chk_s('ft0', b << 16); p.flags(0)
    for b, fl in [(0x7fc0, 0), (0x7fc5, 0), (0xffff, 0), (0x7f81, NV), (0xffbf, NV)]:
        p.ld_h('ft1', b); p.emit('  fcvt.s.bf16 ft0, ft1'); p.chk_s('ft0', 0x7fc00000); p.flags(fl)
    p.emit('# An improperly NaN-boxed bfloat16 reads as the canonical NaN 0x7fc0')
    p.emit('# (QEMU 10.0.2 reads it as the half NaN 0x7e00: model only)', '#ifndef FP_USER_MODE')
    p.ld_s('ft1', 0x00003f80); p.emit('  fcvt.s.bf16 ft0, ft1'); p.chk_s('ft0', 0x7fc00000); p.flags(0)
    p.emit('#endif')
    p.emit('# FLH/FSH/FMV.X.H/FMV.H.X move raw bits (Zfbfmin without Zfh)')
    p.emit('  la a0, scratch', '  li t4, 0x4049', '  sh t4, 0(a0)', '  flh ft2, 0(a0)', '  fcvt.s.bf16 ft3, ft2')
    p.chk_s('ft3', 0x40490000); p.chk_h('ft2', 0x4049)
    p.emit('  li t4, 0xc2f7', '  fmv.h.x ft4, t4', '  fsh ft4, 2(a0)', '  lhu t4, 2(a0)'); p.chk_x('t4', 0xc2f7)
    p.emit('  fmv.x.h t4, ft4'); p.chk_sext('t4', 0xc2f7, 16)
    p.flags(0)
    return p

hdr = '''# Zfbfmin conformance (RV%d), written from the BF16 extensions spec: FCVT.BF16.S
# rounds like any narrowing conversion (all five modes, overflow, subnormals,
# tininess after rounding), FCVT.S.BF16 is exact; NaNs become canonical.
# Expected values come from an exact rational reference in Python; exits
# through tohost (0 = pass).'''
for x in (64, 32):
    t = gen(x).text(hdr % x)
    t = t.replace('TEST_CODE_END', 'TEST_CODE_END\n  .data\n  .align 3\nscratch: .dword 0')
    open(sys.argv[1] + f'/zfbfmin-rv{x}.S', 'w').write(t)
