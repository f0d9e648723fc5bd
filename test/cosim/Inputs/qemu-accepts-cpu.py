#!/usr/bin/env python3
"""For each ISA string: derive QEMU's -cpu value with
`snipgen-qemu-check --print-qemu-cpu --march=ISA`, start qemu-riscv32/64 with
it on a one-instruction program (ebreak), and print 'ISA: ok' when the guest
ends with SIGTRAP, else what QEMU said. Proves every derived property exists
in this QEMU and that the combination is one QEMU accepts."""
import os
import signal
import subprocess
import sys
import tempfile


def main():
    with tempfile.TemporaryDirectory() as tmp:
        elfs = {}
        for xlen in (32, 64):
            src = os.path.join(tmp, "e.s")
            with open(src, "w") as f:
                f.write(".globl _start\n_start:\n  ebreak\n")
            obj = os.path.join(tmp, "e%d.o" % xlen)
            elf = os.path.join(tmp, "e%d.elf" % xlen)
            subprocess.run(["llvm-mc", "-triple=riscv%d" % xlen,
                            "-filetype=obj", src, "-o", obj], check=True)
            subprocess.run(["ld.lld", obj, "-o", elf], check=True)
            elfs[xlen] = elf
        failed = 0
        for isa in sys.argv[1:]:
            xlen = 32 if isa.startswith("rv32") else 64
            derive = subprocess.run(["snipgen-qemu-check", "--print-qemu-cpu",
                                     "--march=" + isa],
                                    capture_output=True, text=True)
            if derive.returncode != 0:
                print("%s: cannot derive: %s" % (isa, derive.stderr.strip()))
                failed += 1
                continue
            cpu = derive.stdout.strip()
            run = subprocess.run(["qemu-riscv%d" % xlen, "-cpu", cpu,
                                  elfs[xlen]], capture_output=True, text=True,
                                 cwd=tmp)
            if run.returncode == -signal.SIGTRAP:
                print("%s: ok" % isa)
            else:
                print("%s: QEMU refused -cpu %s: %s" %
                      (isa, cpu, run.stderr.strip()))
                failed += 1
        return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
