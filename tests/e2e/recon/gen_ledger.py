#!/usr/bin/env python3
"""Seeded random ledger lines (poolkit layout, SPEC §4) for an agreement's partners and schemes,
with a few bad lines of known kinds, for the reconciliation invariants (SPEC §6).
Usage: gen_ledger.py AGREEMENT N SEED > ledger.csv"""
import random, sys, tomllib

agreement, n, seed = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
with open(agreement, "rb") as f:
    a = tomllib.load(f)
partners = [p["id"] for p in a["partner"]]
schemes = [s["id"] for s in a["scheme"]]
start = int(a["agreement"]["financial_year"][:4])
rnd = random.Random(seed)
previous_ok = False
out = ["date,ref,partner,scheme,cost_centre,description,amount"]
for i in range(n):
    m = rnd.randrange(12)  # period index: P01 = April
    month, year = (m + 3) % 12 + 1, start if m < 9 else start + 1
    pence = rnd.randrange(-30000, 4000000)  # credits too
    amount = f"{'-' if pence < 0 else ''}{abs(pence) // 100}.{abs(pence) % 100:02d}"
    if rnd.random() < 0.3:  # whole pounds and one-decimal amounts are valid input
        amount = amount[:-1] if rnd.random() < 0.5 else amount[:-3]
    date = f"{year}-{month:02d}-{rnd.randrange(1, 29):02d}"
    ref, partner, scheme, desc = f"G{seed}-{i:06d}", rnd.choice(partners), rnd.choice(schemes), "ok"
    bad = rnd.random()
    if bad < 0.004:
        date, desc = f"{year}-02-30", "BAD date"
    elif bad < 0.008:
        scheme, desc = "NOPE", "BAD scheme"
    elif bad < 0.012:
        amount, desc = amount + "x", "BAD amount"
    elif bad < 0.016:
        date, desc = f"{start - 1}-12-01", "BAD outside the year"
    elif bad < 0.020 and previous_ok:
        # A duplicate is the same ref in the same partner's ledger (SPEC §4; ledger_profile.hpp).
        ref, partner, desc = f"G{seed}-{i - 1:06d}", previous_partner, "BAD duplicate"
    previous_ok, previous_partner = desc == "ok", partner
    out.append(f"{date},{ref},{partner},{scheme},CC{rnd.randrange(50):02d},{desc},{amount}")
sys.stdout.write("\n".join(out) + "\n")
