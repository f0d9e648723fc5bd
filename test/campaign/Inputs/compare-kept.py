"""compare-kept.py ALL.dis ALL.pcs KEPT.dis KEPT.pcs LIST: the primary
instructions of a -keep-primary=LIST snippet are those of the -keep-primary=0-
snippet at LIST's ordinals (both in layout order; branches and calls are
not numbered). Instructions without a memory operand must be
identical (opcode and every operand); a load or store keeps its opcode and
data register (its base register and offset are planned again for the
shorter program). Prints one summary line; exits 1 on a difference."""
import re
import sys

CONTROL = re.compile(r"^(c\.)?(beq|bne|blt|bge|bltu|bgeu|beqz|bnez|j|jal|jr|jalr)$")


def primaries(dis, pcs):
    text = {}
    for line in open(dis):
        m = re.match(r"\s*([0-9a-f]+):\s+(?:[0-9a-f]{2,8} )+\s*(\S+)\s*(.*)$", line)
        if m:
            text[int(m.group(1), 16)] = (m.group(2), m.group(3).split("<")[0].strip())
    insts = [text[int(p, 16)] for p in open(pcs).read().split()]
    # Histogram-drawn branches, jumps and calls are not numbered.
    return [i for i in insts if not CONTROL.match(i[0])]


def ordinals(spec):
    out = []
    for item in spec.split(","):
        lo, _, hi = item.partition("-")
        out += range(int(lo), int(hi or lo) + 1)
    return out


full, kept = primaries(sys.argv[1], sys.argv[2]), primaries(sys.argv[3], sys.argv[4])
want = [full[i] for i in ordinals(sys.argv[5])]
if len(want) != len(kept):
    sys.exit(f"{len(kept)} primary instructions kept, {len(want)} expected")
same = mem = 0
for i, ((wop, wargs), (kop, kargs)) in enumerate(zip(want, kept)):
    if "(" in wargs:
        ok = wop == kop and wargs.split(",")[0] == kargs.split(",")[0]
        mem += 1
    else:
        ok = (wop, wargs) == (kop, kargs)
        same += ok
    if not ok:
        sys.exit(f"kept instruction {i}: '{kop} {kargs}', expected '{wop} {wargs}'")
print(f"{len(kept)} kept primary instructions as in the full snippet "
      f"({same} identical, {mem} memory accesses with the same opcode and data register)")
