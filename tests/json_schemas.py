#!/usr/bin/env python3
"""Every JSON statement the tools write on examples/ is valid against its docs/schemas file.

Runs each tool with --format json on the examples (every kind of agreement, with and without the
options that add parts to a document), picks the schema from the document's own "schema" field
(poolkit.recon/2 -> docs/schemas/recon.schema.json), and validates it (JSON Schema 2020-12).
Then, so that a schema that accepts anything cannot pass: each document with one required field
removed, and with one field of its first partner (or scheme) row renamed, must be rejected.
Every schema file must be used by at least one document.
Usage: json_schemas.py BIN_DIR
"""
import copy, json, os, re, subprocess, sys, tempfile

import jsonschema

root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
schema_dir = os.path.join(root, "docs", "schemas")
bindir = os.path.abspath(sys.argv[1])

CHILDREN = "examples/bnssg-children"
YEAR = [f"{CHILDREN}/ledgers-2025-26/{p}.csv" for p in ("icb", "bristol", "nsomerset", "sglos")]
HALF = [f"{CHILDREN}/ledgers/{p}.csv" for p in ("icb", "bristol", "nsomerset", "sglos")]
PROFILES = ["--profile", "config/ledger-profiles/icb-oracle.toml",
            "--profile", "config/ledger-profiles/bristol-agresso.toml",
            "--profile", "default", "--profile", "default"]
ALIGNED = "examples/nsomerset-ld-aligned"
ALIGNED_LEDGERS = ["--profile", "config/ledger-profiles/icb-oracle.toml", "--profile", "default",
                   f"{ALIGNED}/ledgers/icb.csv", f"{ALIGNED}/ledgers/nsomerset.csv"]
JOINT = "examples/sglos-equipment-joint"
JOINT_LEDGERS = [f"{JOINT}/ledgers/sglos.csv", f"{JOINT}/ledgers/icb.csv"]

RUNS = [["pool-check", f"examples/{e}/agreement.toml"] for e in
        ("bnssg-children", "bnssg-bcf", "nsomerset-ld-aligned", "sglos-equipment-joint")]
RUNS += [["pool-check", "--explain", f"{CHILDREN}/agreement.toml"],
         ["pool-check", "--explain", "pooled-template.toml"],
         ["pool-check", "config/templates/pooled.toml"],
         ["pool-check", "invalid.toml"]]
RUNS += [["pool-shares", f"examples/{e}/agreement.toml"] for e in
         ("bnssg-children", "bnssg-bcf", "nsomerset-ld-aligned", "sglos-equipment-joint")]
RUNS += [["pool-actuals", *PROFILES, *HALF],
         ["pool-actuals", "--agreement", f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR],
         ["pool-actuals", "--by", "partner,cost_centre", "rejects.csv"]]
for period in ("P01", "P06", "P12"):
    RUNS.append(["pool-recon", f"{CHILDREN}/agreement.toml", "--period", period, *PROFILES, *YEAR])
RUNS += [["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P06", "--forecast", "run-rate",
          *PROFILES, *YEAR],
         ["pool-recon", f"{ALIGNED}/agreement.toml", "--period", "P06", *ALIGNED_LEDGERS],
         ["pool-recon", f"{JOINT}/agreement.toml", "--period", "P06", *JOINT_LEDGERS],
         ["pool-recon", f"{JOINT}/agreement.toml", "--period", "P04", JOINT_LEDGERS[0]]]
RUNS += [["pool-settle", f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR],
         ["pool-settle", f"{CHILDREN}/agreement.toml", "--memorandum", *PROFILES, *YEAR],
         ["pool-settle", f"{CHILDREN}/agreement.toml", "--paid", "paid.csv", *PROFILES, *YEAR],
         ["pool-settle", f"{CHILDREN}/agreement.toml", *PROFILES, *HALF],
         ["pool-settle", f"{CHILDREN}/agreement.toml", "--provisional", *PROFILES, *HALF],
         ["pool-settle", f"{CHILDREN}/agreement.toml", "over.csv"],
         ["pool-settle", f"{ALIGNED}/agreement.toml", *ALIGNED_LEDGERS],
         ["pool-settle", f"{JOINT}/agreement.toml", JOINT_LEDGERS[0]],
         ["pool-settle", f"{JOINT}/agreement.toml", *JOINT_LEDGERS, "--complete", "--memorandum"]]
# The children's pool with its deed of variation at P07 (SPEC §14): each statement's `variations`.
VARIED = f"{CHILDREN}/agreement-varied.toml"
RUNS += [["pool-recon", VARIED, "--period", "P09", *PROFILES, *YEAR],
         ["pool-settle", VARIED, "--memorandum", *PROFILES, *YEAR],
         ["pool-shares", VARIED]]
# A small commitments register of the children's pool (SPEC §12): pool-recon --commitments and
# pool-cases.
RUNS += [["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P06", "--commitments",
          "commitments.csv", *PROFILES, *YEAR],
         ["pool-cases", f"{CHILDREN}/agreement.toml", "--commitments", "commitments.csv",
          "--period", "P06"],
         # The example's register: pool-cases with the ledgers (spend per case); pool-recon at P07
         # against the P06 statement PREPARE writes (the movement and its parts), with
         # adjustments; an aligned budget forecast from commitments.
         ["pool-cases", f"{CHILDREN}/agreement.toml", "--commitments",
          f"{CHILDREN}/commitments.csv", "--period", "P06", *PROFILES, *YEAR],
         ["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P07", "--commitments",
          f"{CHILDREN}/commitments.csv", "--previous", "p06.json", "--adjust", "adjust.csv",
          *PROFILES, *YEAR],
         ["pool-recon", f"{ALIGNED}/agreement.toml", "--period", "P06", "--commitments",
          "aligned-commitments.csv", "--adjust", "aligned-adjust.csv", *ALIGNED_LEDGERS]]
# With a cash register (SPEC §10): the example's, and a joint one with invoices, payments and a
# settlement.
RUNS += [["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P06", *PROFILES, *YEAR,
          "--cash", f"{CHILDREN}/cash.csv"],
         ["pool-settle", f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR,
          "--cash", f"{CHILDREN}/cash.csv"],
         ["pool-recon", f"{JOINT}/agreement.toml", "--period", "P06", *JOINT_LEDGERS,
          "--cash", "joint-cash.csv"],
         ["pool-settle", f"{JOINT}/agreement.toml", *JOINT_LEDGERS, "--complete",
          "--cash", "joint-cash.csv"]]
# The year month by month and one partner's statement (SPEC §5 --period P01..P06, --monthly,
# --partner; an aligned partner's statement is one month end's), for each kind of agreement.
RUNS += [["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P04..P06", *PROFILES, *YEAR,
          "--partner", "NSOMERSET", "--cash", f"{CHILDREN}/cash.csv"],
         ["pool-recon", f"{ALIGNED}/agreement.toml", "--period", "P06", "--monthly",
          *ALIGNED_LEDGERS],
         ["pool-recon", f"{ALIGNED}/agreement.toml", "--period", "P06", *ALIGNED_LEDGERS,
          "--partner", "NSOMERSET"],
         ["pool-recon", f"{JOINT}/agreement.toml", "--period", "P06", "--monthly",
          *JOINT_LEDGERS, "--partner", "ICB"],
         ["pool-settle", f"{CHILDREN}/agreement.toml", *PROFILES, *YEAR, "--partner", "ICB",
          "--cash", f"{CHILDREN}/cash.csv"],
         ["pool-settle", f"{ALIGNED}/agreement.toml", *ALIGNED_LEDGERS, "--partner", "NSOMERSET"],
         ["pool-settle", f"{JOINT}/agreement.toml", *JOINT_LEDGERS, "--complete",
          "--partner", "ICB"]]
# Spending outside a scheme's life (SPEC §14): `outside_term`, at a month end and the year end.
RUNS += [["pool-recon", "outside.toml", "outside.csv", "--period", "P08"],
         ["pool-settle", "outside.toml", "outside.csv", "--provisional"]]
# pool-verify's own report, on statements PREPARE writes: one identical, one with a figure changed
# (so that the differences have a row).
RUNS += [["pool-verify", "shares.json"], ["pool-verify", "changed.json"]]
PREPARE = [["pool-shares", f"{CHILDREN}/agreement.toml", "--format", "json", "-o", "shares.json"],
           ["pool-recon", f"{CHILDREN}/agreement.toml", "--period", "P06", "--commitments",
            f"{CHILDREN}/commitments.csv", *PROFILES, *YEAR, "--format", "json", "-o", "p06.json"]]

# Small inputs of the runs above that the examples do not have: an invalid agreement, a ledger
# with rejected lines, a paid file in which a partner paid less than was due, and a year of the
# children's pool spent to budget but £600,000 over on S01 (its second tier and its cap apply).
FILES = {
    "outside.toml": '[agreement]\nid = "CLOSED"\ntitle = "Closed scheme"\nkind = "pooled"\nlegal_basis = "NHS Act 2006 s75"\nfinancial_year = "2025-26"\nhost = "A"\n\n[[partner]]\nid = "A"\nname = "Alpha ICB"\nsector = "nhs"\n\n[[partner]]\nid = "B"\nname = "Beta Council"\nsector = "local_authority"\n\n[contributions]\nA = "50%"\nB = "50%"\n\n[[scheme]]\nid = "S1"\nname = "Placements"\nbudget = "12000.00"\n\n[[scheme]]\nid = "S2"\nname = "Short breaks"\nbudget = "1200.00"\n\n[[variation]]\nid = "V1"\neffective = "P07"\nreason = "Cabinet 14 Oct 2025: short breaks recommissioned as crisis beds"\nchanges = [\n  { close_scheme = "S2" },\n  { add_scheme = { id = "S3", name = "Crisis beds", budget = "600.00", lead = "A" } },\n]\n',
    "outside.csv": 'date,ref,partner,scheme,cost_centre,description,amount\n2025-05-15,A1,A,S1,CC1,Placement,1000.00\n2025-06-10,A2,A,S3,CC1,Crisis bed booked early,250.00\n2025-09-15,B1,B,S2,CC2,Short break,100.00\n2025-10-15,B2,B,S2,CC2,Short break,40.00\n2025-11-20,B3,B,S2,CC2,Short break,60.00\n2025-11-21,A3,A,S3,CC1,Crisis bed,300.00\n',
    "invalid.toml": '[agreement]\nid = "X"\ntitel = "typo"\n',
    "rejects.csv": "date,ref,partner,scheme,cost_centre,description,amount\n"
                   "2025-04-01,A1,ICB,S01,CC1,ok,10.00\n"
                   "2025-13-01,A2,ICB,S01,CC1,bad date,5.00\n"
                   "2025-04-02,A1,ICB,S01,CC2,duplicate ref,3.00\n",
    "commitments.csv": "case,partner,scheme,type,weekly_cost,start,end,status\n"
                       "C-0001,ICB,S01,residential,4200.00,2025-04-01,,active\n"
                       "C-0002,BRISTOL,S01,fostering,650.00,2025-05-12,2025-12-19,active\n",
    "adjust.csv": "scheme,amount,reason\nS01,25000.00,Placement agreed at panel on 8 October\n",
    "aligned-commitments.csv": "case,partner,scheme,type,weekly_cost,start,end,status\n"
                               "C-0001,ICB,LD02,residential,1800.00,2025-04-01,,active\n",
    "aligned-adjust.csv": "scheme,amount,reason\nLD02,-1000.00,Refund expected\n",
    "paid.csv": "partner,amount\nICB,1420000.00\nBRISTOL,820000.00\nNSOMERSET,400000.00\n"
                "SGLOS,430000.00\n",
    "joint-cash.csv": "date,ref,partner,kind,amount,period\n"
                      "2025-05-05,INV1,ICB,invoice,120000.00,P01\n"
                      "2025-05-30,PAY1,ICB,payment,120000.00,\n"
                      "2026-04-20,SET1,ICB,settlement,1000.00,\n",
    "over.csv": "date,ref,partner,scheme,cost_centre,description,amount\n" + "".join(
        f"2026-03-15,R{s},BRISTOL,S0{s},CC1,spend,{b}\n" for s, b in
        ((1, "1800000.00"), (2, "400000.00"), (3, "650000.00"), (4, "450000.00"),
         (5, "300000.00"), (6, "100000.00"))),
}


# The pooled template with its placeholders filled in (as shipped, pool-check refuses it).
with open(os.path.join(root, "config", "templates", "pooled.toml"), encoding="utf-8") as f:
    FILES["pooled-template.toml"] = re.sub(r"<[A-Z0-9_-]*>", "Filled", f.read().replace(
        "<FINANCIAL-YEAR>", "2025-26").replace("<S01-BUDGET>", "1000000.00").replace(
        "<S02-BUDGET>", "500000.00"))


def load_schema(name):
    with open(os.path.join(schema_dir, name), encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def first_row(doc):
    for key in ("partners", "schemes", "actuals", "diagnostics", "differences", "inputs"):
        if isinstance(doc.get(key), list) and doc[key] and isinstance(doc[key][0], dict):
            return key, doc[key][0]
    return None, None


failures, used, count = [], set(), 0
with tempfile.TemporaryDirectory() as tmp:
    for name in ("examples", "config"):
        os.symlink(os.path.join(root, name), os.path.join(tmp, name))
    for name, text in FILES.items():
        with open(os.path.join(tmp, name), "w", encoding="utf-8") as f:
            f.write(text)
    for run in PREPARE:
        subprocess.run([os.path.join(bindir, run[0]), *run[1:]], cwd=tmp, check=True)
    with open(os.path.join(tmp, "shares.json"), encoding="utf-8") as f:
        changed = f.read().replace('"contribution": "1420000.00"', '"contribution": "1420000.01"', 1)
    with open(os.path.join(tmp, "changed.json"), "w", encoding="utf-8") as f:
        f.write(changed)
    for run in RUNS:
        cmd = [os.path.join(bindir, run[0]), *run[1:], "--format", "json"]
        shown = " ".join(run)
        r = subprocess.run(cmd, cwd=tmp, capture_output=True, text=True, timeout=120)
        if r.returncode not in (0, 1):
            failures.append(f"{shown}: exit {r.returncode}\n{r.stderr[-1500:]}")
            continue
        try:
            doc = json.loads(r.stdout)
            kind = doc["schema"].split(".", 1)[1].split("/")[0]
        except (ValueError, KeyError, IndexError, AttributeError) as e:
            failures.append(f"{shown}: not a statement: {e}")
            continue
        name = f"{kind}.schema.json"
        if not os.path.exists(os.path.join(schema_dir, name)):
            failures.append(f"{shown}: no docs/schemas/{name} for {doc['schema']}")
            continue
        used.add(name)
        validator = load_schema(name)
        count += 1
        for e in validator.iter_errors(doc):
            failures.append(f"{shown}: {doc['schema']} at {e.json_path}: {e.message[:300]}")
        # The schema must notice a missing required field and a renamed one.
        for field in validator.schema["required"]:
            broken = copy.deepcopy(doc)
            del broken[field]
            if validator.is_valid(broken):
                failures.append(f"{shown}: docs/schemas/{name} accepts the document without "
                                f"'{field}'")
        key, row = first_row(doc)
        if row:
            broken = copy.deepcopy(doc)
            field = next(iter(row))
            broken[key][0]["renamed_" + field] = broken[key][0].pop(field)
            if validator.is_valid(broken):
                failures.append(f"{shown}: docs/schemas/{name} accepts {key}[0].{field} renamed")

for name in sorted(set(os.listdir(schema_dir)) - used):
    failures.append(f"docs/schemas/{name}: no example run writes a document of this schema")
for f in failures:
    print(f, file=sys.stderr)
print(f"{count} JSON statements validated against {len(used)} schemas, {len(failures)} problems")
sys.exit(1 if failures or count == 0 else 0)
