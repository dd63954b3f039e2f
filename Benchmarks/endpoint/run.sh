#!/usr/bin/env bash
# Endpoint benchmark: wrk (keep-alive, 64 connections, 2 threads) against `uploadgate serve` and against nginx
# returning a fixed JSON body, one after the other, several rounds, on this machine in the same run. Then a
# run at half the endpoint's measured rate for latency, and the endpoint's peak RSS.
#
# Usage: Benchmarks/endpoint/run.sh [ROUNDS] [SECONDS]      (defaults: 3 rounds of 10 s; make bench runs 5)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
rounds=${1:-3}
seconds=${2:-10}
connections=64
gate_port=18481
nginx_port=18482
work=$(mktemp -d)
trap 'kill "${gate_pid:-0}" 2>/dev/null || true; [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true; rm -rf "$work"' EXIT

"$root/scripts/install-deps.sh" wrk nginx
command -v nginx >/dev/null || export PATH="$PATH:/usr/sbin"
(cd "$root" && swift build -c release --product uploadgate >/dev/null)

mkdir -p "$work/tmp"
sed -e "s|__DIR__|$work|g" -e "s|__PORT__|$nginx_port|g" "$here/nginx.conf" > "$work/nginx.conf"
nginx -c "$work/nginx.conf" -p "$work"
"$root/.build/release/uploadgate" serve --listen "127.0.0.1:$gate_port" --threads 2 >/dev/null 2>"$work/gate.err" &
gate_pid=$!
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$gate_port/healthz" >/dev/null && break; sleep 0.1; done

# wrk's summary → "requests/s p50_ms p99_ms"
measure() {
    local port=$1 rate=${2:-0}
    RATE=$rate CONNECTIONS=$connections wrk -t2 -c$connections -d${seconds}s --latency -s "$here/bodies.lua" \
        "http://127.0.0.1:$port/validate" | awk '
        function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) } /^Requests\/sec/ { rps = $2 }
        END { printf "%.0f %.3f %.3f\n", rps, p50, p99 }'
}

echo "UploadGate endpoint benchmark — wrk -t2 -c$connections -d${seconds}s, keep-alive, $(nproc) cores"
printf "%-8s %-12s %14s %10s %10s\n" round server requests/s p50_ms p99_ms
best_gate=0; best_nginx=0
for round in $(seq "$rounds"); do
    read -r rps p50 p99 < <(measure $gate_port)
    printf "%-8s %-12s %14s %10s %10s\n" "$round" uploadgate "$rps" "$p50" "$p99"
    [ "$rps" -gt "$best_gate" ] && best_gate=$rps
    read -r rps p50 p99 < <(measure $nginx_port)
    printf "%-8s %-12s %14s %10s %10s\n" "$round" nginx "$rps" "$p50" "$p99"
    [ "$rps" -gt "$best_nginx" ] && best_nginx=$rps
done

half=$((best_gate / 2))
read -r rps p50 p99 < <(measure $gate_port $half)
rss_kb=$(awk '/VmHWM/ { print $2 }' "/proc/$gate_pid/status")
echo
printf "best: uploadgate %s req/s, nginx %s req/s, ratio %.2f× (bar ≥ 0.6×)\n" "$best_gate" "$best_nginx" \
    "$(awk -v a="$best_gate" -v b="$best_nginx" 'BEGIN { print a / b }')"
printf "half load (%s req/s target, %s achieved): p50 %s ms, p99 %s ms (bar < 2 ms)\n" "$half" "$rps" "$p50" "$p99"
printf "uploadgate peak RSS: %.1f MB (bar < 64 MB)\n" "$(awk -v k="$rss_kb" 'BEGIN { print k / 1024 }')"
