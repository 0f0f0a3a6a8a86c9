#!/usr/bin/env bash
# What each package under Examples/ adds to `make test`: its build from
# nothing (this package's modules compiled again for it, in a fresh scratch
# folder), then its tests and its `Infra --check`, timed on their own.
# Usage: benchmarks/examples_time.sh
set -euo pipefail
root=$(git rev-parse --show-toplevel)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# shellcheck source=benchmarks/seconds.sh
. "$root/benchmarks/seconds.sh"

echo "machine: $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg), $(swift --version 2>&1 | head -1)"
printf '| example | clean build (with tests) | tests | Infra --check |\n|---|---|---|---|\n'
for example in "$root"/Examples/*/; do
    name=$(basename "$example")
    scratch="$work/$name"
    build=$(seconds swift build --package-path "$example" --scratch-path "$scratch" --build-tests)
    tests="-"
    if [ -d "$example/Tests" ]; then
        tests=$(seconds swift test --package-path "$example" --scratch-path "$scratch" --skip-build --disable-xctest)
    fi
    bin=$(swift build --package-path "$example" --scratch-path "$scratch" --show-bin-path)
    check=$(cd "$example" && seconds "$bin/Infra" --check)
    printf '| %s | %.0f s | %s | %.2f s |\n' "$name" "$build" "$( [ "$tests" = - ] && echo - || printf '%.1f s' "$tests")" "$check"
done
