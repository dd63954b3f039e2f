#!/usr/bin/env bash
# Builds UploadGate's libFuzzer targets (the package in Tests/Fuzz) and runs each for a set time, one after another.
#
# Usage: scripts/fuzz.sh [build | run [TARGET ...] | list]
#   build        build every target with -sanitize=fuzzer,address (release, with -enable-testing for @testable)
#   run          build, then fuzz each TARGET (default: all) for FUZZ_SECONDS seconds (default 60)
#   list         print the target names
#
# Seeds are committed under Tests/Fuzz/<Target>/corpus and never written to: each run copies them into a working
# corpus under .build-fuzz/corpus/<Target>, which grows from run to run. Crashes, timeouts, out-of-memory and
# leak reports go to Tests/Fuzz/artifacts/<Target>/ (git-ignored); the full output goes to
# .build-fuzz/logs/<Target>.log. A run that finds anything exits 1 after the remaining targets have run.
#
# A hang is a finding: an input that takes longer than FUZZ_TIMEOUT seconds (default 5) is reported as a timeout.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

FUZZ_SECONDS=${FUZZ_SECONDS:-60}
FUZZ_TIMEOUT=${FUZZ_TIMEOUT:-5}
FUZZ_RSS_MB=${FUZZ_RSS_MB:-2048}
scratch="$root/.build-fuzz"
targets=(PolicyLoader RequestCodec Evaluation MediaType)

# Longest input per target: a policy file, a request, a decision's inputs, a Content-Type value.
max_len() {
    case "$1" in
        PolicyLoader) echo 8192 ;;
        RequestCodec) echo 4096 ;;
        Evaluation) echo 1024 ;;
        MediaType) echo 256 ;;
    esac
}

build() {
    swift build --package-path Tests/Fuzz --scratch-path "$scratch/build" -c release \
        -Xswiftc -sanitize=fuzzer,address -Xswiftc -enable-testing
}

run_target() {
    local target=$1
    local binary="$scratch/build/release/Fuzz$target"
    local seeds="Tests/Fuzz/$target/corpus"
    local corpus="$scratch/corpus/$target"
    local artifacts="Tests/Fuzz/artifacts/$target"
    local log="$scratch/logs/$target.log"
    mkdir -p "$corpus" "$artifacts" "$scratch/logs"
    local options=(
        -max_total_time="$FUZZ_SECONDS" -timeout="$FUZZ_TIMEOUT" -rss_limit_mb="$FUZZ_RSS_MB"
        -max_len="$(max_len "$target")" -use_value_profile=1 -print_final_stats=1
        -artifact_prefix="$artifacts/"
    )
    local dict
    for dict in Tests/Fuzz/"$target"/*.dict; do
        [ -f "$dict" ] && options+=(-dict="$dict")
    done
    echo "=== $target: ${FUZZ_SECONDS}s (log: ${log#"$root"/})"
    # Swift's own crash backtracer would race libFuzzer's handlers and keep the pipe open; ASan's are enough.
    local status=0
    SWIFT_BACKTRACE=enable=no UPLOADGATE_ROOT="$root" "$binary" "${options[@]}" "$corpus" "$seeds" >"$log" 2>&1 ||
        status=$?
    summarize "$target" "$log" "$status"
    return "$status"
}

# One line per target: executions, coverage (edges) and features, corpus size, and what was found.
summarize() {
    local target=$1 log=$2 status=$3
    local stats execs cov ft corpus
    stats=$(grep -E '^#[0-9]+' "$log" | tail -n 1 || true)
    execs=$(grep -oE 'stat::number_of_executed_units: [0-9]+' "$log" | grep -oE '[0-9]+$' || echo "?")
    cov=$(grep -oE 'cov: [0-9]+' <<<"$stats" | grep -oE '[0-9]+' || echo "?")
    ft=$(grep -oE 'ft: [0-9]+' <<<"$stats" | grep -oE '[0-9]+' || echo "?")
    corpus=$(grep -oE 'corp: [0-9]+/[0-9]+[a-zA-Z]*' <<<"$stats" | cut -d' ' -f2 || echo "?")
    if [ "$status" -eq 0 ]; then
        echo "    $target: $execs executions, cov $cov edges, ft $ft features, corpus $corpus; nothing found"
    else
        echo "    $target: FINDING after $execs executions (exit $status):"
        grep -E 'ERROR: |INVARIANT VIOLATED|Test unit written|SUMMARY' "$log" | head -n 6 | sed 's/^/      /'
    fi
}

case "${1:-run}" in
    list) printf '%s\n' "${targets[@]}" ;;
    build) build ;;
    run)
        shift || true
        [ $# -gt 0 ] && targets=("$@")
        build
        failed=()
        for target in "${targets[@]}"; do
            run_target "$target" || failed+=("$target")
        done
        if [ ${#failed[@]} -gt 0 ]; then
            echo "fuzz: findings in ${failed[*]}; inputs are in Tests/Fuzz/artifacts/" >&2
            exit 1
        fi
        ;;
    *) sed -n '2,16p' "$0" >&2; exit 2 ;;
esac
