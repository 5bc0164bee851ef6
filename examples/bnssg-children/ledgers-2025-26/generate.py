#!/usr/bin/env python3
"""Writes a plausible full year (2025-26) of ledger exports for the BNSSG children's pooled fund:
one file per partner's finance system, in its own layout (config/ledger-profiles/):
  icb.csv        the ICB's Oracle-style GL journal lines   (--profile .../icb-oracle.toml)
  bristol.csv    Bristol's Agresso transaction report       (--profile .../bristol-agresso.toml)
  nsomerset.csv  North Somerset, poolkit's own layout        (--profile default)
  sglos.csv      South Gloucestershire, poolkit's layout    (--profile default)
Each scheme's spending follows its budget profile, off by a planned variance: to P06 S01 runs
about 2.5% of its budget over (amber), the others within 2% or under (green); over the year the
fund overspends by about £70,000, inside the risk share's first tier (to £150,000). A few lines
are credits (refunds, recovered costs). Seeded: the same script writes the same bytes.
Run from anywhere: python3 examples/bnssg-children/ledgers-2025-26/generate.py"""
import os, random

HERE = os.path.dirname(os.path.abspath(__file__))
rnd = random.Random(2025)

# Budgets phased as the agreement phases them (SPEC §2), in pence; checked against pool-recon.
def phase(total, weights):
    s = sum(weights)
    exact = [total * w / s for w in weights]
    parts = [total * w // s for w in weights]
    order = sorted(range(12), key=lambda i: (-(total * weights[i] % s), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts

even = [1] * 12
PHASED = {
    "S01": phase(120000000, even),
    "S02": phase(40000000, [6, 7, 8, 9, 9, 9, 9, 9, 9, 9, 8, 8]),
    "S03": phase(65000000, even),
    "S04": phase(45000000, [8, 8, 7, 11, 11, 7, 7, 7, 9, 7, 7, 11]),
    "S05": [2750000, 2750000, 2750000, 2500000, 0, 3000000, 2750000, 2750000, 2000000, 2750000,
            2750000, 3250000],
    "S06": phase(10000000, even),
}
# Planned variance (pence): (to P06, over the whole year).
VARIANCE = {"S01": (3043210, 6812345), "S02": (-812040, -1523310), "S03": (954321, 2087650),
            "S04": (-1198765, -912340), "S05": (402500, 650000), "S06": (-251230, -150000)}
# Whose ledger a scheme's invoices are paid from (the host, Bristol, pays most; the others pay
# some on the pool's behalf and are reimbursed), with weights.
PAYERS = {"S01": [("BRISTOL", 8), ("NSOMERSET", 1), ("SGLOS", 1)],
          "S02": [("ICB", 7), ("BRISTOL", 3)], "S03": [("ICB", 1)],
          "S04": [("SGLOS", 1), ("BRISTOL", 1)], "S05": [("NSOMERSET", 2), ("BRISTOL", 3)],
          "S06": [("BRISTOL", 1)]}
WHAT = {"S01": ["Residential placement", "Residential placement, out of area",
                "Emergency placement"],
        "S02": ["Therapy sessions", "Play therapy", "Family therapy"],
        "S03": ["Specialist CAMHS", "CAMHS tier 4 step-down", "Eating disorder service"],
        "S04": ["Short breaks", "Overnight respite", "Holiday play scheme"],
        "S05": ["Education support", "1:1 teaching assistant", "Alternative provision"],
        "S06": ["Panel coordinator", "Panel administration", "Case review"]}
CREDITS = {"S01": "Refund: placement ended early", "S02": "Cancelled sessions credit",
           "S03": "Provider credit note", "S04": "Unused respite nights refunded",
           "S05": "Recovered from school budget", "S06": "Recharge of panel costs"}


def spread(total, n):
    """n positive-ish parts summing exactly to total pence."""
    if n == 1 or total <= 0:
        return [total]
    cuts = sorted(rnd.sample(range(1, max(total, n + 1)), n - 1))
    parts = [b - a for a, b in zip([0] + cuts, cuts + [total])]
    return parts


lines = []  # (period 1..12, day, partner, scheme, pence, description)
for s, months in PHASED.items():
    to6, year = VARIANCE[s]
    # The variance spread over the months in proportion to the budget (none where none is).
    deltas = [0] * 12
    h1 = [months[m] for m in range(6)]
    h2 = [months[m] for m in range(6, 12)]
    for m in range(6):
        deltas[m] = to6 * h1[m] // sum(h1)
    deltas[5] += to6 - sum(deltas[:6])
    for m in range(6, 12):
        deltas[m] = (year - to6) * h2[m - 6] // sum(h2)
    deltas[11] += year - sum(deltas)
    for m in range(12):
        target = months[m] + deltas[m]
        if target == 0:
            continue  # S05 in August: schools are shut
        credit = 0
        if rnd.random() < 0.12:  # now and then a refund in the month
            credit = -rnd.randrange(50000, 600000)
        parts = spread(target - credit, rnd.randrange(2, 6))
        for amount in parts + ([credit] if credit else []):
            payer = rnd.choices([p for p, _ in PAYERS[s]], [w for _, w in PAYERS[s]])[0]
            desc = CREDITS[s] if amount < 0 else rnd.choice(WHAT[s])
            lines.append((m + 1, rnd.randrange(1, 29), payer, s, amount, desc))


def ymd(period, day):
    month = (period + 2) % 12 + 1
    return (2025 if period <= 9 else 2026), month, day


def pounds(p, grouped=False):
    sign = "-" if p < 0 else ""
    whole = f"{abs(p) // 100:,}" if grouped else str(abs(p) // 100)
    return f"{sign}{whole}.{abs(p) % 100:02d}"


lines.sort(key=lambda l: (l[0], l[1], l[3]))
by = {p: [l for l in lines if l[2] == p] for p in ("ICB", "BRISTOL", "NSOMERSET", "SGLOS")}

# ICB: Oracle GL journal lines; one journal a month, numbered lines; quoted grouped amounts.
cc = {"S02": ("65221", "52210"), "S03": ("65240", "52300")}
with open(os.path.join(HERE, "icb.csv"), "w", newline="") as f:
    f.write("Posting Date,Document No,Line No,Cost Centre,Subjective,Project,Description,"
            "Net Amount\n")
    line_no = {}
    for period, day, _, s, amount, desc in by["ICB"]:
        y, mo, d = ymd(period, day)
        doc = f"JNL7{period:02d}01"
        line_no[doc] = line_no.get(doc, 0) + 1
        c, sub = cc[s]
        f.write(f'{d:02d}/{mo:02d}/{y},{doc},{line_no[doc]},{c},{sub},{s},"{desc}",'
                f'"{pounds(amount, True)}"\n')

# Bristol: Agresso transaction report; BOM, two title rows, ';', Debit/Credit, CRLF.
with open(os.path.join(HERE, "bristol.csv"), "w", newline="") as f:
    f.write("\ufeffBristol City Council;General ledger transactions;;;;;;\r\n")
    f.write("Activity filter: BNSSG-CYP pooled fund;Periods 1 to 12 2025/26;;;;;;\r\n")
    f.write("Trans Date;Voucher No;Seq;Cost Centre;Activity;Narrative;Debit;Credit\r\n")
    for i, (period, day, _, s, amount, desc) in enumerate(by["BRISTOL"]):
        y, mo, d = ymd(period, day)
        debit, credit = (pounds(amount), "") if amount >= 0 else ("", pounds(-amount))
        f.write(f"{d}/{mo}/{y};{510000 + i};1;CYP1{s[1:]};{s};{desc};{debit};{credit}\r\n")

# North Somerset and South Gloucestershire: poolkit's own layout.
for partner, name, prefix in (("NSOMERSET", "nsomerset.csv", "NS"), ("SGLOS", "sglos.csv", "SG")):
    with open(os.path.join(HERE, name), "w", newline="") as f:
        f.write("date,ref,partner,scheme,cost_centre,description,amount\n")
        for i, (period, day, _, s, amount, desc) in enumerate(by[partner]):
            y, mo, d = ymd(period, day)
            text = f'"{desc}"' if "," in desc else desc  # RFC 4180 quoting
            f.write(f"{y}-{mo:02d}-{d:02d},{prefix}{25000 + i},{partner},{s},CC{s[1:]},{text},"
                    f"{pounds(amount)}\n")
print(f"{len(lines)} lines: " + ", ".join(f"{p} {len(v)}" for p, v in by.items()))
