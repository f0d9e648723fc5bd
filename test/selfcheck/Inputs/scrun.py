#!/usr/bin/env python3
"""Generates a relocatable snippet with -selfcheck-gv, links it with the
manual's C checker (examples/selfcheck/checker.c), runs it under qemu-riscv64.

usage: scrun.py SNIPGEN LAYOUT OUTDIR SEED N [--corrupt|--corrupt-vector]
                 [--report] [snipgen args...]

--corrupt turns the first 32-bit ADD (rs1 != rs2) after the 10th check site
of the code into SUB in
the object's bytes and prints 'expected mismatch at pair K', K being the
number of check sites before it (straight-line layouts with -selfcheck=1).
--corrupt-vector does the same to the first vmv.v.x (rs1 != x0) after the
10th check site, making it read x0 (vector layouts with
-enable-selfcheck-rvv, one register per check at LMUL 1).
A -march=... among the snipgen args replaces the default rv64gc.
--report also builds the same snippet as an executable image and runs
snipgen-selfcheck-report on it and the memory dump the checker wrote.
"""
import os
import re
import subprocess
import sys

here = os.path.dirname(os.path.abspath(__file__))
snipgen, layout, out, seed, n = sys.argv[1:6]
rest = sys.argv[6:]
corrupt = "--corrupt" in rest
corrupt_vector = "--corrupt-vector" in rest
report = "--report" in rest
rest = [a for a in rest if a not in ("--corrupt", "--corrupt-vector", "--report")]
march = [a for a in rest if a.startswith("-march=")] or ["-march=rv64gc"]
rest = [a for a in rest if not a.startswith("-march=")]
obj = os.path.join(out, f"s{seed}-{n}.o")
exe = os.path.join(out, f"a{seed}-{n}.out")


def run(args):
    r = subprocess.run(args, capture_output=True, text=True)
    if r.returncode != 0:
        sys.stdout.write(r.stdout + r.stderr)
        sys.exit(r.returncode)
    return r.stdout + (r.stderr if args[0] == snipgen else "")


sys.stdout.write(run([snipgen, layout, "-mtriple=riscv64-unknown-linux-gnu"] + march + [
     "-mabi=lp64d", "--honor-target-abi", "--last-instr=RET",
     "-init-regs-in-elf", f"-selfcheck={n}", "-selfcheck-gv", f"-seed={seed}",
     "-Wdisable=inconsistent-options", "-o", obj] + rest))

if corrupt or corrupt_vector:
    sections = run(["llvm-objdump-22", "-h", obj])
    m = re.search(r"\.snippy\.code\.rx\s+[0-9a-f]+\s+[0-9a-f]+", sections)
    hdr = run(["llvm-readelf-22", "-S", "-W", obj])
    off = None
    for line in hdr.splitlines():
        f = line.split()
        if ".snippy.code.rx" in f:
            i = f.index(".snippy.code.rx")
            off = int(f[i + 3], 16)
    sites = 0
    target = None
    for line in run(["llvm-objdump-22", "-d", "--mattr=+v", "--no-show-raw-insn", obj]).splitlines():
        mm = re.match(r"\s*([0-9a-f]+):\s+(\S+)\s*(.*)", line)
        if not mm:
            continue
        addr, mn, ops = int(mm.group(1), 16), mm.group(2), mm.group(3)
        if re.match(r"f?s[dwh]\s", mn + " ") and ops.endswith("0x0(t6)"):
            sites += 1
        if mn == "vs1r.v" and ops.endswith("(t6)"):
            sites += 1
        if corrupt and mn == "add" and target is None and sites >= 10:
            regs = [r.strip() for r in ops.split(",")]
            if len(regs) == 3 and regs[1] != regs[2] and regs[0] != "zero":
                target = addr
                expect = sites
        if corrupt_vector and mn == "vmv.v.x" and target is None and sites >= 10:
            regs = [r.strip() for r in ops.split(",")]
            if regs[1] != "zero":
                target = addr
                expect = sites
    data = bytearray(open(obj, "rb").read())
    word = int.from_bytes(data[off + target:off + target + 4], "little")
    if corrupt:
        assert word & 0xfe00707f == 0x00000033, hex(word)
        word |= 0x40000000  # ADD -> SUB
    else:
        assert word & 0xfc00707f == 0x5c004057, hex(word)  # vmv.v.x
        word &= ~(31 << 15)  # rs1 -> x0
    data[off + target:off + target + 4] = word.to_bytes(4, "little")
    open(obj, "wb").write(data)
    print(f"expected mismatch at pair {expect}, instruction 0x{0x10500000 + target:x}")

run(["riscv64-linux-gnu-gcc", "-static", "-O1",
     # The manual's checker as shipped to users in examples/.
     os.path.join(here, "..", "..", "..", "examples", "selfcheck", "checker.c"), obj,
     "-Wl,--section-start=.snippy.data.rw=0x10000000",
     "-Wl,--section-start=.snippy.selfcheck.rw=0x10100000",
     "-Wl,--section-start=.snippy.stack.rw=0x10400000",
     # Read-only data the snippet addresses directly (vector register
     # initialisation loads) must stay at its address too.
     "-Wl,--section-start=.snippy.rodata.r=0x10300000",
     "-Wl,--section-start=.snippy.code.rx=0x10500000", "-o", exe])
dump = os.path.join(out, f"d{seed}-{n}.bin")
r = subprocess.run(["qemu-riscv64", exe, dump], capture_output=True, text=True)
sys.stdout.write(r.stdout)
print(f"checker exit {r.returncode}")
if report:
    # The same snippet as an executable image (same seed and options), for
    # the model run that maps pairs to instructions.
    image = os.path.join(out, f"x{seed}-{n}.elf")
    run([snipgen, layout, "-mtriple=riscv64-unknown-linux-gnu"] + march + [
         "-mabi=lp64d", "--honor-target-abi",
         "--last-instr=RET", "-init-regs-in-elf", f"-selfcheck={n}",
         "-selfcheck-gv", f"-seed={seed}", "-Wdisable=inconsistent-options",
         "-object-type=exec", "-o", image] + rest)
    r = subprocess.run([os.path.join(os.path.dirname(snipgen) if os.path.dirname(snipgen) else "", "snipgen-selfcheck-report"), image, dump],
                       capture_output=True, text=True)
    sys.stdout.write(r.stdout + r.stderr)
    print(f"report exit {r.returncode}")
