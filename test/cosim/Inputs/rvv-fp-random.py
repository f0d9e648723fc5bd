#!/usr/bin/env python3
"""Random RVV floating-point / Zvbb / Zvbc programs for the QEMU cross-check.

A test-side tool (docs/model-vector-fp.md). Writes one assembly program per
seed that fills v0..v31 and fa0..fa7 with values rich in FP special cases
(zeros, infinities, quiet and signaling NaNs, subnormals, extremes, values
near integer limits), then runs blocks of `vsetvli` (random SEW, LMUL,
tail/mask policy and AVL, including 0 and more than VLMAX) and `fsrmi`
(every rounding mode), each followed by random instructions of the vector FP
classes (arithmetic, FMA, widening, every conversion, compares, estimates,
moves, slides, merges, reductions), Zvfh at SEW 16, Zvfbfmin/Zvfbfwma, and
Zvbb/Zvbc. Register groups are legal: aligned, destination and sources
never overlapping, v0 neither destination nor data source of a masked
instruction. The program ends with ebreak, as snipgen-qemu-check expects.

  rvv-fp-random.py -seed N [-blocks B] [-per-block K] [-vlen 128]
                   [-xlen 64|32] -o prog.s
"""
import argparse
import random

F16 = [0x0000, 0x8000, 0x3c00, 0xbc00, 0x7c00, 0xfc00, 0x7e00, 0x7c01, 0xfe01,
       0x7bff, 0xfbff, 0x0001, 0x83ff, 0x0400, 0x3800, 0x4100, 0x5cb0]
F32 = [0, 0x80000000, 0x3f800000, 0xbf800000, 0x7f800000, 0xff800000,
       0x7fc00000, 0x7f800001, 0xffa00000, 0x7f7fffff, 0x00000001, 0x807fffff,
       0x00800000, 0x3fc00000, 0x4b000001, 0xcf000000, 0x4f800000, 0x33800000,
       0x477ff000]
F64 = [0, 1 << 63, 0x3ff0000000000000, 0xbff0000000000000, 0x7ff0000000000000,
       0xfff0000000000000, 0x7ff8000000000000, 0x7ff0000000000001,
       0x7fefffffffffffff, 0x0000000000000001, 0x800fffffffffffff,
       0x0010000000000000, 0x43e0000000000000, 0xc3e0000000000001,
       0x47efffffe0000000, 0x3ff0000010000000, 0x380fffffe0000000]

FP = (16, 32, 64)
NARROW = (16, 32)
INT8 = (8, 16, 32)
ALL = (8, 16, 32, 64)

# (text, SEWs, max LMUL log2, shape). Shapes give the register groups:
#   s: vd, vs2[, vs1] all LMUL      w: vd 2*LMUL, sources LMUL
#   ww: vd and vs2 2*LMUL, vs1 LMUL  n: vd LMUL, vs2 2*LMUL
#   m: mask vd                       r: reduction (vd, vs1 single registers)
# Placeholders: VD VS2 VS1 (vector groups), F (an f register), X (an x
# register), I5/I6 (immediates), M (", v0.t" or nothing).
T = []


def add(texts, sews, maxl, shape):
    for t in texts.split(";"):
        T.append((t.strip(), sews, maxl, shape))


for op in "vfadd vfsub vfmul vfdiv vfmin vfmax vfsgnj vfsgnjn vfsgnjx".split():
    add(f"{op}.vv VD, VS2, VS1M; {op}.vf VD, VS2, FM", FP, 3, "s")
add("vfrsub.vf VD, VS2, FM; vfrdiv.vf VD, VS2, FM", FP, 3, "s")
for op in "vfmacc vfnmacc vfmsac vfnmsac vfmadd vfnmadd vfmsub vfnmsub".split():
    add(f"{op}.vv VD, VS1, VS2M; {op}.vf VD, F, VS2M", FP, 3, "s")
add("vfsqrt.v VD, VS2M; vfrec7.v VD, VS2M; vfrsqrt7.v VD, VS2M; "
    "vfclass.v VD, VS2M; vfcvt.xu.f.v VD, VS2M; vfcvt.x.f.v VD, VS2M; "
    "vfcvt.rtz.xu.f.v VD, VS2M; vfcvt.rtz.x.f.v VD, VS2M; "
    "vfcvt.f.xu.v VD, VS2M; vfcvt.f.x.v VD, VS2M", FP, 3, "s")
for op in "vmfeq vmfne vmflt vmfle".split():
    add(f"{op}.vv VD, VS2, VS1M; {op}.vf VD, VS2, FM", FP, 3, "m")
add("vmfgt.vf VD, VS2, FM; vmfge.vf VD, VS2, FM", FP, 3, "m")
add("vfmerge.vfm VD, VS2, F, v0; vfmv.v.f VD, F; "
    "vfslide1up.vf VD, VS2, FM; vfslide1down.vf VD, VS2, FM", FP, 3, "s")
add("vfmv.s.f VD, F; vfmv.f.s F, VS2", FP, 3, "s")
add("vfredosum.vs VD, VS2, VS1M; vfredusum.vs VD, VS2, VS1M; "
    "vfredmin.vs VD, VS2, VS1M; vfredmax.vs VD, VS2, VS1M", FP, 3, "r")
add("vfwredosum.vs VD, VS2, VS1M; vfwredusum.vs VD, VS2, VS1M", NARROW, 3, "r")
for op in "vfwadd vfwsub vfwmul".split():
    add(f"{op}.vv VD, VS2, VS1M; {op}.vf VD, VS2, FM", NARROW, 2, "w")
for op in "vfwadd vfwsub".split():
    add(f"{op}.wv VD, VS2, VS1M; {op}.wf VD, VS2, FM", NARROW, 2, "ww")
for op in "vfwmacc vfwnmacc vfwmsac vfwnmsac".split():
    add(f"{op}.vv VD, VS1, VS2M; {op}.vf VD, F, VS2M", NARROW, 2, "w")
add("vfwcvt.xu.f.v VD, VS2M; vfwcvt.x.f.v VD, VS2M; "
    "vfwcvt.rtz.xu.f.v VD, VS2M; vfwcvt.rtz.x.f.v VD, VS2M; "
    "vfwcvt.f.f.v VD, VS2M", NARROW, 2, "w")
add("vfwcvt.f.xu.v VD, VS2M; vfwcvt.f.x.v VD, VS2M", INT8, 2, "w")
add("vfncvt.xu.f.w VD, VS2M; vfncvt.x.f.w VD, VS2M; "
    "vfncvt.rtz.xu.f.w VD, VS2M; vfncvt.rtz.x.f.w VD, VS2M", INT8, 2, "n")
add("vfncvt.f.xu.w VD, VS2M; vfncvt.f.x.w VD, VS2M; vfncvt.f.f.w VD, VS2M; "
    "vfncvt.rod.f.f.w VD, VS2M", NARROW, 2, "n")
add("vfwcvtbf16.f.f.v VD, VS2M; vfwmaccbf16.vv VD, VS1, VS2M; "
    "vfwmaccbf16.vf VD, F, VS2M", (16,), 2, "w")
add("vfncvtbf16.f.f.w VD, VS2M", (16,), 2, "n")
add("vandn.vv VD, VS2, VS1M; vandn.vx VD, VS2, XM; vrol.vv VD, VS2, VS1M; "
    "vrol.vx VD, VS2, XM; vror.vv VD, VS2, VS1M; vror.vx VD, VS2, XM; "
    "vror.vi VD, VS2, I6M; vbrev.v VD, VS2M; vbrev8.v VD, VS2M; "
    "vrev8.v VD, VS2M; vclz.v VD, VS2M; vctz.v VD, VS2M; vcpop.v VD, VS2M",
    ALL, 3, "s")
add("vwsll.vv VD, VS2, VS1M; vwsll.vx VD, VS2, XM; vwsll.vi VD, VS2, I5M",
    INT8, 2, "w")
add("vclmul.vv VD, VS2, VS1M; vclmul.vx VD, VS2, XM; "
    "vclmulh.vv VD, VS2, VS1M; vclmulh.vx VD, VS2, XM", (64,), 3, "s")


class Gen:
    def __init__(self, seed, vlen, xlen):
        self.r = random.Random(seed)
        self.vlen = vlen
        self.xlen = xlen
        self.out = []

    def emit(self, s):
        self.out.append("  " + s)

    def fp_value(self, w):
        r = self.r
        if r.random() < 0.45:
            return r.choice({16: F16, 32: F32, 64: F64}[w])
        exp_bits = {16: 5, 32: 8, 64: 11}[w]
        frac_bits = w - 1 - exp_bits
        bias = (1 << (exp_bits - 1)) - 1
        e = r.randint(bias - 10, bias + 30) if r.random() < 0.7 else \
            r.randint(0, (1 << exp_bits) - 2)
        return (r.getrandbits(1) << (w - 1)) | (e << frac_bits) | \
            r.getrandbits(frac_bits)

    def data_bytes(self, n):
        out = bytearray()
        while len(out) < n:
            c = self.r.random()
            if c < 0.25:
                out += self.fp_value(64).to_bytes(8, "little")
            elif c < 0.5:
                out += b"".join(self.fp_value(32).to_bytes(4, "little")
                                for _ in range(2))
            elif c < 0.8:
                out += b"".join(self.fp_value(16).to_bytes(2, "little")
                                for _ in range(4))
            else:
                out += self.r.getrandbits(64).to_bytes(8, "little")
        return bytes(out[:n])

    @staticmethod
    def regs(lmul):
        return 1 << lmul if lmul > 0 else 1

    def groups(self, sizes, masked, v0_source_ok):
        """Aligned, pairwise disjoint groups of the given sizes (registers);
        the first is the destination. v0 is never a destination of a masked
        instruction, nor a data source unless v0_source_ok."""
        for _ in range(200):
            picked = []
            for i, n in enumerate(sizes):
                lo = n if masked and (i == 0 or not v0_source_ok) else 0
                if n == 0:
                    picked.append(None)
                    continue
                start = self.r.randrange(lo // n * n if lo else 0, 32, n)
                if start == 0 and masked and (i == 0 or not v0_source_ok):
                    start = n
                picked.append(start)
            spans = [(p, n) for p, n in zip(picked, sizes) if p is not None]
            if all(a + na <= b or b + nb <= a
                   for i, (a, na) in enumerate(spans)
                   for (b, nb) in spans[i + 1:]):
                return picked
        return None

    def instruction(self, text, shape, lmul):
        r = self.r
        masked = "M" in text.replace("VS1M", "M").split(",")[-1] and \
            r.random() < 0.5
        l1 = self.regs(lmul)
        l2 = self.regs(lmul + 1)
        vd_n, vs2_n, vs1_n = {
            "s": (l1, l1, l1), "w": (l2, l1, l1), "ww": (l2, l2, l1),
            "n": (l1, l2, 0), "m": (1, l1, l1), "r": (1, l1, 1),
        }[shape]
        uses = [True, "VS2" in text, "VS1" in text]
        sizes = [vd_n, vs2_n if uses[1] else 0, vs1_n if uses[2] else 0]
        if not text.split()[1].startswith("VD"):
            sizes[0] = 0  # vfmv.f.s: the destination is an f register
        always_masked = text.startswith("vfmerge")
        g = self.groups(sizes, masked or always_masked,
                        v0_source_ok=shape in ("m", "r"))
        if g is None:
            return None
        out = text
        if sizes[0]:
            out = out.replace("VD", f"v{g[0]}")
        out = out.replace("VS2", f"v{g[1]}") if uses[1] else out
        out = out.replace("VS1", f"v{g[2]}") if uses[2] else out
        out = out.replace("F", f"fa{r.randrange(8)}", 1) if " F" in out or \
            ", F" in out else out
        out = out.replace("XM", f"a{r.randrange(6)}M")
        out = out.replace("I6", str(r.randrange(64)))
        out = out.replace("I5", str(r.randrange(32)))
        out = out.replace("M", ", v0.t" if masked else "")
        return out

    def program(self, blocks, per_block):
        vb = self.vlen // 8
        e = self.emit
        self.out += [".text", ".globl _start", "_start:"]
        e("la t0, vdata")
        e("vsetvli t1, zero, e8, m8, ta, ma")
        for g in range(4):
            e(f"vle8.v v{8 * g}, (t0)")
            e(f"addi t0, t0, {8 * vb}")
        e("la t0, fdata")
        for i in range(8):
            # Some f registers hold improperly NaN-boxed narrow values.
            e(f"fld fa{i}, {8 * i}(t0)")
        for i in range(6):
            e(f"li a{i}, {self.r.choice([self.r.getrandbits(self.xlen - 1), self.r.randint(0, 130), -self.r.randint(1, 70)])}")
        for _ in range(blocks):
            sew = self.r.choice(ALL)
            # Fractional LMUL is legal while VLEN * LMUL >= SEW.
            minl = -3
            while (self.vlen >> -minl) < sew:
                minl += 1
            lmul = self.r.randint(minl, 3)
            fits = [t for t in T if sew in t[1] and lmul <= t[2]]
            if not fits:
                continue
            vlmax = (self.vlen << lmul) // sew if lmul >= 0 else \
                (self.vlen >> -lmul) // sew
            c = self.r.random()
            avl = 0 if c < 0.05 else vlmax + self.r.randint(1, 9) if c < 0.15 \
                else vlmax if c < 0.4 else self.r.randint(1, vlmax)
            lm = f"m{1 << lmul}" if lmul >= 0 else f"mf{1 << -lmul}"
            e(f"li t0, {avl}")
            e(f"vsetvli t1, t0, e{sew}, {lm}, "
              f"{self.r.choice(['ta', 'tu'])}, {self.r.choice(['ma', 'mu'])}")
            e(f"fsrmi {self.r.randrange(5)}")
            for _ in range(per_block):
                text, _, _, shape = self.r.choice(fits)
                ins = self.instruction(text, shape, lmul)
                if ins:
                    e(ins)
        e("ebreak")
        self.out += [".data", ".balign 16", "vdata:"]
        blob = self.data_bytes(32 * vb)
        for i in range(0, len(blob), 16):
            self.out.append("  .byte " + ", ".join(str(b) for b in blob[i:i + 16]))
        self.out += ["fdata:"]
        for i in range(8):
            c = self.r.random()
            if c < 0.3:
                v = (((1 << 48) - 1) << 16) | self.fp_value(16)
            elif c < 0.6:
                v = (((1 << 32) - 1) << 32) | self.fp_value(32)
            elif c < 0.9:
                v = self.fp_value(64)
            else:
                v = self.r.getrandbits(64)
            self.out.append(f"  .dword {v:#x}")
        return "\n".join(self.out) + "\n"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("-seed", type=int, required=True)
    p.add_argument("-blocks", type=int, default=60)
    p.add_argument("-per-block", type=int, default=6)
    p.add_argument("-vlen", type=int, default=128)
    p.add_argument("-xlen", type=int, default=64, choices=[32, 64])
    p.add_argument("-o", required=True)
    a = p.parse_args()
    text = Gen(a.seed, a.vlen, a.xlen).program(a.blocks, a.per_block)
    with open(a.o, "w") as f:
        f.write(text)


if __name__ == "__main__":
    main()
