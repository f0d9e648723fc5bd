"""Runs one (layout, seed): generate with snipgen (which runs the snippet on
the built-in model and fails if it does not run to its end), optionally
co-simulate with QEMU, optionally run a user check, and measure coverage from
the model's commit log."""
import json
import os
import re
import shlex
import shutil
import subprocess
import tempfile
import time

from . import coverage, decode, layout

STATS = re.compile(r"(\d+) primary \+ (\d+) ancillary instructions \((\d+) bytes of code\)"
                   r"(?:, (\d+) executed on the model)?")


def find_tool(name):
    here = os.path.dirname(os.path.dirname(os.path.realpath(__file__)))
    path = os.path.join(here, name)
    if os.access(path, os.X_OK):
        return path
    return shutil.which(name)


def snipgen_args(snipgen, layout_path, seed, num_instrs, out, extra=()):
    """The generation command; also the reproducer (with out = 'snippet')."""
    text = open(layout_path).read()
    args = [snipgen, os.path.abspath(layout_path), f"-num-instrs={num_instrs}", f"-seed={seed}"]
    for opt, val in (("object-type", "exec"), ("init-regs-in-elf", None)):
        if not layout.names_option(text, opt):
            args.append(f"-{opt}={val}" if val else f"-{opt}")
    if not layout.names_model_plugin(text):
        args.append("-model-plugin=builtin")
    args += list(extra)
    args += [f"-o={out}"]
    return args


def classify_generation_failure(stderr):
    """The failure kind of a snipgen run that failed (its messages in
    tools/snipgen/ModelRun.cpp and the model-run checks)."""
    m = re.search(r"did not run to its end on the model \(([\w-]+) after", stderr)
    if m:
        return {"trap-taken": "model-trap", "unhandled-trap": "model-trap",
                "step-limit": "model-hang"}.get(m.group(1), "model-error")
    if "Interpreters states differ" in stderr:
        return "cosim-divergence"  # a -cosim-model-plugins secondary model
    if "control-flow check on the model failed" in stderr or "memory access check: " in stderr:
        return "self-check-mismatch"
    return "generate-error"


TRAP = re.compile(r"did not run to its end on the model \(([\w-]+) after (\d+) instructions\): "
                  r"(.+?) at pc (0x[0-9a-f]+)")


def trap_of(message):
    """The trap of a model-trap run's message: {"stop", "cause", "pc",
    "retired"}, or None."""
    m = TRAP.search(message or "")
    if not m:
        return None
    return {"stop": m.group(1), "retired": int(m.group(2)), "cause": m.group(3), "pc": m.group(4)}


def run_one(layout_path, seed, settings, keep_dir=None):
    """A row of the runs table (see db.py)."""
    t0 = time.monotonic()
    text = open(layout_path).read()
    secs = layout.sections(text)
    work = tempfile.mkdtemp(prefix=f"snipgen-campaign-{seed}-")
    try:
        elf = os.path.join(work, "snippet")
        trace = os.path.join(work, "trace.log")
        pcs = os.path.join(work, "primary.pcs")
        schemes_file = os.path.join(work, "access.schemes")
        vcfg = os.path.join(work, "vector.configs")
        extra = [f"-dump-primary-pcs={pcs}", f"-dump-access-schemes={schemes_file}"]
        if not layout.model_is_none(text):
            extra += [f"-trace-log={trace}", f"-dump-vector-configs={vcfg}"]
        args = snipgen_args(settings["snipgen"], layout_path, seed, settings["num_instrs"], elf, extra)
        repro = snipgen_args("snipgen", layout_path, seed, settings["num_instrs"], "snippet")
        row = {"layout": layout_path, "seed": seed, "command": shlex.join(repro),
               "status": "pass", "message": ""}
        p = subprocess.run(args, capture_output=True, text=True)
        m = STATS.search(p.stderr + p.stdout)
        if m:
            row["primary_instructions"] = int(m.group(1))
            row["ancillary_instructions"] = int(m.group(2))
            row["code_bytes"] = int(m.group(3))
        if p.returncode != 0:
            row["status"] = classify_generation_failure(p.stderr)
            row["message"] = p.stderr.strip()[-2000:]
        cov = coverage.empty()
        if os.path.exists(trace):
            with open(trace) as f:
                lines = f.read().splitlines()
            encs = [e[1] for e in coverage.parse_trace(lines)]
            primary = None
            if os.path.exists(pcs):
                with open(pcs) as f:
                    primary = {int(x, 16) for x in f.read().split()}
            schemes = None
            if os.path.exists(schemes_file):
                with open(schemes_file) as f:
                    schemes = coverage.parse_schemes(f.read())
            vconfigs = None
            if os.path.exists(vcfg):
                with open(vcfg) as f:
                    vconfigs = coverage.parse_vector_configs(f.read())
            cov = coverage.from_trace(lines, secs, decode.decode(encs, text), primary, schemes, vconfigs)
        row["executed_instructions"] = cov["executed_instructions"]
        row["executed_primary_instructions"] = cov["executed_primary_instructions"]
        if row["status"] == "pass" and settings.get("cosim") == "qemu":
            q = subprocess.run([settings["qemu_check"], elf], capture_output=True, text=True)
            if q.returncode != 0:
                row["status"] = "cosim-divergence" if q.returncode == 1 else "cosim-error"
                row["message"] = (q.stdout + q.stderr).strip()[-2000:]
            row["command"] += " && snipgen-qemu-check snippet"
        if row["status"] == "pass" and settings.get("check"):
            c = subprocess.run(settings["check"] + " " + shlex.quote(elf), shell=True,
                               capture_output=True, text=True)
            if c.returncode != 0:
                row["status"] = "check-failed"
                row["message"] = f"exit status {c.returncode}: " + (c.stdout + c.stderr).strip()[-2000:]
            row["command"] += " && " + settings["check"] + " snippet"
        row["coverage"] = json.dumps(cov, sort_keys=True)
        if keep_dir and row["status"] != "pass":
            dest = os.path.join(keep_dir, f"{os.path.basename(layout_path)}-{seed}.elf")
            if os.path.exists(elf):
                shutil.copyfile(elf, dest)
        row["message"] = row["message"].replace(work + "/", "")
        row["seconds"] = round(time.monotonic() - t0, 4)
        return row
    finally:
        shutil.rmtree(work, ignore_errors=True)
