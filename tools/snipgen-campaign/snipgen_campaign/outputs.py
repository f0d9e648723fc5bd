"""summary.json, coverage.json and report.html from the database rows."""
import json
import os

from . import coverage, layout, report, runner


def summary(rows):
    runs = []
    traps = {}
    for r in rows:
        run = {"layout": r["layout"], "seed": r["seed"], "status": r["status"],
               "primary_instructions": r["primary_instructions"],
               "ancillary_instructions": r["ancillary_instructions"],
               "executed_instructions": r["executed_instructions"],
               "executed_primary_instructions": r["executed_primary_instructions"],
               "command": r["command"], "message": r["message"]}
        if r["status"] == "model-trap":
            run["trap"] = runner.trap_of(r["message"])
            cause = run["trap"]["cause"] if run["trap"] else "unknown"
            traps[cause] = traps.get(cause, 0) + 1
        runs.append(run)
    counts = {}
    for r in runs:
        counts[r["status"]] = counts.get(r["status"], 0) + 1
    return {"total": len(runs), "statuses": dict(sorted(counts.items())),
            "traps": dict(sorted(traps.items())),
            "failed": sum(v for k, v in counts.items() if k != "pass"), "runs": runs}


def total_coverage(rows):
    cov = coverage.empty()
    asked = {}
    for r in rows:
        if r["coverage"]:
            coverage.merge(cov, json.loads(r["coverage"]))
    layouts = sorted({r["layout"] for r in rows})
    per_layout = {}
    for lp in layouts:
        try:
            text = open(lp).read()
        except OSError:
            continue
        hist = layout.histogram(text)
        total = sum(w for _, w in hist) or 1.0
        n = sum(1 for r in rows if r["layout"] == lp)
        per_layout[lp] = {"histogram": {k: w for k, w in hist}, "runs": n,
                          "imm_hist_opcodes": layout.imm_hist_opcodes(text)}
        for k, w in hist:
            # Asked share, weighted by the layout's runs.
            asked[k] = asked.get(k, 0.0) + n * w / total
    nruns = sum(v["runs"] for v in per_layout.values()) or 1
    cov["asked_mix"] = {k: round(v / nruns, 6) for k, v in sorted(asked.items())}
    execd = sum(cov["opcodes"].values()) or 1
    cov["achieved_mix"] = {k: round(v / execd, 6) for k, v in sorted(cov["opcodes"].items())}
    cov["never_generated"] = sorted(k for k in asked if cov["opcodes"].get(k, 0) == 0)
    cov["layouts"] = per_layout
    cov["runs"] = len(rows)
    return cov


def write_all(out_dir, rows, meta):
    s = summary(rows)
    c = total_coverage(rows)
    with open(os.path.join(out_dir, "summary.json"), "w") as f:
        json.dump(s, f, indent=1, sort_keys=True)
    with open(os.path.join(out_dir, "coverage.json"), "w") as f:
        json.dump(c, f, indent=1, sort_keys=True)
    with open(os.path.join(out_dir, "report.html"), "w") as f:
        f.write(report.html(s, c, meta))
    return s, c
