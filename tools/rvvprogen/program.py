"""One random RVV program: the classes combined, the prologue, the data
buffer and the assembly text."""
from rvvprogen.base import Base
from rvvprogen.common import DATA_BASE, SCALARS, SEWS, TEXT_BASE
from rvvprogen.fp import FPClasses
from rvvprogen.integer import IntegerClasses
from rvvprogen.memory import MemoryClasses
from rvvprogen.permute import PermuteClasses


class Program(Base, MemoryClasses, IntegerClasses, FPClasses, PermuteClasses):
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
