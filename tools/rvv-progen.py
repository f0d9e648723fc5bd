#!/usr/bin/env python3
"""rvv-progen: random RVV 1.0 test programs for the QEMU cross-check.

Independent of snipgen's generator: it writes one straight-line assembly
program (plus a linker script) whose every vector instruction is legal for
the vtype in effect, so QEMU and the model must agree on each of them:

  * configuration: vsetvli/vsetivli/vsetvl with AVL 0, small, VLMAX, >= 2*VLMAX,
    x0 forms (VLMAX, keep vl), reserved vtype values (vill, immediately
    followed by a legal vsetvli);
  * loads/stores into a data buffer: unit-stride, strided (stride 0 and
    negative for loads; non-overlapping for stores), indexed ordered and
    unordered (distinct indices for unordered stores), segment (nf 2..8),
    whole-register, mask (vlm/vsm), fault-only-first (also across the end of
    the mapped data, trimming vl), vstart > 0 before some of them;
  * integer incl. widening/narrowing/extension/carry, fixed point with every
    vxrm (csrwi vxrm) and vxsat, FP with every frm (fsrmi), reductions, mask
    logic, vcpop/vfirst/vmsbf/vmsif/vmsof, vid/viota, slides, vrgather and
    vrgatherei16 (indices in and out of range), vcompress, whole-register
    moves, scalar moves; with and without v0.t.

All vector registers start from random data, and so do a0-a7 and f0-f7.
The program is a pure function of the options (seeded RNG, no clock).

  rvv-progen.py --seed 7 --xlen 64 --vlen 256 --length 400 -o p.s
  llvm-mc -triple=riscv64 -mattr=+v,+zvl256b -filetype=obj p.s -o p.o
  ld.lld -T p.s.ld p.o -o p.elf            (the script is written next to -o)
  snipgen-qemu-check p.elf

--print-mattr prints the -mattr value the program needs.
"""
import argparse
import random
import sys

LMUL_NAMES = {-3: "mf8", -2: "mf4", -1: "mf2", 0: "m1", 1: "m2", 2: "m4",
              3: "m8"}
SEWS = (8, 16, 32, 64)
TEXT_BASE = 0x10000
DATA_BASE = 0x100000
STRIDE_MAX = 16     # |stride| in bytes for strided accesses
INDEX_RANGE = 2048  # byte offsets of indexed accesses
# Scalar registers: s0 the middle of the data buffer, s1 an address, t0 the
# vl result, t1/t2 temporaries; a0-a7 and f0-f7 random operands.
SCALARS = ["a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7"]


def log2(n):
    return n.bit_length() - 1


class Program:
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

    # ----------------------------------------------------------- memory
    def address(self, lo, hi, align):
        """s1 = s0 + a random offset in [lo, hi] (lo aligned), aligned."""
        assert lo <= hi and lo % align == 0, (lo, hi, align)
        off = self.rng.randint(lo, hi)
        off -= (off - lo) % align
        self.li("t1", off)
        self.emit("add s1, s0, t1", vector=False)

    def maybe_vstart(self, evl_bound):
        if self.rng.random() < self.o.vstart_rate and evl_bound > 1:
            self.emit("csrwi vstart, %d" % self.rng.randint(
                1, min(31, evl_bound - 1)), vector=False)

    def eew_choices(self, nf=1):
        """(eew, emul) pairs legal for a unit-stride or strided access."""
        out = []
        for eew in SEWS:
            if eew > self.elen:
                continue
            emul = log2(eew) - log2(self.sew) + self.lmul
            if -3 <= emul <= 3 and nf * self.nregs(emul) <= 8:
                out.append((eew, emul))
        return out

    def gen_unit_or_strided(self):
        nf = 1 if self.rng.random() < 0.55 else self.rng.randint(2, 8)
        choices = self.eew_choices(nf)
        if not choices:
            return False
        eew, emul = self.rng.choice(choices)
        n = self.nregs(emul)
        store = self.rng.random() < 0.4
        strided = self.rng.random() < 0.4
        masked = self.want_mask()
        avoid = {0} if masked else set()
        cands = [b for b in range(0, 32 - nf * n + 1, n)
                 if not (avoid & self.group(b, nf * n))]
        if not cands:
            return False
        vd = self.rng.choice(cands)
        seg = "seg%d" % nf if nf > 1 else ""
        vlmax = self.vlmax(eew, emul)
        size = nf * eew // 8
        if strided:
            step = eew // 8
            if store:
                # Elements must not overlap: the order of their writes is
                # not defined.
                k = self.rng.randint(nf, max(nf, STRIDE_MAX // step))
                stride = self.rng.choice([1, -1]) * k * step
            else:
                k = self.rng.randint(0, STRIDE_MAX // step)
                stride = self.rng.choice([1, -1]) * k * step
            lo = -self.half + (vlmax - 1) * max(0, -stride)
            hi = self.half - size - (vlmax - 1) * max(0, stride)
            if hi < lo:
                return False
            self.address(lo, hi, eew // 8)
            self.li("t2", stride)
            self.maybe_vstart(vlmax)
            op = "vs" if store else "vl"
            self.emit("%ss%se%d.v v%d, (s1), t2%s" % (op, seg, eew, vd,
                                                     self.mask_suffix(masked)))
            return True
        ff = (not store and nf == 1 and self.rng.random() < 0.3)
        if ff and self.rng.random() < 0.5:
            # Across the end of the mapped data: element 0 is inside, a
            # later one faults, so vl is trimmed there.
            inside = self.rng.randint(1, max(1, vlmax - 1)) * (eew // 8)
            self.li("t1", self.half - inside)
            self.emit("add s1, s0, t1", vector=False)
        else:
            self.address(-self.half, self.half - vlmax * size, eew // 8)
            if not ff:
                self.maybe_vstart(vlmax)
        op = "vs" if store else "vl"
        self.emit("%s%se%d%s.v v%d, (s1)%s" % (op, seg, eew,
                                              "ff" if ff else "", vd,
                                              self.mask_suffix(masked)))
        return True

    def gen_indexed(self):
        nf = 1 if self.rng.random() < 0.6 else self.rng.randint(2, 8)
        dn = self.nregs(self.lmul)
        if nf * dn > 8:
            return False
        # The index register is prepared under e<ieew>/<iemul>, which must
        # be a vtype every implementation supports.
        ieews = [e for e in SEWS
                 if -3 <= log2(e) - log2(self.sew) + self.lmul <= 3 and
                 e <= self.elen and
                 self.legal_vtype(e, log2(e) - log2(self.sew) + self.lmul) and
                 (e < 64 or self.xlen == 64)]
        if not ieews:
            return False
        ieew = self.rng.choice(ieews)
        iemul = log2(ieew) - log2(self.sew) + self.lmul
        ireg_n = self.nregs(iemul)
        store = self.rng.random() < 0.4
        ordered = self.rng.random() < 0.5
        masked = self.want_mask()
        vi = self.pick(ireg_n, {0} if masked else ())
        if vi is None:
            return False
        avoid = self.group(vi, ireg_n) | ({0} if masked else set())
        cands = [b for b in range(0, 32 - nf * dn + 1, dn)
                 if not (avoid & self.group(b, nf * dn))]
        if not cands:
            return False
        vd = self.rng.choice(cands)
        dbytes = self.sew // 8
        vlmax = self.vlmax()
        distinct = store and not ordered
        if distinct and vlmax * nf * dbytes * 2 > min(1 << ieew, INDEX_RANGE):
            ordered = True
            distinct = False

        def prepare():
            if distinct:
                # Unordered stores: distinct indices (the order of writes
                # to one address would not be defined).
                step = nf * dbytes * self.rng.randint(1, 2)
                self.emit("vid.v v%d" % vi)
                self.li("t1", step)
                self.emit("vmul.vx v%d, v%d, t1" % (vi, vi))
                if self.rng.random() < 0.5:
                    self.li("t1", (vlmax - 1) * step)
                    self.emit("vrsub.vx v%d, v%d, t1" % (vi, vi))
            else:
                limit = min(1 << ieew, INDEX_RANGE) - nf * dbytes
                mask = (1 << log2(limit)) - 1
                self.li("t1", mask & ~(dbytes - 1))
                self.emit("vand.vx v%d, v%d, t1" % (vi, vi))
        self.with_vtype(ieew, iemul, prepare)
        self.address(-self.half, self.half - INDEX_RANGE - 64, 8)
        op = ("vs" if store else "vl") + ("o" if ordered else "u") + "x"
        seg = "seg%d" % nf if nf > 1 else ""
        self.emit("%s%sei%d.v v%d, (s1), v%d%s" % (op, seg, ieew, vd, vi,
                                                  self.mask_suffix(masked)))
        return True

    def gen_whole_or_mask_mem(self):
        if self.rng.random() < 0.6:
            nr = self.rng.choice([1, 2, 4, 8])
            v = self.rng.randrange(0, 32, nr)
            self.address(-self.half, self.half - nr * self.vlenb, 8)
            if self.rng.random() < 0.5:
                eew = self.rng.choice([e for e in SEWS if e <= self.elen])
                self.emit("vl%dre%d.v v%d, (s1)" % (nr, eew, v))
            else:
                self.emit("vs%dr.v v%d, (s1)" % (nr, v))
        else:
            v = self.rng.randint(0, 31)
            self.address(-self.half, self.half - self.vlenb, 1)
            self.maybe_vstart(self.vlenb)
            self.emit("%s.v v%d, (s1)" % (self.rng.choice(["vlm", "vsm"]), v))
        return True

    # ------------------------------------------------------- arithmetic
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

    def gen_int(self):
        ops_vv_vx_vi = ["vadd", "vand", "vor", "vxor", "vsaddu", "vsadd"]
        ops_vv_vx = ["vsub", "vminu", "vmin", "vmaxu", "vmax", "vmul",
                     "vmulh", "vmulhu", "vmulhsu", "vdivu", "vdiv", "vremu",
                     "vrem", "vssubu", "vssub", "vaaddu", "vaadd", "vasubu",
                     "vasub", "vsmul"]
        ops_shift = ["vsll", "vsrl", "vsra", "vssrl", "vssra"]
        ops_vx_vi = ["vrsub"]
        ops_fma = ["vmacc", "vnmsac", "vmadd", "vnmsub"]
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        op = self.rng.choice(ops_vv_vx_vi + ops_vv_vx + ops_shift +
                             ops_vx_vi + ops_fma)
        if (self.no_mulh64 and self.sew == 64 and
                op in ("vmulh", "vmulhu", "vmulhsu", "vsmul")):
            op = "vmul"
        if op in ("vaaddu", "vaadd", "vasubu", "vasub", "vsmul", "vssrl",
                  "vssra") and self.rng.random() < 0.3:
            self.emit("csrwi vxrm, %d" % self.rng.randint(0, 3),
                      vector=False)
        forms = ["vv", "vx"]
        if op in ops_vv_vx_vi or op in ops_shift:
            forms.append("vi")
        if op in ops_vx_vi:
            forms = ["vx", "vi"]
        form = self.rng.choice(forms)
        r = self.operands(n, [n, n], masked, overlap_ok=True)
        if r is None:
            return False
        vd, (vs2, vs1) = r
        if form == "vv":
            src = "v%d, v%d" % (vs2, vs1)
            if op in ops_fma:
                src = "v%d, v%d" % (vs1, vs2)
        elif form == "vx":
            src = "v%d, %s" % (vs2, self.scalar())
            if op in ops_fma:
                src = "%s, v%d" % (self.scalar(), vs2)
        else:
            imm = (self.rng.randint(0, 31) if op in ops_shift
                   else self.rng.randint(-16, 15))
            src = "v%d, %d" % (vs2, imm)
        self.emit("%s.%s v%d, %s%s" % (op, form, vd, src,
                                      self.mask_suffix(masked)))
        return True

    def gen_int_misc(self):
        n = self.nregs(self.lmul)
        kind = self.rng.randint(0, 4)
        if kind == 0:   # vmerge / vmv.v.*
            vd = self.pick(n, {0})
            vs2, vs1 = self.pick(n, {0}), self.pick(n, {0})
            form = self.rng.choice(["vvm", "vxm", "vim", "v.v", "v.x", "v.i"])
            if form == "vvm":
                self.emit("vmerge.vvm v%d, v%d, v%d, v0" % (vd, vs2, vs1))
            elif form == "vxm":
                self.emit("vmerge.vxm v%d, v%d, %s, v0" % (vd, vs2,
                                                          self.scalar()))
            elif form == "vim":
                self.emit("vmerge.vim v%d, v%d, %d, v0" % (
                    vd, vs2, self.rng.randint(-16, 15)))
            elif form == "v.v":
                self.emit("vmv.v.v v%d, v%d" % (vd, vs1))
            elif form == "v.x":
                self.emit("vmv.v.x v%d, %s" % (vd, self.scalar()))
            else:
                self.emit("vmv.v.i v%d, %d" % (vd, self.rng.randint(-16, 15)))
        elif kind == 1:  # carry
            op = self.rng.choice(["vadc", "vsbc", "vmadc", "vmsbc"])
            mask_out = op in ("vmadc", "vmsbc")
            with_carry = (not mask_out) or self.rng.random() < 0.6
            forms = ["vv", "vx"] + (["vi"] if op in ("vadc", "vmadc") else [])
            form = self.rng.choice(forms)
            no_v0 = {0} if with_carry else set()
            vs2, vs1 = self.pick(n, no_v0), self.pick(n, no_v0)
            srcs = self.group(vs2, n) | self.group(vs1, n)
            if mask_out:
                vd = self.pick(1, srcs | ({0} if with_carry else set()))
            else:
                vd = self.pick(n, {0})
            if vd is None:
                return False
            b = {"vv": "v%d" % vs1, "vx": self.scalar(),
                 "vi": str(self.rng.randint(-16, 15))}[form]
            suffix = form + ("m" if with_carry else "")
            self.emit("%s.%s v%d, v%d, %s%s" % (op, suffix, vd, vs2, b,
                                               ", v0" if with_carry else ""))
        elif kind == 2:  # compares
            op = self.rng.choice(["vmseq", "vmsne", "vmsltu", "vmslt",
                                  "vmsleu", "vmsle", "vmsgtu", "vmsgt"])
            forms = {"vmseq": ["vv", "vx", "vi"], "vmsne": ["vv", "vx", "vi"],
                     "vmsltu": ["vv", "vx"], "vmslt": ["vv", "vx"],
                     "vmsleu": ["vv", "vx", "vi"], "vmsle": ["vv", "vx", "vi"],
                     "vmsgtu": ["vx", "vi"], "vmsgt": ["vx", "vi"]}[op]
            form = self.rng.choice(forms)
            masked = self.want_mask()
            no_v0 = {0} if masked else set()
            vs2, vs1 = self.pick(n, no_v0), self.pick(n, no_v0)
            avoid = self.group(vs2, n) | self.group(vs1, n)
            # An unmasked compare may write v0: new masks for later.
            if masked or self.rng.random() < 0.6:
                avoid.add(0)
                vd = self.pick(1, avoid)
            else:
                vd = 0 if 0 not in avoid else self.pick(1, avoid)
                masked = False
            b = {"vv": "v%d" % vs1, "vx": self.scalar(),
                 "vi": str(self.rng.randint(-16, 15))}[form]
            self.emit("%s.%s v%d, v%d, %s%s" % (op, form, vd, vs2, b,
                                               self.mask_suffix(masked)))
        elif kind == 3:  # widening
            if 2 * self.sew > self.elen or self.lmul > 2:
                if self.rng.random() < 0.5:
                    return False
                self.switch_vtype([8, 16, 32][:log2(self.elen) - 3], 2)
                n = self.nregs(self.lmul)
            wn = self.nregs(self.lmul + 1)
            op = self.rng.choice(["vwaddu", "vwadd", "vwsubu", "vwsub",
                                  "vwmulu", "vwmul", "vwmulsu", "vwmaccu",
                                  "vwmacc", "vwmaccsu", "vwmaccus"])
            masked = self.want_mask()
            if op in ("vwaddu", "vwadd", "vwsubu", "vwsub"):
                form = self.rng.choice(["vv", "vx", "wv", "wx"])
            elif op == "vwmaccus":
                form = "vx"
            else:
                form = self.rng.choice(["vv", "vx"])
            no_v0 = {0} if masked else set()
            vs1 = self.pick(n, no_v0)
            avoid = self.group(vs1, n) | no_v0
            vd = self.pick(wn, avoid)
            if vd is None:
                return False
            if form.startswith("w"):
                # The wide vs2 may be vd (same EEW), never vs1's registers.
                vs2 = self.rng.choice([vd, self.pick(wn, avoid)])
            else:
                vs2 = self.pick(n, self.group(vd, wn) | no_v0)
            if vs2 is None:
                return False
            b = "v%d" % vs1 if form[1] == "v" else self.scalar()
            if op.startswith("vwmacc"):
                text = "%s.%s v%d, %s, v%d" % (op, form, vd, b, vs2)
            else:
                text = "%s.%s v%d, v%d, %s" % (op, form, vd, vs2, b)
            self.emit(text + self.mask_suffix(masked))
        else:  # narrowing, extension
            masked = self.want_mask()
            if self.rng.random() < 0.5:
                if 2 * self.sew > self.elen or self.lmul > 2:
                    if self.rng.random() < 0.5:
                        return False
                    self.switch_vtype([8, 16, 32][:log2(self.elen) - 3], 2)
                    n = self.nregs(self.lmul)
                op = self.rng.choice(["vnsrl", "vnsra", "vnclipu", "vnclip"])
                if op.startswith("vnclip") and self.rng.random() < 0.4:
                    self.emit("csrwi vxrm, %d" % self.rng.randint(0, 3),
                              vector=False)
                wn = self.nregs(self.lmul + 1)
                no_v0 = {0} if masked else set()
                vs2 = self.pick(wn, no_v0)
                vs1 = self.pick(n, self.group(vs2, wn) | no_v0)
                if vs1 is None:
                    return False
                vd = self.pick(n, self.group(vs2, wn) | self.group(vs1, n) |
                               no_v0)
                if vd is None:
                    return False
                form = self.rng.choice(["wv", "wx", "wi"])
                b = {"wv": "v%d" % vs1, "wx": self.scalar(),
                     "wi": str(self.rng.randint(0, 31))}[form]
                self.emit("%s.%s v%d, v%d, %s%s" % (op, form, vd, vs2, b,
                                                   self.mask_suffix(masked)))
            else:
                f = self.rng.choice([2, 4, 8])
                if self.sew // f < 8 or self.lmul - log2(f) < -3:
                    return False
                sn = self.nregs(self.lmul - log2(f))
                vs2 = self.pick(sn, {0} if masked else ())
                vd = self.pick(n, self.group(vs2, sn) |
                               ({0} if masked else set()))
                if vd is None:
                    return False
                op = self.rng.choice(["vzext", "vsext"])
                self.emit("%s.vf%d v%d, v%d%s" % (op, f, vd, vs2,
                                                 self.mask_suffix(masked)))
        return True

    def gen_reduction(self):
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        if self.rng.random() < 0.25:
            if 2 * self.sew > self.elen:
                return False
            op = self.rng.choice(["vwredsumu", "vwredsum"])
        else:
            op = self.rng.choice(["vredsum", "vredand", "vredor", "vredxor",
                                  "vredminu", "vredmin", "vredmaxu",
                                  "vredmax"])
        self.reduction(op, n, masked, widening=op.startswith("vw"))
        return True

    def reduction(self, op, n, masked, widening):
        """vd and vs1 are single registers (the scalar); masked, the data
        must not be v0; widening, vs1 (2*SEW) must not be in vs2's group."""
        no_v0 = {0} if masked else set()
        vs2 = self.pick(n, no_v0)
        vs1 = self.rng.choice([r for r in range(32) if r not in no_v0 and
                               not (widening and r in self.group(vs2, n))])
        self.emit("%s.vs v%d, v%d, v%d%s" % (op, self.rng.randint(0, 31), vs2,
                                            vs1, self.mask_suffix(masked)))

    # --------------------------------------------------------------- FP
    def gen_fp(self):
        if not self.fp_sews:
            return False
        if self.sew not in self.fp_sews:
            if self.rng.random() < 0.5:
                return False
            self.switch_vtype(self.fp_sews)
        if self.rng.random() < 0.15:
            self.emit("fsrmi %d" % self.rng.randint(0, 4), vector=False)
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        kind = self.rng.randint(0, 5)
        fr = self.freg(self.sew)
        m = self.mask_suffix(masked)
        if kind == 0:   # binary
            op = self.rng.choice(["vfadd", "vfsub", "vfmul", "vfdiv", "vfmin",
                                  "vfmax", "vfsgnj", "vfsgnjn", "vfsgnjx",
                                  "vfrsub", "vfrdiv"])
            r = self.operands(n, [n, n], masked, overlap_ok=True)
            if r is None:
                return False
            vd, (vs2, vs1) = r
            if op in ("vfrsub", "vfrdiv") or self.rng.random() < 0.4:
                self.emit("%s.vf v%d, v%d, %s%s" % (op, vd, vs2, fr, m))
            else:
                self.emit("%s.vv v%d, v%d, v%d%s" % (op, vd, vs2, vs1, m))
        elif kind == 1:  # fused multiply-add
            op = self.rng.choice(["vfmacc", "vfnmacc", "vfmsac", "vfnmsac",
                                  "vfmadd", "vfnmadd", "vfmsub", "vfnmsub"])
            r = self.operands(n, [n, n], masked, overlap_ok=True)
            if r is None:
                return False
            vd, (vs2, vs1) = r
            if self.rng.random() < 0.4:
                self.emit("%s.vf v%d, %s, v%d%s" % (op, vd, fr, vs2, m))
            else:
                self.emit("%s.vv v%d, v%d, v%d%s" % (op, vd, vs1, vs2, m))
        elif kind == 2:  # unary, converts, class, merge, moves
            op = self.rng.choice(["vfsqrt.v", "vfrsqrt7.v", "vfrec7.v",
                                  "vfclass.v", "vfcvt.xu.f.v", "vfcvt.x.f.v",
                                  "vfcvt.rtz.xu.f.v", "vfcvt.rtz.x.f.v",
                                  "vfcvt.f.xu.v", "vfcvt.f.x.v", "vfmerge",
                                  "vfmv.v.f"])
            if op == "vfmerge":
                self.emit("vfmerge.vfm v%d, v%d, %s, v0" % (
                    self.pick(n, {0}), self.pick(n, {0}), fr))
            elif op == "vfmv.v.f":
                self.emit("vfmv.v.f v%d, %s" % (self.pick(n), fr))
            else:
                r = self.operands(n, [n], masked, overlap_ok=True)
                if r is None:
                    return False
                vd, (vs2,) = r
                self.emit("%s v%d, v%d%s" % (op, vd, vs2, m))
        elif kind == 3:  # compares
            op = self.rng.choice(["vmfeq", "vmfne", "vmflt", "vmfle", "vmfgt",
                                  "vmfge"])
            no_v0 = {0} if masked else set()
            vs2, vs1 = self.pick(n, no_v0), self.pick(n, no_v0)
            avoid = self.group(vs2, n) | self.group(vs1, n) | {0}
            vd = self.pick(1, avoid)
            if op in ("vmfgt", "vmfge") or self.rng.random() < 0.4:
                self.emit("%s.vf v%d, v%d, %s%s" % (op, vd, vs2, fr, m))
            else:
                self.emit("%s.vv v%d, v%d, v%d%s" % (op, vd, vs2, vs1, m))
        elif kind == 4:  # widening / narrowing
            narrow = [s for s in self.fp_sews if 2 * s in self.fp_sews]
            if not narrow:
                return False
            if self.sew not in narrow or self.lmul > 2:
                self.switch_vtype(narrow, 2)
                n = self.nregs(self.lmul)
            wn = self.nregs(self.lmul + 1)
            if self.rng.random() < 0.6:
                op = self.rng.choice(["vfwadd", "vfwsub", "vfwmul", "vfwmacc",
                                      "vfwnmacc", "vfwmsac", "vfwnmsac",
                                      "vfwcvt.f.f.v", "vfwcvt.xu.f.v",
                                      "vfwcvt.x.f.v", "vfwcvt.rtz.xu.f.v",
                                      "vfwcvt.rtz.x.f.v", "vfwcvt.f.xu.v",
                                      "vfwcvt.f.x.v"])
                no_v0 = {0} if masked else set()
                vs1 = self.pick(n, no_v0)
                vd = self.pick(wn, self.group(vs1, n) | no_v0)
                if vd is None:
                    return False
                vs2 = self.pick(n, self.group(vd, wn) | no_v0)
                if vs2 is None:
                    return False
                if "." in op:
                    self.emit("%s v%d, v%d%s" % (op, vd, vs2, m))
                elif op in ("vfwadd", "vfwsub") and self.rng.random() < 0.4:
                    w2 = self.rng.choice([vd, self.pick(
                        wn, self.group(vs1, n) | no_v0)])
                    if self.rng.random() < 0.5:
                        self.emit("%s.wv v%d, v%d, v%d%s" % (op, vd, w2, vs1,
                                                            m))
                    else:
                        self.emit("%s.wf v%d, v%d, %s%s" % (op, vd, w2, fr,
                                                           m))
                elif op.startswith("vfwmacc") or op.startswith("vfwn") or \
                        op.startswith("vfwmsac"):
                    if self.rng.random() < 0.4:
                        self.emit("%s.vf v%d, %s, v%d%s" % (op, vd, fr, vs2,
                                                           m))
                    else:
                        self.emit("%s.vv v%d, v%d, v%d%s" % (op, vd, vs1, vs2,
                                                            m))
                elif self.rng.random() < 0.4:
                    self.emit("%s.vf v%d, v%d, %s%s" % (op, vd, vs2, fr, m))
                else:
                    self.emit("%s.vv v%d, v%d, v%d%s" % (op, vd, vs2, vs1, m))
            else:
                op = self.rng.choice(["vfncvt.f.f.w", "vfncvt.rod.f.f.w",
                                      "vfncvt.xu.f.w", "vfncvt.x.f.w",
                                      "vfncvt.rtz.xu.f.w",
                                      "vfncvt.rtz.x.f.w", "vfncvt.f.xu.w",
                                      "vfncvt.f.x.w"])
                vs2 = self.pick(wn, {0} if masked else ())
                vd = self.pick(n, self.group(vs2, wn) |
                               ({0} if masked else set()))
                if vd is None:
                    return False
                self.emit("%s v%d, v%d%s" % (op, vd, vs2, m))
        else:  # reductions and scalar moves
            r = self.rng.random()
            if r < 0.5:
                op = self.rng.choice(["vfredusum", "vfredosum", "vfredmin",
                                      "vfredmax"])
                self.reduction(op, n, masked, widening=False)
            elif r < 0.7 and 2 * self.sew in self.fp_sews:
                op = self.rng.choice(["vfwredusum", "vfwredosum"])
                self.reduction(op, n, masked, widening=True)
            elif r < 0.85:
                self.emit("vfmv.f.s %s, v%d" % (self.freg(self.sew),
                                                self.rng.randint(0, 31)))
            else:
                self.emit("vfmv.s.f v%d, %s" % (self.rng.randint(0, 31), fr))
        return True

    # --------------------------------------------------- mask, permutes
    def gen_mask(self):
        kind = self.rng.randint(0, 3)
        masked = self.want_mask()
        m = self.mask_suffix(masked)
        if kind == 0:
            op = self.rng.choice(["vmand", "vmnand", "vmandn", "vmxor",
                                  "vmor", "vmnor", "vmorn", "vmxnor"])
            self.emit("%s.mm v%d, v%d, v%d" % (op, self.rng.randint(0, 31),
                                               self.rng.randint(0, 31),
                                               self.rng.randint(0, 31)))
        elif kind == 1:
            op = self.rng.choice(["vcpop.m", "vfirst.m"])
            self.emit("%s t2, v%d%s" % (op, self.rng.randint(0, 31), m))
        elif kind == 2:
            op = self.rng.choice(["vmsbf.m", "vmsif.m", "vmsof.m"])
            vs2 = self.rng.randint(0, 31)
            vd = self.pick(1, {vs2} | ({0} if masked else set()))
            self.emit("%s v%d, v%d%s" % (op, vd, vs2, m))
        else:
            n = self.nregs(self.lmul)
            if self.rng.random() < 0.5:
                vs2 = self.rng.randint(0, 31)
                vd = self.pick(n, {vs2} | ({0} if masked else set()))
                if vd is None:
                    return False
                self.emit("viota.m v%d, v%d%s" % (vd, vs2, m))
            else:
                vd = self.pick(n, {0} if masked else set())
                self.emit("vid.v v%d%s" % (vd, m))
        return True

    def gen_permute(self):
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        m = self.mask_suffix(masked)
        kind = self.rng.randint(0, 5)
        if kind == 0:   # slides
            op = self.rng.choice(["vslideup", "vslidedown", "vslide1up",
                                  "vslide1down"])
            vs2 = self.pick(n, {0} if masked else ())
            avoid = self.group(vs2, n) if op.endswith("up") else set()
            vd = self.pick(n, avoid | ({0} if masked else set()))
            if vd is None:
                return False
            if op in ("vslide1up", "vslide1down"):
                if self.sew in self.fp_sews and self.rng.random() < 0.3:
                    self.emit("vf%s.vf v%d, v%d, %s%s" % (
                        op[1:], vd, vs2, self.freg(self.sew), m))
                else:
                    self.emit("%s.vx v%d, v%d, %s%s" % (op, vd, vs2,
                                                       self.scalar(), m))
            elif self.rng.random() < 0.5:
                self.emit("%s.vi v%d, v%d, %d%s" % (op, vd, vs2,
                                                   self.rng.randint(0, 31), m))
            else:
                # Offsets within, at and beyond vl.
                self.li("t2", self.rng.choice([
                    self.rng.randint(0, self.vlmax()), self.vlmax(),
                    self.rng.randint(0, 3 * self.vlmax() + 1),
                    (1 << self.xlen) - 1]))
                self.emit("%s.vx v%d, v%d, t2%s" % (op, vd, vs2, m))
        elif kind == 1:  # vrgather
            no_v0 = {0} if masked else set()
            vs2 = self.pick(n, no_v0)
            ei16 = self.rng.random() < 0.35
            if ei16:
                iemul = 4 - log2(self.sew) + self.lmul
                if not -3 <= iemul <= 3:
                    return False
                inr = self.nregs(iemul)
                vs1 = self.pick(inr, self.group(vs2, n) | no_v0)
                isew, ilmul = 16, iemul
            else:
                inr = n
                vs1 = self.pick(n, no_v0)
                isew, ilmul = self.sew, self.lmul
            if vs1 is None:
                return False
            avoid = self.group(vs2, n) | self.group(vs1, inr)
            vd = self.pick(n, avoid | ({0} if masked else set()))
            if vd is None:
                return False
            form = "vv" if ei16 else self.rng.choice(["vv", "vv", "vx", "vi"])
            if (form == "vv" and self.rng.random() < 0.7 and
                    self.legal_vtype(isew, ilmul)):
                # Most indices in range, some beyond VLMAX.
                limit = min(1 << isew, 2 * self.vlmax())
                mask = (1 << max(1, log2(limit))) - 1

                def prepare():
                    self.li("t1", mask)
                    self.emit("vand.vx v%d, v%d, t1" % (vs1, vs1))
                self.with_vtype(isew, ilmul, prepare)
            if ei16:
                self.emit("vrgatherei16.vv v%d, v%d, v%d%s" % (vd, vs2, vs1,
                                                              m))
            elif form == "vv":
                self.emit("vrgather.vv v%d, v%d, v%d%s" % (vd, vs2, vs1, m))
            elif form == "vx":
                self.li("t2", self.rng.choice([
                    self.rng.randint(0, self.vlmax()),
                    self.rng.randint(0, 1 << 20), -1]))
                self.emit("vrgather.vx v%d, v%d, t2%s" % (vd, vs2, m))
            else:
                self.emit("vrgather.vi v%d, v%d, %d%s" % (
                    vd, vs2, self.rng.randint(0, 31), m))
        elif kind == 2:  # vcompress (never masked)
            vs2 = self.pick(n)
            vs1 = self.rng.choice([r for r in range(32)
                                   if r not in self.group(vs2, n)])
            vd = self.pick(n, self.group(vs2, n) | {vs1})
            if vd is None:
                return False
            self.emit("vcompress.vm v%d, v%d, v%d" % (vd, vs2, vs1))
        elif kind == 3:  # whole-register moves
            nr = self.rng.choice([1, 2, 4, 8])
            self.emit("vmv%dr.v v%d, v%d" % (nr, self.rng.randrange(0, 32, nr),
                                             self.rng.randrange(0, 32, nr)))
        elif kind == 4:  # scalar moves
            if self.rng.random() < 0.5:
                self.emit("vmv.x.s %s, v%d" % (self.scalar(),
                                               self.rng.randint(0, 31)))
            else:
                self.emit("vmv.s.x v%d, %s" % (self.rng.randint(0, 31),
                                               self.scalar()))
        else:  # vector CSRs read into GPRs
            self.emit("csrr t2, %s" % self.rng.choice(
                ["vl", "vtype", "vlenb", "vcsr", "vxrm", "vxsat", "vstart"]),
                vector=False)
            if self.rng.random() < 0.3:
                self.emit("csrwi vxsat, 0", vector=False)
        return True

    # ------------------------------------- Zvbb, Zvbc, Zvfbfmin/Zvfbfwma
    def gen_zvbb(self):
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        m = self.mask_suffix(masked)
        no_v0 = {0} if masked else set()
        r = self.rng.random()
        if r < 0.35:
            op = self.rng.choice(["vbrev.v", "vbrev8.v", "vrev8.v", "vclz.v",
                                  "vctz.v", "vcpop.v"])
            res = self.operands(n, [n], masked, overlap_ok=True)
            if res is None:
                return False
            vd, (vs2,) = res
            self.emit("%s v%d, v%d%s" % (op, vd, vs2, m))
        elif r < 0.8:
            op = self.rng.choice(["vandn", "vrol", "vror"])
            res = self.operands(n, [n, n], masked, overlap_ok=True)
            if res is None:
                return False
            vd, (vs2, vs1) = res
            form = self.rng.choice(["vv", "vx"] + (["vi"] if op == "vror"
                                                   else []))
            b = {"vv": "v%d" % vs1, "vx": self.scalar(),
                 "vi": str(self.rng.randint(0, 63))}[form]
            self.emit("%s.%s v%d, v%d, %s%s" % (op, form, vd, vs2, b, m))
        else:
            if self.sew > 32 or self.lmul > 2:
                return False
            wn = self.nregs(self.lmul + 1)
            vs2 = self.pick(n, no_v0)
            vs1 = self.pick(n, no_v0)
            vd = self.pick(wn, self.group(vs2, n) | self.group(vs1, n) |
                           no_v0)
            if vd is None:
                return False
            form = self.rng.choice(["vv", "vx", "vi"])
            b = {"vv": "v%d" % vs1, "vx": self.scalar(),
                 "vi": str(self.rng.randint(0, 31))}[form]
            self.emit("vwsll.%s v%d, v%d, %s%s" % (form, vd, vs2, b, m))
        return True

    def gen_zvbc(self):
        if self.sew != 64:
            if self.rng.random() < 0.5:
                return False
            self.switch_vtype([64])
        n = self.nregs(self.lmul)
        masked = self.want_mask()
        res = self.operands(n, [n, n], masked, overlap_ok=True)
        if res is None:
            return False
        vd, (vs2, vs1) = res
        op = self.rng.choice(["vclmul", "vclmulh"])
        b = "v%d" % vs1 if self.rng.random() < 0.6 else self.scalar()
        self.emit("%s.v%s v%d, v%d, %s%s" % (op, "v" if b[0] == "v" else "x",
                                            vd, vs2, b,
                                            self.mask_suffix(masked)))
        return True

    def gen_zvfbf(self):
        """Zvfbfmin converts and Zvfbfwma's widening BF16 multiply-add:
        SEW 16 sources, 32-bit results."""
        if self.sew != 16 or self.lmul > 2:
            if self.rng.random() < 0.5:
                return False
            self.switch_vtype([16], 2)
        n = self.nregs(self.lmul)
        wn = self.nregs(self.lmul + 1)
        masked = self.want_mask()
        m = self.mask_suffix(masked)
        no_v0 = {0} if masked else set()
        r = self.rng.random()
        if r < 0.3:
            vs2 = self.pick(wn, no_v0)
            vd = self.pick(n, self.group(vs2, wn) | no_v0)
            if vd is None:
                return False
            self.emit("vfncvtbf16.f.f.w v%d, v%d%s" % (vd, vs2, m))
            return True
        vs2 = self.pick(n, no_v0)
        vs1 = self.pick(n, no_v0)
        vd = self.pick(wn, self.group(vs2, n) | self.group(vs1, n) | no_v0)
        if vd is None:
            return False
        if r < 0.6:
            self.emit("vfwcvtbf16.f.f.v v%d, v%d%s" % (vd, vs2, m))
        elif r < 0.8:
            self.emit("vfwmaccbf16.vv v%d, v%d, v%d%s" % (vd, vs1, vs2, m))
        else:
            self.emit("vfwmaccbf16.vf v%d, %s, v%d%s" % (vd, self.freg(16),
                                                         vs2, m))
        return True

    # ---------------------------------------------------------- program
    def classes(self):
        """Instruction classes: name, generator, weight."""
        return [("config", self.gen_config, 8), ("vill", self.gen_vill, 1),
                ("mem", self.gen_unit_or_strided, 12),
                ("indexed", self.gen_indexed, 6),
                ("whole", self.gen_whole_or_mask_mem, 4),
                ("int", self.gen_int, 20), ("intmisc", self.gen_int_misc, 16),
                ("reduction", self.gen_reduction, 5), ("fp", self.gen_fp, 18),
                ("mask", self.gen_mask, 6), ("permute", self.gen_permute, 10),
                ("zvbb", self.gen_zvbb, 10 if self.o.zvbb else 0),
                ("zvbc", self.gen_zvbc, 4 if self.o.zvbc else 0),
                ("zvfbf", self.gen_zvfbf, 6 if self.o.zvfbf else 0)]

    def generate(self):
        chosen = [(n, f, w) for n, f, w in self.classes()
                  if w and (not self.o.classes or n in self.o.classes)]
        funcs = [f for _, f, _ in chosen]
        weights = [w for _, _, w in chosen]
        self.prologue()
        while self.vector_count < self.o.length:
            f = self.rng.choices(funcs, weights)[0]
            f()
        self.lines.append("  ebreak")

    def prologue(self):
        self.emit("la s0, data_mid", vector=False)
        # Every vector register from random data.
        self.emit("vsetvli t0, zero, e8, m8, ta, ma")
        for g in range(0, 32, 8):
            self.address(-self.half, self.half - 8 * self.vlenb, 8)
            self.emit("vle8.v v%d, (s1)" % g)
        for i, r in enumerate(SCALARS):
            v = self.rng.getrandbits(self.xlen)
            if i < 2:
                v = self.rng.randint(0, 40)   # small: offsets, shifts
            self.li(r, v)
        for i in range(8):
            self.address(-self.half, self.half - 8, 8)
            load = ("flh" if i < 2 and self.half_fp() else
                    "flw" if i < 4 else "fld")
            self.emit("%s f%d, 0(s1)" % (load, i), vector=False)
        self.emit("csrwi vxrm, %d" % self.rng.randint(0, 3), vector=False)
        self.emit("fsrmi %d" % self.rng.randint(0, 4), vector=False)
        sew, lmul, ta, ma = self.random_vtype()
        self.emit("vsetvli t0, zero, %s" % self.vtypei(sew, lmul, ta, ma))
        self.set_vtype(sew, lmul, ta, ma)

    def data(self):
        special64 = [0x0, 0x8000000000000000, 0x7ff0000000000000,
                     0xfff0000000000000, 0x7ff8000000000000,
                     0x7ff4000000000000, 0x3ff0000000000000,
                     0x0000000000000001, 0x000fffffffffffff,
                     0x7fefffffffffffff]
        special32 = [0x0, 0x80000000, 0x7f800000, 0xff800000, 0x7fc00000,
                     0x7fa00000, 0x3f800000, 0x00000001, 0x007fffff,
                     0x7f7fffff]
        out = []
        for i in range(self.data_size // 8):
            if i == self.half // 8:
                out.append("data_mid:")
            r = self.rng.random()
            if r < 0.08:
                v = self.rng.choice(special64)
            elif r < 0.16:
                v = (self.rng.choice(special32) << 32 |
                     self.rng.choice(special32))
            elif r < 0.22:
                v = self.rng.getrandbits(8)   # small integers
            else:
                v = self.rng.getrandbits(64)
            out.append("  .quad 0x%016x" % v)
        return out

    def isa(self):
        if self.o.zve:
            return "_".join(["rv%dgc" % self.xlen, self.o.zve,
                             "zvl%db" % self.vlen] + extensions(self.o))
        base = "rv%dgcv" % self.xlen
        ext = ["zvl%db" % self.vlen] if self.vlen > 128 else []
        return "_".join([base] + ext + extensions(self.o))

    def text(self):
        head = ["# rvv-progen --seed %d --xlen %d --vlen %d --length %d"
                % (self.o.seed, self.xlen, self.vlen, self.o.length),
                "# %d vector instructions" % self.vector_count,
                '  .attribute arch, "%s"' % self.isa(),
                "  .text", "  .globl _start", "_start:"]
        tail = ["  .data", "  .p2align 12", "data_lo:"] + self.data()
        return "\n".join(head + self.lines + tail) + "\n"


def extensions(opts):
    """The vector extensions beyond V that the options ask for."""
    ext = []
    if opts.zvfh:
        ext.append("zvfh")
    if opts.zvbb:
        ext.append("zvbb")
    if opts.zvbc:
        ext.append("zvbc")
    if opts.zvfbf:
        ext += ["zvfbfmin", "zvfbfwma"]
    return ext


def mattr(opts):
    if opts.zve:
        attrs = ["+" + opts.zve, "+zvl%db" % opts.vlen]
    else:
        attrs = ["+v"]
    if opts.vlen > 128 and not opts.zve:
        attrs.append("+zvl%db" % opts.vlen)
    attrs += ["+" + e for e in extensions(opts)]
    return ",".join(attrs)


LINKER_SCRIPT = """ENTRY(_start)
SECTIONS {
  . = 0x%x;
  .text : { *(.text) }
  . = 0x%x;
  .data : { *(.data) }
}
""" % (TEXT_BASE, DATA_BASE)


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--xlen", type=int, choices=(32, 64), default=64)
    ap.add_argument("--vlen", type=int, choices=(128, 256, 512, 1024),
                    default=128)
    ap.add_argument("--length", type=int, default=50,
                    help="vector instructions in the program (default 50: "
                         "what 'a program' counts as in campaign figures)")
    ap.add_argument("--mask-rate", type=float, default=0.35,
                    help="share of maskable instructions under v0.t")
    ap.add_argument("--vstart-rate", type=float, default=0.08,
                    help="share of loads/stores preceded by csrwi vstart")
    ap.add_argument("--avl-between", action="store_true",
                    help="also AVL in (VLMAX, 2*VLMAX), where vl is "
                         "implementation-defined (QEMU: VLMAX)")
    ap.add_argument("--zve", choices=("zve32x", "zve32f", "zve64x", "zve64f",
                                      "zve64d"),
                    help="a Zve* instead of V (ELEN 32 for Zve32*, FP as "
                         "the Zve* has it; Zvl<VLEN>b is added, so that "
                         "the model and QEMU have the same VLEN); check "
                         "with snipgen-qemu-check --zve-as-v")
    ap.add_argument("--zvfh", action="store_true", help="FP16 too (Zvfh)")
    ap.add_argument("--zvbb", action="store_true",
                    help="Zvbb: vandn, vbrev(8), vrev8, vclz, vctz, vcpop.v, "
                         "vrol, vror, vwsll")
    ap.add_argument("--zvbc", action="store_true",
                    help="Zvbc: vclmul, vclmulh (SEW 64)")
    ap.add_argument("--zvfbf", action="store_true",
                    help="Zvfbfmin and Zvfbfwma: BF16 converts and "
                         "vfwmaccbf16")
    ap.add_argument("--classes",
                    help="only these instruction classes, comma-separated: "
                         "config, vill, mem (unit-stride, strided, segment, "
                         "fault-only-first), indexed, whole (whole-register "
                         "and mask loads/stores), int, intmisc (merge/move, "
                         "carry, compares, widening, narrowing, extension), "
                         "reduction, fp, mask, permute (default: all). "
                         "indexed and permute also emit vid/vand/vmul/vrsub "
                         "to prepare indices")
    ap.add_argument("-o", "--output", help="assembly file (default stdout); "
                    "the linker script goes to OUTPUT.ld")
    ap.add_argument("--print-mattr", action="store_true",
                    help="print llvm-mc's -mattr for these options and exit")
    opts = ap.parse_args()
    known = ["config", "vill", "mem", "indexed", "whole", "int", "intmisc",
             "reduction", "fp", "mask", "permute", "zvbb", "zvbc", "zvfbf"]
    if opts.classes:
        opts.classes = opts.classes.split(",")
        bad = [c for c in opts.classes if c not in known]
        if bad:
            ap.error("unknown class(es) %s (known: %s)" % (", ".join(bad),
                                                          ", ".join(known)))
    if opts.print_mattr:
        print(mattr(opts))
        return 0
    p = Program(opts)
    p.generate()
    if opts.output:
        with open(opts.output, "w") as f:
            f.write(p.text())
        with open(opts.output + ".ld", "w") as f:
            f.write(LINKER_SCRIPT)
    else:
        sys.stdout.write(p.text())
    return 0


if __name__ == "__main__":
    sys.exit(main())
