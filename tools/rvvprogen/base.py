"""The state of a program being generated and the helpers every instruction
class uses: vtype bookkeeping, register groups, scalars, configuration."""
import random

from rvvprogen.common import (INDEX_RANGE, LMUL_NAMES, SCALARS, SEWS,
                              STRIDE_MAX, log2)


class Base:
    def __init__(self, opts):
        self.o = opts
        self.rng = random.Random(opts.seed)
        self.xlen = opts.xlen
        self.vlen = opts.vlen
        self.vlenb = opts.vlen // 8
        # V, or one Zve* (--zve): ELEN and the FP element widths.
        zve = opts.zve or "v"
        self.elen = 32 if zve.startswith("zve32") else 64
        fp = {"v": (32, 64), "zve64d": (32, 64), "zve32f": (32,),
              "zve64f": (32,)}.get(zve, ())
        self.fp_sews = ((16,) if opts.zvfh else ()) + fp
        # Zve64* lacks vmulh*/vsmul at EEW 64.
        self.no_mulh64 = zve.startswith("zve64")
        self.lines = []
        self.vector_count = 0
        # vtype in effect (never vill when a vector instruction is emitted).
        self.sew = 8
        self.lmul = 0
        self.ta = True
        self.ma = True
        # Data buffer: [mid - half, mid + half); its end is the end of the
        # mapped data, so fault-only-first loads there trim vl.
        reach = max(self.vlen * STRIDE_MAX + 64, INDEX_RANGE + 64,
                    8 * 8 * self.vlenb)
        self.half = (reach + 4095) // 4096 * 4096
        self.data_size = 2 * self.half

    # ----------------------------------------------------------- helpers
    def emit(self, line, vector=True):
        self.lines.append("  " + line)
        if vector:
            self.vector_count += 1

    def vlmax(self, sew=None, lmul=None):
        sew = self.sew if sew is None else sew
        lmul = self.lmul if lmul is None else lmul
        bits = self.vlen << lmul if lmul >= 0 else self.vlen >> -lmul
        return bits // sew

    def legal_vtype(self, sew, lmul):
        # Only what every implementation must support: SEW <= LMUL * ELEN.
        if sew > self.elen:
            return False
        if lmul < 0 and sew > (self.elen >> -lmul):
            return False
        return True

    def vtypei(self, sew, lmul, ta, ma):
        return "e%d, %s, %s, %s" % (sew, LMUL_NAMES[lmul],
                                    "ta" if ta else "tu", "ma" if ma else "mu")

    def vtype_bits(self, sew, lmul, ta, ma):
        return ((lmul & 7) | (log2(sew // 8) << 3) | (int(ta) << 6) |
                (int(ma) << 7))

    def li(self, reg, value):
        mask = (1 << self.xlen) - 1
        value &= mask
        if value >> (self.xlen - 1):
            value -= 1 << self.xlen
        self.emit("li %s, %d" % (reg, value), vector=False)

    def pick(self, n, avoid=()):
        """A register group of n registers, aligned to n, disjoint from
        the registers in avoid."""
        avoid = set(avoid)
        cands = [b for b in range(0, 32, n)
                 if not any(r in avoid for r in range(b, b + n))]
        return self.rng.choice(cands) if cands else None

    @staticmethod
    def group(base, n):
        return set(range(base, base + n))

    def nregs(self, emul):
        return 1 << max(0, emul)

    def mask_suffix(self, masked):
        return ", v0.t" if masked else ""

    def want_mask(self):
        return self.rng.random() < self.o.mask_rate

    def scalar(self):
        return self.rng.choice(SCALARS)

    def half_fp(self):
        return self.o.zvfh or self.o.zvfbf

    def freg(self, sew):
        # f0-f3 hold NaN-boxed singles (f0-f1 NaN-boxed halves with FP16),
        # f4-f7 doubles (flh/flw/fld); a narrower operand read from a wider
        # value is a canonical NaN, so mostly match.
        if self.rng.random() < 0.15:
            return "f%d" % self.rng.randint(0, 7)
        if sew == 64:
            return "f%d" % self.rng.randint(4, 7)
        if sew == 16 and self.half_fp():
            return "f%d" % self.rng.randint(0, 1)
        return "f%d" % self.rng.randint(2 if self.half_fp() else 0, 3)

    # ------------------------------------------------------ configuration
    def set_vtype(self, sew, lmul, ta, ma):
        self.sew, self.lmul, self.ta, self.ma = sew, lmul, ta, ma

    def random_vtype(self):
        while True:
            sew = self.rng.choice(SEWS)
            lmul = self.rng.randint(-3, 3)
            if self.legal_vtype(sew, lmul):
                return (sew, lmul, self.rng.random() < 0.5,
                        self.rng.random() < 0.5)

    def random_avl(self, vlmax):
        r = self.rng.random()
        if r < 0.12:
            return 0
        if r < 0.25:
            return 1
        if r < 0.55:
            return self.rng.randint(1, vlmax)
        if r < 0.7:
            return vlmax
        if r < 0.8 and self.o.avl_between:
            return self.rng.randint(vlmax, 2 * vlmax)
        # AVL >= 2*VLMAX: vl = VLMAX on every implementation.
        return self.rng.choice([2 * vlmax, 2 * vlmax + self.rng.randint(
            0, 1000), (1 << (self.xlen - 1)) - 1, (1 << self.xlen) - 1])

    def gen_config(self):
        sew, lmul, ta, ma = self.random_vtype()
        vt = self.vtypei(sew, lmul, ta, ma)
        new_vlmax = self.vlmax(sew, lmul)
        r = self.rng.random()
        if r < 0.45:
            self.li("t1", self.random_avl(new_vlmax))
            self.emit("vsetvli t0, t1, %s" % vt)
        elif r < 0.6:
            self.emit("vsetvli t0, zero, %s" % vt)
        elif r < 0.72:
            # Keep vl: only with the same SEW/LMUL ratio (same VLMAX).
            same = [(s, l) for s in SEWS for l in range(-3, 4)
                    if self.legal_vtype(s, l) and
                    self.vlmax(s, l) == self.vlmax()]
            sew, lmul = self.rng.choice(same)
            self.emit("vsetvli zero, zero, %s" %
                      self.vtypei(sew, lmul, ta, ma))
        elif r < 0.86:
            self.emit("vsetivli t0, %d, %s" % (self.rng.randint(0, 31), vt))
        else:
            self.li("t1", self.random_avl(new_vlmax))
            self.li("t2", self.vtype_bits(sew, lmul, ta, ma))
            self.emit("vsetvl t0, t1, t2")
        self.set_vtype(sew, lmul, ta, ma)

    def switch_vtype(self, sews, lmul_max=3):
        """A vsetvli to a random vtype with SEW in sews and LMUL <= lmul_max,
        so classes that need one (FP, widening) are not starved."""
        cands = [(s, l) for s in sews for l in range(-3, lmul_max + 1)
                 if self.legal_vtype(s, l)]
        sew, lmul = self.rng.choice(cands)
        ta, ma = self.rng.random() < 0.5, self.rng.random() < 0.5
        self.li("t1", self.random_avl(self.vlmax(sew, lmul)))
        self.emit("vsetvli t0, t1, %s" % self.vtypei(sew, lmul, ta, ma))
        self.set_vtype(sew, lmul, ta, ma)

    def gen_vill(self):
        """A reserved vtype: vill = 1, vl = 0; then a legal vsetvli, since
        every vector instruction would trap now."""
        kind = self.rng.randint(0, 2)
        if kind == 0:
            bits = 4 | (self.rng.randint(0, 3) << 3)          # vlmul = 100
        elif kind == 1:
            bits = (self.rng.randint(4, 7) << 3)               # vsew >= 100
        else:
            bits = (1 << self.rng.randint(8, self.xlen - 2))   # reserved bit
        self.li("t1", self.rng.randint(0, 64))
        self.li("t2", bits)
        self.emit("vsetvl t0, t1, t2")
        self.emit("csrr t2, vtype", vector=False)
        sew, lmul, ta, ma = self.random_vtype()
        self.emit("vsetvli t0, zero, %s" % self.vtypei(sew, lmul, ta, ma))
        self.set_vtype(sew, lmul, ta, ma)

    def with_vtype(self, sew, lmul, body):
        """Runs body under e<sew>/<lmul> with the same VLMAX (so vl is
        kept), then restores the vtype in effect."""
        saved = (self.sew, self.lmul, self.ta, self.ma)
        self.emit("vsetvli zero, zero, %s" % self.vtypei(sew, lmul, True,
                                                         True))
        self.set_vtype(sew, lmul, True, True)
        body()
        self.emit("vsetvli zero, zero, %s" % self.vtypei(*saved))
        self.set_vtype(*saved)


    def operands(self, dest_n, src_ns, masked, overlap_ok=False):
        """vd and sources: groups aligned to their sizes; vd disjoint from
        the sources (unless overlap_ok) and from v0 when masked. Masked,
        no source is v0 either: a register read with two EEWs (the mask has
        EEW 1) is a reserved encoding, which QEMU 10 rejects."""
        srcs = [self.pick(n, {0} if masked else ()) for n in src_ns]
        avoid = set() if overlap_ok else set().union(
            *[self.group(s, n) for s, n in zip(srcs, src_ns)])
        if masked:
            avoid.add(0)
        vd = self.pick(dest_n, avoid)
        if vd is None or None in srcs:
            return None
        return vd, srcs
