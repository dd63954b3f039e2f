#!/usr/bin/env bash
# Runs every UploadGate benchmark and prints one report: engine (vs a C pcre2_jit_match loop and vs
# NSRegularExpression), growth, allocations per decision (valgrind DHAT), the handler in-process, and the
# endpoint over HTTP (vs nginx). Release builds; takes a few minutes. `make bench` runs it.
#
# Usage: Benchmarks/run-all.sh [--quick]
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
quick=${1:-}
cd "$here"
"$here/../scripts/install-deps.sh" valgrind wrk nginx
swift build -c release >/dev/null
bin="$here/.build/release"

echo "== Machine"
echo "$(nproc) cores, $(awk '/MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo), $(uname -r), load $(cut -d' ' -f1-3 /proc/loadavg)"
swift --version 2>/dev/null | head -1
echo

echo "== Engine"
"$bin/EngineBenchmark" --policies "$here/../Policies" $quick
echo

echo "== Allocations per decision (valgrind DHAT, default policy, realistic mix)"
count=$([ -n "$quick" ] && echo 2000 || echo 20000)
for n in 0 "$count"; do
    valgrind --tool=dhat --dhat-out-file=/dev/null "$bin/EngineBenchmark" --policies "$here/../Policies" \
        --only-default "$n" 2>&1 | awk -v n="$n" '/Total:/ { gsub(",", "", $3); gsub(",", "", $6); print n, $3, $6 }'
done | awk 'NR == 1 { b0 = $2; k0 = $3 } NR == 2 { printf "%.0f bytes and %.1f blocks allocated per decision\n", ($2 - b0) / $1, ($3 - k0) / $1 }'
echo

echo "== Request handling in-process (no network)"
"$bin/HandlerBenchmark" $quick 2>&1 >/dev/null
echo

echo "== Endpoint over HTTP"
if [ -n "$quick" ]; then "$here/endpoint/run.sh" 1 3; else "$here/endpoint/run.sh" 5 10; fi
