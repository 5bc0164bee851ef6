#!/usr/bin/env bash
# The .deb as a user gets it (cmake/package.cmake): built by CPack from the build tree, its
# Depends checked, unpacked into an empty root (dpkg-deb -x: no change to this machine, no
# network), and then only what it installed is run, with a PATH of its bin/ and the system's:
# every tool's --version, the bundled example's month-end with shipped profiles named by name,
# `poolkit init` refused until filled, filled with sed and accepted, a month-end on it, the
# installed man page rendered and the bash completion completing.
# Usage: deb.sh BUILD_DIR
set -euo pipefail
build=$(cd "$1" && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "deb: $*" >&2; exit 1; }

cpack --config "$build/CPackConfig.cmake" -G DEB -B "$tmp/pkg" >"$tmp/cpack.log" 2>&1 ||
    { cat "$tmp/cpack.log" >&2; fail "cpack failed"; }
deb=$(ls "$tmp"/pkg/poolkit_*.deb)

# Depends: what dpkg-shlibdeps found the tools to link, each a Debian 12 package that this
# machine has installed (so the unpacked tools below run on what the package declares).
depends=$(dpkg-deb -f "$deb" Depends)
for p in libc6 libstdc++6 libfmt9 libssl3; do
    [[ ", $depends" == *", $p "* || ", $depends," == *", $p,"* ]] || fail "Depends lacks $p: $depends"
done
IFS=',' read -ra deps <<<"$depends"
for d in "${deps[@]}"; do
    name=$(awk '{print $1}' <<<"$d")
    dpkg-query -W -f='${Status}' "$name" 2>/dev/null | grep -q "install ok installed" ||
        fail "Depends names $name, which is not installed here"
done

root=$tmp/root
dpkg-deb -x "$deb" "$root"
usr=$root/usr
run() { env -i PATH="$usr/bin:/usr/bin:/bin" HOME="$tmp" LC_ALL=C.UTF-8 "$@"; }

tools=$(cd "$usr/bin" && ls)
version=$(run poolkit --version | sed 's/^poolkit //')
[ -n "$version" ] || fail "poolkit --version printed nothing"
for t in $tools; do
    [ "$t" = poolkit ] && continue
    got=$(run "$t" --version)
    [ "$got" = "$t (poolkit) $version" ] || fail "$t --version: $got"
    run poolkit "${t#pool-}" --version | grep -qx "$t (poolkit) $version" ||
        fail "poolkit ${t#pool-} --version"
done

# The bundled example (share/doc/poolkit/examples), month-end at P06 with the shipped profiles
# found by name in share/poolkit/ledger-profiles.
ex=$usr/share/doc/poolkit/examples/bnssg-children
(cd "$tmp" && run pool-recon "$ex/agreement.toml" --period P06 --profile icb-oracle \
    --profile bristol-agresso --profile default --profile default \
    "$ex"/ledgers-2025-26/{icb,bristol,nsomerset,sglos}.csv --format csv --table schemes) \
    >"$tmp/example.csv" || fail "the bundled example's pool-recon failed"
# S01: budget 1200000.00 phased evenly, so 600000.00 to P06; actual 630432.10 (the ledgers'
# S01 lines to September); variance 630432.10 - 600000.00 = 30432.10; forecast by profile =
# actual + the budget still to come = 630432.10 + 600000.00 = 1230432.10.
grep -q '^S01,Residential placements,1200000.00,600000.00,630432.10,30432.10,1230432.10,' \
    "$tmp/example.csv" || { cat "$tmp/example.csv" >&2; fail "the example's S01 row"; }

# poolkit init: a starter refused while its placeholders are in, and never overwritten.
ws=$tmp/ws
mkdir "$ws"
cd "$ws"
run poolkit init --kind pooled --partners ICB,COUNCIL 2>/dev/null
[ -f agreement.toml ] && [ -f pool.toml ] || fail "poolkit init wrote no files"
set +e
run pool-check agreement.toml >/dev/null 2>"$tmp/check.err"; rc=$?
run poolkit init --kind pooled 2>/dev/null; again=$?
set -e
[ "$rc" = 1 ] || fail "pool-check accepted the starter with its placeholders (exit $rc)"
grep -q "^agreement.toml:[0-9]*:[0-9]*: error: 'budget' is still the placeholder <BUDGET>" \
    "$tmp/check.err" || { cat "$tmp/check.err" >&2; fail "no placeholder error for budget"; }
[ "$again" = 2 ] || fail "a second poolkit init exited $again, not 2"

sed -i -e 's/<AGREEMENT-ID>/TEST-POOL-2025/' -e 's/<TITLE>/Test pooled fund/' \
    -e 's/<FINANCIAL-YEAR>/2025-26/' -e 's/<HOST-PARTNER-ID>/COUNCIL/' \
    -e 's/<POOLED-FUND-MANAGER>/Director of Finance/' -e 's/<ICB-NAME>/NHS Test ICB/' \
    -e 's/<ICB-SECTOR>/nhs/' -e 's/<COUNCIL-NAME>/Test Council/' \
    -e 's/<COUNCIL-SECTOR>/local_authority/' -e 's/<ICB-SHARE>/60%/' -e 's/<COUNCIL-SHARE>/40%/' \
    -e 's/<SCHEME-ID>/S01/' -e 's/<SCHEME-NAME>/Placements/' -e 's/<BUDGET>/1200000.00/' \
    -e 's/<LEAD-PARTNER-ID>/COUNCIL/' -e 's/<FUNCTION>/residential care/' agreement.toml
run pool-check agreement.toml >"$tmp/check.out" 2>&1 ||
    { cat "$tmp/check.out" >&2; fail "pool-check refused the filled starter"; }

mkdir ledgers
cat >ledgers/council-2025.csv <<'CSV'
date,ref,partner,scheme,cost_centre,description,amount
2025-04-15,C1,COUNCIL,S01,CC1,placement,250000.00
2025-10-01,C2,COUNCIL,S01,CC1,placement after P06,1000.00
CSV
cat >ledgers/icb-2025.csv <<'CSV'
date,ref,partner,scheme,cost_centre,description,amount
2025-09-10,I1,ICB,S01,CC1,placement,380000.00
CSV
run pool-recon agreement.toml ledgers/council-2025.csv ledgers/icb-2025.csv --period P06 \
    --format csv --table schemes >"$tmp/recon.csv" || fail "pool-recon on the filled starter"
# Budget 1200000.00 evenly: 100000.00 a month, 600000.00 to P06. Actual to P06: 250000.00 +
# 380000.00 = 630000.00 (the October line is after the period); variance 30000.00; forecast by
# profile 630000.00 + 600000.00 = 1230000.00, a forecast variance of 30000.00 = 2.5% of the
# budget: amber (2% <= 2.5% < 5%), over.
grep -q '^S01,Placements,1200000.00,600000.00,630000.00,30000.00,1230000.00,30000.00,.*amber,over$' \
    "$tmp/recon.csv" || { cat "$tmp/recon.csv" >&2; fail "the starter's month-end S01 row"; }

# The installed man page renders, and the completion completes from the installed tools.
page=$(run man -l "$usr/share/man/man1/pool-recon.1.gz" 2>"$tmp/man.err" | col -bx)
grep -q "^NAME" <<<"$page" && grep -Eq "pool-recon +- +month-end" <<<"$page" ||
    { cat "$tmp/man.err" >&2; fail "man -l pool-recon.1.gz did not render"; }
[ ! -s "$tmp/man.err" ] || { cat "$tmp/man.err" >&2; fail "man warned"; }
# And by name, as `man pool-recon` finds it once installed (here through MANPATH).
run env MANPATH="$usr/share/man" man -w pool-recon | grep -x "$usr/share/man/man1/pool-recon.1.gz" ||
    fail "man -w pool-recon did not find the installed page"
# (The whole page is read before it is searched: grep -q stopping early would break man's pipe.)
formats=$(run env MANPATH="$usr/share/man" man poolkit-formats 2>&1 | col -bx)
grep -q "^NAME" <<<"$formats" ||
    fail "man poolkit-formats did not render"
completion=$(run bash -c 'source "$1"; COMP_WORDS=(pool-recon --per); COMP_CWORD=1; _poolkit
    echo "${COMPREPLY[*]}"; COMP_WORDS=(poolkit re); _poolkit; echo "${COMPREPLY[*]}"' \
    _ "$usr/share/bash-completion/completions/pool-recon")
[ "$completion" = $'--period\nrecon' ] || fail "completion gave: $completion"
echo "deb: $(basename "$deb") (Depends: $depends) unpacked and run: $(wc -w <<<"$tools") commands"
