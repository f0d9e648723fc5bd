import sys; import os; sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from common import *

VALS = [-1.0, 'min', 2.0**-16, 2.0**-15, 2.0**-8, 2.0**-7, 0.0625, 0.125, 0.25, 0.3125, 0.375,
        0.4375, 0.5, 0.625, 0.75, 0.875, 1.0, 1.25, 1.5, 1.75, 2.0, 2.5, 3.0, 4.0, 8.0, 16.0,
        128.0, 256.0, 32768.0, 65536.0, 'inf', 'nan']
def asmlit(v): return v if isinstance(v, str) else repr(v)
MIN = {'s': 0x00800000, 'd': 0x0010000000000000, 'h': 0x0400}
NAN = {'s': 0x7fc00000, 'd': 0x7ff8000000000000, 'h': 0x7e00}
INF = {'s': 0x7f800000, 'd': 0x7ff0000000000000, 'h': 0x7c00}
CONV = {'s': f32, 'd': f64, 'h': f16}
SIGN = {'s': 1 << 31, 'd': 1 << 63, 'h': 1 << 15}

def gen(xlen, half):
    p = Prog(xlen)
    fmts = ['s', 'd'] + (['h'] if half else [])
    ld = {'s': p.ld_s, 'd': p.ld_d, 'h': p.ld_h}
    chk = {'s': p.chk_s, 'd': p.chk_d, 'h': p.chk_h}
    p.emit('# FLI: every table entry, per format')
    for f in fmts:
        for v in VALS:
            exp = MIN[f] if v == 'min' else NAN[f] if v == 'nan' else INF[f] if v == 'inf' else CONV[f](v)
            p.emit(f'  fli.{f} ft0, {asmlit(v)}'); chk[f]('ft0', exp)
        p.flags(0)

    p.emit('# FMINM/FMAXM: any NaN gives the canonical NaN; NV only for sNaN')
    SNAN = {'s': 0x7f800001, 'd': 0x7ff0000000000001, 'h': 0x7c01}
    QNAN = {'s': 0x7fc12345, 'd': 0x7ff8000000012345, 'h': 0x7e45}
    for f in fmts:
        one, two, mz, pz = CONV[f](1.0), CONV[f](2.0), CONV[f](-0.0), CONV[f](0.0)
        cases = [(one, QNAN[f], NAN[f], NAN[f], 0), (SNAN[f], one, NAN[f], NAN[f], NV),
                 (mz, pz, mz, pz, 0), (pz, mz, mz, pz, 0), (two, one, one, two, 0),
                 (CONV[f](-3.0), one, CONV[f](-3.0), one, 0), (QNAN[f], QNAN[f], NAN[f], NAN[f], 0)]
        for a, b, mn, mx, fl in cases:
            ld[f]('ft1', a); ld[f]('ft2', b)
            p.emit(f'  fminm.{f} ft0, ft1, ft2'); chk[f]('ft0', mn)
            p.emit(f'  fmaxm.{f} ft3, ft1, ft2'); chk[f]('ft3', mx)
            p.flags(fl)
        # Contrast with FMIN: a quiet NaN operand yields the other operand.
        ld[f]('ft1', one); ld[f]('ft2', QNAN[f])
        p.emit(f'  fmin.{f} ft0, ft1, ft2'); chk[f]('ft0', one); p.flags(0)

    p.emit('# FLEQ/FLTQ: quiet compares')
    for f in fmts:
        one, two, mz, pz = CONV[f](1.0), CONV[f](2.0), CONV[f](-0.0), CONV[f](0.0)
        cases = [(one, two, 1, 1, 0), (two, one, 0, 0, 0), (two, two, 1, 0, 0), (mz, pz, 1, 0, 0),
                 (QNAN[f], one, 0, 0, 0), (one, QNAN[f], 0, 0, 0), (SNAN[f], one, 0, 0, NV),
                 (one, SNAN[f], 0, 0, NV), (CONV[f](-2.0), CONV[f](-1.0), 1, 1, 0)]
        for a, b, le, lt, fl in cases:
            ld[f]('ft1', a); ld[f]('ft2', b)
            p.emit(f'  fleq.{f} a0, ft1, ft2'); p.chk_x('a0', le)
            p.emit(f'  fltq.{f} a1, ft1, ft2'); p.chk_x('a1', lt)
            p.flags(fl)
        # FLT signals on a quiet NaN, FLTQ does not (checked above).
        ld[f]('ft1', QNAN[f]); p.emit(f'  flt.{f} a0, ft1, ft1'); p.flags(NV)

    p.emit('# FROUND/FROUNDNX')
    FROM = {'s': fromf32, 'd': fromf64, 'h': fromf16}
    for f in fmts:
        vals = [2.5, -2.5, 1.5, -0.3, 0.7, 2.7, -2.7, 3.0, 1e-7 if f != 'h' else 1e-6, 1023.5, -1023.5, 0.5]
        if f == 's': vals += [8388607.5, 16777216.0]
        if f == 'd': vals += [4503599627370495.5, 9007199254740992.0]
        for v in vals:
            b = CONV[f](v); x = Fr(FROM[f](b))
            for rm in ['rne', 'rtz', 'rdn', 'rup', 'rmm']:
                r = round_int(x, rm)
                res = CONV[f](float(r)) if r != 0 else CONV[f](math.copysign(0.0, FROM[f](b)))
                inexact = Fr(r) != x
                ld[f]('ft1', b)
                p.emit(f'  fround.{f} ft0, ft1, {rm}'); chk[f]('ft0', res); p.flags(0)
                p.emit(f'  froundnx.{f} ft0, ft1, {rm}'); chk[f]('ft0', res); p.flags(NX if inexact else 0)
        # Dynamic rounding mode.
        ld[f]('ft1', CONV[f](2.5)); p.emit('  fsrmi 3', f'  fround.{f} ft0, ft1', '  fsrmi 0'); chk[f]('ft0', CONV[f](3.0)); p.flags(0)
        for a, res, fl in [(INF[f], INF[f], 0), (INF[f] | SIGN[f], INF[f] | SIGN[f], 0),
                           (CONV[f](-0.0), CONV[f](-0.0), 0), (QNAN[f], NAN[f], 0), (SNAN[f], NAN[f], NV)]:
            ld[f]('ft1', a)
            p.emit(f'  froundnx.{f} ft0, ft1, rup'); chk[f]('ft0', res); p.flags(fl)
            p.emit(f'  fround.{f} ft0, ft1, rdn'); chk[f]('ft0', res); p.flags(fl)
    # Improperly boxed single reads as the canonical NaN.
    if xlen == 64:
        p.emit('  li t4, 0x3f800000', '  fmv.d.x ft1, t4', '  fround.s ft0, ft1')
        p.chk_s('ft0', NAN['s']); p.flags(0)

    p.emit('# FCVTMOD.W.D: modular, round toward zero, flags as FCVT.W.D')
    cases = [(1.5, 1, NX), (-1.5, -1, NX), (2.0**32 + 5, 5, NV), (-(2.0**32 + 5), -5, NV),
             (2.0**31, -2**31, NV), (-2.0**31, -2**31, 0), (2147483647.5, 2147483647, NX),
             (-2147483648.5, -2**31, NX), (-2147483649.0, 2147483647, NV),
             (float('inf'), 0, NV), (float('-inf'), 0, NV), (-0.0, 0, 0), (0.0, 0, 0),
             (1e300, 0, NV), (3.0 * 2**40 + 7, 7, NV), (0.75, 0, NX), (-0.75, 0, NX),
             (float.fromhex('0x1.fffffffffffffp+62'), -1024, NV),
             (float.fromhex('0x1.fffffffffffffp+61'), -512, NV),
             (-float.fromhex('0x1.fffffffffffffp+62'), 1024, NV),
             (float.fromhex('0x1.0000000000001p+52') + 0.0, (2**52 + 1) & 0xffffffff, NV),
             (5e-324, 0, NX)]
    for v, r, fl in cases:
        p.ld_d('ft1', f64(v)); p.emit('  fcvtmod.w.d a0, ft1, rtz'); p.chk_sext('a0', r, 32); p.flags(fl)
        # Flags agree with FCVT.W.D rtz.
        p.emit('  fcvt.w.d a1, ft1, rtz'); p.flags(fl)
    for nanb in [0x7ff8000000000000, 0x7ff0000000000001]:
        p.ld_d('ft1', nanb); p.emit('  fcvtmod.w.d a0, ft1, rtz'); p.chk_x('a0', 0); p.flags(NV)
    p.emit('  fsrmi 2')  # frm does not matter
    p.ld_d('ft1', f64(-7.9)); p.emit('  fcvtmod.w.d a0, ft1, rtz', '  fsrmi 0'); p.chk_x('a0', -7); p.flags(NX)

    if xlen == 32:
        p.emit('# FMVH.X.D / FMVP.D.X')
        p.emit('  li a0, 0x89abcdef', '  li a1, 0x01234567', '  fmvp.d.x ft5, a0, a1')
        p.chk_d('ft5', 0x0123456789abcdef)
        p.emit('  fmvh.x.d a2, ft5'); p.chk_x('a2', 0x01234567)
        p.emit('  li a1, 0xfedcba98', '  fmvp.d.x ft5, a0, a1', '  fmvh.x.d a2, ft5'); p.chk_sext('a2', 0xfedcba98, 32)
        p.emit('  fmv.x.w a3, ft5'); p.chk_sext('a3', 0x89abcdef, 32)
        p.emit('  fli.d ft6, -1.0', '  fmvh.x.d a2, ft6'); p.chk_sext('a2', 0xbff00000, 32)
        p.flags(0)
    return p

hdr = '''# Zfa conformance (RV%d%s), written from the Zfa chapter of the unprivileged
# spec: FLI tables, FMINM/FMAXM, FLEQ/FLTQ, FROUND/FROUNDNX in every rounding
# mode, FCVTMOD.W.D%s. Generated by a script that computes the expected
# values with Python's exact arithmetic; exits through tohost (0 = pass).'''
open(sys.argv[1] + '/zfa-rv64.S', 'w').write(gen(64, True).text(hdr % (64, ' D Zfh', '')))
open(sys.argv[1] + '/zfa-rv32.S', 'w').write(gen(32, True).text(hdr % (32, ' D Zfh', ', FMVH.X.D/FMVP.D.X')))
