#!/usr/bin/env python3
"""edit-dump.py IN OUT K NAME VALUE: copies a QEMU register log, replacing
the value of register NAME in the K-th dump (1-based) with VALUE: a log that
disagrees with the model on purpose."""
import sys

src, dst, k, name, value = sys.argv[1:6]
k = int(k)
dump = 0
out = []
with open(src) as f:
    for line in f:
        tokens = line.split()
        if tokens and tokens[0] == "pc":
            dump += 1
        if dump == k and name in tokens[0::2]:
            i = tokens.index(name)
            tokens[i + 1] = value
            line = " " + " ".join(tokens) + "\n"
        out.append(line)
with open(dst, "w") as f:
    f.writelines(out)
