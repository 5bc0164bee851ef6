#!/usr/bin/env python3
"""Checks a pool-shares JSON document (standard input) against SPEC §2 and §5, independently of
the C++ code: contributions sum exactly to each budget and to each partner's total, the shares are
exact, and the schedule sums exactly to each partner's contribution, in equal instalments with the
spare pence on the earlier ones. Prints one summary line; exit 1 with the failures otherwise."""
import json, sys
from fractions import Fraction


def pence(s):
    assert isinstance(s, str), f"amount {s!r} is not a string"
    neg = s.startswith("-")
    whole, _, frac = s.lstrip("-").partition(".")
    assert len(frac) == 2 and whole.isdigit() and frac.isdigit(), f"bad amount {s!r}"
    v = int(whole) * 100 + int(frac)
    return -v if neg else v


def percent(fr):
    """A fraction as the documented percent string: 4 decimals, half away from zero, no trailing
    zeros."""
    x = fr * 100 * 10000
    q = (2 * abs(x.numerator) + x.denominator) // (2 * x.denominator)
    s = f"{q // 10000}.{q % 10000:04d}".rstrip("0").rstrip(".")
    return s


doc = json.load(sys.stdin)
fail = []
check = lambda ok, msg: ok or fail.append(msg)
check(doc["schema"] == "poolkit.shares/1", "schema")
check(len(doc["inputs"]) == 1 and len(doc["inputs"][0]["sha256"]) == 64, "inputs record")
partners = [p["id"] for p in doc["partners"]]
totals = {p: 0 for p in partners}
budget_total = 0
for s in doc["schemes"]:
    b = pence(s["budget"])
    budget_total += b
    c = s["contributions"]
    check(list(c) == partners, f"{s['id']}: contributions not in partner order")
    check(sum(pence(v) for v in c.values()) == b, f"{s['id']}: contributions do not sum to budget")
    for p, v in c.items():
        totals[p] += pence(v)
        if b:
            check(s["percent"][p] == percent(Fraction(pence(v), b)), f"{s['id']} {p}: percent")
check(pence(doc["total_budget"]) == budget_total, "total_budget")
for p in doc["partners"]:
    check(pence(p["contribution"]) == totals[p["id"]], f"{p['id']}: partner total")
    fr = Fraction(pence(p["contribution"]), budget_total)
    check(p["share"] == (str(fr.numerator) if fr.denominator == 1 else f"{fr.numerator}/{fr.denominator}"),
          f"{p['id']}: share {p['share']} is not {fr}")
    check(p["percent"] == percent(fr), f"{p['id']}: percent")

kind = doc["agreement"]["kind"]
freq = doc["agreement"]["payment_schedule"]
sched = doc["schedule"]
if kind != "pooled":
    check(freq == "none" and not sched and doc.get("schedule_note"), "aligned/joint: no schedule")
else:
    y = int(doc["agreement"]["financial_year"][:4])
    months = {"monthly": list(range(12)), "quarterly-in-advance": [0, 3, 6, 9],
              "annual-in-advance": [0]}[freq]
    periods = [f"{y + (m + 3) // 12}-{(m + 3) % 12 + 1:02d}" for m in months]
    for p in partners:
        rows = [r for r in sched if r["partner"] == p]
        check([r["period"] for r in rows] == periods, f"{p}: instalment periods")
        amounts = [pence(r["amount"]) for r in rows]
        check(sum(amounts) == totals[p], f"{p}: schedule does not sum to its contribution")
        n, t = len(periods), totals[p]
        base, spare = divmod(t, n)  # equal weights: floors, spare pence to the earliest
        check(amounts == [base + 1] * spare + [base] * (n - spare), f"{p}: instalments {amounts}")
        run = 0
        for r in rows:
            run += pence(r["amount"])
            check(pence(r["due_to_date"]) == run, f"{p} {r['period']}: due_to_date")
if fail:
    print("\n".join(fail))
    sys.exit(1)
print(f"ok: {len(doc['schemes'])} schemes, {len(partners)} partners, {len(sched)} instalments, "
      f"total {doc['total_budget']}")
