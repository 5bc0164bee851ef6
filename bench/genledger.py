#!/usr/bin/env python3
"""Deterministic synthetic pooled-fund ledger: N lines of CSV actuals.
Usage: genledger.py N > ledger.csv   (seeded; same N gives same bytes)

A copy of the project's shared bench/genledger.py (../shared/bench/, beside the repository),
unchanged but for this note, so that bench/run and tests/e2e/recon/invariants.test read
nothing outside the repository. The same N gives the same bytes as the original, so the
benchmark's figures stay comparable with earlier runs."""
import random, sys
n = int(sys.argv[1]); rnd = random.Random(75)
partners = ["ICB", "BRISTOL", "NSOMERSET", "SGLOS"]
schemes = [f"S{i:02d}" for i in range(1, 41)]
ccs = [f"CC{i:04d}" for i in range(200)]
w = sys.stdout.write
w("date,ref,partner,scheme,cost_centre,description,amount\n")
for i in range(n):
    m = rnd.randrange(12); month = (m + 3) % 12 + 1; year = 2025 if m < 9 else 2026
    day = rnd.randrange(1, 29)
    pence = rnd.randrange(-20000, 5000000)
    sign = "-" if pence < 0 else ""
    p = abs(pence)
    w(f"{year}-{month:02d}-{day:02d},T{i:09d},{rnd.choice(partners)},{rnd.choice(schemes)},{rnd.choice(ccs)},placement package,{sign}{p//100}.{p%100:02d}\n")
