#!/usr/bin/env python3
"""Co-simulation campaign: generate snippets from many seeds and cross-check
snipgen's model against QEMU on each (snipgen-qemu-check).

For every layout and every seed it runs
    snipgen LAYOUT -num-instrs=N -seed=S -object-type=exec -init-regs-in-elf
    snipgen-qemu-check SNIPPET.elf
in parallel, then prints pass/fail counts per layout and the report of the
first failing snippet with the commands that reproduce it.

With --vector it runs random RVV programs of tools/rvv-progen.py instead (for
every seed, XLEN in --xlen and VLEN in --vlen):
    rvv-progen.py --seed S --xlen X --vlen V --length L -o P.s
    llvm-mc -triple=riscvX -mattr=+v,+zvlVb -filetype=obj P.s -o P.o
    ld.lld -T P.s.ld P.o -o P.elf
    snipgen-qemu-check P.elf
and also counts the vector instructions the programs hold.

Outcomes of one snippet:
  pass         the model and QEMU agree at every instruction
  FAIL         they diverge (snipgen-qemu-check exit status 1)
  GEN-ERROR    snipgen could not generate the snippet
  CHECK-ERROR  the check could not be made (snipgen-qemu-check status 2)
  unsupported  this QEMU lacks an extension the layout needs (not a failure)

Exit status: 0 when nothing failed, 1 otherwise, 2 on bad usage.
"""
import argparse
import concurrent.futures
import glob
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_LAYOUTS = os.path.join(REPO, "test", "cosim", "Inputs", "*.yaml")
AGREE = re.compile(r": (\d+) instructions agree with ")
# snipgen-qemu-check's wording when QEMU refuses a -cpu property, or when
# QEMU cannot enable an extension of the ISA at all.
UNSUPPORTED = ("this QEMU lacks a -cpu property", "QEMU cannot enable")


def parse_seed_list(text):
    """'1,5,10-20' -> [1, 5, 10, ..., 20]"""
    seeds = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        else:
            seeds.append(int(part))
    return seeds


def find_tool(name, bin_dir):
    if bin_dir:
        path = os.path.join(bin_dir, name)
        return path if os.access(path, os.X_OK) else None
    found = shutil.which(name)
    if found:
        return found
    for build in ("build", "build-cosim"):
        path = os.path.join(REPO, build, "bin", name)
        if os.access(path, os.X_OK):
            return path
    return None


def quote(args):
    return " ".join(a if re.fullmatch(r"[\w@%+=:,./-]+", a) else "'%s'" % a
                    for a in args)


class Job:
    def __init__(self, layout, seed):
        self.layout = layout
        self.seed = seed
        self.name = os.path.splitext(os.path.basename(layout))[0]
        self.outcome = None
        self.instructions = 0
        self.vector_instructions = 0
        self.report = ""
        self.commands = []


PROGEN = os.path.join(REPO, "tools", "rvv-progen.py")
VECTOR_COUNT = re.compile(r"^# (\d+) vector instructions", re.M)


def vector_config(xlen, vlen):
    return "rv%d-vlen%d" % (xlen, vlen)


def run_command(job, args, what, timeout):
    """Runs one step of a job; on failure sets the outcome and returns
    None."""
    try:
        r = subprocess.run(args, capture_output=True, text=True,
                           timeout=timeout)
    except subprocess.TimeoutExpired:
        job.outcome, job.report = what, "%s timed out" % args[0]
        return None
    except OSError as e:
        job.outcome, job.report = what, "cannot run %s: %s" % (args[0], e)
        return None
    if r.returncode != 0:
        job.outcome = what
        job.report = (r.stdout + r.stderr).strip()
        return None
    return r


def progen_options(opts):
    """rvv-progen options other than seed, XLEN, VLEN and length."""
    out = ["--" + ext for ext in ("zvfh", "zvbb", "zvbc", "zvfbf")
           if getattr(opts, ext)]
    if opts.zve:
        out += ["--zve", opts.zve]
    return out + (["--classes", opts.classes] if opts.classes else [])


def run_vector_job(job, opts, tools, work_dir):
    xlen, vlen = job.layout
    base = os.path.join(work_dir, "%s-s%d" % (job.name, job.seed))
    gen = [sys.executable, PROGEN, "--seed", str(job.seed), "--xlen",
           str(xlen), "--vlen", str(vlen), "--length", str(opts.length),
           "-o", base + ".s"] + progen_options(opts)
    asm = [tools["llvm-mc"], "-triple=riscv%d" % xlen,
           "-mattr=" + tools["mattr"][vlen],
           "-filetype=obj", base + ".s", "-o", base + ".o"]
    link = [tools["ld.lld"], "-T", base + ".s.ld", base + ".o", "-o",
            base + ".elf"]
    check = [tools["snipgen-qemu-check"], base + ".elf",
             "--compare=" + opts.compare] + (["--zve-as-v"] if opts.zve
                                             else []) + \
        (["--rvv-agnostic-ones"] if opts.agnostic_ones else [])
    job.commands = [gen, asm, link, check]
    for step in (gen, asm, link):
        if run_command(job, step, "GEN-ERROR", opts.timeout) is None:
            return job
    with open(base + ".s") as f:
        m = VECTOR_COUNT.search(f.read(4096))
        job.vector_instructions = int(m.group(1)) if m else 0
    if opts.qemu_only:
        run_qemu_only(job, tools, base + ".elf", xlen, opts)
    else:
        classify(job, check, opts)
    if job.outcome in ("pass", "unsupported") and not opts.keep:
        for suffix in (".s", ".s.ld", ".o", ".elf"):
            try:
                os.remove(base + suffix)
            except OSError:
                pass
    return job


def run_qemu_only(job, tools, elf, xlen, opts):
    """The generator's own check: QEMU alone runs the program to its final
    EBREAK (SIGTRAP), so no instruction of it was illegal or faulted."""
    cpu = run_command(job, [tools["snipgen-qemu-check"], "--print-qemu-cpu",
                            elf], "CHECK-ERROR", opts.timeout)
    if cpu is None:
        return
    qemu = ["qemu-riscv%d" % xlen, "-cpu", cpu.stdout.strip(), elf]
    job.commands.append(qemu)
    try:
        r = subprocess.run(qemu, capture_output=True, text=True,
                           timeout=opts.timeout)
    except (OSError, subprocess.SubprocessError) as e:
        job.outcome, job.report = "CHECK-ERROR", "cannot run QEMU: %s" % e
        return
    if r.returncode == -5:  # SIGTRAP
        job.outcome = "pass"
        return
    job.outcome = "FAIL"
    job.report = ("QEMU did not end at the final EBREAK (status %d): %s" %
                  (r.returncode, r.stderr.strip()))


def classify(job, check, opts):
    """Runs snipgen-qemu-check and sets the job's outcome from it."""
    try:
        c = subprocess.run(check, capture_output=True, text=True,
                           timeout=opts.timeout)
    except subprocess.TimeoutExpired:
        job.outcome, job.report = "CHECK-ERROR", "snipgen-qemu-check timed out"
        return
    except OSError as e:
        job.outcome, job.report = ("CHECK-ERROR",
                                   "cannot run snipgen-qemu-check: %s" % e)
        return
    output = (c.stdout + c.stderr).strip()
    if c.returncode == 0:
        job.outcome = "pass"
        m = AGREE.search(c.stdout)
        job.instructions = int(m.group(1)) if m else 0
    elif c.returncode == 1:
        job.outcome, job.report = "FAIL", output
    elif any(u in output for u in UNSUPPORTED):
        job.outcome, job.report = "unsupported", output
    else:
        job.outcome, job.report = "CHECK-ERROR", output


def run_job(job, opts, snipgen, checker, work_dir):
    elf = os.path.join(work_dir, "%s-s%d.elf" % (job.name, job.seed))
    gen = [snipgen, job.layout, "-num-instrs=%d" % opts.num_instrs,
           "-seed=%d" % job.seed, "-object-type=exec", "-init-regs-in-elf",
           "-o", elf]
    check = [checker, elf, "--compare=" + opts.compare]
    job.commands = [gen, check]
    try:
        g = subprocess.run(gen, capture_output=True, text=True,
                           timeout=opts.timeout)
    except subprocess.TimeoutExpired:
        job.outcome, job.report = "GEN-ERROR", "snipgen timed out"
        return job
    except OSError as e:
        job.outcome, job.report = "GEN-ERROR", "cannot run snipgen: %s" % e
        return job
    if g.returncode != 0:
        job.outcome, job.report = "GEN-ERROR", g.stderr.strip()
        return job
    classify(job, check, opts)
    if job.outcome in ("pass", "unsupported") and not opts.keep:
        for suffix in ("", ".ld", ".ldargs"):
            try:
                os.remove(elf + suffix)
            except OSError:
                pass
    return job


def main():
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("-n", "--num-seeds", type=int, default=1000,
                    help="seeds per layout: first-seed .. first-seed+N-1 "
                         "(default 1000)")
    ap.add_argument("--first-seed", type=int, default=1)
    ap.add_argument("--seeds", help="explicit seed list, e.g. 1,5,10-20 "
                                    "(overrides -n/--first-seed)")
    ap.add_argument("--layout", action="append",
                    help="layout file (repeatable; default: every "
                         "test/cosim/Inputs/*.yaml)")
    ap.add_argument("-j", "--jobs", type=int, default=2)
    ap.add_argument("--num-instrs", type=int, default=2000)
    ap.add_argument("--bin-dir", help="directory of snipgen and "
                                      "snipgen-qemu-check (default: PATH, "
                                      "then build/bin)")
    ap.add_argument("--work-dir", help="where snippets are written (default: "
                                       "a temporary directory)")
    ap.add_argument("--keep", action="store_true",
                    help="keep passing snippets too (failing ones are always "
                         "kept)")
    ap.add_argument("--compare", choices=("each", "final"), default="each",
                    help="snipgen-qemu-check --compare: after each "
                         "instruction (default), or only the final state "
                         "(the model may then use its compiled tier; "
                         "SNIPGEN_JIT_THRESHOLD=0 compiles every block)")
    ap.add_argument("--timeout", type=int, default=600,
                    help="seconds per generation or check")
    ap.add_argument("-v", "--verbose", action="store_true",
                    help="print one line per snippet")
    vec = ap.add_argument_group("vector campaign (tools/rvv-progen.py)")
    vec.add_argument("--vector", action="store_true",
                     help="random RVV programs instead of snipgen layouts")
    vec.add_argument("--xlen", default="64,32",
                     help="XLENs to run, e.g. 64 or 64,32 (default both)")
    vec.add_argument("--vlen", default="128,256",
                     help="VLENs to run (default 128,256)")
    vec.add_argument("--length", type=int, default=200,
                     help="vector instructions per program (default 200)")
    vec.add_argument("--zvfh", action="store_true",
                     help="programs with FP16 (Zvfh) too")
    vec.add_argument("--zve", help="rvv-progen --zve: a Zve* instead of V "
                     "(checked with snipgen-qemu-check --zve-as-v)")
    vec.add_argument("--zvbb", action="store_true", help="and Zvbb")
    vec.add_argument("--agnostic-ones", action="store_true",
                     help="tail/mask-agnostic elements written as all ones "
                          "on both sides (snipgen-qemu-check "
                          "--rvv-agnostic-ones)")
    vec.add_argument("--zvbc", action="store_true", help="and Zvbc")
    vec.add_argument("--zvfbf", action="store_true",
                     help="and Zvfbfmin/Zvfbfwma")
    vec.add_argument("--classes",
                     help="rvv-progen --classes: only these instruction "
                          "classes (e.g. config,mem,whole while the model's "
                          "vector unit is partial)")
    vec.add_argument("--qemu-only", action="store_true",
                     help="no model: check only that QEMU runs every program "
                          "to its final EBREAK (the generator emits nothing "
                          "illegal)")
    opts = ap.parse_args()

    seeds = (parse_seed_list(opts.seeds) if opts.seeds else
             list(range(opts.first_seed, opts.first_seed + opts.num_seeds)))
    if opts.vector:
        layouts = [(int(x), int(v)) for x in opts.xlen.split(",")
                   for v in opts.vlen.split(",")]
    else:
        layouts = opts.layout or sorted(glob.glob(DEFAULT_LAYOUTS))
    if not seeds or not layouts:
        ap.error("no seeds or no layouts")
    if not opts.vector:
        for layout in layouts:
            if not os.path.isfile(layout):
                ap.error("no layout file '%s'" % layout)
    checker = find_tool("snipgen-qemu-check", opts.bin_dir)
    tools = {"snipgen-qemu-check": checker}
    if opts.vector:
        for name in ("llvm-mc", "ld.lld"):
            # LLVM 22's, not an older default llvm-mc in PATH.
            tools[name] = (shutil.which(name + "-22") or
                           find_tool(name, "/usr/lib/llvm-22/bin") or
                           shutil.which(name))
            if not tools[name]:
                ap.error("cannot find %s (LLVM 22)" % name)
        # llvm-mc's -mattr for each VLEN, as rvv-progen says.
        tools["mattr"] = {}
        for _, vlen in layouts:
            r = subprocess.run([sys.executable, PROGEN, "--vlen", str(vlen),
                                "--print-mattr"] + progen_options(opts),
                               capture_output=True, text=True)
            if r.returncode != 0:
                ap.error(r.stderr.strip())
            tools["mattr"][vlen] = r.stdout.strip()
        snipgen = None
    else:
        snipgen = find_tool("snipgen", opts.bin_dir)
    if not checker or (not opts.vector and not snipgen):
        ap.error("cannot find snipgen and snipgen-qemu-check (build them, "
                 "put them in PATH or pass --bin-dir)")
    work_dir = opts.work_dir or tempfile.mkdtemp(prefix="snipgen-cosim-")
    os.makedirs(work_dir, exist_ok=True)

    if opts.vector:
        jobs = []
        for seed in seeds:
            for layout in layouts:
                j = Job("", seed)
                j.layout, j.name = layout, vector_config(*layout)
                jobs.append(j)
    else:
        jobs = [Job(layout, seed) for seed in seeds for layout in layouts]
    start = time.time()
    done = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=opts.jobs) as pool:
        if opts.vector:
            futures = [pool.submit(run_vector_job, j, opts, tools, work_dir)
                       for j in jobs]
        else:
            futures = [pool.submit(run_job, j, opts, snipgen, checker,
                                   work_dir) for j in jobs]
        for f in concurrent.futures.as_completed(futures):
            job = f.result()
            done.append(job)
            if opts.verbose or job.outcome not in ("pass", "unsupported"):
                print("%-11s %s seed %d%s" % (
                    job.outcome, job.name, job.seed,
                    " (%d instructions)" % job.instructions
                    if job.outcome == "pass" else ""), flush=True)
    elapsed = time.time() - start

    # Per-layout counts, in layout order.
    order = {layout: i for i, layout in enumerate(layouts)}
    done.sort(key=lambda j: (order[j.layout], j.seed))
    outcomes = ["pass", "FAIL", "GEN-ERROR", "CHECK-ERROR", "unsupported"]
    print("\nlayout              " + "".join("%12s" % o for o in outcomes) +
          "  instructions")
    total = {o: 0 for o in outcomes}
    total_instrs = 0
    for layout in layouts:
        mine = [j for j in done if j.layout == layout]
        counts = {o: sum(1 for j in mine if j.outcome == o) for o in outcomes}
        instrs = sum(j.instructions for j in mine)
        for o in outcomes:
            total[o] += counts[o]
        total_instrs += instrs
        print("%-20s" % mine[0].name + "".join("%12d" % counts[o]
                                              for o in outcomes) +
              "  %d" % instrs)
    bad = [j for j in done if j.outcome in ("FAIL", "GEN-ERROR", "CHECK-ERROR")]
    print("cosim: %d snippets in %.0f s: %d passed, %d failed, %d generation "
          "errors, %d check errors, %d unsupported; %d instructions compared"
          % (len(done), elapsed, total["pass"], total["FAIL"],
             total["GEN-ERROR"], total["CHECK-ERROR"], total["unsupported"],
             total_instrs))
    if opts.vector and opts.qemu_only:
        print("cosim-vector (QEMU only): %d programs, %d vector instructions "
              "in them; %d ran to their final EBREAK, %d did not"
              % (len(done), sum(j.vector_instructions for j in done),
                 total["pass"], total["FAIL"]))
    elif opts.vector:
        vector_total = sum(j.vector_instructions for j in done)
        vector_agreed = sum(j.vector_instructions for j in done
                            if j.outcome == "pass")
        print("cosim-vector: %d programs, %d vector instructions in them, "
              "%d in agreeing programs; %d instructions compared in all; "
              "%d divergences" % (len(done), vector_total, vector_agreed,
                                  total_instrs, total["FAIL"]))
    for layout in layouts:
        skipped = [j for j in done if j.layout == layout and
                   j.outcome == "unsupported"]
        if skipped:
            reason = skipped[0].report.splitlines()[0]
            print("unsupported %s: %s" % (skipped[0].name, reason))
    if bad:
        first = min(bad, key=lambda j: (j.seed, order[j.layout]))
        print("\nfirst failure: %s seed %d (%s)" % (first.name, first.seed,
                                                     first.outcome))
        print(first.report)
        print("reproduce:")
        for cmd in first.commands:
            print("  " + quote(cmd))
        print("snippets of failures are kept in %s" % work_dir)
    elif not opts.work_dir and not opts.keep:
        shutil.rmtree(work_dir, ignore_errors=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
