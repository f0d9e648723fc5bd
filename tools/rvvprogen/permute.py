"""Mask, permutation, Zvbb and Zvbc instruction classes."""
from rvvprogen.common import (INDEX_RANGE, LMUL_NAMES, SCALARS, SEWS,
                              STRIDE_MAX, log2)


class PermuteClasses:
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
                elif self.xlen == 32 and self.sew == 64:
                    # QEMU 10.0.2 zero-extends the scalar here; the spec
                    # sign-extends (pinned in cosim/rvv-int-known-
                    # differences.test): slide by one without the scalar.
                    self.emit("%s.vi v%d, v%d, 1%s" % (
                        op.replace("slide1", "slide"), vd, vs2, m))
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
