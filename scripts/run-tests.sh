#!/usr/bin/env bash
# Runs the whole test suite: builds once, then runs each test target in its own process, one after another.
#
# Why not one `swift test`: it runs every target's tests in parallel in one process, so the timing-sensitive
# HTTP server tests (timeouts, connection limits, 500 idle sockets) compete with the CPU-heavy CLI tests
# (10,000-policy folders) on a 2-core machine and fail for reasons that are not bugs. Each target still runs
# its own tests in parallel.
set -euo pipefail
cd "$(dirname "$0")/.."

swift build --build-tests
targets=$(swift test list --skip-build 2>/dev/null | cut -d. -f1 | sort -u)
[ -n "$targets" ] || { echo "run-tests: no tests found" >&2; exit 1; }

failed=()
for target in $targets; do
    echo "=== $target"
    if ! swift test --skip-build --filter "^${target}\\." 2>&1 | tee "/tmp/uploadgate-test-${target}.log" | tail -n 3
    then
        failed+=("$target")
    elif grep -q "✘ Test run" "/tmp/uploadgate-test-${target}.log"; then
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]} (full logs in /tmp/uploadgate-test-<target>.log)" >&2
    exit 1
fi
echo "All test targets passed: $(echo $targets | wc -w) targets."
