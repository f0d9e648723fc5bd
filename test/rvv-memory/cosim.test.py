# Counts the distinct vector load/store mnemonics in an llvm-objdump listing
# (the ancillary vsetivli/vsetvli/vslide1down/vid/vmul/vadd excluded).
import re, sys
seen = set()
for line in open(sys.argv[1]):
    parts = line.split('\t')
    if len(parts) < 2:
        continue
    m = parts[1].strip()
    if re.match(r'v(l|s)', m) and not re.match(r'vset|vslide', m):
        seen.add(m)
print("%d distinct vector memory opcodes" % len(seen))
