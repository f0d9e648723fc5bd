#!/usr/bin/env python3
"""Random, possibly illegal, RVV integer-class instructions for the QEMU
cross-check of trap conditions (test-side tool).

Takes every OP-V encoding that LLVM's disassembler decodes to one of the
integer-class opcodes (integer, fixed-point, integer reductions, mask,
permute), randomises its vd/vs2/vs1 fields and vm bit (misaligned groups,
overlaps, v0 as destination or source included), keeps the encodings that
still decode to such an opcode, and writes programs: random vector data,
a random vsetvli, then a few such instructions as .4byte, then ebreak. A
program stops at its first illegal instruction on QEMU (SIGILL) and on the
model (illegal instruction), and snipgen-qemu-check compares everything
before it.

  rvv-int-traps.py -seed N -count P -per-program K [-vlen 128]
                   [-vstart-prob 0.3] -o-prefix dir/t
"""
import argparse
import random
import re
import subprocess

EXCLUDE = re.compile(r"^(VF|VMF|VSET)")


def catalogue(mc):
    """(opcode name -> list of encodings) of the integer-class OP-V opcodes."""
    lines = []
    for f6 in range(64):
        for vm in range(2):
            for rs1 in range(32):
                for f3 in range(8):
                    e = (f6 << 26) | (vm << 25) | (8 << 20) | (rs1 << 15) | (f3 << 12) | (8 << 7) | 0x57
                    lines.append(e)
    return decode(mc, lines)


def decode(mc, encs):
    text = "\n".join(" ".join(f"0x{(e >> (8 * i)) & 0xff:02x}" for i in range(4)) for e in encs)
    out = subprocess.run([mc, "-triple=riscv64", "-mattr=+v", "-disassemble", "-show-inst",
                          "-show-encoding"], input=text, capture_output=True, text=True).stdout
    res = {}
    for m in re.finditer(r"encoding: \[0x(..),0x(..),0x(..),0x(..)\]\s*# <MCInst #\d+ (\w+)", out):
        e = int(m.group(4) + m.group(3) + m.group(2) + m.group(1), 16)
        if not EXCLUDE.match(m.group(5)):
            res[e] = m.group(5)
    return res


def field(r):
    """A register field: half the time any register, else one near a
    multiple of 8, so aligned groups that overlap (legal or not) are common."""
    if r.random() < 0.5:
        return r.randrange(32)
    return r.choice([0, 8, 16, 24]) + r.choice([0, 0, 0, 1, 2, 4])


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("-seed", type=int, required=True)
    ap.add_argument("-count", type=int, default=10)
    ap.add_argument("-per-program", type=int, default=4)
    ap.add_argument("-vlen", type=int, default=128)
    ap.add_argument("-vstart-prob", type=float, default=0.0,
                    help="chance of a `csrwi vstart, 0..31` before an instruction")
    ap.add_argument("-mc", default="llvm-mc")
    ap.add_argument("-o-prefix", required=True)
    a = ap.parse_args()
    r = random.Random(a.seed)
    base = sorted(catalogue(a.mc).items())
    want = a.count * a.per_program * 3
    cands = []
    for _ in range(want):
        e, _name = r.choice(base)
        e &= ~((0x1f << 7) | (0x1f << 15) | (0x1f << 20) | (1 << 25))
        e |= field(r) << 7 | field(r) << 15 | field(r) << 20
        e |= r.randrange(2) << 25
        cands.append(e)
    dec = decode(a.mc, cands)
    good = [(e, dec[e]) for e in cands if e in dec]
    r.shuffle(good)
    lm = {-3: "mf8", -2: "mf4", -1: "mf2", 0: "m1", 1: "m2", 2: "m4", 3: "m8"}
    for p in range(a.count):
        sew = r.choice([8, 16, 32, 64])
        lmul = r.choice([l for l in lm if l >= 0 or (64 >> -l) >= sew])
        out = ["  .globl _start", "_start:", "  la t0, vdata",
               "  vsetvli t1, zero, e8, m8, ta, ma"]
        for v in (0, 8, 16, 24):
            out += [f"  vle8.v v{v}, (t0)", f"  addi t0, t0, {a.vlen}"]
        for x in range(10, 16):
            out.append(f"  li x{x}, {r.randrange(-2**63, 2**63) if r.random() < 0.5 else r.randrange(40)}")
        out.append(f"  li t2, {r.randrange(0, 40)}")
        out.append(f"  vsetvli t3, t2, e{sew}, {lm[lmul]}, {r.choice(['ta', 'tu'])}, {r.choice(['ma', 'mu'])}")
        for e, name in good[p * a.per_program:(p + 1) * a.per_program]:
            if r.random() < a.vstart_prob:
                out.append(f"  csrwi vstart, {r.randrange(32)}")
            out.append(f"  .4byte 0x{e:08x}  # {name}")
        out.append("  ebreak")
        out += ["  .data", "vdata:"]
        for i in range(0, 4 * a.vlen, 16):
            out.append("  .byte " + ", ".join(str(r.randrange(256)) for _ in range(16)))
        with open(f"{a.o_prefix}{p}.s", "w") as f:
            f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    main()
