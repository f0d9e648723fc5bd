"""Floating-point instruction classes (V, Zvfh, Zvfbfmin/Zvfbfwma)."""
from rvvprogen.common import (INDEX_RANGE, LMUL_NAMES, SCALARS, SEWS,
                              STRIDE_MAX, log2)


class FPClasses:
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
