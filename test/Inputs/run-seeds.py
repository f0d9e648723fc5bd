#!/usr/bin/env python3
"""Runs commands once per seed; '{seed}' in the arguments is replaced.

usage: run-seeds.py FIRST LAST [--all-output] CMD ARG... [';;' CMD ARG...]

Commands separated by ';;' run in order for each seed. Stops at the first
failing command (its output is shown) and exits with its status; otherwise
prints 'N runs passed' (with --all-output also the last line each command
wrote to stdout or stderr).
"""
import subprocess
import sys

first, last = int(sys.argv[1]), int(sys.argv[2])
rest = sys.argv[3:]
show = False
if rest and rest[0] == "--all-output":
    show, rest = True, rest[1:]
cmds, cur = [], []
for a in rest:
    if a == ";;":
        cmds.append(cur)
        cur = []
    else:
        cur.append(a)
cmds.append(cur)
for seed in range(first, last + 1):
    for cmd in cmds:
        args = [a.replace("{seed}", str(seed)) for a in cmd]
        r = subprocess.run(args, capture_output=True, text=True)
        if r.returncode != 0:
            sys.stdout.write(r.stdout)
            sys.stderr.write("seed %d failed: %s\n%s" % (seed, " ".join(args),
                                                          r.stderr))
            sys.exit(r.returncode)
        if show:
            lines = (r.stdout + r.stderr).strip().splitlines()
            print("seed %d: %s" % (seed, lines[-1] if lines else ""))
print("%d runs passed" % (last - first + 1))
