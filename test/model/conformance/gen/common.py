import struct, math
from fractions import Fraction as Fr

def f32(x): return struct.unpack('<I', struct.pack('<f', x))[0]
def f64(x): return struct.unpack('<Q', struct.pack('<d', x))[0]
def f16(x):
    try: return struct.unpack('<H', struct.pack('<e', x))[0]
    except OverflowError: return 0x7c00 if x > 0 else 0xfc00
def fromf32(b): return struct.unpack('<f', struct.pack('<I', b))[0]
def fromf64(b): return struct.unpack('<d', struct.pack('<Q', b))[0]
def fromf16(b): return struct.unpack('<e', struct.pack('<H', b))[0]

NX, UF, OF, DZ, NV = 1, 2, 4, 8, 16
RM = {'rne':0,'rtz':1,'rdn':2,'rup':3,'rmm':4}

class Prog:
    def __init__(s, xlen):
        s.xlen = xlen; s.lines = []; s.n = 0
    def emit(s, *ls): s.lines.extend(ls)
    def num(s):
        s.n += 1
        return s.n
    # Loads raw bits into an F register (boxing as the move does).
    def ld_s(s, f, b): s.emit(f'  li t4, {b:#x}', f'  fmv.w.x {f}, t4')
    def ld_h(s, f, b): s.emit(f'  li t4, {b:#x}', f'  fmv.h.x {f}, t4')
    def ld_d(s, f, b):
        if s.xlen == 64: s.emit(f'  li t4, {b:#x}', f'  fmv.d.x {f}, t4')
        else: s.emit(f'  li t4, {b & 0xffffffff:#x}', f'  li t3, {b >> 32:#x}', f'  fmvp.d.x {f}, t4, t3')
    def chk_x(s, r, v):
        v &= (1 << s.xlen) - 1
        s.emit(f'  CHECK_X {r}, {v:#x}, {s.num()}')
    def chk_sext(s, r, v, w):
        v &= (1 << w) - 1
        if v >> (w - 1): v -= 1 << w
        s.chk_x(r, v)
    def chk_s(s, f, b):  # single in F: value and NaN box
        s.emit(f'  fmv.x.w t4, {f}'); s.chk_sext('t4', b, 32)
        if s.xlen == 64:
            s.emit(f'  fmv.x.d t4, {f}', '  srai t4, t4, 32'); s.chk_x('t4', -1)
    def chk_h(s, f, b):
        s.emit(f'  fmv.x.h t4, {f}'); s.chk_sext('t4', b, 16)
        if s.xlen == 64:
            s.emit(f'  fmv.x.d t4, {f}', '  srai t4, t4, 16'); s.chk_x('t4', -1)
        else:
            s.emit(f'  fmv.x.w t4, {f}', '  srai t4, t4, 16'); s.chk_x('t4', -1)
    def chk_d(s, f, b):
        if s.xlen == 64:
            s.emit(f'  fmv.x.d t4, {f}'); s.chk_x('t4', b)
        else:
            s.emit(f'  fmv.x.w t4, {f}'); s.chk_sext('t4', b & 0xffffffff, 32)
            s.emit(f'  fmvh.x.d t4, {f}'); s.chk_sext('t4', b >> 32, 32)
    def flags(s, v): s.emit(f'  CHECK_FLAGS {v:#x}, {s.num()}')
    def text(s, header):
        return '\n'.join([header, '#include "fpcheck.h"', 'TEST_CODE_BEGIN', '  csrw fflags, zero'] +
                         s.lines + ['  TEST_PASS', 'TEST_CODE_END', ''])

def round_int(x: Fr, rm):
    fl = math.floor(x); fr = x - fl
    if rm == 'rtz': return math.trunc(x)
    if rm == 'rdn': return fl
    if rm == 'rup': return math.ceil(x)
    if fr > Fr(1,2): return fl + 1
    if fr < Fr(1,2): return fl
    if rm == 'rmm': return fl + 1 if x > 0 else fl
    return fl if fl % 2 == 0 else fl + 1
