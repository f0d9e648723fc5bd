"""check-coverage.py DIR: the coverage and summary files of a campaign agree."""
import json
import os
import sys

d = sys.argv[1]
cov = json.load(open(os.path.join(d, "coverage.json")))
summ = json.load(open(os.path.join(d, "summary.json")))
executed = sum(r["executed_instructions"] or 0 for r in summ["runs"])
primary = sum(r["executed_primary_instructions"] or 0 for r in summ["runs"])
opcodes = sum(cov["opcodes"].values())
# The opcode counts add up to the executed primary instructions; all_opcodes
# to every executed instruction.
assert opcodes == cov["executed_primary_instructions"] == primary > 0, \
    (opcodes, cov["executed_primary_instructions"], primary)
assert sum(cov["all_opcodes"].values()) == cov["executed_instructions"] == executed > primary
reads = sum(v for c in cov["registers"]["read"].values() for v in c.values())
writes = sum(v for c in cov["registers"]["write"].values() for v in c.values())
assert reads > 0 and writes > 0
mem = sum(sum(e["load"]) + sum(e["store"]) for e in cov["memory"].values())
# Every access is in the heat maps per scheme too.
per_scheme = {s: sum(sum(e["load"]) + sum(e["store"]) for e in areas.values())
              for s, areas in cov["memory_schemes"].items()}
assert sum(per_scheme.values()) == mem, (per_scheme, mem)
taken = sum(b["taken"] for b in cov["branches"].values())
not_taken = sum(b["not_taken"] for b in cov["branches"].values())
asked = set(cov["asked_mix"])
# Histogram names and executed names are the same names (LLVM's).
assert asked - set(cov["never_generated"]) <= set(cov["opcodes"]), asked - set(cov["opcodes"])
print(f"coverage ok: {len(summ['runs'])} runs, {opcodes} primary instructions executed, "
      f"{len(cov['opcodes'])} opcodes, never: {' '.join(cov['never_generated']) or '-'}")
print(f"memory accesses {mem} through {len(per_scheme)} schemes, branches taken {taken} not taken {not_taken}, "
      f"loop executions {sum(cov['loops'].values())}")
