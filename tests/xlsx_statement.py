#!/usr/bin/env python3
"""Every statement for people as a workbook (--format xlsx), read back with openpyxl (Debian's
python3-openpyxl): every figure equals the JSON statement's to the penny (SPEC §5).

Workbooks: pool-recon for each kind of agreement (pooled with its months and cash register,
aligned, joint), and on examples/bnssg-children with --commitments, then October's with
--commitments, --adjust and --previous (September's JSON statement); pool-settle --memorandum,
pooled and joint (the transfers on their own sheet, row by row); both with 1,003 rejected
ledger lines (the first 1,000 on their sheet, each as pool-actuals reports it); pool-check (its
summary);
pool-shares; pool-cases; pool-check --explain. For each:
- the sheets are Summary, a sheet a table of the text statement (named after it), Inputs; the
  tables the options add (Commitments, Referrals, Adjustments, Movement) are there when given;
- each header row is bold and frozen (pane A2); amounts are numbers formatted
  #,##0.00;(#,##0.00), counts whole numbers; a RAG cell is filled in its colour; no cell is a
  formula; the document properties name the statement, the agreement and the period;
- the rows of the main tables are matched to the JSON statement's objects (schemes and the total,
  partners, invoices, commitments, adjustments, movement, months, cases, shares) and each amount
  compared rounded to the penny as a Decimal; then every other amount of every sheet is one of the
  JSON statement's amounts;
- the same run gives the same bytes; the Inputs sheet is the JSON statement's inputs.
Then: a scheme named "=HYPERLINK(...)" is a string, and an agreement title that starts like a
formula is a string prefixed with a quote; a workbook down a pipe is the bytes of -o FILE.
Usage: xlsx_statement.py BIN_DIR
"""
import io, json, os, re, subprocess, sys, tempfile
from decimal import Decimal, ROUND_HALF_EVEN
from fractions import Fraction

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
CHILDREN_RECON = [f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR]
MONEY_FORMAT = "#,##0.00;(#,##0.00)"
FILLS = {"green": "C6EFCE", "amber": "FFEB9C", "red": "FFC7CE"}
PENNY = Decimal("0.01")
failures = []
compared = 0  # figures compared with the JSON statement
workbooks = 0


def fail(msg):
    failures.append(msg)


def d2(value):
    """A figure rounded to the penny: a JSON amount string or a number read from a cell."""
    return Decimal(str(value)).quantize(PENNY, rounding=ROUND_HALF_EVEN)


def run(tool, args, out=None, ok=(0, 1)):
    cmd = [os.path.join(bindir, tool), *args]
    r = subprocess.run(cmd + (["-o", out] if out else []), cwd=root, capture_output=True)
    if r.returncode not in ok:
        raise SystemExit(f"{' '.join(cmd)}: exit {r.returncode}: {r.stderr.decode()}")
    return r.stdout


def workbook(where, tool, args):
    """The JSON statement and the workbook of one run (made twice: the same bytes)."""
    global workbooks
    doc = json.loads(run(tool, args + ["--format", "json"]))
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "statement.xlsx")
        run(tool, args, path)  # -o NAME.xlsx picks the format
        with open(path, "rb") as f:
            first = f.read()
        run(tool, args + ["--format", "xlsx"], path)
        with open(path, "rb") as f:
            if f.read() != first:
                fail(f"{where}: two runs gave different bytes")
    workbooks += 1
    return doc, openpyxl.load_workbook(io.BytesIO(first))


def table(ws):
    """The header and the rows down to the first blank row (notes stand below it)."""
    header = [c.value for c in ws[1]]
    rows = []
    for r in ws.iter_rows(min_row=2):
        if all(c.value is None for c in r):
            break
        rows.append(list(r))
    return header, rows


def same(where, cell, value):
    global compared
    compared += 1
    if cell.value is None or isinstance(cell.value, str):
        fail(f"{where}: sheet {cell.value!r}, JSON {value}")
    elif cell.number_format == MONEY_FORMAT:
        if d2(cell.value) != d2(value):
            fail(f"{where}: sheet {cell.value!r}, JSON {value}")
    elif cell.value != int(value):
        fail(f"{where}: sheet {cell.value!r}, JSON {value}")


def keyed(where, ws, columns, lookup, rows_expected=None):
    """Each row's object is lookup(first token of its first cell); each column of `columns`
    (sheet header -> JSON key) equals that object's figure."""
    header, rows = table(ws)
    for h in columns:
        if h not in header:
            fail(f"{where}: no column {h!r} in {header}")
    if rows_expected is not None and len(rows) != rows_expected:
        fail(f"{where}: {len(rows)} rows, expected {rows_expected}")
    for r in rows:
        key = str(r[0].value).split(" ")[0]
        obj = lookup(key)
        if obj is None and key == "Total" and r[0].font.b:
            continue  # a total the JSON statement has not: checked as the sum of the rows above
        if obj is None:
            fail(f"{where}: row {r[0].value!r} is not in the JSON statement")
            continue
        for h, k in columns.items():
            if h in header and k in obj:
                same(f"{where} {key} {h}", r[header.index(h)], obj[k])
    return header, rows


def by(objs, field="id", total=None):
    index = {o[field]: o for o in objs}
    return lambda key: total if key == "Total" and total is not None else index.get(key)


def json_amounts(node, out):
    if isinstance(node, dict):
        for v in node.values():
            json_amounts(v, out)
    elif isinstance(node, list):
        for v in node:
            json_amounts(v, out)
    elif isinstance(node, str) and re.fullmatch(r"-?\d+\.\d\d", node):
        out.add(d2(node))
    return out


def check_workbook(where, doc, wb, sheets, statement, figures=None):
    """What every workbook has: its sheets, formats, properties and inputs; every amount one of
    the JSON statement's."""
    global compared
    if wb.sheetnames[0] != "Summary" or wb.sheetnames[-1] != "Inputs":
        fail(f"{where}: sheets {wb.sheetnames}")
    for s in sheets:
        if s not in wb.sheetnames:
            fail(f"{where}: no sheet {s!r} in {wb.sheetnames}")
    for name in wb.sheetnames:
        ws = wb[name]
        if len(name) > 31 or re.search(r"[\[\]:*?/\\]", name):
            fail(f"{where}: sheet name {name!r}")
        if ws.freeze_panes != "A2":
            fail(f"{where} {name}: header row not frozen (pane {ws.freeze_panes})")
        if not all(c.font.b for c in ws[1] if c.value is not None):
            fail(f"{where} {name}: header row not bold")
        if ws.column_dimensions["A"].width is None:
            fail(f"{where} {name}: no column width")
        header = [c.value for c in ws[1]]
        for row in ws.iter_rows(min_row=2):
            for c in row:
                if c.data_type == "f":
                    fail(f"{where} {name} {c.coordinate}: a formula {c.value!r}")
                if isinstance(c.value, float) and c.number_format not in (
                        MONEY_FORMAT, "#,##0") and "%" not in c.number_format:
                    fail(f"{where} {name} {c.coordinate}: number format {c.number_format!r}")
                if name in ("Schemes", "Monthly") and c.column <= len(header) and header[
                        c.column - 1] == "RAG":
                    rating = str(c.value or "").split(" ")[0]
                    if rating in FILLS:
                        rgb = (c.fill.fgColor.rgb or "")[-6:]
                        if c.fill.fill_type != "solid" or rgb != FILLS[rating]:
                            fail(f"{where} {name} {c.coordinate}: RAG {c.value} filled "
                                 f"{c.fill.fill_type} {rgb}")
    props = wb.properties
    agreement = doc.get("agreement", {})
    if isinstance(agreement, str):  # poolkit.cases/1 names it by its id
        agreement = {"id": agreement}
    if statement not in (props.title or "") or agreement.get("title", "") not in (
            props.title or "") or statement not in (props.subject or ""):
        fail(f"{where}: properties title {props.title!r} subject {props.subject!r}")
    if agreement.get("id") and props.keywords != agreement["id"]:
        fail(f"{where}: keywords {props.keywords!r}")
    # Every amount in the workbook is one of the statement's (the tables matched above figure
    # by figure; the rest at least to a figure the JSON has), or a total row's (bold) the sum of
    # the rows above it.
    amounts = json_amounts(figures or doc, set())
    for name in wb.sheetnames[:-1]:
        above = {}  # column: the sum of its amounts since the last total
        header = [c.value for c in wb[name][1]]
        for row in wb[name].iter_rows():
            left = Decimal(0)  # a Total column's: the sum of the amounts left of it
            for c in row:
                if c.number_format == MONEY_FORMAT and isinstance(c.value, (int, float)):
                    compared += 1
                    total = (c.font.b and d2(c.value) == above.get(c.column)) or (
                        header[c.column - 1] == "Total" and d2(c.value) == left)
                    left += d2(c.value)
                    if d2(c.value) not in amounts and not total:
                        fail(f"{where} {name} {c.coordinate}: {c.value!r} is no amount of the "
                             "JSON statement")
                    above[c.column] = Decimal(0) if c.font.b else (
                        above.get(c.column, Decimal(0)) + d2(c.value))
    header, rows = table(wb["Inputs"])
    if header != ["Input", "File", "SHA-256", "Bytes"] or [
            (r[0].value, r[1].value, r[2].value, r[3].value) for r in rows] != [
            (i["role"], i["path"], i["sha256"], i["bytes"]) for i in doc["inputs"]]:
        fail(f"{where} Inputs: not the JSON statement's inputs")


SCHEME_COLUMNS = {"Annual budget": "budget", "Budget to date": "budget_ytd",
                  "Actual to date": "actual_ytd", "Variance": "variance_ytd",
                  "Forecast outturn": "forecast_outturn",
                  "Forecast variance": "forecast_variance", "Movement": "forecast_movement"}
POOLED_PARTNERS = {"Contribution due": "contribution_due_ytd", "Received": "received_ytd",
                   "Direct spend": "direct_spend_ytd", "Reimbursed": "reimbursed_ytd",
                   "Position with host": "position", "Forecast risk share": "forecast_risk_share"}
JOINT_PARTNERS = {"Agreed contribution": "contribution", "Charge to date": "charge_to_date",
                  "Own spend": "own_spend_to_date", "Invoiced to date": "invoiced_to_date",
                  "This invoice": "invoice", "Paid": "paid", "Outstanding": "outstanding",
                  "Forecast charge for the year": "forecast_charge"}


def check_recon(where, args, sheets):
    doc, wb = workbook(where, "pool-recon", args)
    check_workbook(where, doc, wb, sheets, "Month-end reconciliation")
    # The tables of --commitments, --adjust and --previous only when they are given.
    for option in ("Commitments", "Referrals", "Adjustments", "Movement"):
        if option not in sheets and option in wb.sheetnames:
            fail(f"{where}: a sheet {option} without its option")
    schemes = by(doc["schemes"], total=doc["total"])
    _, rows = keyed(f"{where} Schemes", wb["Schemes"], SCHEME_COLUMNS, schemes,
                    len(doc["schemes"]) + 1)
    header = [c.value for c in wb["Schemes"][1]]
    for r in rows:
        obj = schemes(str(r[0].value).split(" ")[0]) or {}
        rag = r[header.index("RAG")].value
        if (str(rag).split(" ")[0] if rag else None) != obj.get("rag"):
            fail(f"{where} Schemes {r[0].value}: RAG {rag!r}, JSON {obj.get('rag')!r}")
    kind = doc["agreement"]["kind"]
    if kind in ("pooled", "joint"):
        keyed(f"{where} Partners", wb["Partners"],
              POOLED_PARTNERS if kind == "pooled" else JOINT_PARTNERS, by(doc["partners"]))
    if kind == "joint":
        keyed(f"{where} Invoices", wb["Invoices"],
              {"Charge to date": "charge_to_date", "Own spend credited": "own_spend_to_date",
               "Invoiced before": "invoiced_before", "Amount": "amount"},
              by(doc["invoices"], "partner"), len(doc["invoices"]))
    if "Monthly" in sheets:
        # The months in order, each its schemes and the total; the month named on each row.
        header, rows = table(wb["Monthly"])
        if len(rows) != sum(len(m["schemes"]) + 1 for m in doc["months"]):
            fail(f"{where} Monthly: {len(rows)} rows")
        months = iter(doc["months"])
        month, shown = None, None
        columns = {"Budget": "budget", "Actual": "actual", "Variance": "variance",
                   "Budget to date": "budget_ytd", "Actual to date": "actual_ytd",
                   "Variance to date": "variance_ytd", "Forecast variance": "forecast_variance"}
        for r in rows:
            if r[0].value != shown:
                month, shown = next(months, None), r[0].value
            if month is None:
                fail(f"{where} Monthly: more months than the JSON statement's")
                break
            key = str(r[1].value).split(" ")[0]
            obj = by(month["schemes"], total=month["total"])(key)
            if obj is None:
                fail(f"{where} Monthly {shown} {key}: not in the JSON statement")
                continue
            for h, k in columns.items():
                same(f"{where} Monthly {shown} {key} {h}", r[header.index(h)], obj[k])
            # Each month's rating, filled in its colour (checked above) as the Schemes table's.
            rag = r[header.index("RAG")].value
            if (str(rag).split(" ")[0] if rag else None) != obj.get("rag"):
                fail(f"{where} Monthly {shown} {key}: RAG {rag!r}, JSON {obj.get('rag')!r}")
            if rag and not r[header.index("RAG")].fill.fill_type:
                fail(f"{where} Monthly {shown} {key}: RAG {rag!r} not filled")
            # Each month's Total row is bold, and only it.
            if bool(r[2].font.b) != (key == "Total"):
                fail(f"{where} Monthly {shown} {key}: bold {r[2].font.b}")
    if "Commitments" in sheets:
        keyed(f"{where} Commitments", wb["Commitments"],
              {"Actual to date": "actual_ytd", "Committed": "committed",
               "Open-ended": "open_ended", "New starts": "allowance",
               "Forecast outturn": "forecast_outturn"},
              lambda key: None if key == "Total" else schemes(key),
              sum(1 for s in doc["schemes"] if s.get("forecast_method") == "commitments") + 1)
        keyed(f"{where} Referrals", wb["Referrals"], {"Cases": "cases", "Committed": "committed"},
              by(doc["referrals"], "partner", {}), None)
    if "Adjustments" in sheets:
        adjusted = by(doc["adjustments"], "scheme")
        total = sum(Decimal(a["amount"]) for a in doc["adjustments"])
        keyed(f"{where} Adjustments", wb["Adjustments"], {"Adjustment": "amount"},
              lambda key: {"amount": str(total)} if key == "Total" else adjusted(key),
              len(doc["adjustments"]) + 1)
    if "Movement" in sheets:
        keyed(f"{where} Movement", wb["Movement"],
              {"Reported": "previous_forecast_outturn", "Forecast outturn": "forecast_outturn",
               "Movement": "movement", "New cases": "movement_new",
               "Ended cases": "movement_ended", "Changed rates": "movement_rates",
               "Other": "movement_other"}, schemes, None)
    return doc, wb


check_recon("recon pooled", [f"{CHILDREN}/agreement.toml", "--period", "P04..P06", *PROFILES,
                             *YEAR, "--cash", f"{CHILDREN}/cash.csv"],
            ["Schemes", "Monthly", "Partners"])
check_recon("recon aligned", [f"{ALIGNED}/agreement.toml", "--period", "P06", "--profile",
                              "config/ledger-profiles/icb-oracle.toml", "--profile", "default",
                              f"{ALIGNED}/ledgers/icb.csv", f"{ALIGNED}/ledgers/nsomerset.csv"],
            ["Schemes", "Own budgets"])
check_recon("recon joint", [f"{JOINT}/agreement.toml", "--period", "P06",
                            f"{JOINT}/ledgers/sglos.csv", f"{JOINT}/ledgers/icb.csv"],
            ["Schemes", "Charges", "Partners", "Invoices"])
# SPEC §12 on the panel's month-end (examples/bnssg-children/README.md): September's forecast
# from commitments, then October's against it as reported, with the budget holder's adjustments.
with tempfile.TemporaryDirectory() as tmp:
    september = os.path.join(tmp, "recon-2025-09.json")
    sept_args = [*CHILDREN_RECON, "--period", "P06", "--commitments", f"{CHILDREN}/commitments.csv"]
    run("pool-recon", sept_args + ["--format", "json"], september)
    check_recon("recon commitments", sept_args, ["Schemes", "Commitments", "Referrals"])
    check_recon("recon previous", [*CHILDREN_RECON, "--period", "P07", "--commitments",
                                   f"{CHILDREN}/commitments-2025-10.csv", "--previous", september,
                                   "--adjust", f"{CHILDREN}/adjustments-2025-10.csv"],
                ["Schemes", "Commitments", "Referrals", "Adjustments", "Movement"])

# pool-settle --memorandum (SPEC §7).
doc, wb = workbook("settle", "pool-settle", [*CHILDREN_RECON, "--memorandum"])
check_workbook("settle", doc, wb, ["Schemes", "Partners", "Transfers", "Memorandum"],
               "Year-end settlement")
keyed("settle Schemes", wb["Schemes"],
      {"Budget": "budget", "Outturn": "outturn", "Variance": "variance"},
      by(doc["schemes"], total=doc.get("total")), None)
keyed("settle Partners", wb["Partners"],
      {"Contribution": "contribution", "Risk share": "risk_share", "Final share": "final_share",
       "Balance": "balance"}, by(doc["partners"]))


def check_transfers(where, doc, wb):
    """The transfers said in sentences on the Summary, and as figures on their own sheet: each
    row the JSON statement's transfer, in its order (SPEC §7)."""
    global compared
    summary = "\n".join(str(c.value) for row in wb["Summary"].iter_rows() for c in row if c.value)
    for t in doc["transfers"]:
        shown = f"£{Decimal(t['amount']):,.2f}"
        compared += 1
        if not re.search(rf"{t['from']}( \(host\))? pays {t['to']}( \(host\))? "
                         rf"{re.escape(shown)}", summary):
            fail(f"{where}: transfer {t} not in the Summary")
    header, rows = table(wb["Transfers"])
    if header != ["From", "To", "Amount"]:
        fail(f"{where} Transfers: header {header}")
    if len(rows) != len(doc["transfers"]):
        fail(f"{where} Transfers: {len(rows)} rows, JSON {len(doc['transfers'])} transfers")
    for r, t in zip(rows, doc["transfers"]):
        if (r[0].value, r[1].value) != (t["from"], t["to"]):
            fail(f"{where} Transfers: row {r[0].value} to {r[1].value}, JSON {t}")
        same(f"{where} Transfers {t['from']} {t['to']}", r[2], t["amount"])


if not doc["transfers"]:
    fail("settle: no transfers to compare (the example has changed)")
check_transfers("settle", doc, wb)

# A joint budget's settlement (SPEC §7 "Joint (no pool)"): the same sheets, its recharge
# statement in place of the memorandum account; with a cash register of the invoices paid (SPEC
# §10), so that a transfer is left to pay.
with tempfile.TemporaryDirectory() as tmp:
    cash = os.path.join(tmp, "cash.csv")
    with open(cash, "w", encoding="utf-8") as f:
        f.write("date,ref,partner,kind,amount,period\n"
                "2025-10-05,INV-Q2,ICB,invoice,900000.00,P06\n"
                "2026-01-05,INV-Q3,ICB,invoice,500000.00,P09\n"
                "2026-04-05,INV-Q4,ICB,invoice,500000.00,P12\n"
                "2025-10-30,PAY-Q2,ICB,payment,900000.00,\n"
                "2026-01-30,PAY-Q3,ICB,payment,500000.00,\n"
                "2026-04-20,SET-1,ICB,settlement,20000.00,\n")
    doc, wb = workbook("settle joint", "pool-settle", [f"{JOINT}/agreement.toml",
                                                       f"{JOINT}/ledgers/sglos.csv",
                                                       f"{JOINT}/ledgers/icb.csv", "--complete",
                                                       "--memorandum", "--cash", cash])
# The recharge statement subtracts what the other partners spent themselves (a positive figure
# in the JSON statement).
less = {"less": "-" + doc["recharge_statement"]["partners_expenditure"]}
check_workbook("settle joint", doc, wb, ["Schemes", "Charges", "Partners", "Transfers",
                                         "Recharge statement"], "Year-end settlement", [doc, less])
keyed("settle joint Partners", wb["Partners"], {"Balance": "balance"}, by(doc["partners"]))
if not doc["transfers"]:
    fail("settle joint: no transfers to compare (the register has changed)")
check_transfers("settle joint", doc, wb)

# Rejected ledger lines (SPEC §4, §8): the joint example's ledger with 1,003 bad lines after its
# own; the workbook's "Rejected lines" sheet is the first 1,000 of them, each the line pool-actuals
# reports (file, line, reason, amount), with a note of the 3 more and where they all are.
with tempfile.TemporaryDirectory() as tmp:
    ledger = os.path.join(tmp, "sglos-bad.csv")
    with open(os.path.join(root, JOINT, "ledgers", "sglos.csv"), encoding="utf-8") as f:
        good = f.read()
    with open(ledger, "w", encoding="utf-8") as f:
        f.write(good if good.endswith("\n") else good + "\n")
        f.write("2025-09-31,BAD0,SGLOS,E01,EQ100,No such day,12.345\n")  # no amount to read
        for i in range(1, 1003):
            f.write(f"2025-06-30,BAD{i},SGLOS,E99,EQ100,Unknown scheme,{i}.{i % 100:02d}\n")
    rejects = os.path.join(tmp, "rejects.csv")
    args = [f"{JOINT}/agreement.toml", "--period", "P06", ledger, f"{JOINT}/ledgers/icb.csv",
            "--rejects", rejects]
    actuals = json.loads(run("pool-actuals", ["--agreement", f"{JOINT}/agreement.toml", ledger,
                                              "--format", "json"]))
    doc, wb = workbook("recon rejects", "pool-recon", args)
    check_workbook("recon rejects", doc, wb, ["Schemes", "Invoices", "Rejected lines"],
                   "Month-end reconciliation", [doc, actuals])
    if doc["ledger"]["lines_rejected"] != 1003 or len(actuals["rejects"]) != 1000:
        fail(f"recon rejects: {doc['ledger']['lines_rejected']} rejected, pool-actuals lists "
             f"{len(actuals['rejects'])}")
    ws = wb["Rejected lines"]
    header, rows = table(ws)
    if header != ["File", "Line", "Reason", "Amount"] or len(rows) != 1000:
        fail(f"recon rejects: header {header}, {len(rows)} rows")
    for r, x in zip(rows, actuals["rejects"]):
        if (r[0].value, r[1].value, r[2].value) != (x["file"], x["line"], x["reason"]):
            fail(f"recon rejects: row {[c.value for c in r[:3]]}, pool-actuals {x}")
        if x["amount"] is None:
            if r[3].value is not None:
                fail(f"recon rejects line {x['line']}: amount {r[3].value!r}, none read")
        else:
            same(f"recon rejects line {x['line']} Amount", r[3], x["amount"])
    note = ws.cell(row=len(rows) + 3, column=1).value
    if note != f"The first 1,000 of 1,003 rejected lines; 3 more not shown: all of them are in " \
               f"{rejects}.":
        fail(f"recon rejects: note {note!r}")
    # The same sheet in the year-end settlement.
    doc, wb = workbook("settle rejects", "pool-settle", [*args[:1], *args[3:], "--complete"])
    check_workbook("settle rejects", doc, wb, ["Transfers", "Rejected lines"],
                   "Year-end settlement", [doc, actuals])
    if len(table(wb["Rejected lines"])[1]) != 1000:
        fail("settle rejects: not 1,000 rows")

# pool-shares (SPEC §5): each partner's contribution and share, each scheme's budget.
doc, wb = workbook("shares", "pool-shares", [f"{CHILDREN}/agreement.toml"])
check_workbook("shares", doc, wb, ["Partners", "Schemes", "Payment schedule"],
               "Contribution shares")
keyed("shares Partners", wb["Partners"], {"Contribution": "contribution"},
      by(doc["partners"], total={"contribution": str(sum(Decimal(p["contribution"])
                                                          for p in doc["partners"]))}), None)
header, rows = table(wb["Partners"])
share = next((h for h in header if h and "hare" in h), None)
for r in rows:
    obj = next((p for p in doc["partners"] if p["id"] == str(r[0].value).split(" ")[0]), None)
    if obj and share and "share" in obj:
        compared += 1
        # The share as a percentage: the double nearest the exact fraction ("71/155").
        if abs(Fraction(r[header.index(share)].value) - Fraction(obj["share"])) > Fraction(
                1, 10**12):
            fail(f"shares Partners {obj['id']}: share {r[header.index(share)].value!r}, JSON "
                 f"{obj['share']}")

# pool-cases (SPEC §12): each case's committed cost, by placement type and referring partner.
doc, wb = workbook("cases", "pool-cases", [f"{CHILDREN}/agreement.toml", "--commitments",
                                           f"{CHILDREN}/commitments.csv", "--period", "P06"])
check_workbook("cases", doc, wb, ["Cases", "Placement types", "Referring partners"],
               "Panel cases")
keyed("cases Cases", wb["Cases"], {"Weekly cost": "weekly_cost", "Committed": "committed"},
      by(doc["cases"], "case", {"committed": doc["committed"]}), None)
keyed("cases Placement types", wb["Placement types"],
      {"Cases": "cases", "Average weekly cost": "average_weekly_cost", "Committed": "committed"},
      by(doc["types"], "type"), len(doc["types"]))
keyed("cases Referring partners", wb["Referring partners"],
      {"Cases": "cases", "Committed": "committed"}, by(doc["partners"]), len(doc["partners"]))

# pool-check --explain (SPEC §3): the terms in words, its tables as sheets. Its JSON (the
# findings) has no figures: the amounts are the agreement's, as pool-shares gives them.
shares = json.loads(run("pool-shares", [f"{CHILDREN}/agreement.toml", "--format", "json"]))
doc, wb = workbook("explain", "pool-check", [f"{CHILDREN}/agreement.toml", "--explain"])
check_workbook("explain", doc, wb, [], "Agreement explained", shares)
if not any("plain English" in str(c.value) for row in wb["Summary"].iter_rows() for c in row):
    fail("explain: the terms are not on the Summary sheet")
# pool-check's summary (SPEC §5): its tables as sheets, each figure pool-shares's.
doc, wb = workbook("check", "pool-check", [f"{CHILDREN}/agreement.toml"])
check_workbook("check", doc, wb, ["Partners", "Schemes", "Payment schedule"], "Agreement summary",
               shares)
keyed("check Partners", wb["Partners"], {"Contribution": "contribution"},
      by(shares["partners"], total={"contribution": str(sum(Decimal(p["contribution"])
                                                            for p in shares["partners"]))}), None)
keyed("check Schemes", wb["Schemes"], {"Budget": "budget"},
      by(shares["schemes"], total={"budget": str(sum(Decimal(s["budget"])
                                                     for s in shares["schemes"]))}), None)

# Text that a spreadsheet would take for a formula stays text (SPEC §8).
with tempfile.TemporaryDirectory() as tmp:
    with open(os.path.join(root, JOINT, "agreement.toml"), encoding="utf-8") as f:
        text = f.read()
    first = text.index('name = "', text.index("[[scheme]]"))
    end = text.index('"', first + len('name = "'))
    hostile = text[:first] + 'name = "=HYPERLINK(\\"http://example.invalid\\",\\"x\\")' + text[end:]
    title = text.index('title = "')
    hostile = hostile[:title] + 'title = "=1+2 ' + hostile[title + len('title = "'):]
    agreement = os.path.join(tmp, "agreement.toml")
    with open(agreement, "w", encoding="utf-8") as f:
        f.write(hostile)
    out = os.path.join(tmp, "hostile.xlsx")
    args = [agreement, "--period", "P06", os.path.join(root, JOINT, "ledgers", "sglos.csv")]
    run("pool-recon", args + ["--format", "xlsx"], out)
    # Down a pipe, standard output is allowed (not a terminal).
    piped = run("pool-recon", args + ["--format", "xlsx"])
    with open(out, "rb") as f:
        if f.read() != piped:
            fail("xlsx down a pipe differs from -o FILE")
    wb = openpyxl.load_workbook(out)
    header, rows = table(wb["Schemes"])
    name = rows[0][0]
    if name.data_type != "s" or "=HYPERLINK(" not in str(name.value):
        fail(f"hostile name: {name.data_type} {name.value!r}")
    head = wb["Summary"]["A1"]
    if head.data_type != "s" or not str(head.value).startswith("'=1+2 "):
        fail(f"hostile title: {head.data_type} {head.value!r}")
    for ws in wb.worksheets:
        for row in ws.iter_rows():
            for c in row:
                if c.data_type == "f" or (isinstance(c.value, str) and c.value[:1] in "=+-@"):
                    fail(f"hostile {ws.title} {c.coordinate}: {c.data_type} {c.value!r}")

if compared < 1500:
    fail(f"only {compared} figures compared: the sheets and the JSON no longer match up")
for f in failures:
    print(f, file=sys.stderr)
print(f"xlsx_statement: {workbooks + 1} workbooks, {compared} figures compared, "
      f"{len(failures)} failures")
sys.exit(1 if failures else 0)
