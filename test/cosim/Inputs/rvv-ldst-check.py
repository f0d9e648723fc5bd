#!/usr/bin/env python3
"""Random RVV configuration/load/store programs, checked against QEMU 10.

Writes assembly with legal register groups for vsetvli/vsetivli/vsetvl and
every load/store class (unit-stride, strided with zero and negative
strides, indexed ordered/unordered, segment forms, whole-register, mask,
fault-only-first), with and without v0.t, varying SEW/LMUL/AVL (AVL 0 and
AVL > VLMAX included); builds each with the RISC-V GCC and runs
snipgen-qemu-check on it (every instruction compared, vector state
included). Segment fault-only-first loads stay inside one page: QEMU 10.0.2
aborts on one that crosses a page (probe_access_flags assertion). Prints
one summary line:

  rvv-ldst: N programs (M instructions): P passed, F failed

Usage: rvv-ldst-check.py --seeds 1-20 --xlen 64 [--march rv64gcv_zvl256b]
                         --work-dir DIR [--gcc riscv64-unknown-elf-gcc]
"""
import argparse
import os
import random
import re
import subprocess
import sys

SEWS = [8, 16, 32, 64]
LMULS = {'mf8': -3, 'mf4': -2, 'mf2': -1, 'm1': 0, 'm2': 1, 'm4': 2, 'm8': 3}
DIRECTIVE = {8: 'byte', 16: 'half', 32: 'word', 64: 'dword'}


def program(seed, xlen, vlen):
    R = random.Random(seed)
    out = [".globl _start", "_start:",
           "  lla s0, buf", "  li t0, 4096", "  add s0, s0, t0",
           "  lla s1, buf", "  li t0, 8192", "  add s1, s1, t0",
           "  vsetvli t0, zero, e8, m8, ta, ma"]
    for g in (0, 8, 16, 24):  # Random initial registers.
        out += [f"  vle8.v v{g}, (s0)", f"  addi s0, s0, {vlen}"]
    out += ["  lla s0, buf", "  li t0, 4096", "  add s0, s0, t0"]

    def legal(sew, lm):  # QEMU: fractional LMUL needs VLEN * LMUL >= SEW.
        L = LMULS[lm]
        return L >= 0 or (vlen >> -L) >= sew

    def grp(emul):
        return 1 << emul if emul > 0 else 1

    sew, lm = 32, 'm1'
    for i in range(120):
        k = R.random()
        if k < 0.15 or i == 0:
            while True:
                sew, lm = R.choice(SEWS), R.choice(list(LMULS))
                if legal(sew, lm):
                    break
            avl = R.choice([0, 1, 2, 3, 5, 7, 8, 13, 16, 17, 31, 64, 100, 200])
            ta, ma = R.choice(['ta', 'tu']), R.choice(['ma', 'mu'])
            vt = f"e{sew}, {lm}, {ta}, {ma}"
            c = R.random()
            if c < 0.4:
                out.append(f"  li t1, {avl}\n  vsetvli t0, t1, {vt}")
            elif c < 0.6 and avl < 32:
                out.append(f"  vsetivli t0, {avl}, {vt}")
            elif c < 0.75:
                code = (0x80 if ma == 'ma' else 0) | (0x40 if ta == 'ta' else 0) \
                    | (SEWS.index(sew) << 3) | (LMULS[lm] & 7)
                out.append(f"  li t1, {avl}\n  li t2, {code}\n  vsetvl t0, t1, t2")
            elif c < 0.9:
                out.append(f"  vsetvli t0, zero, {vt}")
            else:
                out.append(f"  vsetvli zero, zero, {vt}")
            continue
        if k < 0.2:
            out.append(f"  addi t2, s0, {R.randrange(0, 64)}\n  vlm.v v0, (t2)")
            continue
        L = LMULS[lm]
        kind = R.choice(['unit', 'unit', 'stride', 'index', 'seg', 'sseg',
                         'iseg', 'whole', 'mask', 'ff', 'ffseg', 'store',
                         'sstore', 'istore', 'segstore'])
        eew = R.choice(SEWS)
        emul = (eew.bit_length() - 1) - (sew.bit_length() - 1) + L
        masked = R.random() < 0.4
        m = ", v0.t" if masked else ""
        off = R.randrange(0, 256) * eew // 8
        base = f"  addi t2, s0, {off}\n  addi t3, s1, {off}"
        if kind in ('unit', 'ff', 'ffseg', 'store', 'stride', 'sstore', 'seg',
                    'sseg', 'segstore'):
            if emul < -3 or emul > 3:
                continue
            nf = 1 if kind in ('unit', 'ff', 'store', 'stride', 'sstore') \
                else R.randint(2, 8)
            g = grp(emul)
            if nf * g > 8:
                continue
            vd = R.randrange(0, 32 // g) * g
            if vd + nf * g > 32:
                continue
            if masked and vd == 0 and kind not in ('store', 'sstore', 'segstore'):
                continue
            seg = f"seg{nf}" if nf > 1 else ""
            # Strides stay within the 4 KiB below s0/s1 for any vl (at most
            # VLEN elements).
            stride = R.choice([x for x in (0, eew // 8, -eew // 8, 3 * eew // 8,
                                           -16, 24) if abs(x) * vlen <= 4096])
            if kind == 'ffseg':
                # QEMU 10.0.2 aborts (probe_access_flags assertion) when a
                # segment fault-only-first load crosses a page: keep these
                # inside one page (at most 8 registers, 1 KiB, from pagebuf).
                base = f"  lla t2, pagebuf\n  addi t2, t2, {off % 1024}"
            if kind in ('unit', 'seg'):
                ins = f"vl{seg}e{eew}.v v{vd}, (t2){m}"
            elif kind in ('ff', 'ffseg'):
                ins = f"vl{seg}e{eew}ff.v v{vd}, (t2){m}"
            elif kind in ('store', 'segstore'):
                ins = f"vs{seg}e{eew}.v v{vd}, (t3){m}"
            elif kind in ('stride', 'sseg'):
                ins = f"li t4, {stride}\n  vls{seg}e{eew}.v v{vd}, (t2), t4{m}"
            else:
                ins = f"li t4, {stride}\n  vss{seg}e{eew}.v v{vd}, (t3), t4{m}"
            out += [base, "  " + ins]
        elif kind in ('index', 'iseg', 'istore'):
            if (xlen == 32 and eew == 64) or emul < -3 or emul > 3:
                continue
            ig, dg = grp(emul), grp(L)
            nf = 1 if kind != 'iseg' else R.randint(2, 8)
            if nf * dg > 8:
                continue
            vs2 = R.randrange(0, 32 // ig) * ig
            vd = R.randrange(0, 32 // dg) * dg
            if vd + nf * dg > 32:
                continue
            if masked and (vs2 == 0 or vd == 0):
                continue
            over = lambda a, na: a < vs2 + ig and vs2 < a + na
            if kind == 'istore':
                if eew != sew and over(vd, dg):
                    continue
            elif any(over(vd + dg * f, dg) and
                     (nf > 1 or (eew != sew and not (eew > sew and vd == vs2)))
                     for f in range(nf)):
                continue
            # Index values from a table: mostly small multiples of EEW.
            out.append(f"  lla t6, idx{eew}\n  vl{ig}re{eew}.v v{vs2}, (t6)")
            out.append(f"  li t1, {R.choice([1, 3, 8, 17, 100])}\n"
                       f"  vsetvli t0, t1, e{sew}, {lm}, "
                       f"{R.choice(['ta', 'tu'])}, {R.choice(['ma', 'mu'])}")
            seg = f"seg{nf}" if nf > 1 else ""
            o = R.choice(['u', 'o'])
            if kind == 'istore':
                ins = f"vs{o}x{seg}ei{eew}.v v{vd}, (t3), v{vs2}{m}"
            else:
                ins = f"vl{o}x{seg}ei{eew}.v v{vd}, (t2), v{vs2}{m}"
            out += [base, "  " + ins]
        elif kind == 'whole':
            nf = R.choice([1, 2, 4, 8])
            vd = R.randrange(0, 32 // nf) * nf
            if R.random() < 0.5:
                out.append(base + f"\n  vl{nf}re{eew}.v v{vd}, (t2)")
            else:
                out.append(base + f"\n  vs{nf}r.v v{vd}, (t3)")
        else:
            vd = R.randrange(0, 32)
            if R.random() < 0.5:
                out.append(base + f"\n  vlm.v v{vd}, (t2)")
            else:
                out.append(base + f"\n  vsm.v v{vd}, (t3)")
    out += ["  ebreak", ".data", ".align 6", "buf:"]
    out += [f"  .word {R.getrandbits(32)}" for _ in range(5120)]
    out += [".align 12", "pagebuf:"]
    out += [f"  .word {R.getrandbits(32)}" for _ in range(1024)]
    for e in SEWS:
        out.append(f".align 4\nidx{e}:")
        for _ in range(1024 // (e // 8)):
            v = R.randrange(0, 64) * (e // 8) if R.random() < 0.8 \
                else R.randrange(0, 1 << min(e, 11))
            out.append(f"  .{DIRECTIVE[e]} {v}")
    return "\n".join(out) + "\n"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--seeds", default="1-10")
    ap.add_argument("--xlen", type=int, default=64)
    ap.add_argument("--march")
    ap.add_argument("--work-dir", required=True)
    ap.add_argument("--gcc", default="riscv64-unknown-elf-gcc")
    ap.add_argument("--check", default="snipgen-qemu-check")
    a = ap.parse_args()
    march = a.march or f"rv{a.xlen}gcv"
    m = re.search(r"zvl(\d+)b", march)
    vlen = max(128, int(m.group(1)) if m else 128)
    lo, _, hi = a.seeds.partition("-")
    os.makedirs(a.work_dir, exist_ok=True)
    passed = failed = instructions = 0
    for seed in range(int(lo), int(hi or lo) + 1):
        src = os.path.join(a.work_dir, f"p{seed}.S")
        elf = os.path.join(a.work_dir, f"p{seed}")
        with open(src, "w") as f:
            f.write(program(seed, a.xlen, vlen))
        abi = "lp64d" if a.xlen == 64 else "ilp32d"
        subprocess.run([a.gcc, f"-march={march}", f"-mabi={abi}", "-nostdlib",
                        "-nostartfiles", "-static", "-Wl,--no-relax",
                        "-Wl,-Ttext=0x10000", src, "-o", elf], check=True,
                       stderr=subprocess.DEVNULL)
        r = subprocess.run([a.check, elf], capture_output=True, text=True)
        n = re.search(r"(\d+) instructions", r.stdout + r.stderr)
        instructions += int(n.group(1)) if n else 0
        if r.returncode == 0:
            passed += 1
        else:
            failed += 1
            sys.stderr.write(f"seed {seed}:\n{r.stdout}{r.stderr}\n")
    print(f"rvv-ldst: {passed + failed} programs ({instructions} "
          f"instructions): {passed} passed, {failed} failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
