#!/usr/bin/env bash
# Clean and incremental debug build times of two commits, side by side in one
# run: BEFORE (default: the commit before the generated resource types) and
# AFTER (default: HEAD). Each is checked out into its own worktree and built
# from nothing; then one stack file is edited (a comment line appended, so
# neither timestamps nor content hashes can skip it) and `swift build` timed
# again (median of 3). Usage: benchmarks/build_time.sh [BEFORE] [AFTER]
set -euo pipefail
root=$(git rev-parse --show-toplevel)
before=${1:-$(git -C "$root" log --format=%h --grep='^Targets for the generated AWS resources' -n 1)}
after=${2:-$(git -C "$root" rev-parse --short HEAD)}
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/before" >/dev/null 2>&1 || true; git -C "$root" worktree remove --force "$work/after" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT

# shellcheck source=benchmarks/seconds.sh
. "$root/benchmarks/seconds.sh"

median() { printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {print (NR%2 ? a[(NR+1)/2] : (a[NR/2]+a[NR/2+1])/2)}'; }

echo "machine: $(nproc) cores, $(swift --version 2>&1 | head -1)"
printf '| commit | clean debug build | incremental (one stack file edited) |\n|---|---|---|\n'
for label in before after; do
    rev=$([ $label = before ] && echo "$before" || echo "$after")
    git -C "$root" worktree add --detach "$work/$label" "$rev" >/dev/null 2>&1
    cd "$work/$label"
    # Resolve packages outside the timing: the clean build measures compiling.
    swift package resolve >/dev/null 2>&1
    clean=$(seconds swift build)
    stack=$(ls stacks/*/*.swift | head -1)
    runs=()
    for run in 1 2 3; do
        echo "// edit $run" >> "$stack"
        runs+=("$(seconds swift build)")
    done
    printf '| %s (%s) | %.1f s | %.1f s |\n' "$label" "$rev" "$clean" "$(median "${runs[@]}")"
    cd "$root"
done
