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

logs=$(mktemp -d /tmp/uploadgate-tests.XXXXXX)
failed=()
for target in $targets; do
    echo "=== $target"
    log="$logs/$target.log"
    if swift test --skip-build --filter "^${target}\\." >"$log" 2>&1 && ! grep -q "✘ Test run" "$log"; then
        tail -n 1 "$log"
    else
        # Show what failed: the failing tests' lines, or the end of the log when the process died.
        grep -E "✘|recorded an issue|Fatal error|crashed" "$log" | head -n 40 || true
        tail -n 20 "$log"
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]} (full logs in $logs)" >&2
    exit 1
fi
rm -rf "$logs"
echo "All test targets passed: $(echo $targets | wc -w) targets."
