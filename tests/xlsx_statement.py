#!/usr/bin/env python3
"""pool-recon --format xlsx read back with openpyxl (Debian's python3-openpyxl): every figure of
every sheet equals the JSON statement's to the penny (SPEC §5).

For the examples of each kind of agreement (pooled with its months and cash register, aligned,
joint): the workbook has the sheets the statement has, in order; each header row is frozen (pane
A2) and bold; amounts are numbers formatted #,##0.00;(#,##0.00), counts whole numbers; a RAG
cell is filled in its colour; the document properties name the agreement and the period. Each
sheet's rows are matched to the JSON statement's objects (schemes and the total, partners,
invoices, aligned rows, months, the ledger block, the inputs) and each amount compared in pence.
Then: the same run gives the same bytes; a scheme named "=HYPERLINK(...)" is a string cell that
starts with a quote; --format xlsx onto standard output that is a pipe works.
Usage: xlsx_statement.py BIN_DIR
"""
import io, json, os, subprocess, sys, tempfile
from decimal import Decimal

try:
    import openpyxl
except ImportError:  # a Python of its own (pyenv) beside Debian's python3-openpyxl
    sys.path.append("/usr/lib/python3/dist-packages")
    import openpyxl

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
bindir = os.path.abspath(sys.argv[1])
CHILDREN = "examples/bnssg-children"
YEAR = [f"{CHILDREN}/ledgers-2025-26/{p}.csv" for p in ("icb", "bristol", "nsomerset", "sglos")]
PROFILES = ["--profile", "config/ledger-profiles/icb-oracle.toml",
            "--profile", "config/ledger-profiles/bristol-agresso.toml",
            "--profile", "default", "--profile", "default"]
ALIGNED = "examples/nsomerset-ld-aligned"
JOINT = "examples/sglos-equipment-joint"
RUNS = {
    "pooled": ([f"{CHILDREN}/agreement.toml", "--period", "P04..P06", *PROFILES, *YEAR,
                "--cash", f"{CHILDREN}/cash.csv"],
               ["Summary", "Schemes", "Partners", "Monthly", "Ledger", "Inputs"]),
    "aligned": ([f"{ALIGNED}/agreement.toml", "--period", "P06", "--profile",
                 "config/ledger-profiles/icb-oracle.toml", "--profile", "default",
                 f"{ALIGNED}/ledgers/icb.csv", f"{ALIGNED}/ledgers/nsomerset.csv"],
                ["Summary", "Schemes", "Aligned", "Ledger", "Inputs"]),
    "joint": ([f"{JOINT}/agreement.toml", "--period", "P06", f"{JOINT}/ledgers/sglos.csv",
               f"{JOINT}/ledgers/icb.csv"],
              ["Summary", "Schemes", "Partners", "Invoices", "Ledger", "Inputs"]),
}
MONEY_FORMAT = "#,##0.00;(#,##0.00)"
FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
failures = []
compared = 0  # amounts and counts compared with the JSON statement


def fail(msg):
    failures.append(msg)


def pence(value):
    return int((Decimal(value) * 100).to_integral_value())


def cell_pence(cell):
    # The double nearest pounds: ×100 and round is the exact pence (docs/formats.md).
    return int(round(cell.value * 100))


def run(args, out=None):
    cmd = [os.path.join(bindir, "pool-recon"), *args]
    r = subprocess.run(cmd + (["-o", out] if out else []), cwd=root, capture_output=True)
    if r.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def rows_of(ws):
    header = [c.value for c in ws[1]]
    return header, [list(r) for r in ws.iter_rows(min_row=2)]


def compare(where, header, cells, obj, keys=None):
    """Each numeric cell whose header is a key of obj equals obj's amount in pence."""
    global compared
    for name, cell in zip(header, cells):
        if keys is not None and name not in keys:
            continue
        key = keys[name] if keys else name
        if key not in obj or isinstance(cell.value, str) or cell.value is None:
            continue
        compared += 1
        if cell.number_format == MONEY_FORMAT:
            if cell_pence(cell) != pence(obj[key]):
                fail(f"{where} {name}: sheet {cell.value!r}, JSON {obj[key]}")
        elif cell.value != int(obj[key]):
            fail(f"{where} {name}: sheet {cell.value!r}, JSON {obj[key]}")


def check_formats(name, ws):
    if ws.freeze_panes != "A2":
        fail(f"{name}: header row not frozen (pane {ws.freeze_panes})")
    if not all(c.font.b for c in ws[1]):
        fail(f"{name}: header row not bold")
    header, rows = rows_of(ws)
    for r in rows:
        for h, c in zip(header, r):
            if isinstance(c.value, (int, float)) and h not in ("lines", "bytes"):
                if c.number_format != MONEY_FORMAT:
                    fail(f"{name} {h}: number format {c.number_format!r}")
            if h == "rag" and c.value in FILLS:
                rgb = (c.fill.fgColor.rgb or "")[-6:]
                if c.fill.fill_type != "solid" or rgb != FILLS[c.value]:
                    fail(f"{name}: RAG {c.value} filled {c.fill.fill_type} {rgb}")
        if ws.column_dimensions["A"].width is None:
            fail(f"{name}: no column width")


def check_kind(kind, args, sheets):
    doc = json.loads(run(args + ["--format", "json"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "recon.xlsx")
        run(args + ["--format", "xlsx"], path)
        with open(path, "rb") as f:
            first = f.read()
        run(args + ["--format", "xlsx"], path)
        with open(path, "rb") as f:
            if f.read() != first:
                fail(f"{kind}: two runs gave different bytes")
        wb = openpyxl.load_workbook(io.BytesIO(first))
    if wb.sheetnames != sheets:
        fail(f"{kind}: sheets {wb.sheetnames}, expected {sheets}")
    props = wb.properties
    agreement = doc["agreement"]
    if agreement["title"] not in (props.title or "") or "Month-end reconciliation" not in (
            props.subject or ""):
        fail(f"{kind}: properties title {props.title!r} subject {props.subject!r}")
    for name in wb.sheetnames:
        check_formats(f"{kind} {name}", wb[name])
    # Schemes and the total.
    header, rows = rows_of(wb["Schemes"])
    by_id = {s["id"]: s for s in doc["schemes"]}
    if len(rows) != len(by_id) + 1:
        fail(f"{kind} Schemes: {len(rows)} rows for {len(by_id)} schemes and the total")
    for r in rows:
        sid = r[header.index("scheme")].value
        obj = doc["total"] if sid == "Total" else by_id[sid]
        compare(f"{kind} Schemes {sid}", header, r, obj)
        rag = r[header.index("rag")].value
        if (rag or None) != obj.get("rag"):
            fail(f"{kind} Schemes {sid}: rag {rag!r}, JSON {obj.get('rag')!r}")
    if "Partners" in sheets:
        header, rows = rows_of(wb["Partners"])
        partners = {p["id"]: p for p in doc["partners"]}
        if len(rows) != len(partners):
            fail(f"{kind} Partners: {len(rows)} rows")
        for r in rows:
            pid = r[0].value
            compare(f"{kind} Partners {pid}", header, r, partners[pid])
    if "Invoices" in sheets:
        header, rows = rows_of(wb["Invoices"])
        invoices = {i["partner"]: i for i in doc["invoices"]}
        if len(rows) != len(invoices):
            fail(f"{kind} Invoices: {len(rows)} rows")
        for r in rows:
            compare(f"{kind} Invoices {r[0].value}", header, r, invoices[r[0].value])
    if "Aligned" in sheets:
        header, rows = rows_of(wb["Aligned"])
        seen = 0
        for r in rows:
            pid, sid = r[0].value, r[1].value
            partner = next(p for p in doc["partners"] if p["id"] == pid)
            obj = partner["total"] if sid == "Total" else next(
                s for s in partner["schemes"] if s["id"] == sid)
            compare(f"{kind} Aligned {pid} {sid}", header, r, obj)
            seen += 1
        if seen != sum(len(p["schemes"]) + 1 for p in doc["partners"] if p["schemes"]):
            fail(f"{kind} Aligned: {seen} rows")
    if "Monthly" in sheets:
        header, rows = rows_of(wb["Monthly"])
        months = {m["period"]: m for m in doc["months"]}
        if len(rows) != sum(len(m["schemes"]) + 1 for m in doc["months"]):
            fail(f"{kind} Monthly: {len(rows)} rows")
        for r in rows:
            m = months[r[0].value]
            sid = r[1].value
            obj = m["total"] if sid == "Total" else next(s for s in m["schemes"] if s["id"] == sid)
            compare(f"{kind} Monthly {r[0].value} {sid}", header, r, obj)
    # The ledger block: read, accepted, rejected, after the period.
    header, rows = rows_of(wb["Ledger"])
    ledger = doc["ledger"]
    names = {"read": "read", "accepted": "accepted", "rejected": "rejected",
             "accepted_after_period": "after_period"}
    for r in rows:
        measure = r[0].value
        if measure not in names:
            continue
        suffix = names[measure]
        compare(f"{kind} Ledger {measure}", header, r,
                {"lines": ledger[f"lines_{suffix}"], "amount": ledger[f"total_{suffix}"]})
    header, rows = rows_of(wb["Inputs"])
    if [(r[1].value, r[2].value, r[3].value) for r in rows] != [
            (i["path"], i["sha256"], i["bytes"]) for i in doc["inputs"]]:
        fail(f"{kind} Inputs: not the JSON statement's inputs")


for kind, (args, sheets) in RUNS.items():
    check_kind(kind, args, sheets)

# pool-settle --format xlsx (SPEC §7): schemes, partners and transfers against its JSON statement.
SETTLE = [f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR, "--memorandum"]
settle_sheets = ["Summary", "Schemes", "Partners", "Transfers", "Risk share steps", "Balances",
                 "Memorandum", "Notes", "Inputs"]
with tempfile.TemporaryDirectory() as tmp:
    path = os.path.join(tmp, "settle.xlsx")
    cmd = [os.path.join(bindir, "pool-settle"), *SETTLE]
    doc = json.loads(subprocess.run(cmd + ["--format", "json"], cwd=root, capture_output=True,
                                    check=True).stdout)
    subprocess.run(cmd + ["--format", "xlsx", "-o", path], cwd=root, check=True)
    wb = openpyxl.load_workbook(path)
    if wb.sheetnames != settle_sheets:
        fail(f"settle: sheets {wb.sheetnames}")
    for name in wb.sheetnames:
        check_formats(f"settle {name}", wb[name])
    for sheet, key, col in (("Schemes", "schemes", "scheme"), ("Partners", "partners", "partner")):
        header, rows = rows_of(wb[sheet])
        objs = {o["id"]: o for o in doc[key]}
        if len(rows) != len(objs):
            fail(f"settle {sheet}: {len(rows)} rows")
        for r in rows:
            compare(f"settle {sheet} {r[0].value}", header, r, objs[r[header.index(col)].value])
    header, rows = rows_of(wb["Transfers"])
    if [(r[0].value, r[1].value, cell_pence(r[2])) for r in rows] != [
            (t["from"], t["to"], pence(t["amount"])) for t in doc["transfers"]]:
        fail("settle Transfers: not the JSON statement's transfers")

# A name that a spreadsheet would take for a formula stays text (SPEC §8).
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(root, JOINT, "agreement.toml"), encoding="utf-8") as f:
        text = f.read()
    first = text.index('name = "', text.index("[[scheme]]"))
    end = text.index('"', first + len('name = "'))
    hostile = text[:first] + 'name = "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")' + text[end:]
    agreement = os.path.join(tmp, "agreement.toml")
    with open(agreement, "w", encoding="utf-8") as f:
        f.write(hostile)
    out = os.path.join(tmp, "hostile.xlsx")
    run([agreement, "--period", "P06", os.path.join(root, JOINT, "ledgers", "sglos.csv"),
         "--format", "xlsx"], out)
    # Down a pipe, standard output is allowed (not a terminal).
    piped = run([agreement, "--period", "P06", os.path.join(root, JOINT, "ledgers", "sglos.csv"),
                 "--format", "xlsx"])
    with open(out, "rb") as f:
        if f.read() != piped:
            fail("xlsx down a pipe differs from -o FILE")
    wb = openpyxl.load_workbook(out)
    ws = wb["Schemes"]
    header, rows = rows_of(ws)
    name = rows[0][header.index("name")]
    if name.data_type != "s" or not str(name.value).startswith("'=HYPERLINK("):
        fail(f"hostile name: {name.data_type} {name.value!r}")

if compared < 400:
    fail(f"only {compared} figures compared: the sheets and the JSON no longer match up")
for f in failures:
    print(f, file=sys.stderr)
print(f"xlsx_statement: {len(RUNS) + 1} workbooks, {compared} figures compared, "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
