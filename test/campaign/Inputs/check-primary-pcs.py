"""check-primary-pcs.py DISASSEMBLY PCS LAYOUT: every address of a
-dump-primary-pcs file holds an instruction of the layout's histogram (a loop
latch: its C_BNEZ/BNE); prints the count."""
import re
import sys

hist = set(re.findall(r"^\s*-\s*\[\s*(\w+)\s*,", open(sys.argv[3]).read(), re.M))
ops = {}
for line in open(sys.argv[1]):
    m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2} ?)+\s+(\S+)", line)
    if m:
        ops[int(m.group(1), 16)] = m.group(2).upper().replace(".", "_")
pcs = [int(x, 16) for x in open(sys.argv[2]).read().split()]
bad = [(hex(p), ops.get(p)) for p in pcs if ops.get(p) not in hist | {"C_BNEZ", "BNE"}]
assert not bad, bad
print(f"{len(pcs)} primary instructions, all from the histogram")
