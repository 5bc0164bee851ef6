#!/usr/bin/env bash
# The month-end of every example workspace (each examples/*/ with an agreement.toml): pool-recon
# for every period of its financial year that has ended by DATE, each statement as JSON (for
# pool-verify) and text (for people) under OUT/DATE/WORKSPACE/. Stops at the first run that could
# not run (exit 2); gathers the findings of the runs that exit 1 into OUT/DATE/summary.txt, which
# it also prints. Exit 0 every statement clean, 1 findings, 2 stopped or misused (SPEC §5).
#
# Usage: examples/batch/month-end.sh [--date YYYY-MM-DD] [--out DIR] [--bin DIR]
#                                    [--workspaces DIR] [--ledgers FILE]
#   --date        the day the month-end runs (default: today); a period is to date when its last
#                 day is on or before it
#   --out         where the dated folder goes (default: month-end); an existing dated folder is
#                 never overwritten
#   --bin         the poolkit tools (default: pool-recon on PATH, else build/bin)
#   --workspaces  the directory of workspaces (default: examples)
#   --ledgers     which ledgers each workspace reads (default: examples/batch/ledgers.txt)
# Paths in the ledgers file, and so in the statements' recorded inputs, are relative to the
# repository root: run pool-verify on a statement from there.
set -uo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
day=$(date +%F) out=month-end bin="" workspaces=examples ledgers=examples/batch/ledgers.txt
usage() {
    echo "month-end: $1" >&2
    echo "usage: month-end.sh [--date YYYY-MM-DD] [--out DIR] [--bin DIR] [--workspaces DIR]" \
         "[--ledgers FILE]" >&2
    exit 2
}
while (($#)); do
    case $1 in
    --date | --out | --bin | --workspaces | --ledgers)
        (($# >= 2)) || usage "$1 needs a value"
        case $1 in
        --date) day=$2 ;; --out) out=$2 ;; --bin) bin=$2 ;;
        --workspaces) workspaces=$2 ;; --ledgers) ledgers=$2 ;;
        esac
        shift 2 ;;
    -h | --help) sed -n '2,18p' "$0" | cut -c3-; exit 0 ;;
    *) usage "unknown argument $1" ;;
    esac
done
if ! [[ $day =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}$ ]] || ! date -d "$day" +%F >/dev/null 2>&1; then
    usage "--date $day: give a real day as YYYY-MM-DD"
fi
# Relative paths are the caller's; the runs go from the repository root.
abs() { case $1 in /*) echo "$1" ;; *) echo "$PWD/$1" ;; esac; }
out=$(abs "$out") ledgers=$(abs "$ledgers") workspaces=$(abs "$workspaces")
[ -n "$bin" ] && bin=$(abs "$bin")
cd "$root" || exit 2
if [ -z "$bin" ]; then
    if command -v pool-recon >/dev/null; then bin=$(dirname "$(command -v pool-recon)")
    else bin=$root/build/bin; fi
fi
[ -x "$bin/pool-recon" ] || usage "no pool-recon in $bin (build poolkit first, or give --bin)"
[ -r "$ledgers" ] || usage "cannot read the ledgers file $ledgers"
folder=$out/$day
[ -e "$folder" ] && usage "$folder exists: move it away, or give another --out"
mkdir -p "$folder" || exit 2
summary=$folder/summary.txt

# The ledger arguments of a workspace, from the ledgers file (nothing when it has no line).
ledger_args() {
    awk -v w="$1" '$1 == w { for (i = 2; i <= NF; i++) print $i; exit }' "$ledgers"
}
# How many periods of the financial year "YYYY-YY" have ended by $day (0..12).
periods_to_date() {
    local start=${1%%-*} n=0 m
    for m in $(seq 1 12); do
        local y=$((start + (m + 2) / 12)) month=$(((m + 2) % 12 + 1))
        local last
        last=$(date -d "$(printf '%04d-%02d-01' "$y" "$month") +1 month -1 day" +%F)
        [[ $last > $day ]] && break
        n=$m
    done
    echo "$n"
}

statements=0 with_findings=0 skipped=0
notes=""
note() { notes+="$1"$'\n'; }
indented() { while IFS= read -r line; do echo "  $line"; done <<<"$1"; }
finish() {
    {
        echo "Month-end $day: $statements statement$( ((statements == 1)) || echo s)," \
             "$with_findings with findings; $skipped workspace$( ((skipped == 1)) || echo s)" \
             "skipped"
        printf '%s' "$notes"
    } >"$summary"
    cat "$summary"
}

for agreement in "$workspaces"/*/agreement.toml; do
    [ -e "$agreement" ] || continue
    name=$(basename "$(dirname "$agreement")")
    mapfile -t args < <(ledger_args "$name")
    if ((${#args[@]} == 0)); then
        note "$name: skipped: no ledgers (add its line to $(basename "$ledgers"))"
        skipped=$((skipped + 1))
        continue
    fi
    year=$(sed -n 's/^financial_year *= *"\([0-9]\{4\}-[0-9]\{2\}\)".*/\1/p' "$agreement" | head -1)
    [ -n "$year" ] || { note "$name: stopped: no financial_year in $agreement"; finish; exit 2; }
    n=$(periods_to_date "$year")
    if ((n == 0)); then
        note "$name: skipped: no period of $year has ended by $day"
        skipped=$((skipped + 1))
        continue
    fi
    mkdir -p "$folder/$name"
    # The agreement as the ledgers file's paths are: relative to the root when it is inside it.
    a=${agreement#"$root"/}
    clean=0
    for m in $(seq 1 "$n"); do
        p=$(printf 'P%02d' "$m")
        for format in json text; do
            ext=$([ $format = json ] && echo json || echo txt)
            err=$("$bin/pool-recon" "$a" "${args[@]}" --period "$p" --format "$format" \
                -o "$folder/$name/recon-$p.$ext" 2>&1 >/dev/null)
            code=$?
            [ $format = json ] || continue # the text run says the same on stderr
            statements=$((statements + 1))
            if ((code == 2)); then
                note "$name $p: could not run (exit 2); stopped here:"
                note "$(indented "$err")"
                finish
                exit 2
            elif ((code == 1)); then
                with_findings=$((with_findings + 1))
                note "$name $p: findings (exit 1):"
                note "$(indented "$err")"
            else
                clean=$((clean + 1))
            fi
        done
    done
    note "$name: P01..$(printf 'P%02d' "$n"): $clean of $n clean"
done
finish
((with_findings == 0)) && exit 0 || exit 1
