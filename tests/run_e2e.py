#!/usr/bin/env python3
"""Run one end-to-end case file (in the manner of hledger's shelltests and LLVM's lit).

A case file holds its commands, their small inputs and what each must print:

    # what the case checks (comment lines start with '#')
    $ pool-check %T/missing-host.toml
    >>> file missing-host.toml
    [agreement]
    ...the input, line by line...
    >>> stdout
    ...exact expected standard output...
    >>> stderr
    ...exact expected standard error...
    >>> exit 1

- The command runs under bash from the repository root, with the built tools first on PATH.
  %S is the case file's directory (relative to the root), %T a fresh empty temporary directory.
  In the expected output, the temporary directory's path reads %T.
- `>>> file NAME` is an input: the lines up to the next `>>>` or `$` line are written, each with
  a newline, to %T/NAME before the command runs (NAME is relative, subdirectories are made; the
  text is taken as it stands, '#' lines and blank lines included, no %S or %T replaced). A file
  section after a `$` line is that command's; one before the first `$` line is written for every
  command of the case file. An input that must end without a newline, or hold CR or bytes that
  are not UTF-8, is written by the command itself (printf) or stays a file beside the case.
- A section that is left out is not checked; `>>> stdout contains` (or stderr) checks that each
  of its lines appears somewhere in the output instead of the whole output, and `>>> stdout in
  order` that each appears within an output line after the one where the line before it was
  found (so a JSON figure is checked under its own key: `"id": "S01"`, then its `"budget"`).
- A case may hold several commands; each `$` line starts a new one with its own sections.
- POOLKIT_UPDATE=1 rewrites the exact sections with what the tools print now (review the diff!).
"""
import argparse, contextlib, os, re, secrets, shutil, subprocess, sys, tempfile


def file_section(path, words):
    """A `>>> file NAME` section: NAME must stay inside %T."""
    if len(words) != 2 or os.path.isabs(words[1]) or ".." in words[1].split("/"):
        raise SystemExit(f"{path}: '>>> file' needs one relative NAME inside %T: {words}")
    return {"stream": "file", "name": words[1], "lines": []}


def parse(path):
    """The case file's lines, its commands, and the files written for every command."""
    cases, cur, section, pending, shared = [], None, None, [], []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    for line in lines:
        if line.startswith("$ "):
            # Comments just above a command belong to it (the file's head is kept separately).
            cur = {"cmd": line[2:], "sections": [], "comments": pending if cases else []}
            pending = []
            cases.append(cur)
            section = None
        elif line.startswith(">>> "):
            words = line[4:].split()
            if words[0] == "file":
                section = file_section(path, words)
                (cur["sections"] if cur else shared).append(section)
            elif cur is None:
                raise SystemExit(f"{path}: a '>>>' line before any '$' command")
            elif words[0] == "exit":
                cur["exit"] = int(words[1])
                section = None
            elif words[0] in ("stdout", "stderr"):
                mode = " ".join(words[1:]) or "exact"
                if mode not in ("exact", "contains", "in order"):
                    raise SystemExit(f"{path}: unknown section '{line}'")
                section = {"stream": words[0], "mode": mode, "lines": []}
                cur["sections"].append(section)
            else:
                raise SystemExit(f"{path}: unknown section '{line}'")
        elif section is not None:
            section["lines"].append(line)
        elif line.startswith("#") or not line.strip():
            pending.append(line)
        else:
            raise SystemExit(f"{path}: stray line outside a section: {line!r}")
    return lines, cases, shared


@contextlib.contextmanager
def temporary_directory():
    """A fresh directory whose own name is hex digits only: Markdown output escapes '_', which
    tempfile's random names may hold, and the path must still read %T there."""
    path = os.path.join(tempfile.gettempdir(), "tmp" + secrets.token_hex(4))  # as long as tempfile's
    os.mkdir(path, 0o700)
    try:
        yield path
    finally:
        shutil.rmtree(path, ignore_errors=True)


def as_read(data, tmp):
    """Output with the temporary directory's path, plain or Markdown-escaped, read as %T."""
    text = data.decode("utf-8", "replace").replace(tmp, "%T")
    return text.replace(tmp.replace("_", "\\_"), "%T")


def write_inputs(tmp, files):
    for sec in files:
        target = os.path.join(tmp, sec["name"])
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8", newline="") as f:
            f.write("".join(line + "\n" for line in sec["lines"]))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("case")
    args = ap.parse_args()
    root = os.getcwd()
    rel_dir = os.path.relpath(os.path.dirname(os.path.abspath(args.case)), root)
    _, cases, shared = parse(args.case)
    env = dict(os.environ, PATH=os.path.abspath(args.bin) + os.pathsep + os.environ["PATH"],
               LC_ALL="C.UTF-8", TZ="UTC", POOLKIT_SOURCE_DATE="2026-01-01")
    update = os.environ.get("POOLKIT_UPDATE") == "1"
    failures = []
    for case in cases:
        with temporary_directory() as tmp:
            write_inputs(tmp, shared + [s for s in case["sections"] if s["stream"] == "file"])
            cmd = case["cmd"].replace("%S", rel_dir).replace("%T", tmp)
            p = subprocess.run(["bash", "-c", cmd], capture_output=True, env=env, timeout=600)
            out = {stream: as_read(data, tmp) for stream, data in
                   (("stdout", p.stdout), ("stderr", p.stderr))}
        for sec in case["sections"]:
            if sec["stream"] == "file":
                continue
            got = out[sec["stream"]]
            if sec["mode"] == "in order":
                failures.extend(lacks_in_order(case["cmd"], sec, got))
            elif sec["mode"] == "contains":
                for want in sec["lines"]:
                    if want not in got:
                        failures.append(f"$ {case['cmd']}\n{sec['stream']} lacks: {want!r}\n"
                                        f"--- {sec['stream']} was:\n{got}")
            else:
                want = "\n".join(sec["lines"]) + ("\n" if sec["lines"] else "")
                if got != want:
                    if update:
                        sec["lines"] = got[:-1].split("\n") if got.endswith("\n") else (
                            got.split("\n") if got else [])
                        continue
                    import difflib
                    diff = "".join(difflib.unified_diff(want.splitlines(True), got.splitlines(True),
                                                        "expected", "actual"))
                    failures.append(f"$ {case['cmd']}\n{sec['stream']} differs:\n{diff}")
        if "exit" in case and p.returncode != case["exit"]:
            if update:
                case["exit"] = p.returncode
            else:
                failures.append(f"$ {case['cmd']}\nexit {p.returncode}, expected {case['exit']}\n"
                                f"--- stderr was:\n{out['stderr']}")
    if update:
        rewrite(args.case, cases)
    if failures:
        print("\n\n".join(failures))
        return 1
    return 0


def lacks_in_order(cmd, sec, got):
    """Each wanted line must be part of an output line after the one the previous wanted line
    was found in."""
    lines, at = got.split("\n"), 0
    for want in sec["lines"]:
        found = next((i for i in range(at, len(lines)) if want in lines[i]), None)
        if found is None:
            return [f"$ {cmd}\n{sec['stream']} lacks, after its line {at}: {want!r}\n"
                    f"--- {sec['stream']} was:\n{got}"]
        at = found + 1
    return []


def rewrite(path, cases):
    """Rewrite the case file keeping its comments, with each section's current content."""
    with open(path, encoding="utf-8") as f:
        head = []
        for line in f.read().split("\n"):
            if line.startswith("$ "):
                break
            head.append(line)
    out = list(head)  # verbatim: it may end in a shared input's blank line
    for case in cases:
        out.extend(case.get("comments", []))
        out.append(f"$ {case['cmd']}")
        for sec in case["sections"]:
            if sec["stream"] == "file":
                out.append(f">>> file {sec['name']}")
            else:
                mode = "" if sec["mode"] == "exact" else " " + sec["mode"]
                out.append(f">>> {sec['stream']}{mode}")
            out.extend(sec["lines"])
        if "exit" in case:
            out.append(f">>> exit {case['exit']}")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")


if __name__ == "__main__":
    sys.exit(main())
