"""Command line of snipgen-campaign (run, merge, reduce)."""
import argparse
import concurrent.futures
import os
import shlex
import sys
import time

from . import db, outputs, runner


def parse_seeds(text):
    seeds = []
    for part in text.split(","):
        part = part.strip()
        if not part:
            continue
        if "-" in part[1:]:
            lo, hi = part.split("-", 1)
            seeds.extend(range(int(lo), int(hi) + 1))
        else:
            seeds.append(int(part))
    return seeds


def parse_shard(text):
    try:
        i, k = (int(x) for x in text.split("/"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--shard takes I/K, not '{text}'")
    if k < 1 or not 0 <= i < k:
        raise argparse.ArgumentTypeError(f"--shard={text}: I must be in 0..K-1")
    return i, k


def work_items(layouts, seeds, shard):
    """Every (layout, seed), in a fixed order; a shard takes every K-th."""
    items = [(lp, s) for lp in layouts for s in seeds]
    if shard:
        i, k = shard
        items = items[i::k]
    return items


class Progress:
    def __init__(self, total, mode):
        self.total, self.done, self.failed = total, 0, 0
        self.t0 = time.monotonic()
        self.tty = sys.stderr.isatty() if mode == "auto" else mode == "always"
        self.last = 0.0
        self.quiet = mode == "never"

    def update(self, status):
        self.done += 1
        self.failed += status != "pass"
        if self.quiet:
            return
        now = time.monotonic()
        if not self.tty and self.done != self.total and now - self.last < 5:
            return
        self.last = now
        rate = self.done / max(now - self.t0, 1e-9)
        eta = (self.total - self.done) / rate if rate else 0
        width = 30
        fill = width * self.done // max(self.total, 1)
        line = (f"[{'#' * fill}{'.' * (width - fill)}] {self.done}/{self.total} done, "
                f"{self.failed} failed, {rate:.1f} seeds/s, ETA {eta:.0f}s")
        sys.stderr.write(("\r" + line) if self.tty else line + "\n")
        if self.tty and self.done == self.total:
            sys.stderr.write("\n")
        sys.stderr.flush()


def emit_slurm(args, path):
    k = args.slurm_tasks
    me = os.path.realpath(sys.argv[0])
    out = os.path.abspath(args.out)
    base = [me, "run"] + [os.path.abspath(x) for x in args.layouts] + [
        f"--seeds={args.seeds}", f"--num-instrs={args.num_instrs}", "--progress=never"]
    if args.check:
        base.append(f"--check={args.check}")
    if args.cosim:
        base.append(f"--cosim={args.cosim}")
    cmd = shlex.join(base)
    text = f"""#!/bin/bash
# Written by snipgen-campaign run --emit-slurm: one array task per shard.
# Submit:  sbatch {shlex.quote(os.path.abspath(path))}
# Then merge the shards:
#   {shlex.quote(me)} merge --out={shlex.quote(out)} {shlex.quote(out)}/shard-*
#SBATCH --job-name=snipgen-campaign
#SBATCH --array=0-{k - 1}
#SBATCH --cpus-per-task={args.jobs}
#SBATCH --output={out}/slurm-%A_%a.out
set -uo pipefail
# Exit status 1 means "some seeds failed": the shard itself ran, so the task
# succeeds; anything else (2: bad usage, a crash) fails the task.
{cmd} --jobs="${{SLURM_CPUS_PER_TASK:-{args.jobs}}}" \\
  --shard="${{SLURM_ARRAY_TASK_ID}}/{k}" --out={shlex.quote(out)}/shard-"${{SLURM_ARRAY_TASK_ID}}"
status=$?
[ "$status" -le 1 ] || exit "$status"
"""
    os.makedirs(out, exist_ok=True)
    with open(path, "w") as f:
        f.write(text)
    os.chmod(path, 0o755)
    print(f"snipgen-campaign: wrote {path}: {k} array tasks; merge with: "
          f"snipgen-campaign merge --out={out} {out}/shard-*")
    return 0


def cmd_run(args):
    for lp in args.layouts:
        if not os.path.isfile(lp):
            sys.stderr.write(f"snipgen-campaign: error: no layout '{lp}'\n")
            return 2
    if args.emit_slurm:
        return emit_slurm(args, args.emit_slurm)
    settings = {"num_instrs": args.num_instrs, "check": args.check, "cosim": args.cosim,
                "snipgen": runner.find_tool("snipgen"),
                "qemu_check": runner.find_tool("snipgen-qemu-check")}
    if not settings["snipgen"]:
        sys.stderr.write("snipgen-campaign: error: snipgen not found beside this tool or on PATH\n")
        return 2
    if args.cosim == "qemu" and not settings["qemu_check"]:
        sys.stderr.write("snipgen-campaign: error: --cosim=qemu needs snipgen-qemu-check\n")
        return 2
    layouts = [os.path.abspath(x) for x in args.layouts]
    items = work_items(layouts, parse_seeds(args.seeds), args.shard)
    os.makedirs(args.out, exist_ok=True)
    fail_dir = os.path.join(args.out, "failures")
    os.makedirs(fail_dir, exist_ok=True)
    con = db.open_db(os.path.join(args.out, db.DB_NAME))
    meta = {"num_instrs": args.num_instrs, "check": args.check or "", "cosim": args.cosim or "",
            "seeds": args.seeds, "layouts": layouts,
            "shard": f"{args.shard[0]}/{args.shard[1]}" if args.shard else ""}
    db.set_meta(con, meta)
    prog = Progress(len(items), args.progress)
    t0 = time.monotonic()
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        futs = [pool.submit(runner.run_one, lp, s, settings, fail_dir) for lp, s in items]
        for fut in concurrent.futures.as_completed(futs):
            row = fut.result()
            db.insert(con, row)
            prog.update(row["status"])
    con.commit()
    elapsed = time.monotonic() - t0
    s, _ = outputs.write_all(args.out, db.rows(con), meta)
    con.close()
    print(f"snipgen-campaign: {s['total']} runs, {s['failed']} failed, "
          f"{len(items) / max(elapsed, 1e-9):.2f} seeds/s; wrote {args.out}/summary.json, "
          f"coverage.json, report.html, {db.DB_NAME}")
    return 1 if s["failed"] else 0


def cmd_merge(args):
    os.makedirs(args.out, exist_ok=True)
    con = db.open_db(os.path.join(args.out, db.DB_NAME))
    meta = {}
    for d in args.shards:
        path = os.path.join(d, db.DB_NAME)
        if not os.path.isfile(path):
            sys.stderr.write(f"snipgen-campaign: error: no {db.DB_NAME} in '{d}'\n")
            return 2
        src = db.open_db(path)
        m = db.get_meta(src)
        for key in ("num_instrs", "check", "cosim"):
            if key in meta and key in m and meta[key] != m[key]:
                sys.stderr.write(f"snipgen-campaign: error: shard '{d}' has {key}={m[key]!r}, "
                                 f"others {meta[key]!r}\n")
                return 2
        meta.update({k: v for k, v in m.items() if k != "shard"})
        for r in db.rows(src):
            db.insert(con, r)
        src.close()
    meta["shard"] = ""
    meta["merged_from"] = len(args.shards)
    db.set_meta(con, meta)
    con.commit()
    s, _ = outputs.write_all(args.out, db.rows(con), meta)
    con.close()
    print(f"snipgen-campaign: merged {len(args.shards)} shards: {s['total']} runs, {s['failed']} failed")
    return 1 if s["failed"] else 0


def cmd_compare(args):
    """Per-seed rows of two campaign directories, all columns but 'seconds'."""
    def load(d):
        con = db.open_db(os.path.join(d, db.DB_NAME))
        rs = {(r["layout"], r["seed"]): {k: v for k, v in r.items() if k != "seconds"}
              for r in db.rows(con)}
        con.close()
        return rs
    a, b = load(args.dirs[0]), load(args.dirs[1])
    diffs = 0
    for key in sorted(set(a) | set(b)):
        if key not in a or key not in b:
            print(f"{key[0]} seed {key[1]}: only in {args.dirs[0] if key in a else args.dirs[1]}")
            diffs += 1
        elif a[key] != b[key]:
            cols = [c for c in a[key] if a[key][c] != b[key][c]]
            print(f"{key[0]} seed {key[1]}: differs in {', '.join(cols)}")
            diffs += 1
    print(f"snipgen-campaign: {len(a)} and {len(b)} runs, {diffs} differ")
    return 1 if diffs else 0


def cmd_trace_coverage(args):
    """The coverage of one commit-log trace (snipgen -trace-log), as JSON."""
    import json
    from . import coverage, decode, layout
    text = open(args.layout).read()
    with open(args.trace) as f:
        lines = f.read().splitlines()
    encs = [e[1] for e in coverage.parse_trace(lines)]
    primary = None
    if args.primary_pcs:
        with open(args.primary_pcs) as f:
            primary = {int(x, 16) for x in f.read().split()}
    schemes = None
    if args.access_schemes:
        with open(args.access_schemes) as f:
            schemes = coverage.parse_schemes(f.read())
    vconfigs = None
    if args.vector_configs:
        with open(args.vector_configs) as f:
            vconfigs = coverage.parse_vector_configs(f.read())
    cov = coverage.from_trace(lines, layout.sections(text), decode.decode(encs, text), primary, schemes,
                              vconfigs)
    print(json.dumps(cov, indent=1, sort_keys=True))
    return 0


def main(argv):
    ap = argparse.ArgumentParser(prog="snipgen-campaign", description=__doc__)
    sub = ap.add_subparsers(dest="cmd", required=True)
    r = sub.add_parser("run", help="run a campaign (or a shard of it)")
    r.add_argument("layouts", nargs="+", metavar="LAYOUT")
    r.add_argument("--seeds", required=True, help="A-B, or a list: 1,5,10-20")
    r.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    r.add_argument("--num-instrs", required=True)
    r.add_argument("--out", required=True)
    r.add_argument("--shard", type=parse_shard, help="I/K: run every K-th item from the I-th")
    r.add_argument("--check", help="fail a run when 'CMD snippet.elf' exits non-zero")
    r.add_argument("--cosim", choices=["qemu"], help="also cross-check with snipgen-qemu-check")
    r.add_argument("--emit-slurm", metavar="FILE", help="write an sbatch --array script and exit")
    r.add_argument("--slurm-tasks", type=int, default=4, help="array tasks of --emit-slurm")
    r.add_argument("--progress", choices=["auto", "always", "never"], default="auto")
    m = sub.add_parser("merge", help="merge shard directories")
    m.add_argument("--out", required=True)
    m.add_argument("shards", nargs="+", metavar="SHARD_DIR")
    d = sub.add_parser("reduce", help="reduce a failing seed to a small reproducer")
    d.add_argument("layout", metavar="LAYOUT")
    d.add_argument("--seed", type=int, required=True)
    d.add_argument("--num-instrs", type=int, required=True)
    d.add_argument("--check", help="predicate: 'CMD snippet.elf' exits non-zero")
    d.add_argument("--cosim", choices=["qemu"], help="predicate: snipgen-qemu-check diverges")
    d.add_argument("--out", required=True)
    c = sub.add_parser("compare", help="compare the per-seed results of two campaign directories")
    c.add_argument("dirs", nargs=2, metavar="DIR")
    t = sub.add_parser("trace-coverage", help="print the coverage of one -trace-log file")
    t.add_argument("layout", metavar="LAYOUT")
    t.add_argument("trace", metavar="TRACE")
    t.add_argument("--primary-pcs", help="snipgen -dump-primary-pcs file: count primary instructions only")
    t.add_argument("--access-schemes", help="snipgen -dump-access-schemes file: heat maps per memory scheme")
    t.add_argument("--vector-configs", help="snipgen -dump-vector-configs file: the rvv section")
    args = ap.parse_args(argv)
    if args.cmd == "trace-coverage":
        return cmd_trace_coverage(args)
    if args.cmd == "compare":
        return cmd_compare(args)
    if args.cmd == "run":
        return cmd_run(args)
    if args.cmd == "merge":
        return cmd_merge(args)
    from . import reduce
    return reduce.cmd_reduce(args)
