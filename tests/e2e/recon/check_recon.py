#!/usr/bin/env python3
"""Invariants of pool-recon (SPEC §6) on a generated ledger, checked against an
independent reading of the ledger (poolkit layout) and the agreement:
  - the JSON control totals equal an independent sum of the ledger (lines and pence), and the
    accepted lines after the period are its own count and sum of the lines after m (SPEC §4);
  - Σ schemes' actual_ytd = the total = the independent sum of periods 1..m; at P12 = the accepted
    control total; Σ non-host partners' direct spend + the host's own ledger = the total;
  - each scheme's variance, forecast (profile or run-rate, rounded half away from zero) and
    forecast variance follow from its figures; Σ schemes = the total row for every column;
  - Σ partners' forecast risk shares = the total forecast variance + carried forward −
    unallocated (the risk-share identity with no opening balance);
  - the contributions due at P12 are the partners' whole contributions (Σ = the total budget);
  - each scheme's (and the total's) RAG follows from |forecast variance| / budget against the
    agreement's [monitoring], in either direction; no rating for a zero budget (SPEC §3);
  - aligned: each partner's own budget, actual and variance to date add up to the scheme's; its
    subtotal is the sum of its rows; a row is flagged exactly when its own budget is zero and its
    actual is not;
    joint: each partner's charge by scheme (an allocation worked here) and its forecast charge;
    each invoice = charge to date − own spend to date − invoiced before, the invoices before being
    the charge less own spend to the month before.
Usage: check_recon.py AGREEMENT LEDGER  (runs pool-recon from PATH)"""
import csv, datetime, json, re, subprocess, sys, tomllib
from decimal import Decimal as D, ROUND_HALF_UP

agreement_path, ledger = sys.argv[1], sys.argv[2]
with open(agreement_path, "rb") as f:
    a = tomllib.load(f)
partners = [p["id"] for p in a["partner"]]
schemes = [s["id"] for s in a["scheme"]]
host = a["agreement"].get("host")
assert D(a["agreement"].get("opening_balance", "0")) == 0, "the identity below assumes none"
start = int(a["agreement"]["financial_year"][:4])
lo, hi = datetime.date(start, 4, 1), datetime.date(start + 1, 3, 31)

# The independent reading: accepted lines by partner, scheme, period.
amount_re = re.compile(r"^-?\d+(\.\d{1,2})?$")
cells, counts, seen = {}, {}, set()
read = acc = rej = 0
total_read = total_acc = total_rej = D(0)
with open(ledger, newline="") as f:
    for row in csv.DictReader(f):
        read += 1
        amt = D(row["amount"]) if amount_re.match(row["amount"]) else None
        if amt is not None:
            total_read += amt
        try:
            day = datetime.date.fromisoformat(row["date"])
        except ValueError:
            day = None
        ok = (amt is not None and day is not None and lo <= day <= hi and row["partner"] in partners
              and row["scheme"] in schemes and (row["partner"], row["ref"]) not in seen)
        if ok:
            seen.add((row["partner"], row["ref"]))  # a duplicate: same ref, same partner
            period = (day.month - 4) % 12 + 1
            key = (row["partner"], row["scheme"], period)
            cells[key] = cells.get(key, D(0)) + amt
            counts[period] = counts.get(period, 0) + 1
            acc += 1
            total_acc += amt
        else:
            rej += 1
            total_rej += amt if amt is not None else 0


def to(m, partner=None, scheme=None):
    return sum((v for (p, s, per), v in cells.items()
                if per <= m and (partner is None or p == partner) and (scheme is None or s == scheme)),
               D(0))


def allocate(total, weights):
    """SPEC §2: floor each exact part (pence), the spare pence to the largest remainders, ties to
    the earlier item; a negative total is allocated as its negation."""
    t = int(total * 100)
    neg, t = t < 0, abs(t)
    w = [int(x * 100) for x in weights]
    sw = sum(w)
    base = [t * x // sw for x in w]
    rem = sorted(range(len(w)), key=lambda i: (-(t * w[i] % sw), i))
    for i in rem[:t - sum(base)]:
        base[i] += 1
    return [D(-b if neg else b) / 100 for b in base]


last_charge = {}
contrib = {}
if a["agreement"]["kind"] == "joint":
    sh = json.loads(subprocess.run(["pool-shares", agreement_path, "--format", "json"],
                                   capture_output=True, text=True, check=True).stdout)
    contrib = {s["id"]: [D(s["contributions"][q]) for q in partners] for s in sh["schemes"]}


def half_away(x):
    return x.quantize(D("0.01"), rounding=ROUND_HALF_UP)  # ROUND_HALF_UP is away from zero


mon = a.get("monitoring", {})
amber = D(mon.get("amber", "2%").rstrip("%")) / 100
red = D(mon.get("red", "5%").rstrip("%")) / 100


def rag(fv, budget):
    """(rating, direction) as SPEC §3 has them; None where there is none."""
    direction = "over" if fv > 0 else "under" if fv < 0 else None
    if budget <= 0:
        return None, direction
    share = abs(fv) / budget
    return ("red" if share >= red else "amber" if share >= amber else "green"), direction


cols = ["budget", "budget_ytd", "actual_ytd", "variance_ytd", "forecast_outturn",
        "forecast_variance", "forecast_movement"]
runs = 0
for method in ("profile", "run-rate"):
    for m in (1, 3, 6, 7, 12):  # P07 after P06: the invoices before follow on
        p = subprocess.run(["pool-recon", agreement_path, ledger, "--period", f"P{m:02d}",
                            "--forecast", method, "--format", "json"], capture_output=True, text=True)
        d = json.loads(p.stdout)
        # Findings (SPEC §5): rejected lines, or aligned spending against a zero own budget.
        flagged = any(x["spend_without_budget"] for q in d["partners"] for x in q.get("schemes", []))
        assert p.returncode == (1 if rej or flagged else 0), (p.returncode, p.stderr[-500:])
        runs += 1
        L = d["ledger"]
        assert (L["lines_read"], L["lines_accepted"], L["lines_rejected"]) == (read, acc, rej), L
        assert (D(L["total_read"]), D(L["total_accepted"]), D(L["total_rejected"])) == (
            total_read, total_acc, total_rej), L
        after = sum(n for per, n in counts.items() if per > m)
        assert L["lines_after_period"] == after, (m, L)
        assert D(L["total_after_period"]) == total_acc - to(m), (m, L)
        sums = {c: D(0) for c in cols}
        for s in d["schemes"]:
            f = {c: D(s[c]) for c in cols}
            assert f["actual_ytd"] == to(m, scheme=s["id"]), (m, s["id"])
            assert f["variance_ytd"] == f["actual_ytd"] - f["budget_ytd"]
            want = (f["actual_ytd"] + f["budget"] - f["budget_ytd"] if method == "profile"
                    else half_away(f["actual_ytd"] * 12 / m))
            assert f["forecast_outturn"] == want, (m, method, s["id"], f, want)
            assert f["forecast_variance"] == f["forecast_outturn"] - f["budget"]
            for c in cols:
                sums[c] += f[c]
            assert (s.get("rag"), s.get("rag_direction")) == rag(f["forecast_variance"],
                                                                 f["budget"]), (m, s)
        for c in cols:
            assert sums[c] == D(d["total"][c]), (m, c)
        t = d["total"]
        assert (t.get("rag"), t.get("rag_direction")) == rag(D(t["forecast_variance"]),
                                                             D(t["budget"])), (m, t)
        total = D(d["total"]["actual_ytd"])
        assert total == to(m)
        if m == 12:
            assert total == total_acc == D(L["total_accepted"])
        kind = a["agreement"]["kind"]
        if kind == "aligned":
            # Each partner's own figures add up to the combined view, scheme by scheme (SPEC §6).
            for s in d["schemes"]:
                own = [x for q in d["partners"] for x in q["schemes"] if x["id"] == s["id"]]
                for c in ("budget_ytd", "actual_ytd", "variance_ytd"):
                    assert sum((D(x[c]) for x in own), D(0)) == D(s[c]), (m, s["id"], c)
            own_cols = ("budget", "budget_ytd", "actual_ytd", "variance_ytd", "forecast_outturn",
                        "forecast_variance")
            for q in d["partners"]:
                for x in q["schemes"]:
                    assert D(x["actual_ytd"]) == to(m, partner=q["id"], scheme=x["id"])
                    assert x["spend_without_budget"] == (D(x["budget"]) == 0 and
                                                         D(x["actual_ytd"]) != 0), (m, q["id"], x)
                for c in own_cols:
                    assert D(q["total"][c]) == sum((D(x[c]) for x in q["schemes"]), D(0)), (m, c)
            continue
        if kind == "joint":
            # Each partner's charge per scheme is the scheme's actual to date allocated over its
            # contributions (largest remainder, ties to the earlier partner), worked here
            # independently; no caps, no fixed recharges in these agreements.
            charges = {q: D(0) for q in partners}
            forecast = {q: D(0) for q in partners}
            for i, s in enumerate(d["schemes"]):
                parts = allocate(D(s["actual_ytd"]), contrib[s["id"]])
                got = d["charges"]["schemes"][i]
                assert got["recharge"] == "actual" and got["weights"] == "scheme", got
                assert [D(got["charges"][q]) for q in partners] == parts, (m, s["id"], parts)
                for q, x in zip(partners, parts):
                    charges[q] += x
                for q, x in zip(partners, allocate(D(s["forecast_outturn"]), contrib[s["id"]])):
                    forecast[q] += x
            table = {q["id"]: q for q in d["partners"]}
            for q in partners:
                assert D(table[q]["charge_to_date"]) == charges[q], (m, q)
                assert D(table[q]["forecast_charge"]) == forecast[q], (m, method, q)
            # The invoice: charge to date - own spending to date - invoiced before, where (no cash
            # register) invoiced before = the charge less own spending to the month before, which
            # is the P06 statement's figure for P07.
            assert d["invoiced_before_source"] == "recomputed"
            for inv in d["invoices"]:
                q = inv["partner"]
                assert q != host
                assert D(inv["charge_to_date"]) == charges[q]
                assert D(inv["own_spend_to_date"]) == to(m, partner=q), (m, q)
                assert D(inv["amount"]) == (D(inv["charge_to_date"]) - D(inv["own_spend_to_date"])
                                            - D(inv["invoiced_before"]))
                assert D(table[q]["invoiced_to_date"]) == charges[q] - to(m, partner=q)
                if m == 1:
                    assert D(inv["invoiced_before"]) == 0
                if (m - 1, method) in last_charge:
                    assert D(inv["invoiced_before"]) == last_charge[(m - 1, method)][q] - to(
                        m - 1, partner=q), (m, q)
            last_charge[(m, method)] = charges
            continue
        by_partner = D(0)
        for q in d["partners"]:
            own = to(m, partner=q["id"])
            assert D(q["direct_spend_ytd"]) == (D(0) if q["id"] == host else own), q
            by_partner += own
            # SPEC §6: (due - received) - (direct spend - reimbursed); cash assumed without a
            # register: received as due, nothing reimbursed.
            assert d["cash"] == "assumed"
            assert D(q["received_ytd"]) == D(q["contribution_due_ytd"]), q
            assert D(q["reimbursed_ytd"]) == 0, q
            assert D(q["position"]) == ((D(q["contribution_due_ytd"]) - D(q["received_ytd"]))
                                        - (D(q["direct_spend_ytd"]) - D(q["reimbursed_ytd"])))
        assert by_partner == total
        shares = sum((D(q["forecast_risk_share"]) for q in d["partners"]), D(0))
        assert shares == (D(d["total"]["forecast_variance"]) + D(d["forecast_carried_forward"])
                          - D(d["forecast_unallocated"])), (m, method, shares)
        if m == 12:
            due = sum((D(q["contribution_due_ytd"]) for q in d["partners"]), D(0))
            assert due == D(d["total"]["budget"]), due
print(f"ok: {runs} statements; {read} lines read, {acc} accepted ({total_acc}), {rej} rejected "
      f"({total_rej}); {len(schemes)} schemes, {len(partners)} partners")
