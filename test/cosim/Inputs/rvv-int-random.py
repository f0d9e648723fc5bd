#!/usr/bin/env python3
"""Random RVV integer programs for the QEMU cross-check (test-side tool).

Writes one assembly program per seed that: fills v0..v31 and a few integer
registers with random values, then runs blocks of `vsetvli` (random SEW,
LMUL, tail/mask policy and AVL, including 0 and more than VLMAX) and `csrwi
vxrm`, each followed by random integer-class vector instructions (integer,
fixed-point, integer reductions, mask, permute) with legal register groups:
destination and source groups never overlap, masked destinations are never
v0, and v0 is a data source while masking only where QEMU 10 allows it
(vadc/vsbc/vmadc/vmsbc, compares, reductions). The program ends with ebreak, as snipgen-qemu-check expects.

  rvv-int-random.py -seed N [-blocks B] [-per-block K] [-vlen 128]
                    [-xlen 64|32] -o prog.s
"""
import argparse
import random

SEWS = [8, 16, 32, 64]
LMULS = [-3, -2, -1, 0, 1, 2, 3]
XREGS = ["a0", "a1", "a2", "a3", "a4", "a5"]

# Operand shapes: (name, kind). Kinds:
#   vv/vx/vi/viu   single width vd, vs2, op1 (viu: 0..31 immediate)
#   macc_vv/macc_vx  vd, vs1|rs1, vs2
#   wvv/wvx/wwv/wwx  widening (w: vs2 is wide)
#   wmacc_vv/wmacc_vx
#   nwv/nwx/nwi    narrowing
#   mvv/mvx/mvi    compare (mask destination)
SINGLE = {
    "vv": "vadd vsub vand vor vxor vsll vsrl vsra vminu vmin vmaxu vmax vmul vmulh vmulhu vmulhsu "
          "vdivu vdiv vremu vrem vsaddu vsadd vssubu vssub vaaddu vaadd vasubu vasub vsmul vssrl vssra",
    "vx": "vadd vsub vrsub vand vor vxor vsll vsrl vsra vminu vmin vmaxu vmax vmul vmulh vmulhu vmulhsu "
          "vdivu vdiv vremu vrem vsaddu vsadd vssubu vssub vaaddu vaadd vasubu vasub vsmul vssrl vssra "
          "vslideup vslidedown vslide1up vslide1down vrgather",
    "vi": "vadd vrsub vand vor vxor vsaddu vsadd",
    "viu": "vsll vsrl vsra vssrl vssra vslideup vslidedown vrgather",
    "macc_vv": "vmacc vnmsac vmadd vnmsub",
    "macc_vx": "vmacc vnmsac vmadd vnmsub",
    "wvv": "vwaddu vwadd vwsubu vwsub vwmul vwmulu vwmulsu",
    "wvx": "vwaddu vwadd vwsubu vwsub vwmul vwmulu vwmulsu",
    "wwv": "vwaddu vwadd vwsubu vwsub",
    "wwx": "vwaddu vwadd vwsubu vwsub",
    "wmacc_vv": "vwmaccu vwmacc vwmaccsu",
    "wmacc_vx": "vwmaccu vwmacc vwmaccsu vwmaccus",
    "nwv": "vnsrl vnsra vnclipu vnclip",
    "nwx": "vnsrl vnsra vnclipu vnclip",
    "nwi": "vnsrl vnsra vnclipu vnclip",
    "mvv": "vmseq vmsne vmsltu vmslt vmsleu vmsle",
    "mvx": "vmseq vmsne vmsltu vmslt vmsleu vmsle vmsgtu vmsgt",
    "mvi": "vmseq vmsne vmsleu vmsle vmsgtu vmsgt",
    "red": "vredsum vredand vredor vredxor vredminu vredmin vredmaxu vredmax",
    "wred": "vwredsumu vwredsum",
    "gather_vv": "vrgather vrgatherei16",
    "misc": "vadc vsbc vmadc vmsbc vmerge vmv vext viota vid vcompress vmvnr vmvxs vmvsx "
            "vmlogic vcpop vfirst vmsbf",
}
FORMS = [(k, op) for k, v in SINGLE.items() for op in v.split()]


class Gen:
    def __init__(self, seed, vlen, xlen=64):
        self.r = random.Random(seed)
        self.vlen = vlen
        self.xlen = xlen
        self.out = []

    def emit(self, s):
        self.out.append("  " + s)

    def regs(self, lmul):
        return max(1, 1 << lmul) if lmul > 0 else 1

    def pick_groups(self, emuls, avoid_v0_first=False, src_no_v0=None):
        """Distinct non-overlapping aligned groups for the given EMULs (log2);
        the first (the destination) avoids v0 if asked, the others (data
        sources) when the instruction reads v0 as a mask (spec 5.2: no
        register with two EEWs). src_no_v0 defaults to avoid_v0_first."""
        if src_no_v0 is None:
            src_no_v0 = avoid_v0_first
        for _ in range(200):
            used = set()
            res = []
            ok = True
            for i, e in enumerate(emuls):
                n = self.regs(e)
                cands = [b for b in range(0, 32, n)
                         if not (set(range(b, b + n)) & used)
                         and not (b == 0 and (avoid_v0_first if i == 0 else src_no_v0))]
                if not cands:
                    ok = False
                    break
                b = self.r.choice(cands)
                used |= set(range(b, b + n))
                res.append(b)
            if ok:
                return res
        return None

    def xval(self):
        v = self.xval64()
        if self.xlen == 32:
            v &= 0xffffffff
            v = v - (1 << 32) if v >= 1 << 31 else v
        return v

    def xval64(self):
        c = self.r.random()
        if c < 0.3:
            return self.r.randrange(0, 32)
        if c < 0.5:
            return self.r.choice([0, 1, -1, 2**63 - 1, -2**63, 0x80, 0x7f, 0xff, 0x8000, 0xffff,
                                  0x80000000, 0xffffffff, 2**64 - 1])
        return self.r.randrange(-2**63, 2**63)

    def block(self, count):
        sew = self.r.choice(SEWS)
        lmuls = [l for l in LMULS if l >= 0 or (64 >> -l) >= sew]
        lmul = self.r.choice(lmuls)
        vlmax = (self.vlen << lmul) // sew if lmul >= 0 else (self.vlen >> -lmul) // sew
        avl = self.r.choice([0, 1, vlmax, vlmax + 3, self.r.randrange(0, vlmax + 1),
                             self.r.randrange(0, 2 * vlmax + 2)])
        ta = self.r.choice(["ta", "tu"])
        ma = self.r.choice(["ma", "mu"])
        lm = {-3: "mf8", -2: "mf4", -1: "mf2", 0: "m1", 1: "m2", 2: "m4", 3: "m8"}[lmul]
        self.emit(f"li t2, {avl}")
        self.emit(f"vsetvli t3, t2, e{sew}, {lm}, {ta}, {ma}")
        if self.r.random() < 0.5:
            self.emit(f"csrwi vxrm, {self.r.randrange(4)}")
        for x in XREGS:
            if self.r.random() < 0.3:
                self.emit(f"li {x}, {self.xval()}")
        n = 0
        while n < count:
            kind, op = self.r.choice(FORMS)
            line = self.instr(kind, op, sew, lmul)
            if line:
                self.emit(line)
                n += 1

    def mask_suffix(self, allow=True):
        if allow and self.r.random() < 0.4:
            return ", v0.t", True
        return "", False

    def instr(self, kind, op, sew, L):
        r = self.r
        x = r.choice(XREGS)
        sfx, m = self.mask_suffix()
        simm = r.randrange(-16, 16)
        uimm = r.randrange(0, 32)
        wide_ok = sew <= 32 and L <= 2
        if kind in ("vv", "vx", "vi", "viu"):
            if op in ("vslide1up", "vslide1down") and self.xlen == 32 and sew == 64:
                return None  # QEMU 10 zero-extends rs1 (rvv-int-known-differences.test)
            if op in ("vslideup", "vslide1up", "vrgather") or kind == "vv":
                g = self.pick_groups([L, L, L], avoid_v0_first=m)
            else:
                g = self.pick_groups([L, L], avoid_v0_first=m)
            if not g:
                return None
            d, s2 = g[0], g[1]
            src = {"vv": lambda: f"v{g[2]}", "vx": lambda: x, "vi": lambda: str(simm),
                   "viu": lambda: str(uimm)}[kind]()
            return f"{op}.{'vi' if kind == 'viu' else kind} v{d}, v{s2}, {src}{sfx}"
        if kind.startswith("macc"):
            g = self.pick_groups([L, L, L], avoid_v0_first=m)
            if not g:
                return None
            s1 = f"v{g[2]}" if kind.endswith("vv") else x
            return f"{op}.{kind[-2:]} v{g[0]}, {s1}, v{g[1]}{sfx}"
        if kind in ("wvv", "wvx", "wwv", "wwx", "wmacc_vv", "wmacc_vx"):
            if not wide_ok:
                return None
            wide2 = kind in ("wwv", "wwx")
            g = self.pick_groups([L + 1, L + 1 if wide2 else L, L], avoid_v0_first=m)
            if not g:
                return None
            if kind.startswith("wmacc"):
                s1 = f"v{g[2]}" if kind.endswith("vv") else x
                return f"{op}.{kind[-2:]} v{g[0]}, {s1}, v{g[1]}{sfx}"
            s1 = f"v{g[2]}" if kind[-1] == "v" else x
            return f"{op}.{kind[1:]} v{g[0]}, v{g[1]}, {s1}{sfx}"
        if kind in ("nwv", "nwx", "nwi"):
            if not wide_ok:
                return None
            g = self.pick_groups([L, L + 1, L], avoid_v0_first=m)
            if not g:
                return None
            s1 = {"nwv": f"v{g[2]}", "nwx": x, "nwi": str(uimm)}[kind]
            return f"{op}.{kind[1:]} v{g[0]}, v{g[1]}, {s1}{sfx}"
        if kind in ("mvv", "mvx", "mvi"):
            g = self.pick_groups([0, L, L], src_no_v0=False)
            if not g:
                return None
            s1 = {"mvv": f"v{g[2]}", "mvx": x, "mvi": str(simm)}[kind]
            return f"{op}.{kind[1:]} v{g[0]}, v{g[1]}, {s1}{sfx}"
        if kind in ("red", "wred"):
            if kind == "wred" and sew > 32:
                return None
            g = self.pick_groups([0, L, 0], src_no_v0=False)
            if not g:
                return None
            return f"{op}.vs v{g[0]}, v{g[1]}, v{g[2]}{sfx}"
        if kind == "gather_vv":
            if op == "vrgatherei16":
                il = L + 4 - {8: 3, 16: 4, 32: 5, 64: 6}[sew]
                if il > 3 or il < -3:
                    return None
            else:
                il = L
            g = self.pick_groups([L, L, il], avoid_v0_first=m)
            if not g:
                return None
            return f"{op}.vv v{g[0]}, v{g[1]}, v{g[2]}{sfx}"
        return self.misc(op, sew, L, x, simm, sfx, m)

    def misc(self, op, sew, L, x, simm, sfx, m):
        r = self.r
        if op in ("vadc", "vsbc", "vmerge"):
            # QEMU 10 lets vadc/vsbc (not vmerge) read v0 as data too.
            g = self.pick_groups([L, L, L], avoid_v0_first=True,
                                 src_no_v0=op == "vmerge")
            if not g:
                return None
            f = r.choice(["vvm", "vxm", "vim"] if op != "vsbc" else ["vvm", "vxm"])
            s1 = {"vvm": f"v{g[2]}", "vxm": x, "vim": str(simm)}[f]
            return f"{op}.{f} v{g[0]}, v{g[1]}, {s1}, v0"
        if op in ("vmadc", "vmsbc"):
            g = self.pick_groups([0, L, L])
            if not g:
                return None
            forms = ["vv", "vx", "vvm", "vxm"] + (["vi", "vim"] if op == "vmadc" else [])
            f = r.choice(forms)

            s1 = {"v": f"v{g[2]}", "x": x, "i": str(simm)}[f[1]]
            return f"{op}.{f} v{g[0]}, v{g[1]}, {s1}" + (", v0" if f.endswith("m") else "")
        if op == "vmv":
            g = self.pick_groups([L, L], src_no_v0=False)
            if not g:
                return None
            f = r.choice(["v", "x", "i"])
            s = {"v": f"v{g[1]}", "x": x, "i": str(simm)}[f]
            return f"vmv.v.{f} v{g[0]}, {s}"
        if op == "vext":
            f = r.choice([2, 4, 8])
            k = {2: 1, 4: 2, 8: 3}[f]
            if sew // f < 8:
                return None
            g = self.pick_groups([L, L - k], avoid_v0_first=m)
            if not g:
                return None
            return f"{r.choice(['vzext', 'vsext'])}.vf{f} v{g[0]}, v{g[1]}{sfx}"
        if op == "viota":
            g = self.pick_groups([L, 0], avoid_v0_first=m, src_no_v0=False)
            if not g:
                return None
            return f"viota.m v{g[0]}, v{g[1]}{sfx}"
        if op == "vid":
            g = self.pick_groups([L], avoid_v0_first=m)
            return f"vid.v v{g[0]}{sfx}"
        if op == "vcompress":
            g = self.pick_groups([L, L, 0])
            if not g:
                return None
            return f"vcompress.vm v{g[0]}, v{g[1]}, v{g[2]}"
        if op == "vmvnr":
            n = r.choice([1, 2, 4, 8])
            nl = {1: 0, 2: 1, 4: 2, 8: 3}[n]
            g = self.pick_groups([nl, nl])
            return f"vmv{n}r.v v{g[0]}, v{g[1]}"
        if op == "vmvxs":
            return f"vmv.x.s {x}, v{r.randrange(32)}"
        if op == "vmvsx":
            return f"vmv.s.x v{r.randrange(32)}, {x}"
        if op == "vmlogic":
            f = r.choice("vmand vmnand vmandn vmxor vmor vmnor vmorn vmxnor".split())
            return f"{f}.mm v{r.randrange(32)}, v{r.randrange(32)}, v{r.randrange(32)}"
        if op == "vcpop":
            return f"{r.choice(['vcpop', 'vfirst'])}.m {x}, v{r.randrange(32)}{sfx}"
        if op == "vmsbf":
            g = self.pick_groups([0, 0], avoid_v0_first=m, src_no_v0=False)
            return f"{r.choice(['vmsbf', 'vmsif', 'vmsof'])}.m v{g[0]}, v{g[1]}{sfx}"
        return None

    def program(self, blocks, per_block):
        r = self.r
        print_ = self.out.append
        print_("  .globl _start")
        print_("_start:")
        self.emit("la t0, vdata")
        self.emit("vsetvli t1, zero, e8, m8, ta, ma")
        for i, v in enumerate([0, 8, 16, 24]):
            self.emit(f"vle8.v v{v}, (t0)")
            self.emit(f"addi t0, t0, {self.vlen}")
        for x in XREGS:
            self.emit(f"li {x}, {self.xval()}")
        for _ in range(blocks):
            self.block(per_block)
        self.emit("ebreak")
        print_("  .data")
        print_("vdata:")
        data = [r.choice([r.randrange(256), 0, 0xff, 0x80, 0x7f, 1]) for _ in range(4 * self.vlen)]
        for i in range(0, len(data), 16):
            print_("  .byte " + ", ".join(str(b) for b in data[i:i + 16]))
        return "\n".join(self.out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-seed", type=int, required=True)
    ap.add_argument("-blocks", type=int, default=20)
    ap.add_argument("-per-block", type=int, default=10)
    ap.add_argument("-vlen", type=int, default=128)
    ap.add_argument("-xlen", type=int, default=64, choices=[32, 64])
    ap.add_argument("-o", required=True)
    a = ap.parse_args()
    with open(a.o, "w") as f:
        f.write(Gen(a.seed, a.vlen, a.xlen).program(a.blocks, a.per_block))


if __name__ == "__main__":
    main()
