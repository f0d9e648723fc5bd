#!/usr/bin/env python3
"""Runs snipgen over the manual's memory scheme examples, many seeds, RV64
and RV32, each snippet proven on the built-in model (the memory-access check:
every access in its scheme and outside the restricted addresses; no trap).
With --qemu, the first seeds of every combination are also compared with
QEMU by snipgen-qemu-check.

usage: matrix.py EXAMPLES_DIR INPUTS_DIR WORK_DIR SEEDS [--qemu]
"""
import os
import subprocess
import sys

examples, inputs, work, seeds = sys.argv[1:5]
seeds = int(seeds)
qemu = "--qemu" in sys.argv
os.makedirs(work, exist_ok=True)

# scheme files (from examples/) and the histogram they admit: the manual's
# memory.yaml and eviction.yaml have no naturally aligned 4-byte addresses,
# so they get no atomics.
combos = [
    (["memory.yaml"], "basic"),
    (["eviction.yaml"], "basic"),
    (["addresses-memory-mode.yaml"], "full"),
    (["memory-accgroups.yaml"], "full"),
    (["burst-store.yaml"], "full"),
    (["memory.yaml", "burst-custom.yaml"], "basic"),
    (["addresses-memory-mode.yaml", "burst-load-store.yaml"], "full"),
    (["burst-mixed.yaml"], "full"),
]
arch = {64: ("riscv64-unknown-elf", "rv64imafc_zifencei"),
        32: ("riscv32-unknown-elf", "rv32imafc_zifencei")}

runs = failures = qemu_checks = 0
for xlen in (64, 32):
    triple, march = arch[xlen]
    for files, hist in combos:
        layout = os.path.join(inputs, "matrix-%s-rv%d.yaml" % (hist, xlen))
        for seed in range(1, seeds + 1):
            name = "rv%d-%s-%d" % (xlen, "+".join(f[:-5] for f in files), seed)
            elf = os.path.join(work, name + ".elf")
            cmd = ["snipgen", layout] + [os.path.join(examples, f) for f in files] + [
                "-mtriple=" + triple, "-march=" + march, "-seed=%d" % seed,
                "-num-instrs=400", "-init-regs-in-elf", "-Wdisable=memory-access",
                "-object-type=exec", "-o", elf]
            r = subprocess.run(cmd, capture_output=True, text=True)
            runs += 1
            if r.returncode != 0 or "executed on the model" not in r.stderr:
                failures += 1
                print("FAILED: " + " ".join(cmd) + "\n" + r.stderr)
                continue
            if qemu and seed <= 2:
                q = subprocess.run(["snipgen-qemu-check", elf],
                                   capture_output=True, text=True)
                qemu_checks += 1
                if q.returncode != 0:
                    failures += 1
                    print("QEMU DISAGREES: " + elf + "\n" + q.stdout + q.stderr)
print("%d runs, %d qemu checks, %d failures" % (runs, qemu_checks, failures))
