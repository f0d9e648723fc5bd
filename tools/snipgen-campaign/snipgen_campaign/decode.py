"""LLVM's own names for executed instructions: the trace's encodings are
disassembled once per snippet with llvm-mc -show-inst, which gives the opcode
(ADDI, C_BEQZ: the histogram's names, never an alias such as 'li' or 'beqz')
and the MCInst operands (registers and immediates)."""
import os
import re
import shutil
import subprocess

from . import layout

INST = re.compile(r"<MCInst #\d+ (\w+)")
OPER = re.compile(r"<MCOperand (Reg|Imm):([-\w]+)>")
REGNAME = re.compile(r"^([XFV])(\d+)")


def llvm_mc():
    for name in ("llvm-mc-22", "llvm-mc"):
        found = shutil.which(name)
        if found:
            return found
    path = "/usr/lib/llvm-22/bin/llvm-mc"
    return path if os.access(path, os.X_OK) else None


def mattr_of(march):
    """'rv64imafdc_zicsr_zifencei' -> (64, '+m,+a,+f,+d,+c,+zicsr,+zifencei')."""
    march = march.strip().lower()
    m = re.match(r"rv(32|64)([a-z0-9]*)(.*)", march)
    if not m:
        return 64, "+m,+a,+f,+d,+c,+v"
    xlen, single, rest = int(m.group(1)), m.group(2), m.group(3)
    single = re.sub(r"\d+(p\d+)?", "", single)
    feats = []
    for ch in single:
        if ch == "g":
            feats += ["m", "a", "f", "d", "zicsr", "zifencei"]
        elif ch not in "ie":
            feats.append(ch)
    feats += [re.sub(r"\d+(p\d+)?$", "", x) for x in rest.split("_") if x]
    return xlen, ",".join("+" + f for f in feats if f)


def march_of(text):
    xlen, mattr = 64, "+m,+a,+f,+d,+c,+v"
    m = re.search(r"^\s+march\s*:\s*['\"]?([\w]+)", text, re.M)
    if m:
        xlen, mattr = mattr_of(m.group(1))
    t = re.search(r"^\s+mtriple\s*:\s*['\"]?riscv(32|64)", text, re.M)
    if t:
        xlen = int(t.group(1))
    return xlen, mattr


def _operand(kind, val):
    if kind == "Imm":
        return ("imm", int(val))
    r = REGNAME.match(val)
    return ("reg", r.group(1).lower(), int(r.group(2))) if r else ("other", val)


def decode(encodings, layout_text):
    """{encoding: (OPCODE, [operands])} for the (encoding) ints given, each
    4 bytes long when its low bits are 0b11, else 2."""
    encodings = sorted(set(encodings))
    tool = llvm_mc()
    if not tool or not encodings:
        return {}
    xlen, mattr = march_of(layout_text)
    lines = []
    for e in encodings:
        n = 4 if e & 3 == 3 else 2
        lines.append(" ".join(f"0x{(e >> (8 * i)) & 0xff:02x}" for i in range(n)))
    p = subprocess.run([tool, "--disassemble", f"-triple=riscv{xlen}", f"-mattr={mattr}", "-show-inst"],
                       input="\n".join(lines) + "\n", capture_output=True, text=True)
    insts = []
    for line in p.stdout.splitlines():
        m = INST.search(line)
        if m:
            insts.append([m.group(1), []])
            continue
        o = OPER.search(line)
        if o and insts:
            insts[-1][1].append(_operand(o.group(1), o.group(2)))
    if len(insts) != len(encodings):
        return {}  # an encoding llvm-mc could not decode: fall back to mnemonics
    return {e: (name, ops) for e, (name, ops) in zip(encodings, insts)}
