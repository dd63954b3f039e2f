#!/usr/bin/env bash
# Runs the whole test suite: builds once, then runs each test target in its own process, one after another.
#
# Usage: scripts/run-tests.sh [--sanitize thread|address]
#
# Why not one `swift test`: it runs every target's tests in parallel in one process, so the timing-sensitive
# HTTP server tests (timeouts, connection limits, 500 idle sockets) compete with the CPU-heavy CLI tests
# (10,000-policy folders) on a 2-core machine and fail for reasons that are not bugs. Each target still runs
# its own tests in parallel.
#
# With --sanitize, everything (the uploadgate binary the CLI and end-to-end tests run included) is built with
# ThreadSanitizer or AddressSanitizer into .build-tsan or .build-asan, so the normal build is untouched,
# and a target fails on any sanitizer report even when its tests pass. Tests that race a server timeout stretch
# it by UPLOADGATE_TEST_SLOWDOWN (5 under ThreadSanitizer, 3 under AddressSanitizer). ThreadSanitizer reads
# Tests/Sanitizers/tsan-suppressions.txt (one toolchain false positive, explained there and in
# docs/fuzzing.md); AddressSanitizer runs with LeakSanitizer on.
set -euo pipefail
cd "$(dirname "$0")/.."

options=()
sanitizer=""
if [ "${1:-}" = "--sanitize" ]; then
    sanitizer=${2:?"--sanitize needs thread or address"}
    case "$sanitizer" in
        thread)
            scratch=.build-tsan
            export UPLOADGATE_TEST_SLOWDOWN=${UPLOADGATE_TEST_SLOWDOWN:-5}
            export TSAN_OPTIONS="suppressions=$(pwd)/Tests/Sanitizers/tsan-suppressions.txt halt_on_error=0 ${TSAN_OPTIONS:-}"
            ;;
        address)
            scratch=.build-asan
            export UPLOADGATE_TEST_SLOWDOWN=${UPLOADGATE_TEST_SLOWDOWN:-3}
            export ASAN_OPTIONS="detect_leaks=1:halt_on_error=1:suppressions=$(pwd)/Tests/Sanitizers/asan-suppressions.txt:${ASAN_OPTIONS:-}"
            export LSAN_OPTIONS="suppressions=$(pwd)/Tests/Sanitizers/lsan-suppressions.txt:${LSAN_OPTIONS:-}"
            ;;
        *) echo "run-tests: --sanitize takes thread or address, not '$sanitizer'" >&2; exit 2 ;;
    esac
    options=(--sanitize="$sanitizer" --scratch-path "$scratch")
fi
label=${sanitizer:+-$sanitizer}

swift build --build-tests "${options[@]}"
targets=$(swift test list --skip-build "${options[@]}" 2>/dev/null | cut -d. -f1 | sort -u)
[ -n "$targets" ] || { echo "run-tests: no tests found" >&2; exit 1; }

logs=$(mktemp -d /tmp/uploadgate-tests${label}.XXXXXX)
failed=()
for target in $targets; do
    echo "=== $target"
    log="$logs/$target.log"
    if swift test --skip-build "${options[@]}" --filter "^${target}\\." >"$log" 2>&1 \
        && ! grep -q "✘ Test run" "$log" \
        && ! grep -qE "WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer" "$log"; then
        tail -n 1 "$log"
    else
        # Show what failed: the failing tests' lines and sanitizer reports, or the end of the log when the
        # process died.
        grep -E "✘|recorded an issue|Fatal error|crashed|WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer|SUMMARY: " \
            "$log" | head -n 40 || true
        tail -n 20 "$log"
        failed+=("$target")
    fi
done

if [ ${#failed[@]} -gt 0 ]; then
    echo "FAILED: ${failed[*]} (full logs in $logs)" >&2
    exit 1
fi
rm -rf "$logs"
echo "All test targets passed${sanitizer:+ under the ${sanitizer} sanitizer}: $(echo $targets | wc -w) targets."
