#!/usr/bin/env python3
"""Every command the README, the examples' READMEs and docs/*.md show runs (keep them true).

Runs each `build/bin/...` command of each ```sh block, joined across backslash continuations,
in a fresh folder where config/ and build/bin stand for the repository's and examples/ is a copy
of it, so files the commands write (-o, --save) land there. A `cd DIR` line moves the block's
later commands into DIR (`../../build/bin/...` from examples/NAME). A command must start and finish with exit 0 or 1 (1: findings, as
the READMEs say where they show one); 2 (could not run) or 127 (not found) fails the test.
Usage: readme_commands.py BIN_DIR
"""
import os, re, shutil, subprocess, sys, tempfile

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bindir = os.path.abspath(sys.argv[1])
readmes = [os.path.join(root, "README.md")]
for d in sorted(os.listdir(os.path.join(root, "examples"))):
    p = os.path.join(root, "examples", d, "README.md")
    if os.path.exists(p):
        readmes.append(p)
readmes += [os.path.join(root, "docs", f) for f in sorted(os.listdir(os.path.join(root, "docs")))
            if f.endswith(".md")]

failures, count = [], 0
with tempfile.TemporaryDirectory() as tmp:
    for name in ("config", "tests"):
        os.symlink(os.path.join(root, name), os.path.join(tmp, name))
    shutil.copytree(os.path.join(root, "examples"), os.path.join(tmp, "examples"), symlinks=True)
    os.makedirs(os.path.join(tmp, "build"))
    os.symlink(bindir, os.path.join(tmp, "build", "bin"))
    for readme in readmes:
        text = open(readme, encoding="utf-8").read()
        for block in re.findall(r"```sh\n(.*?)```", text, re.S):
            cwd = tmp
            for cmd in re.sub(r"\\\n\s*", " ", block).split("\n"):
                cmd = re.sub(r"\s+#.*$", "", cmd).strip()
                if cmd.startswith("cd "):
                    cwd = os.path.normpath(os.path.join(cwd, cmd[3:].strip()))
                    continue
                if not re.match(r"(\.\./)*build/bin/", cmd):
                    continue
                count += 1
                r = subprocess.run(["bash", "-c", cmd], cwd=cwd, capture_output=True, text=True,
                                   timeout=120)
                if r.returncode not in (0, 1):
                    failures.append(f"{os.path.relpath(readme, root)}: exit {r.returncode}: {cmd}\n"
                                    f"{r.stderr[-2000:]}")
for f in failures:
    print(f, file=sys.stderr)
print(f"{count} README commands run, {len(failures)} failed")
sys.exit(1 if failures or count == 0 else 0)
