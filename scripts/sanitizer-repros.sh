#!/usr/bin/env bash
# Proves that each sanitizer suppression in Tests/Sanitizers covers a report from the toolchain, not from
# UploadGate: builds each minimal reproduction there with its sanitizer, runs it without the suppressions file
# (a report is expected) and with it (none is expected), and prints one line per reproduction.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work=$(mktemp -d)
server_pid=""
cleanup() {
    [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null
    rm -rf "$work"
}
trap cleanup EXIT

# check NAME SANITIZER ENV-WITH-SUPPRESSIONS [ARGUMENTS...]: NAME.swift, or NAME.c built with gcc's sanitizer.
check() {
    local name=$1 sanitizer=$2 suppressed=$3
    shift 3
    if [ -f "Tests/Sanitizers/$name.c" ]; then
        gcc -fsanitize="$sanitizer" -g "Tests/Sanitizers/$name.c" -o "$work/$name" $(pkg-config --cflags --libs libmicrohttpd)
    else
        swiftc -sanitize="$sanitizer" -g "Tests/Sanitizers/$name.swift" -o "$work/$name" 2>/dev/null
    fi
    local without with
    without=$(env ASAN_OPTIONS=detect_leaks=1 "$work/$name" "$@" 2>&1 | grep -cE "WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer" || true)
    with=$(env ASAN_OPTIONS=detect_leaks=1 "$suppressed" "$work/$name" "$@" 2>&1 | grep -cE "WARNING: ThreadSanitizer|ERROR: (Address|Leak)Sanitizer" || true)
    local verdict="reproduced and suppressed"
    [ "$without" -gt 0 ] || verdict="NOT reproduced (contention or descriptor count may vary; run again)"
    [ "$with" -eq 0 ] || verdict="NOT suppressed"
    printf '%-28s %-8s reports without suppressions: %s, with: %s — %s\n' "$name" "$sanitizer" "$without" "$with" "$verdict"
}

check MutexUnderContention thread "TSAN_OPTIONS=suppressions=$root/Tests/Sanitizers/tsan-suppressions.txt"
check ProcessWithManyDescriptors address \
    "ASAN_OPTIONS=detect_leaks=0:suppressions=$root/Tests/Sanitizers/asan-suppressions.txt" 2000
lsan="LSAN_OPTIONS=suppressions=$root/Tests/Sanitizers/lsan-suppressions.txt"
check DataInAGlobal address "$lsan"
check GrowingFileRead address "$lsan"
check WeakReferenceToLiveObject address "$lsan"
printf -- '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydA==\n-----END CERTIFICATE-----\n' >"$work/corrupt.pem"
openssl genpkey -algorithm EC -pkeyopt ec_paramgen_curve:prime256v1 -out "$work/key.pem" 2>/dev/null
check mhd-corrupt-certificate address "$lsan" 4 "$work/corrupt.pem" "$work/key.pem"
port=$((20000 + RANDOM % 20000))
python3 -m http.server "$port" --bind 127.0.0.1 >/dev/null 2>&1 &
server_pid=$!
sleep 1
check URLSessionPerRequest address "$lsan" 20 "$port"
