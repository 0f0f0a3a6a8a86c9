# Sourced by the benchmark shell scripts: `seconds command...` runs the
# command with its output discarded and prints its wall time in seconds.
seconds() {
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    echo "$end - $start" | bc
}
