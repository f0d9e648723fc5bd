"""A self-contained HTML report: inline SVG plots drawn here, inline CSS, no
scripts and no network references."""
import html
import math
import re

E = html.escape


def _color(frac):
    """White to dark blue."""
    frac = max(0.0, min(1.0, frac))
    r = int(255 - 225 * frac)
    g = int(255 - 175 * frac)
    b = int(255 - 75 * frac)
    return f"rgb({r},{g},{b})"


def bars(items, series, width=760, bar_h=14, title=""):
    """Horizontal grouped bars. items: [(label, [v per series])]."""
    if not items:
        return "<p class=note>nothing to show</p>"
    label_w, n = 150, len(series)
    top = max(max(vs) for _, vs in items) or 1
    row_h = bar_h * n + 6
    h = row_h * len(items) + 30
    plot_w = width - label_w - 70
    out = [f'<svg width="{width}" height="{h}" role="img">'
           f"<title>{E(title)}</title>"]
    colors = ["#4e79a7", "#f28e2b", "#59a14f", "#e15759"]
    for si, (name, _) in enumerate(series):
        out.append(f'<rect x="{label_w + si * 150}" y="2" width="10" height="10" fill="{colors[si]}"/>'
                   f'<text x="{label_w + si * 150 + 14}" y="11" font-size="11">{E(name)}</text>')
    for i, (label, vs) in enumerate(items):
        y = 22 + i * row_h
        out.append(f'<text x="{label_w - 4}" y="{y + row_h / 2 + 3}" font-size="11" '
                   f'text-anchor="end">{E(str(label))}</text>')
        for si, v in enumerate(vs):
            w = plot_w * v / top
            fmt = series[si][1]
            out.append(f'<rect x="{label_w}" y="{y + si * bar_h}" width="{w:.1f}" '
                       f'height="{bar_h - 2}" fill="{colors[si]}"/>'
                       f'<text x="{label_w + w + 3:.1f}" y="{y + si * bar_h + bar_h - 4}" '
                       f'font-size="10">{E(fmt(v))}</text>')
    out.append("</svg>")
    return "".join(out)


def heatmap(rows, cols, value, title="", cell=20, label_w=60):
    """rows, cols: labels; value(r, c) -> number."""
    vals = [[value(r, c) for c in cols] for r in rows]
    top = max((v for row in vals for v in row), default=0) or 1
    w = label_w + cell * len(cols) + 10
    h = 20 + cell * len(rows) + 10
    out = [f'<svg width="{w}" height="{h}" role="img">'
           f"<title>{E(title)}</title>"]
    for ci, c in enumerate(cols):
        out.append(f'<text x="{label_w + ci * cell + cell / 2}" y="14" font-size="9" '
                   f'text-anchor="middle">{E(str(c))}</text>')
    for ri, r in enumerate(rows):
        y = 20 + ri * cell
        out.append(f'<text x="{label_w - 4}" y="{y + cell / 2 + 4}" font-size="11" '
                   f'text-anchor="end">{E(str(r))}</text>')
        for ci, v in enumerate(vals[ri]):
            out.append(f'<rect x="{label_w + ci * cell}" y="{y}" width="{cell - 1}" height="{cell - 1}" '
                       f'fill="{_color(math.log1p(v) / math.log1p(top))}" stroke="#ccc" stroke-width="0.5">'
                       f"<title>{E(str(r))} {E(str(c if False else cols[ci]))}: {v}</title></rect>")
    out.append("</svg>")
    return "".join(out)


def _bucket_key(b):
    if b == "0":
        return (0, 0)
    m = re.match(r"([+-])2\^(\d+)", b)
    if not m:
        return (0, 0)
    k = int(m.group(2)) + 1
    return (1, k) if m.group(1) == "+" else (-1, -k)


def _iters_key(b):
    return int(b.split("-")[0])


def html(summary, cov, meta):
    p = ['<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">',
         "<title>snipgen campaign report</title><style>",
         "body{font-family:sans-serif;margin:2em;color:#222;max-width:1100px}"
         "h2{border-bottom:1px solid #ccc;margin-top:2em}"
         "table{border-collapse:collapse;font-size:13px}td,th{border:1px solid #ccc;padding:3px 6px}"
         ".fail{color:#b00}.pass{color:#070}.note{color:#666}code{font-size:12px}",
         "</style></head><body>",
         "<h1>snipgen campaign report</h1>"]
    st = summary["statuses"]
    p.append(f"<p>{summary['total']} runs, <span class=fail>{summary['failed']} failed</span>, "
             f"{cov.get('executed_instructions', 0)} instructions executed on the model, "
             f"{cov.get('executed_primary_instructions', 0)} of them primary; "
             f"-num-instrs={E(str(meta.get('num_instrs', '')))}"
             f"{', check: <code>' + E(meta['check']) + '</code>' if meta.get('check') else ''}"
             f"{', co-simulation: ' + E(meta['cosim']) if meta.get('cosim') else ''}.</p>")
    p.append("<table><tr><th>status</th><th>runs</th></tr>" + "".join(
        f"<tr><td class={'pass' if k == 'pass' else 'fail'}>{E(k)}</td><td>{v}</td></tr>"
        for k, v in st.items()) + "</table>")
    if summary.get("traps"):
        p.append("<table><tr><th>model trap</th><th>runs</th></tr>" + "".join(
            f"<tr><td class=fail>{E(k)}</td><td>{v}</td></tr>"
            for k, v in summary["traps"].items()) + "</table>")

    p.append("<h2>Failures</h2>")
    fails = [r for r in summary["runs"] if r["status"] != "pass"]
    if not fails:
        p.append("<p class=pass>none</p>")
    else:
        p.append("<table><tr><th>layout</th><th>seed</th><th>status</th><th>reproducer</th>"
                 "<th>message</th></tr>")
        for r in fails[:500]:
            p.append(f"<tr><td>{E(r['layout'].rsplit('/', 1)[-1])}</td><td>{r['seed']}</td>"
                     f"<td class=fail>{E(r['status'])}"
                     f"{' (' + E(r['trap']['cause']) + ')' if r.get('trap') else ''}</td>"
                     f"<td><code>{E(r['command'])}</code></td>"
                     f"<td><code>{E((r['message'] or '')[:300])}</code></td></tr>")
        p.append("</table>")
        if len(fails) > 500:
            p.append(f"<p class=note>{len(fails) - 500} more in summary.json</p>")

    p.append("<h2>Opcode mix: asked for and achieved</h2><p class=note>Asked: the layouts' "
             "histogram weights (share of primary instructions). Achieved: share of the "
             "primary instructions the model executed. All sections below count primary "
             "instructions only.</p>")
    names = sorted(set(cov["asked_mix"]) | set(cov["achieved_mix"]),
                   key=lambda n: (-cov["achieved_mix"].get(n, 0), n))
    pct = lambda v: f"{100 * v:.1f}%"  # noqa: E731
    p.append(bars([(n, [cov["asked_mix"].get(n, 0), cov["achieved_mix"].get(n, 0)]) for n in names],
                  [("asked", pct), ("achieved", pct)], title="opcode mix"))
    never = cov["never_generated"]
    p.append(f"<p>Opcodes asked for but never executed: "
             f"{', '.join('<code>' + E(n) + '</code>' for n in never) if never else 'none'}.</p>")

    p.append("<h2>Register reads and writes per class</h2><p class=note>Colour: log scale "
             "of the count; hover a cell for its count.</p>")
    for cls, count in (("x", 32), ("f", 32), ("v", 32)):
        rd = cov["registers"]["read"].get(cls, {})
        wr = cov["registers"]["write"].get(cls, {})
        if not rd and not wr:
            continue
        cols = list(range(count))
        p.append(f"<h3>{cls}0&ndash;{cls}{count - 1}</h3>")
        p.append(heatmap(["read", "write"], cols,
                         lambda r, c: (rd if r == "read" else wr).get(f"{cls}{c}", 0),
                         title=f"{cls} registers", cell=22))

    p.append("<h2>Memory accesses per section</h2><p class=note>Each section split into 32 "
             "equal address ranges, lowest address left.</p>")
    if not cov["memory"]:
        p.append("<p class=note>no memory accesses</p>")
    for key, ent in sorted(cov["memory"].items()):
        p.append(f"<h3>{E(key)}</h3>")
        p.append(heatmap(["load", "store"], list(range(len(ent["load"]))),
                         lambda r, c: ent[r][c], title=key, cell=22))

    p.append("<h2>Memory accesses per scheme and section</h2><p class=note>The accesses "
             "made through each memory scheme of the layouts (access-ranges, access-evictions, "
             "access-addresses entries), over the addresses the scheme's accesses start in, "
             "split into 32 equal ranges; the default scheme (no access-* key) per section.</p>")
    ms = cov.get("memory_schemes", {})
    if not ms:
        p.append("<p class=note>no memory accesses</p>")
    for sname, secs in sorted(ms.items()):
        for key, ent in sorted(secs.items()):
            n = sum(ent["load"]) + sum(ent["store"])
            p.append(f"<h3>{E(sname)} &mdash; {E(key)} ({n} accesses)</h3>")
            p.append(heatmap(["load", "store"], list(range(len(ent["load"]))),
                             lambda r, c, ent=ent: ent[r][c], title=f"{sname} {key}", cell=22))

    p.append("<h2>Branches taken / not taken</h2>")
    br = sorted(cov["branches"].items())
    cnt = lambda v: str(int(v))  # noqa: E731
    p.append(bars([(k, [v["taken"], v["not_taken"]]) for k, v in br],
                  [("taken", cnt), ("not taken", cnt)], title="branches")
             if br else "<p class=note>no conditional branches executed</p>")

    p.append("<h2>Loop iterations</h2><p class=note>Iterations per loop execution "
             "(backward conditional branches).</p>")
    lp = sorted(cov["loops"].items(), key=lambda kv: _iters_key(kv[0]))
    p.append(bars([(k, [v]) for k, v in lp], [("loop executions", cnt)], title="loops")
             if lp else "<p class=note>no loops executed</p>")

    p.append("<h2>Immediate values</h2>")
    imm_re = sorted({r for lay in cov["layouts"].values() for r in lay["imm_hist_opcodes"]})
    imms = cov["immediates"]
    if imm_re:
        pick = [n for n in sorted(imms) if any(re.fullmatch(r, n) for r in imm_re)]
        p.append(f"<p class=note>Opcodes of the layouts' imm-hist: {E(', '.join(imm_re))}</p>")
    else:
        pick = sorted(imms)
        p.append("<p class=note>No layout has an imm-hist; all opcodes with an immediate. "
                 "Buckets: |value| in [2^k, 2^(k+1)).</p>")
    for n in pick[:40]:
        items = sorted(imms[n].items(), key=lambda kv: _bucket_key(kv[0]))
        p.append(f"<h3>{E(n)}</h3>" + bars([(k, [v]) for k, v in items], [("count", cnt)],
                                             bar_h=10, title=n))

    p.append("<h2>RVV configurations (SEW &times; LMUL &times; VL)</h2>")
    rv = sorted(cov["rvv"].items())
    p.append("<p class=note>The model's vtype and vl after every executed vsetvli, "
             "vsetivli and vsetvl.</p>")
    p.append(bars([(k, [v]) for k, v in rv], [("VSET* executed", cnt)], title="rvv")
             if rv else "<p class=note>no VSET* executed</p>")
    p.append("</body></html>\n")
    return "\n".join(p)
