#!/usr/bin/env python3
"""Seeded mutation fuzzer for snipgen's layouts (issue 13).

Each case takes one of the full example layouts (examples/layout-*.yaml),
often together with one of the example fragments (examples/*.yaml without
'sections', given as a second layout file), mutates one of them a few times
(numbers swapped for boundary values, lines dropped, duplicated, swapped or
cut, scalars replaced, characters inserted) and runs snipgen on them with a
timeout. Every outcome must be one of:
  * exit 0, a snippet that ran to its end on the model, and the ELF written;
  * exit 1 with exactly one 'error:' line that names file:line:col, an
    option ("option '-..."), or the input file, and no output left behind.
Anything else (a signal, a timeout, another exit status, an unlocated or
repeated error, "did not run to its end on the model", an output left after
an error) is a finding: the case is saved under --save and the run exits 1.

  mutate_layouts.py --snipgen build/bin/snipgen --cases 300 --seed 1 -j 2
Prints the figures (cases, accepted, refused, findings by kind).
"""
import argparse
import concurrent.futures
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "examples")

BOUNDARY = ["0", "1", "-1", "2", "3", "4", "7", "8", "0x7fffffff", "0x80000000",
            "0xffffffff", "0x100000000", "0x7fffffffffffffff",
            "0x8000000000000000", "0xffffffffffffffff", "18446744073709551616",
            "-9223372036854775808", "1e308", "-0.5", "0.5", "1.5", "nan", "inf",
            "1000000", "65536", "4096", "0x1000", "0x10", "0x3", "12345678901"]
TOKENS = ["", "~", "null", "[]", "{}", "[1, 2]", "{a: 1}", "yes", "-", ":",
          "'x'", "\"\"", "&a", "*a", "!!str", "ADD", "BEQ", "JALR", "C_JR",
          "FADD_D", "rwx", "rx", "r", "w", "x", "all", "none", "true", "false"]
NUM = re.compile(r"(?<![\w.])-?(0x[0-9a-fA-F]+|\d+(\.\d+)?)(?![\w.])")
SCALAR = re.compile(r":\s+([^\s\[\]{},#][^\[\]{},#]*?)\s*$")


def mutate(text, rng):
    lines = text.split("\n")
    for _ in range(rng.randint(1, 3)):
        if not lines:
            break
        i = rng.randrange(len(lines))
        kind = rng.randrange(8)
        line = lines[i]
        if kind <= 2:  # a number becomes a boundary value
            nums = list(NUM.finditer(line))
            if nums:
                m = rng.choice(nums)
                line = line[:m.start()] + rng.choice(BOUNDARY) + line[m.end():]
                lines[i] = line
                continue
            kind = 3
        if kind == 3:  # a scalar value becomes another token
            m = SCALAR.search(line)
            if m:
                lines[i] = line[:m.start(1)] + rng.choice(TOKENS + BOUNDARY)
                continue
            kind = 4
        if kind == 4:
            del lines[i]
        elif kind == 5:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif kind == 6:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
        else:
            pos = rng.randrange(len(line) + 1)
            lines[i] = line[:pos] + rng.choice(["\t", " ", "#", "'", "\"", ":",
                                                 "- ", "\\", "\x00", "é"]) + line[pos:]
    return "\n".join(lines)


def corpus():
    full, frags = [], []
    for path in sorted(glob.glob(os.path.join(EXAMPLES, "*.yaml"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        (full if re.search(r"^sections:", text, re.M) else frags).append(
            (os.path.basename(path), text))
    return full, frags


LOCATED = re.compile(r"^(\S+\.yaml):\d+:\d+: error: ")
OPTION = re.compile(r"^snipgen: error: (option '-|\(\S+\) .*option \")")


def classify(rc, out, err, names, outputs_left):
    lines = err.splitlines()
    errors = [l for l in lines if "error:" in l]
    if rc is None:
        return "timeout"
    if rc < 0:
        return "signal %d" % -rc
    if rc == 0:
        if errors:
            return "error line on success"
        if "did not run to its end" in err:
            return "did not run to its end"
        if "executed on the model" not in err and "no-model-exec" not in err:
            return "accepted without a model run"
        if not outputs_left:
            return "accepted without an ELF"
        return "ok"
    if rc != 1:
        return "exit status %d" % rc
    if outputs_left:
        return "output left after an error"
    if "did not run to its end" in err:
        return "did not run to its end"
    if len(errors) != 1:
        return "%d error lines" % len(errors)
    e = errors[0]
    if LOCATED.match(e) or OPTION.match(e):
        return "refused"
    if any("(" + n + ")" in e or "'" + n + "'" in e for n in names):
        return "refused"
    return "unlocated error"


def run_case(args, full, frags, case):
    rng = random.Random(args.seed * 1000003 + case)
    name, text = rng.choice(full)
    files = [(name, text)]
    if frags and rng.random() < 0.5:
        files.append(rng.choice(frags))
    k = rng.randrange(len(files))
    files[k] = (files[k][0], mutate(files[k][1], rng))
    work = tempfile.mkdtemp(prefix="snipfuzz")
    try:
        paths = []
        for n, t in files:
            with open(os.path.join(work, n), "w", encoding="utf-8",
                      errors="surrogateescape") as f:
                f.write(t)
            paths.append(n)
        cmd = [args.snipgen] + paths + ["-seed=%d" % (case + 1), "-o", "out.elf"]
        try:
            p = subprocess.run(cmd, cwd=work, capture_output=True, text=True,
                               errors="replace", timeout=args.timeout)
            rc, out, err = p.returncode, p.stdout, p.stderr
        except subprocess.TimeoutExpired as e:
            rc, out, err = None, "", str(e.stderr or "")
        left = [f for f in os.listdir(work) if f.startswith("out.elf")]
        verdict = classify(rc, out, err, [n for n, _ in files], left)
        if verdict not in ("ok", "refused") and args.save:
            dest = os.path.join(args.save, "case%d" % case)
            shutil.rmtree(dest, ignore_errors=True)
            shutil.copytree(work, dest)
            with open(os.path.join(dest, "cmd.txt"), "w") as f:
                f.write(" ".join(cmd[1:]) + "\n" + err[-4000:])
        first = next((l for l in err.splitlines() if "error" in l), "")
        return case, verdict, first
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--snipgen", required=True)
    ap.add_argument("--cases", type=int, default=300)
    ap.add_argument("--first-case", type=int, default=0)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--timeout", type=float, default=30)
    ap.add_argument("--minutes", type=float, help="run until this much time has passed")
    ap.add_argument("--save", help="folder for the findings")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    args.snipgen = os.path.abspath(shutil.which(args.snipgen) or args.snipgen)
    if args.save:
        os.makedirs(args.save, exist_ok=True)
    full, frags = corpus()
    counts, findings = {}, []
    start = time.time()
    done = 0
    with concurrent.futures.ThreadPoolExecutor(args.jobs) as pool:
        case = args.first_case
        pending = set()
        while True:
            timed_out = args.minutes and time.time() - start > args.minutes * 60
            while len(pending) < 2 * args.jobs and not timed_out and (
                    args.minutes or case < args.first_case + args.cases):
                pending.add(pool.submit(run_case, args, full, frags, case))
                case += 1
            if not pending:
                break
            ready, pending = concurrent.futures.wait(
                pending, return_when=concurrent.futures.FIRST_COMPLETED)
            for fut in ready:
                c, verdict, first = fut.result()
                done += 1
                counts[verdict] = counts.get(verdict, 0) + 1
                if verdict not in ("ok", "refused"):
                    findings.append((c, verdict, first))
                    print("FINDING case %d: %s: %s" % (c, verdict, first[:200]),
                          flush=True)
                elif args.verbose:
                    print("case %d: %s %s" % (c, verdict, first[:120]))
    secs = time.time() - start
    print("%d cases in %.0f s: %d accepted and ran to the end, %d refused "
          "with a located error, %d findings"
          % (done, secs, counts.get("ok", 0), counts.get("refused", 0),
             len(findings)))
    for k in sorted(counts):
        if k not in ("ok", "refused"):
            print("  %s: %d" % (k, counts[k]))
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
