#!/usr/bin/env bash
# `cmake --install` of the build tree into a temporary prefix, then a program outside poolkit
# (tests/install/consumer) configured with find_package(poolkit) against that prefix alone, built
# and run, with the build's own compiler and generator.
# Usage: consumer.sh BUILD_DIR CONSUMER_SOURCE_DIR CXX_COMPILER GENERATOR
set -euo pipefail
build=$1 source=$2 cxx=$3 generator=$4
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cmake --install "$build" --prefix "$tmp/prefix" >"$tmp/install.log"
for f in bin/pool-recon bin/poolkit include/poolkit/money/money.hpp \
         include/poolkit/support/version.hpp lib/cmake/poolkit/poolkitConfig.cmake \
         share/poolkit/ledger-profiles/icb-oracle.toml share/poolkit/templates/pooled.toml \
         share/man/man1/pool-recon.1.gz share/man/man5/poolkit-formats.5.gz \
         share/bash-completion/completions/poolkit share/bash-completion/completions/pool-recon; do
    [ -e "$tmp/prefix/$f" ] || { echo "consumer: $f is not installed" >&2; exit 1; }
done
cmake -S "$source" -B "$tmp/build" -G "$generator" -DCMAKE_PREFIX_PATH="$tmp/prefix" \
      -DCMAKE_CXX_COMPILER="$cxx" >"$tmp/configure.log" ||
    { cat "$tmp/configure.log" >&2; exit 1; }
cmake --build "$tmp/build" >"$tmp/build.log" || { cat "$tmp/build.log" >&2; exit 1; }
out=$("$tmp/build/consumer")
# £100.00 over three equal weights: 3333 pence each and the one penny left to the first (the
# largest remainders tie, the earlier item wins): 33.34 + 33.33 + 33.33 = 100.00. The agreement
# text holds one placeholder, which is its only error (nothing else is read).
version=$("$tmp/prefix/bin/poolkit" --version | sed "s/^poolkit //")
expected="poolkit $version: 33.34 33.33 33.33
errors: 1"
if [ "$out" != "$expected" ]; then
    printf 'consumer: got\n%s\nexpected\n%s\n' "$out" "$expected" >&2
    exit 1
fi
echo "consumer: built and ran against the installed poolkit $version"
