#!/usr/bin/env python3
"""The HTML month-end statement of examples/bnssg-children at P06 (SPEC §5 --format html).

It must be one self-contained, well-formed file: parsed by libxml2 as XML (xmllint --noout, the
strict parser: every tag closed, every entity known); no reference outside it
(no http:, no //host, no src= or href= to a file, no <script>); every figure of the text statement
on it; a scheme name with <script> and & escaped. Then headless Chromium renders it to a PNG that
must not be blank: several distinct colours, the RAG colours of the chart among them.

Usage: html_statement.py BIN_DIR [PNG_OUT]. Exit 77 (skipped, with the reason on stderr) only
when chromium is not installed or cannot start at all; any other failure fails.
"""
import os
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
EX = os.path.join(ROOT, "examples", "bnssg-children")
SKIP = 77


def fail(msg):
    print(f"html_statement: FAIL: {msg}", file=sys.stderr)
    sys.exit(1)


def recon(bin_dir, agreement, fmt, out=None, extra=()):
    cmd = [os.path.join(bin_dir, "pool-recon"), agreement, "--period", "P06", *extra,
           "--profile", os.path.join(ROOT, "config/ledger-profiles/icb-oracle.toml"),
           "--profile", os.path.join(ROOT, "config/ledger-profiles/bristol-agresso.toml"),
           "--profile", "default", "--profile", "default"]
    cmd += [os.path.join(EX, "ledgers-2025-26", f) for f in
            ("icb.csv", "bristol.csv", "nsomerset.csv", "sglos.csv")]
    cmd += ["--cash", os.path.join(EX, "cash.csv")]
    if fmt:
        cmd += ["--format", fmt]
    if out:
        cmd += ["-o", out]
    r = subprocess.run(cmd, capture_output=True, text=True)
    if r.returncode not in (0, 1):
        fail(f"pool-recon --format {fmt} exited {r.returncode}: {r.stderr}")
    return r.stdout


def xmllint(path, *args):
    r = subprocess.run(["xmllint", "--noout", *args, path], capture_output=True, text=True)
    if r.returncode != 0 or r.stderr.strip():
        fail(f"xmllint {' '.join(args)} {os.path.basename(path)}: {r.stderr.strip()}")


def png_colours(path):
    """The distinct RGB colours of an 8-bit RGB or RGBA PNG (Chromium's screenshots)."""
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        fail("the screenshot is not a PNG")
    pos, idat, w = 8, b"", 0
    while pos < len(data):
        n, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + n]
        if kind == b"IHDR":
            w, h, depth, ctype = struct.unpack(">IIBB", body[:10])
            if depth != 8 or ctype not in (2, 6):
                fail(f"unexpected PNG form (depth {depth}, colour type {ctype})")
            bpp = 3 if ctype == 2 else 4
        elif kind == b"IDAT":
            idat += body
        pos += 12 + n
    raw = zlib.decompress(idat)
    stride = w * bpp
    prev = bytearray(stride)
    colours = {}
    for y in range(h):
        f = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if f == 1:
                line[i] = (line[i] + a) & 255
            elif f == 2:
                line[i] = (line[i] + b) & 255
            elif f == 3:
                line[i] = (line[i] + (a + b) // 2) & 255
            elif f == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
        for x in range(0, stride, bpp):
            rgb = bytes(line[x:x + 3])
            colours[rgb] = colours.get(rgb, 0) + 1
        prev = line
    return colours


def main():
    if len(sys.argv) < 2:
        print(__doc__, file=sys.stderr)
        return 2
    bin_dir = sys.argv[1]
    png_out = sys.argv[2] if len(sys.argv) > 2 else None
    if not shutil.which("xmllint"):
        fail("xmllint (Debian's libxml2-utils) is not installed: run scripts/setup")
    tmp = tempfile.mkdtemp(prefix="poolkit-html-")
    try:
        agreement = os.path.join(EX, "agreement.toml")
        text = recon(bin_dir, agreement, "text")
        html_path = os.path.join(tmp, "recon.html")
        recon(bin_dir, agreement, None, html_path)  # the format from the name (-o recon.html)
        html = open(html_path, encoding="utf-8").read()

        # Well-formed: libxml2's XML parser, the strict one (every element closed, every
        # attribute quoted, no unknown entity). Its HTML parser knows only HTML 4's elements.
        xmllint(html_path)

        # Self-contained: nothing outside the file, nothing to run.
        without_ns = re.sub(r'xmlns="http://www\.w3\.org/[^"]*"', "", html)
        for bad in ("http:", "https:", "<script", "src=", "href=", "url(", "@import"):
            if bad in without_ns.lower():
                fail(f"the HTML holds {bad!r}: a reference outside the file or a script")
        if re.search(r'(?<![:"/])//[a-z]', without_ns):
            fail("the HTML holds a protocol-relative // reference")
        for need in ("@media print", "size: A4 landscape", "<svg"):
            if need not in html:
                fail(f"the HTML lacks {need!r}")

        # Every figure of the text statement is on the page (amounts, percentages, counts),
        # and the inputs' full SHA-256 with their names.
        figures = set(re.findall(r"\(?-?[0-9][0-9,]*\.[0-9]{2}\)?%?", text))
        missing = sorted(f for f in figures if f not in html)
        if missing:
            fail(f"figures of the text statement not on the HTML page: {missing[:10]}")
        for name in ("icb.csv", "bristol.csv", "nsomerset.csv", "sglos.csv", "cash.csv"):
            if name not in html:
                fail(f"the inputs footer lacks {name}")
        if not re.search(r"<code>[0-9a-f]{64}</code>", html):
            fail("the inputs footer lacks the full SHA-256 of the inputs")
        # The schemes over forecast are marked red or amber in the table.
        if 'class="rag rag-red"' not in html and 'class="rag rag-amber"' not in html:
            fail("no scheme's RAG cell is coloured")

        # Text from the inputs is escaped: a scheme named with <script> and &.
        hostile = os.path.join(tmp, "agreement.toml")
        toml = open(agreement, encoding="utf-8").read()
        toml, n = re.subn(r'(\[\[scheme\]\][^\[]*?name = ")([^"]*)"',
                          r'\1<script>alert(1)</script> & \2"', toml, count=1)
        if n != 1:
            fail("could not rename a scheme of the example")
        open(hostile, "w", encoding="utf-8").write(toml)
        hostile_html = os.path.join(tmp, "hostile.html")
        recon(bin_dir, hostile, "html", hostile_html)
        h = open(hostile_html, encoding="utf-8").read()
        if "<script" in h:
            fail("a scheme name's <script> reached the HTML unescaped")
        if "&lt;script&gt;alert(1)&lt;/script&gt; &amp; " not in h:
            fail("the scheme name is not shown escaped")
        xmllint(hostile_html)

        # The months P01 to P06 (--monthly): their table and, under it, the chart of the pool's
        # budget and actual in each month, a point a month on each line.
        monthly_html = os.path.join(tmp, "monthly.html")
        recon(bin_dir, agreement, "html", monthly_html, ["--monthly"])
        m = open(monthly_html, encoding="utf-8").read()
        xmllint(monthly_html)
        chart = re.search(r'<svg[^>]*aria-label="The pool month by month, P01 to P06[^"]*"'
                          r'.*?</svg>', m, re.S)
        if not chart:
            fail("the --monthly statement lacks the chart of the months")
        if chart.group(0).count("<polyline") != 2 or chart.group(0).count("<circle") != 12:
            fail("the monthly chart lacks its two lines of six points (budget and actual)")
        if m.index("Month by month, P01 to P06") > chart.start():
            fail("the monthly chart is not under the months' table")

        # Rendered by headless Chromium to a PNG that is not blank.
        chromium = shutil.which("chromium") or shutil.which("chromium-browser")
        if not chromium:
            print("html_statement: SKIP: chromium is not installed (Debian's chromium; "
                  "scripts/setup installs it); the HTML checks above passed", file=sys.stderr)
            return SKIP
        png = os.path.join(tmp, "recon.png")
        cmd = [chromium, "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars",
               "--no-first-run", "--disable-extensions", f"--user-data-dir={tmp}/profile",
               "--window-size=1400,2600", f"--screenshot={png}", "file://" + html_path]
        try:
            r = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        except subprocess.TimeoutExpired:
            fail("chromium did not finish in 120 s")
        if not os.path.exists(png):
            probe = subprocess.run([chromium, "--version"], capture_output=True, text=True)
            if probe.returncode != 0:
                print(f"html_statement: SKIP: chromium cannot run here: {probe.stderr.strip()}",
                      file=sys.stderr)
                return SKIP
            fail(f"chromium wrote no screenshot (exit {r.returncode}): {r.stderr[-800:]}")
        colours = png_colours(png)
        if len(colours) < 8:
            fail(f"the screenshot is nearly blank: {len(colours)} colours")
        # The example's RAG bars (S01 over and three under budget are amber, S03 and S05 green)
        # and the actual lines' blue are drawn in their colours (chart_svg.cpp).
        for name, rgb in (("amber", (0xE6, 0x95, 0x00)), ("green", (0x2E, 0x7D, 0x32)),
                          ("blue", (0x1F, 0x5F, 0xA8))):
            if colours.get(bytes(rgb), 0) < 50:
                fail(f"the screenshot lacks the {name} of the charts")
        if png_out:
            shutil.copyfile(png, png_out)
        print(f"html_statement: ok: {len(figures)} figures on the page, {len(colours)} colours "
              "in the screenshot")
        return 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
