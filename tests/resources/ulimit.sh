#!/usr/bin/env bash
# Resource limits are said as such (SPEC §5, §8): under `ulimit -v` every ledger tool either gives
# the same output as without the limit, or stops with exit 2, nothing on stdout, no rejects file,
# and "not enough memory or threads" on stderr: never "a bug in poolkit", never a crash.
#
#   tests/resources/ulimit.sh BIN_DIR [--lines N] SIZE_MB...
#
# makes a ledger of N lines (default 300,000), a copy with every line twice (duplicates) and
# runs pool-actuals (csv, json, --rejects against an agreement that rejects most lines),
# pool-recon and pool-settle under each address-space limit. CTest runs a few sizes; the sweep
# of the issue is `tests/resources/ulimit.sh build/bin --lines 2000000 60 80 100 150 200 300 400`.
set -uo pipefail
bin=$(cd "$1" && pwd)
shift
lines=300000
if [ "${1:-}" = --lines ]; then
    lines=$2
    shift 2
fi
root=$(cd "$(dirname "$0")/../.." && pwd)
bcf=$root/examples/bnssg-bcf/agreement.toml      # partners and schemes of every line
children=$root/examples/bnssg-children/agreement.toml # 6 schemes of 40: most lines rejected
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

python3 - "$lines" "$tmp/ledger.csv" "$tmp/dups.csv" <<'PY'
import random, sys
n, path, dups = int(sys.argv[1]), sys.argv[2], sys.argv[3]
rnd = random.Random(75)
partners = ["ICB", "BRISTOL", "NSOMERSET", "SGLOS"]
head = "date,ref,partner,scheme,cost_centre,description,amount\n"
rows = []
for i in range(n):
    m = rnd.randrange(12); month = (m + 3) % 12 + 1; year = 2025 if m < 9 else 2026
    p = rnd.randrange(1, 5000000)
    rows.append(f"{year}-{month:02d}-{rnd.randrange(1, 29):02d},T{i:09d},{rnd.choice(partners)},"
                f"S{rnd.randrange(1, 41):02d},CC{rnd.randrange(200):04d},x,{p // 100}.{p % 100:02d}\n")
open(path, "w").write(head + "".join(rows))
half = rows[: n // 2]
open(dups, "w").write(head + "".join(half) + "".join(half))
PY

runs=0
bad=0
same=0
said=0
check() { # check NAME COMMAND... (the command may write $tmp/rejects.csv)
    local name=$1
    shift
    rm -f "$tmp/rejects.csv"
    "$@" >"$tmp/ref.out" 2>/dev/null
    local ref_exit=$?
    [ -e "$tmp/rejects.csv" ] && mv "$tmp/rejects.csv" "$tmp/ref.rejects"
    for mb in "${sizes[@]}"; do
        rm -f "$tmp/rejects.csv"
        (ulimit -v $((mb * 1000)) && exec "$@") >"$tmp/out" 2>"$tmp/err"
        local code=$?
        runs=$((runs + 1))
        if [ $code = "$ref_exit" ] && cmp -s "$tmp/out" "$tmp/ref.out" &&
            { [ ! -e "$tmp/ref.rejects" ] || cmp -s "$tmp/rejects.csv" "$tmp/ref.rejects"; }; then
            same=$((same + 1)) # the right output
            continue
        fi
        if [ $code = 2 ] && [ ! -s "$tmp/out" ] && [ ! -e "$tmp/rejects.csv" ] &&
            grep -q "not enough memory or threads" "$tmp/err"; then
            said=$((said + 1)) # a resource message
            [ -n "${VERBOSE:-}" ] && echo "ulimit -v ${mb}M: $name: $(head -c 200 "$tmp/err")"
            continue
        fi
        bad=$((bad + 1))
        echo "ulimit -v ${mb}M: $name: exit $code (expected $ref_exit or 2): $(head -c 300 "$tmp/err")"
    done
    rm -f "$tmp/ref.rejects"
}

sizes=("$@")
L=$tmp/ledger.csv
check "pool-actuals csv" "$bin/pool-actuals" --agreement "$bcf" --format csv "$L"
check "pool-actuals json" "$bin/pool-actuals" --agreement "$bcf" --format json "$L"
check "pool-actuals --rejects (most lines rejected)" "$bin/pool-actuals" --agreement "$children" \
    --format csv --rejects "$tmp/rejects.csv" "$L"
check "pool-actuals --rejects (duplicates)" "$bin/pool-actuals" --agreement "$bcf" --format csv \
    --rejects "$tmp/rejects.csv" "$tmp/dups.csv"
check "pool-recon" "$bin/pool-recon" "$bcf" "$L" --period P06 --format csv
check "pool-settle" "$bin/pool-settle" "$bcf" "$L" --format csv
if [ $bad -gt 0 ]; then
    echo "$bad of $runs runs gave neither the right output nor a resource message"
    exit 1
fi
echo "$runs runs: each the right output ($same) or a resource message, exit 2 ($said)"
