"""Functional coverage of one snippet, counted from what the built-in model
executed: its commit-log trace (snipgen -trace-log).  Every count is of
executed instructions, not of the generator's intentions.

A trace holds two lines per instruction, the disassembly and the commit:
    core   0: 0x00000000000103c0 (0x327e2903) lw      s2, 807(t3)
    core   0: 3 0x00000000000103c0 (0x327e2903) x18 0x0000... mem 0x00000000801f4e78
A store's commit ends with the stored value after the address.
"""
import re

ABI_X = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1"] + \
    [f"a{i}" for i in range(8)] + [f"s{i}" for i in range(2, 12)] + [f"t{i}" for i in range(3, 7)]
ABI_F = [f"ft{i}" for i in range(8)] + ["fs0", "fs1"] + [f"fa{i}" for i in range(8)] + \
    [f"fs{i}" for i in range(2, 12)] + [f"ft{i}" for i in range(8, 12)]
REG = {n: ("x", i) for i, n in enumerate(ABI_X)}
REG["fp"] = ("x", 8)
REG.update({n: ("f", i) for i, n in enumerate(ABI_F)})
for i in range(32):
    REG[f"x{i}"] = ("x", i)
    REG[f"f{i}"] = ("f", i)
    REG[f"v{i}"] = ("v", i)

DIS = re.compile(r"^core\s+\d+: 0x([0-9a-f]+) \(0x([0-9a-f]+)\) (\S+)\s*(.*)$")
COMMIT = re.compile(r"^core\s+\d+: \d+ 0x([0-9a-f]+) \(0x([0-9a-f]+)\)(.*)$")
IMM = re.compile(r"^-?(0x[0-9a-f]+|\d+)$")
MEM_OP = re.compile(r"^(-?\d+)?\((\w+)\)$")
COND_BRANCHES = {"beq", "bne", "blt", "bge", "bltu", "bgeu", "c.beqz", "c.bnez"}
MEM_BUCKETS = 32


def opcode_name(mnemonic):
    """LLVM-style opcode name of a trace mnemonic: fadd.d -> FADD_D."""
    return mnemonic.upper().replace(".", "_")


def _no_dest(m):
    """Mnemonics whose first operand is read, not written."""
    if m in COND_BRANCHES or m.startswith("b"):
        return True
    if re.match(r"^(c\.)?(s[bhwdq]|fs[hwdq]|c\.fs[wd]|c\.s[wd]sp|c\.fs[wd]sp)$", m):
        return True
    return m.startswith("vs") and not m.startswith("vset") and not m.startswith("vsext") \
        and not m.startswith("vsub") and not m.startswith("vsll") and not m.startswith("vsr") \
        and not m.startswith("vsa") and not m.startswith("vsm") and not m.startswith("vslide")


def _bucket_signed(v):
    if v == 0:
        return "0"
    k = abs(v).bit_length() - 1
    return ("+" if v > 0 else "-") + f"2^{k}"


def _bucket_iters(n):
    if n <= 2:
        return str(n)
    k = (n - 1).bit_length()
    return f"{2 ** (k - 1) + 1}-{2 ** k}"


def _inc(d, k, n=1):
    d[k] = d.get(k, 0) + n


def parse_trace(lines):
    """[(pc, enc, mnemonic, operands, commit_rest)] in execution order."""
    out, pending = [], None
    for line in lines:
        m = DIS.match(line)
        if m:
            if pending:
                out.append(pending + ("",))
            pending = (int(m.group(1), 16), int(m.group(2), 16), m.group(3), m.group(4).strip())
            continue
        m = COMMIT.match(line)
        if m and pending and int(m.group(1), 16) == pending[0]:
            out.append(pending + (m.group(3),))
            pending = None
    if pending:
        out.append(pending + ("",))
    return out


def empty():
    return {"opcodes": {}, "executed_instructions": 0,
            "registers": {"read": {}, "write": {}},
            "memory": {}, "branches": {}, "loops": {}, "immediates": {}, "rvv": {}}


def from_trace(lines, sections):
    """Coverage dict of one trace; sections as layout.sections()."""
    cov = empty()
    events = parse_trace(lines)
    loop_runs = {}
    for i, (pc, enc, mnem, ops, commit) in enumerate(events):
        name = opcode_name(mnem)
        _inc(cov["opcodes"], name)
        cov["executed_instructions"] += 1
        operands = [o.strip() for o in ops.split(",")] if ops else []
        # Registers.
        for pos, op in enumerate(operands):
            mm = MEM_OP.match(op)
            reg = REG.get(mm.group(2) if mm else op)
            if reg is None:
                continue
            kind = "write" if pos == 0 and not _no_dest(mnem) and not mm else "read"
            cls, idx = reg
            _inc(cov["registers"][kind].setdefault(cls, {}), f"{cls}{idx}")
        # Immediates: the last integer operand, or a memory offset.
        for op in reversed(operands):
            mm = MEM_OP.match(op)
            if mm and mm.group(1) is not None:
                v = int(mm.group(1))
            elif IMM.match(op):
                v = int(op, 0)
            else:
                continue
            _inc(cov["immediates"].setdefault(name, {}), _bucket_signed(v))
            break
        # Memory.
        mm = re.search(r"mem 0x([0-9a-f]+)(\s+0x[0-9a-f]+)?", commit)
        if mm:
            addr = int(mm.group(1), 16)
            acc = "store" if mm.group(2) else "load"
            for sec in sections:
                if sec["vma"] <= addr < sec["vma"] + sec["size"]:
                    key = f"section {sec['name']}"
                    b = (addr - sec["vma"]) * MEM_BUCKETS // max(sec["size"], 1)
                    break
            else:
                key, b = "outside the layout's sections", 0
            ent = cov["memory"].setdefault(key, {"load": [0] * MEM_BUCKETS, "store": [0] * MEM_BUCKETS})
            ent[acc][b] += 1
        # Branches and loops.
        if mnem in COND_BRANCHES and i + 1 < len(events):
            size = 4 if enc & 3 == 3 else 2
            taken = events[i + 1][0] != pc + size
            ent = cov["branches"].setdefault(name, {"taken": 0, "not_taken": 0})
            ent["taken" if taken else "not_taken"] += 1
            backward = operands and IMM.match(operands[-1]) and int(operands[-1], 0) < 0
            if backward:
                if taken:
                    loop_runs[pc] = loop_runs.get(pc, 0) + 1
                else:
                    _inc(cov["loops"], _bucket_iters(loop_runs.pop(pc, 0) + 1))
        # RVV configurations.
        if mnem in ("vsetvli", "vsetivli") and len(operands) >= 4:
            wm = re.search(r"x\d+\s+0x([0-9a-f]+)", commit)
            vl = int(wm.group(1), 16) if wm else "?"
            _inc(cov["rvv"], f"SEW={operands[2]} LMUL={operands[3]} VL={vl}")
    for pc, run in sorted(loop_runs.items()):
        _inc(cov["loops"], _bucket_iters(run + 1))
    return cov


def merge(a, b):
    """a += b, recursively (dicts add by key, lists elementwise)."""
    for k, v in b.items():
        if isinstance(v, dict):
            merge(a.setdefault(k, {}), v)
        elif isinstance(v, list):
            cur = a.setdefault(k, [0] * len(v))
            for i, x in enumerate(v):
                cur[i] += x
        else:
            a[k] = a.get(k, 0) + v
    return a
