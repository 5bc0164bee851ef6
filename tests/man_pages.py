#!/usr/bin/env python3
"""The man pages in docs/man agree with the tools and render cleanly.

For every tool in BIN_DIR (pool-*, poolkit) there is docs/man/TOOL.1, and for every page a tool, and:
- each long and short option that `TOOL --help` lists is an entry of the page's OPTIONS section,
  and each entry there is an option of --help (so a new, renamed or removed option fails here);
- each choice --help shows for an option ({text,csv,json}) is named in that option's entry;
- the page has NAME, SYNOPSIS, DESCRIPTION, OPTIONS, EXIT STATUS, FILES, EXAMPLES and SEE ALSO;
- each command of its EXAMPLES runs (exit 0 or 1), from a folder holding a copy of examples/ and
  config/, with BIN_DIR first on PATH.
Every page (poolkit-formats.5 too) renders without a single warning with groff -ww (every
warning: -wall leaves out the undefined-macro ones), and with man when it is installed.
Usage: man_pages.py BIN_DIR
"""
import os, re, shutil, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
man_dir = os.path.join(root, "docs", "man")
bindir = os.path.abspath(sys.argv[1])
failures = []

SECTIONS_1 = ["NAME", "SYNOPSIS", "DESCRIPTION", "OPTIONS", "EXIT STATUS", "FILES", "EXAMPLES",
              "SEE ALSO"]
SECTIONS_5 = ["NAME", "SYNOPSIS", "DESCRIPTION", "FILES", "EXAMPLES", "SEE ALSO"]


def help_options(tool):
    """{option: set of choices} for every option --help lists under Options:."""
    out = subprocess.run([os.path.join(bindir, tool), "--help"], capture_output=True, text=True,
                         check=True).stdout
    opts, in_options = {}, False
    for line in out.splitlines():
        if re.match(r"^\S.*:\s*$", line):
            in_options = line.startswith("Options")
            continue
        m = re.match(r"^\s{1,4}((?:-\w,)?--[\w-]+)(\s+\S+)?", line) if in_options else None
        if m:
            names = m.group(1).split(",")
            choices = set()
            c = re.search(r"\{([^}]*)\}", m.group(2) or "")
            if c:
                choices = set(c.group(1).split(","))
            for n in names:
                opts[n] = choices
    return opts


def sections(src):
    """{section name: its source lines}."""
    out, name = {}, None
    for line in src.splitlines():
        m = re.match(r'^\.SH\s+"?([^"]*)"?\s*$', line)
        if m:
            name = m.group(1).strip()
            out[name] = []
        elif name:
            out[name].append(line)
    return out


def plain(troff):
    """Roff source to the text it shows: enough for option names and words."""
    t = troff.replace("\\-", "-").replace("\\e", "\\").replace("\\&", "")
    t = re.sub(r"\\f[BIRP]|\\\(\w\w", "", t)
    t = re.sub(r"^\.\w+\s*", "", t, flags=re.M)
    return t.replace('"', "")


def man_options(lines):
    """{option: the text of its entry} for each .TP entry of OPTIONS (before any .SS)."""
    entries, i = {}, 0
    while i < len(lines):
        if lines[i].startswith(".SS"):
            break
        if lines[i].startswith(".TP") and i + 1 < len(lines):
            tag = plain(lines[i + 1])
            body = []
            j = i + 2
            while j < len(lines) and not lines[j].startswith((".TP", ".SS")):
                body.append(lines[j])
                j += 1
            text = tag + "\n" + plain("\n".join(body))
            for name in re.findall(r"(?<![\w-])(--?[\w][\w-]*)", tag):
                entries[name] = text
            i = j
        else:
            i += 1
    return entries


def examples(lines):
    """The commands of the .EX blocks, joined across backslash continuations."""
    cmds, block = [], None
    for line in lines:
        if line.startswith(".EX"):
            block = []
        elif line.startswith(".EE"):
            text = re.sub(r"\\\n\s*", " ", plain("\n".join(block)))
            cmds += [c.strip() for c in text.split("\n") if c.strip()]
            block = None
        elif block is not None:
            block.append(line)
    return cmds


def render_warnings(page):
    found = []
    if shutil.which("groff"):
        r = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z", page], capture_output=True,
                           text=True)
        if r.returncode or r.stderr.strip():
            found.append(f"groff: {r.stderr.strip() or 'exit ' + str(r.returncode)}")
    else:
        found.append("groff is not installed (scripts/setup installs groff-base)")
    if shutil.which("man"):
        env = dict(os.environ, MANWIDTH="80", MAN_KEEP_FORMATTING="0")
        r = subprocess.run(["man", "--warnings=w", "-l", "-Tutf8", page], capture_output=True,
                           text=True, env=env)
        if r.returncode or r.stderr.strip():
            found.append(f"man: {r.stderr.strip() or 'exit ' + str(r.returncode)}")
    return found


tools = sorted(t for t in os.listdir(bindir) if t.startswith("pool-") or t == "poolkit")
pages = sorted(p for p in os.listdir(man_dir) if re.search(r"\.[1-8]$", p))
for tool in tools:
    if f"{tool}.1" not in pages:
        failures.append(f"{tool}: no man page docs/man/{tool}.1")
for page in pages:
    if page.endswith(".1") and page[:-2] not in tools:
        failures.append(f"docs/man/{page}: no tool {page[:-2]} in {bindir}")

with tempfile.TemporaryDirectory() as tmp:
    for name in ("examples", "config"):
        shutil.copytree(os.path.join(root, name), os.path.join(tmp, name))
    env = dict(os.environ, PATH=bindir + os.pathsep + os.environ.get("PATH", ""))
    count = 0
    for page in pages:
        path = os.path.join(man_dir, page)
        src = open(path, encoding="utf-8").read()
        secs = sections(src)
        needed = SECTIONS_1 if page.endswith(".1") else SECTIONS_5
        for s in needed:
            if s not in secs:
                failures.append(f"docs/man/{page}: no {s} section")
        for w in render_warnings(path):
            failures.append(f"docs/man/{page}: does not render cleanly: {w}")
        tool = page[:-2]
        if page.endswith(".1") and tool in tools and "OPTIONS" in secs:
            in_help = help_options(tool)
            in_man = man_options(secs["OPTIONS"])
            for opt in sorted(set(in_help) - set(in_man)):
                failures.append(f"docs/man/{page}: {tool} --help has {opt}, OPTIONS does not")
            for opt in sorted(set(in_man) - set(in_help)):
                failures.append(f"docs/man/{page}: OPTIONS has {opt}, {tool} --help does not")
            for opt, choices in in_help.items():
                for c in sorted(choices):
                    if opt in in_man and not re.search(rf"(?<![\w-]){re.escape(c)}(?![\w-])",
                                                       in_man[opt]):
                        failures.append(f"docs/man/{page}: {opt} takes {c} (--help), its entry "
                                        f"does not say so")
        for cmd in examples(secs.get("EXAMPLES", [])):
            count += 1
            r = subprocess.run(["bash", "-c", cmd], cwd=tmp, env=env, capture_output=True,
                               text=True, timeout=120)
            if r.returncode not in (0, 1):
                failures.append(f"docs/man/{page}: example exits {r.returncode}: {cmd}\n"
                                f"{r.stderr[-1500:]}")

for f in failures:
    print(f, file=sys.stderr)
print(f"{len(pages)} man pages, {len(tools)} tools, {count} examples run, {len(failures)} problems")
sys.exit(1 if failures or not pages or not tools else 0)
