"""Integer, fixed-point and reduction instruction classes."""
from rvvprogen.common import (INDEX_RANGE, LMUL_NAMES, SCALARS, SEWS,
                              STRIDE_MAX, log2)


class IntegerClasses:
    # ------------------------------------------------------- arithmetic
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
