"""Vector loads and stores: unit-stride, strided, segment, fault-only-first,
indexed, whole-register and mask."""
from rvvprogen.common import (INDEX_RANGE, LMUL_NAMES, SCALARS, SEWS,
                              STRIDE_MAX, log2)


class MemoryClasses:
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
