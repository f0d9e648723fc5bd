"""Just enough of a layout file for campaigns: the histogram (the opcode mix
asked for), the sections (memory heat maps) and whether the layout names a
model plugin.  The standard library has no YAML parser, and the keys read here
are written in the flat styles the manual uses:
    histogram:
      - [ADD, 1.0]
    sections:
      - name: 1
        VMA: 0x10000
        SIZE: 0x10000
"""
import re

HIST_ENTRY = re.compile(r"^(\s*)-\s*\[\s*([A-Za-z0-9_.]+)\s*,\s*([0-9.eE+-]+)\s*\]")
TOP_KEY = re.compile(r"^([A-Za-z][\w-]*)\s*:")


def _blocks(text):
    """Top-level key -> list of (line index, line) in its block."""
    blocks, key = {}, None
    for i, line in enumerate(text.splitlines()):
        m = TOP_KEY.match(line)
        if m:
            key = m.group(1)
            blocks.setdefault(key, [])
            continue
        if key is not None:
            blocks[key].append((i, line))
    return blocks


def histogram(text):
    """[(NAME, weight)] in file order."""
    out = []
    for _, line in _blocks(text).get("histogram", []):
        m = HIST_ENTRY.match(line)
        if m:
            out.append((m.group(2), float(m.group(3))))
    return out


def sections(text):
    """[{'name', 'vma', 'size'}] of the layout's sections."""
    out, cur = [], None
    for _, line in _blocks(text).get("sections", []):
        s = line.strip()
        if s.startswith("- "):
            cur = {}
            out.append(cur)
            s = s[2:].strip()
        m = re.match(r"([A-Za-z]+)\s*:\s*['\"]?([^'\"#]*)", s)
        if m and cur is not None:
            cur[m.group(1).lower()] = m.group(2).strip()
    res = []
    for sec in out:
        try:
            res.append({"name": sec.get("name", "?"), "vma": int(sec["vma"], 0),
                        "size": int(sec["size"], 0)})
        except (KeyError, ValueError):
            continue
    return res


def names_option(text, name):
    return re.search(r"^\s+" + re.escape(name) + r"\s*:", text, re.M) is not None


def names_model_plugin(text):
    return names_option(text, "model-plugin")


def model_is_none(text):
    return re.search(r"^\s+model-plugin\s*:\s*['\"]?None", text, re.M) is not None


def imm_hist_opcodes(text):
    """Opcode regexes of an imm-hist key (the buckets are reported for the
    opcodes they match)."""
    out = []
    for _, line in _blocks(text).get("imm-hist", []):
        m = re.match(r'^\s*-\s*"([^"]+)"\s*:', line)
        if m:
            out.append(m.group(1))
    return out


def with_histogram(text, entries):
    """The layout text with its histogram replaced by entries [(NAME, w)]."""
    lines = text.splitlines()
    block = _blocks(text).get("histogram", [])
    idx = [i for i, line in block if HIST_ENTRY.match(line)]
    if not idx:
        raise ValueError("the layout has no '- [NAME, weight]' histogram entries")
    indent = HIST_ENTRY.match(lines[idx[0]]).group(1)
    new = [f"{indent}- [{n}, {w!r}]" for n, w in entries]
    drop = set(idx)
    out = []
    for i, line in enumerate(lines):
        if i == idx[0]:
            out.extend(new)
        if i not in drop:
            out.append(line)
    return "\n".join(out) + "\n"


def without_model(text):
    """The layout text with its model-plugin (or plugin-model) option set to
    None and without cosim-model-plugins: snipgen then writes the snippet
    without running it (the program does not depend on the models that run
    it)."""
    text = re.sub(r"^(\s+)(model-plugin|plugin-model)(\s*:\s*).*$", r"\1\2\3None", text, flags=re.M)
    # Secondary models need a primary one: drop cosim-model-plugins (and the
    # "- lib.so" lines of its block form).
    out, indent = [], None
    for line in text.splitlines():
        m = re.match(r"^(\s+)cosim-model-plugins\s*:", line)
        if m:
            indent = len(m.group(1))
            continue
        if indent is not None and re.match(r"^\s*-", line) and len(line) - len(line.lstrip()) >= indent:
            continue
        indent = None
        out.append(line)
    return "\n".join(out) + "\n"
