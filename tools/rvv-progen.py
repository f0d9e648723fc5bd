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
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from rvvprogen.program import LINKER_SCRIPT, Program, mattr  # noqa: E402


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
