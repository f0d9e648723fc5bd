# Every direct branch or jump target in the disassemblies must be a multiple
# of argv[1]; there must be some. A branch over one following jump is the
# relaxed long form of a branch (its own target is the jump's), not a target.
import re, sys
align = int(sys.argv[1])
line_re = re.compile(r"^\s*([0-9a-f]+):\s+([0-9a-f]+)\s+(\S+)\s*(.*)$")
target_re = re.compile(r"0x([0-9a-f]+)\s*<")
checked = 0
bad = []
for path in sys.argv[2:]:
    insns = []
    for line in open(path):
        m = line_re.match(line)
        if m:
            insns.append((int(m.group(1), 16), len(m.group(2)) // 2,
                          m.group(3), m.group(4), line.strip()))
    for i, (addr, size, mnem, ops, text) in enumerate(insns):
        if not re.match(r"^(b\w+|c\.b\w+|jal|c\.j|c\.jal)$", mnem):
            continue
        t = target_re.search(ops)
        if not t:
            continue
        target = int(t.group(1), 16)
        if i + 1 < len(insns):
            n_addr, n_size, n_mnem = insns[i + 1][:3]
            if n_mnem in ("jal", "c.j", "jalr", "c.jr", "auipc") and \
                    target in (n_addr + n_size, n_addr + n_size + 4):
                continue  # inverted branch over the long form
        checked += 1
        if target % align:
            bad.append(text)
print("%d targets checked, %d misaligned" % (checked, len(bad)))
for b in bad[:10]:
    print("  " + b)
sys.exit(1 if bad or checked < 10 else 0)
