#!/bin/sh
# Runs every example in this folder against real servers on loopback and checks what they print.
# Starts `uploadgate serve` four times (plain on the shipped Policies, then api-key, bearer and basic auth),
# each on its own port, and stops them at the end. Usage: Examples/curl/try-all.sh [path/to/uploadgate]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
BIN=${1:-}
if [ -z "$BIN" ]; then
  for candidate in "$ROOT/.build/release/uploadgate" "$ROOT/.build/debug/uploadgate"; do
    [ -x "$candidate" ] && BIN=$candidate && break
  done
fi
[ -x "${BIN:-}" ] || { echo "build uploadgate first (make build)" >&2; exit 2; }

WORK=$(mktemp -d)
PIDS=""
cleanup() { for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done; rm -rf "$WORK"; }
trap cleanup EXIT INT TERM

# start NAME PORT KEYS ARGS...: starts a server (UPLOADGATE_API_KEYS=KEYS unless empty) and waits until it answers.
start() {
  name=$1; port=$2; keys=$3; shift 3
  if [ -n "$keys" ]; then
    UPLOADGATE_API_KEYS=$keys "$BIN" serve --listen "127.0.0.1:$port" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  else
    "$BIN" serve --listen "127.0.0.1:$port" "$@" >"$WORK/$name.out" 2>"$WORK/$name.err" &
  fi
  PIDS="$PIDS $!"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "server $name did not start:" >&2; cat "$WORK/$name.err" >&2; exit 1
}
FAILED=0
expect() {  # expect LABEL FILE PATTERN: the output must contain PATTERN
  if grep -qF -- "$3" "$2"; then echo "ok    $1"; else echo "FAIL  $1: no '$3' in:"; cat "$2"; FAILED=1; fi
}

start plain 18181 "" --policies "$ROOT/Policies"
start apikey 18182 'app|0123abcd,app|4567ef' --policies "$ROOT/Policies"
start bearer 18183 tok-123 --auth bearer
start basic 18184 restpki:s3cret --auth basic

export UPLOADGATE_URL=http://127.0.0.1:18181
"$HERE/validate.sh" >"$WORK/validate.txt"
expect "validate: accepted" "$WORK/validate.txt" '{"accept":true,"rejectReason":null}'
expect "validate: decision header" "$WORK/validate.txt" 'X-UploadGate-Decision: accepted'
expect "validate: hidden executable" "$WORK/validate.txt" 'behind'
expect "validate: pt-BR reason" "$WORK/validate.txt" 'não é aceito'
expect "validate: bidi control" "$WORK/validate.txt" 'text-direction'
"$HERE/validate-policy.sh" pdf-only >"$WORK/policy.txt"
expect "validate-policy: refused by pdf-only" "$WORK/policy.txt" 'Only PDF documents are accepted'
expect "validate-policy: decided by pdf-only" "$WORK/policy.txt" 'X-UploadGate-Policy: pdf-only'
expect "validate-policy: 404 lists ids" "$WORK/policy.txt" "There is no policy 'no-such-policy'"
"$HERE/errors.sh" >"$WORK/errors.txt"
for status in 400 404 413 415; do expect "errors: $status" "$WORK/errors.txt" "[$status]"; done
expect "errors: 405 with Allow" "$WORK/errors.txt" 'Allow: POST'
"$HERE/operations.sh" >"$WORK/ops.txt"
expect "operations: healthz" "$WORK/ops.txt" '{"status":"ok"}'
expect "operations: metrics" "$WORK/ops.txt" 'uploadgate_decisions_total{code="accepted",policy="default"}'

UPLOADGATE_URL=http://127.0.0.1:18182 "$HERE/auth.sh" api-key 'app|4567ef' >"$WORK/apikey.txt"
UPLOADGATE_URL=http://127.0.0.1:18183 "$HERE/auth.sh" bearer tok-123 >"$WORK/bearer.txt"
UPLOADGATE_URL=http://127.0.0.1:18184 "$HERE/auth.sh" basic restpki:s3cret >"$WORK/basic.txt"
for mode in apikey bearer basic; do
  expect "auth $mode: right secret" "$WORK/$mode.txt" '{"accept":true,"rejectReason":null} [200]'
  expect "auth $mode: no credentials" "$WORK/$mode.txt" '[401]'
done
expect "auth api-key: challenge" "$WORK/apikey.txt" 'ApiKey realm="uploadgate"'
expect "auth bearer: challenge" "$WORK/bearer.txt" 'Bearer realm="uploadgate"'
expect "auth basic: challenge" "$WORK/basic.txt" 'Basic realm="uploadgate"'
UPLOADGATE_URL=http://127.0.0.1:18182 UPLOADGATE_CURL_AUTH='X-Api-Key: app|0123abcd' "$HERE/operations.sh" >"$WORK/ops-auth.txt"
expect "operations with a key: policies" "$WORK/ops-auth.txt" '"id":"pdf-only"'

if grep -q '0123abcd\|4567ef\|tok-123\|s3cret' "$WORK"/*.err "$WORK"/*.out; then
  echo "FAIL  a secret appeared in a server's output"; FAILED=1
else
  echo "ok    no secret in any server output"
fi
[ $FAILED -eq 0 ] && echo "all examples behaved as documented" || exit 1
