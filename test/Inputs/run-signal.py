#!/usr/bin/env python3
"""Runs a command and prints how it ended: 'exit N' or 'signal NAME'.

qemu-user re-raises the guest's fatal signal, so a snippet that ends with
EBREAK shows 'signal SIGTRAP' while a wild memory access shows SIGSEGV."""
import signal
import subprocess
import sys

p = subprocess.run(sys.argv[1:])
if p.returncode < 0:
    print("signal " + signal.Signals(-p.returncode).name)
else:
    print("exit %d" % p.returncode)
