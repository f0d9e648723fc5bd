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
COND_BRANCHES = {"BEQ", "BNE", "BLT", "BGE", "BLTU", "BGEU", "C_BEQZ", "C_BNEZ"}
MEM_BUCKETS = 32


def opcode_name(mnemonic):
    """LLVM-style opcode name of a trace mnemonic: fadd.d -> FADD_D."""
    return mnemonic.upper().replace(".", "_")


NO_DEST = re.compile(r"^(BEQ|BNE|BLT|BGE|BLTU|BGEU|C_BEQZ|C_BNEZ|S[BHWD]|FS[HWDQ]|C_S[WD](SP)?|"
                     r"C_FS[WD](SP)?|VS(E\d|SE|UXEI|OXEI|[1248]R|M_V|EG|SEG|UXSEG|OXSEG)\w*|"
                     r"SB_\w+|SH_\w+|SW_\w+|SD_\w+|FENCE\w*|ECALL|EBREAK|C_EBREAK|C_NOP|C_J|C_JR|JAL_?\w*X0)$")


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
    return {"opcodes": {}, "executed_instructions": 0, "all_opcodes": {},
            "executed_primary_instructions": 0,
            "registers": {"read": {}, "write": {}},
            "memory": {}, "memory_schemes": {}, "branches": {}, "loops": {}, "immediates": {}, "rvv": {}}


NO_SCHEME = "no memory scheme (not a planned access)"


def parse_schemes(text):
    """A snipgen -dump-access-schemes file: ({id: (scheme name, (lo, hi) or
    None)}, {pc: id})."""
    names, by_pc = {}, {}
    for line in text.splitlines():
        if line.startswith("scheme "):
            _, sid, lo, hi, name = line.split(" ", 4)
            names[int(sid)] = (name, None if lo == "-" else (int(lo, 16), int(hi, 16)))
        elif line.strip():
            pc, sid = line.split()
            by_pc[int(pc, 16)] = int(sid)
    return names, by_pc


def parse_vector_configs(text):
    """A snipgen -dump-vector-configs file ("0xVTYPE VL COUNT e32 m2 ta ma"
    or "0xVTYPE 0 COUNT vill" lines): {"SEW=e32 LMUL=m2 VL=4": count,
    "vill": count}."""
    out = {}
    for line in text.splitlines():
        f = line.split()
        if len(f) < 4:
            continue
        key = "vill" if f[3] == "vill" else f"SEW={f[3]} LMUL={f[4]} VL={f[1]}"
        _inc(out, key, int(f[2]))
    return out


def from_trace(lines, sections, decoded=None, primary=None, schemes=None, vconfigs=None):
    """Coverage dict of one trace; sections as layout.sections(); decoded as
    decode.decode() of the trace's encodings (without it, names come from the
    trace's mnemonics, which may be aliases); primary: the set of primary
    instruction addresses (snipgen -dump-primary-pcs).  With it, every section
    but all_opcodes counts primary instructions only; without it, all.
    schemes: parse_schemes() of snipgen -dump-access-schemes; with it,
    memory_schemes has a heat map per memory scheme: over its extent
    ("0xLO-0xHI") or, without one (the default scheme), per section.
    vconfigs: parse_vector_configs() of snipgen -dump-vector-configs (the
    model's vtype and vl after every executed VSET*, primary or not); it is
    the rvv section. Without it, rvv comes from the trace: the vtype
    operands of primary vsetvli/vsetivli and the vl they write to rd."""
    cov = empty()
    events = parse_trace(lines)
    decoded = decoded or {}
    loop_runs = {}
    for i, (pc, enc, mnem, ops, commit) in enumerate(events):
        if enc in decoded:
            name, operands = decoded[enc]
        else:
            name, operands = opcode_name(mnem), _operands_of_text(ops)
        _inc(cov["all_opcodes"], name)
        cov["executed_instructions"] += 1
        if primary is not None and pc not in primary:
            continue
        _inc(cov["opcodes"], name)
        cov["executed_primary_instructions"] += 1
        # Registers: the first register operand is the destination unless the
        # opcode has none (stores, branches).
        first = True
        for op in operands:
            if op[0] != "reg":
                continue
            kind = "write" if first and not NO_DEST.match(name) else "read"
            first = False
            _inc(cov["registers"][kind].setdefault(op[1], {}), f"{op[1]}{op[2]}")
        # Immediates: the last one.
        imms = [op[1] for op in operands if op[0] == "imm"]
        if imms:
            _inc(cov["immediates"].setdefault(name, {}), _bucket_signed(imms[-1]))
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
            if schemes is not None:
                # Over the scheme's extent when it has one, else over the
                # section.
                sname, ext = schemes[0].get(schemes[1].get(pc), (NO_SCHEME, None))
                area = key
                if ext:
                    area = f"0x{ext[0]:x}-0x{ext[1]:x}"
                    off = min(max(addr, ext[0]), ext[1] - 1) - ext[0]
                    b = off * MEM_BUCKETS // (ext[1] - ext[0])
                ent = cov["memory_schemes"].setdefault(sname, {}).setdefault(
                    area, {"load": [0] * MEM_BUCKETS, "store": [0] * MEM_BUCKETS})
                ent[acc][b] += 1
        # Branches and loops.
        if name in COND_BRANCHES and i + 1 < len(events):
            size = 4 if enc & 3 == 3 else 2
            taken = events[i + 1][0] != pc + size
            ent = cov["branches"].setdefault(name, {"taken": 0, "not_taken": 0})
            ent["taken" if taken else "not_taken"] += 1
            if imms and imms[-1] < 0:  # a backward branch closes a loop
                if taken:
                    loop_runs[pc] = loop_runs.get(pc, 0) + 1
                else:
                    _inc(cov["loops"], _bucket_iters(loop_runs.pop(pc, 0) + 1))
        # RVV configurations (from the disassembly's vtype text).
        if vconfigs is None and name in ("VSETVLI", "VSETIVLI"):
            tx = [o.strip() for o in ops.split(",")]
            wm = re.search(r"x\d+\s+0x([0-9a-f]+)", commit)
            vl = int(wm.group(1), 16) if wm else "?"
            if len(tx) >= 4:
                _inc(cov["rvv"], f"SEW={tx[2]} LMUL={tx[3]} VL={vl}")
    for pc, run in sorted(loop_runs.items()):
        _inc(cov["loops"], _bucket_iters(run + 1))
    if vconfigs is not None:
        cov["rvv"] = dict(vconfigs)
    return cov


def _operands_of_text(ops):
    out = []
    for op in (o.strip() for o in ops.split(",")) if ops else []:
        mm = MEM_OP.match(op)
        if mm:
            if mm.group(1) is not None:
                out.append(("imm", int(mm.group(1))))
            r = REG.get(mm.group(2))
            if r:
                out.append(("reg",) + r)
        elif op in REG:
            out.append(("reg",) + REG[op])
        elif IMM.match(op):
            out.append(("imm", int(op, 0)))
    return out


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
