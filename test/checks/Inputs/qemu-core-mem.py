"""Runs a snippet under QEMU and writes the guest memory at its end.

  qemu-core-mem.py ELF OUT BEGIN:END [BEGIN:END ...]

The snippet ends with EBREAK: qemu-riscv64 dies of SIGTRAP and the kernel
writes its core file (core limit raised here, in a fresh directory; needs a
core_pattern that is a plain file name, see test/checks/lit.local.cfg).

qemu-riscv64 maps guest addresses one to one into its own (host) address
space when it can (guest_base 0), so the host core file's PT_LOAD segments
hold the guest's memory at the guest addresses. Writes the bytes of the
given [BEGIN, END) ranges (hex), concatenated, to OUT; fails when a range is
not in the core.
"""
import os
import resource
import shutil
import struct
import subprocess
import sys
import tempfile


def segments(data):
    if data[:4] != b"\x7fELF" or data[4] != 2:
        sys.exit("not an ELF64 core file")
    phoff, = struct.unpack_from("<Q", data, 0x20)
    phentsize, phnum = struct.unpack_from("<HH", data, 0x36)
    for i in range(phnum):
        p_type, _flags, off, vaddr, _paddr, filesz, _memsz, _align = \
            struct.unpack_from("<IIQQQQQQ", data, phoff + i * phentsize)
        if p_type == 1 and filesz:
            yield vaddr, off, filesz


def run_for_core(elf):
    work = tempfile.mkdtemp()
    resource.setrlimit(resource.RLIMIT_CORE,
                       (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    subprocess.run(["qemu-riscv64", "-cpu", "max", os.path.abspath(elf)],
                   cwd=work)
    cores = [f for f in os.listdir(work) if "core" in f]
    try:
        if not cores:
            sys.exit("qemu-riscv64 left no core file")
        with open(os.path.join(work, cores[0]), "rb") as f:
            return f.read()
    finally:
        shutil.rmtree(work)


def main():
    out = sys.argv[2]
    data = run_for_core(sys.argv[1])
    segs = list(segments(data))
    result = b""
    for spec in sys.argv[3:]:
        begin, end = (int(x, 16) for x in spec.split(":"))
        for vaddr, off, size in segs:
            if vaddr <= begin and end <= vaddr + size:
                result += data[off + begin - vaddr:off + end - vaddr]
                break
        else:
            sys.exit("range %s is not in the core file" % spec)
    open(out, "wb").write(result)


if __name__ == "__main__":
    main()
