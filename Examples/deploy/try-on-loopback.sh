#!/bin/sh
# Tries the deployment examples for real, on loopback only:
#   1. installs nginx from Debian's packages if it is missing (needs root), builds uploadgate if needed;
#   2. starts two `uploadgate serve` replicas (127.0.0.1:18081 and :18082) with an API key, as the systemd
#      unit would, and nginx (127.0.0.1:18080) with nginx-uploadgate.conf, ports rewritten;
#   3. sends requests through nginx and checks the answers: decisions, pt-BR, 401, JSON 413, 404, both
#      replicas used, keep-alive to the replicas, SIGHUP reload on each replica, failover when one replica
#      stops;
#   4. checks the systemd unit with `systemd-analyze verify` (when available);
#   5. stops everything and removes its files.
# Usage: Examples/deploy/try-on-loopback.sh [path/to/uploadgate]
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
NGINX_PORT=18080
PORT_A=18081
PORT_B=18082
KEY='app|0f1e2d3c4b5a69788796a5b4c3d2e1f0'

if ! command -v nginx >/dev/null 2>&1 && [ ! -x /usr/sbin/nginx ]; then
  echo "installing nginx from Debian's packages"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx-light >/dev/null \
    || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx >/dev/null
fi
NGINX=$(command -v nginx || echo /usr/sbin/nginx)

BIN=${1:-$ROOT/.build/release/uploadgate}
if [ ! -x "$BIN" ]; then
  echo "building uploadgate (release)"
  (cd "$ROOT" && make build >/dev/null)
fi
BIN=$(cd "$(dirname "$BIN")" && pwd)/$(basename "$BIN")  # absolute: the unit check needs it

WORK=$(mktemp -d)
PIDS=""
cleanup() {
  [ -f "$WORK/nginx.pid" ] && "$NGINX" -p "$WORK" -c "$WORK/nginx.conf" -s quit 2>/dev/null || true
  for pid in $PIDS; do kill "$pid" 2>/dev/null || true; done
  sleep 0.3
  rm -rf "$WORK"
}
trap cleanup EXIT INT TERM

FAILED=0
check() {  # check LABEL EXPECTED ACTUAL
  if [ "$2" = "$3" ]; then echo "ok    $1"; else echo "FAIL  $1: expected '$2', got '$3'"; FAILED=1; fi
}
contains() {  # contains LABEL NEEDLE HAYSTACK
  case $3 in *"$2"*) echo "ok    $1" ;; *) echo "FAIL  $1: no '$2' in '$3'"; FAILED=1 ;; esac
}

# The replicas, as uploadgate@.service starts them (the key file stands in for the systemd credential).
mkdir -p "$WORK/policies" "$WORK/credentials" "$WORK/logs"
cp "$ROOT"/Policies/*.json "$WORK/policies/"
printf '# rotation: old key first\nold|ffffffffffffffffffffffffffffffff\n%s\n' "$KEY" >"$WORK/credentials/api-keys"
start_replica() {  # start_replica NAME PORT
  UPLOADGATE_LOG_HASH_KEY='the same key on every replica' "$BIN" serve --listen "127.0.0.1:$2" \
    --policies "$WORK/policies" --api-key-file "$WORK/credentials/api-keys" --log-names hash \
    --max-connections 1024 --per-ip-limit 1024 >"$WORK/$1.decisions" 2>"$WORK/$1.log" &
  echo $! >"$WORK/$1.pid"
  PIDS="$PIDS $!"
  for _ in $(seq 100); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null 2>&1 && return 0; sleep 0.1; done
  echo "replica $1 did not start:"; cat "$WORK/$1.log"; exit 1
}
start_replica a $PORT_A
start_replica b $PORT_B

# nginx with the example's server block, ports moved to the loopback test ports.
sed -e "s/127.0.0.1:8081/127.0.0.1:$PORT_A/; s/127.0.0.1:8082/127.0.0.1:$PORT_B/" \
    -e "s/listen 80;/listen 127.0.0.1:$NGINX_PORT;/" "$HERE/nginx-uploadgate.conf" >"$WORK/uploadgate.conf"
cat >"$WORK/nginx.conf" <<EOF
worker_processes 2;
pid $WORK/nginx.pid;
error_log $WORK/logs/error.log warn;
events { worker_connections 1024; }
http {
    access_log $WORK/logs/access.log;
    client_body_temp_path $WORK/body; proxy_temp_path $WORK/proxy; fastcgi_temp_path $WORK/fastcgi;
    uwsgi_temp_path $WORK/uwsgi; scgi_temp_path $WORK/scgi;
    include $WORK/uploadgate.conf;
}
EOF
"$NGINX" -t -q -p "$WORK" -c "$WORK/nginx.conf"
"$NGINX" -p "$WORK" -c "$WORK/nginx.conf"
for _ in $(seq 50); do curl -sf "http://127.0.0.1:$NGINX_PORT/healthz" >/dev/null 2>&1 && break; sleep 0.1; done
echo "nginx $("$NGINX" -v 2>&1 | sed 's/.*\///') on 127.0.0.1:$NGINX_PORT in front of 127.0.0.1:$PORT_A and :$PORT_B"

URL=http://127.0.0.1:$NGINX_PORT
post() {  # post PATH CURL-ARGS...
  path=$1; shift
  curl -sS "$URL$path" -H 'Content-Type: application/json' -H "X-Api-Key: $KEY" "$@"
}

check "accepted through nginx" '{"accept":true,"rejectReason":null}' \
  "$(post /validate -d '{"name":"Contrato.pdf","contentType":"application/pdf","length":1000}')"
contains "rejected, reason in pt-BR" 'Somente documentos PDF' \
  "$(post /validate/pdf-only -H 'Accept-Language: pt-BR' -d '{"name":"Contrato.docx"}')"
contains "decision headers pass through" 'X-UploadGate-Decision: name.hidden_executable' \
  "$(post /validate -D - -o /dev/null -d '{"name":"nota.exe.pdf","contentType":"application/pdf"}')"
check "the old key still works (rotation)" 'true' \
  "$(curl -sS "$URL/validate" -H 'Content-Type: application/json' -H 'X-Api-Key: old|ffffffffffffffffffffffffffffffff' \
      -d '{"name":"a.pdf"}' | sed 's/.*"accept":\([a-z]*\).*/\1/')"
check "401 without a key" '401' \
  "$(curl -s -o /dev/null -w '%{http_code}' "$URL/validate" -H 'Content-Type: application/json' -d '{"name":"a.pdf"}')"
contains "413 is uploadgate's JSON" '"request.body_too_large"' \
  "$(head -c 20000 /dev/zero | tr '\0' ' ' | post /validate --data-binary @-)"
contains "unknown route: 404 JSON" '"route.not_found"' "$(curl -sS "$URL/nope")"

# Both replicas answer: each process stamps its own random prefix on decision ids.
for _ in $(seq 40); do
  post /validate -D - -o /dev/null -d '{"name":"a.pdf"}' | sed -n 's/^X-UploadGate-Decision-Id: \([0-9a-f]*\)-.*/\1/p'
done | sort -u >"$WORK/prefixes"
check "both replicas answered" '2' "$(wc -l <"$WORK/prefixes" | tr -d ' ')"

# Keep-alive to the replicas: far fewer upstream connections than requests.
opened=$(for r in a b; do curl -s "http://127.0.0.1:$([ $r = a ] && echo $PORT_A || echo $PORT_B)/metrics"; done \
  | sed -n 's/^uploadgate_http_requests_total{method="POST",route="\/validate",status="200"} //p' | paste -sd+ | bc)
established=$(ss -tn state established "( dport = :$PORT_A or dport = :$PORT_B )" | tail -n +2 | wc -l)
echo "      $opened decisions by the replicas over $established open upstream connections"
[ "$established" -le 64 ] && [ "$opened" -ge 40 ] && echo "ok    upstream keep-alive" \
  || { echo "FAIL  upstream keep-alive"; FAILED=1; }

# Same name, same hash on both replicas (shared UPLOADGATE_LOG_HASH_KEY); no name in the logs.
sleep 0.3
hash_of_a_pdf() { grep '"code":"accepted","rule":"accept\[0\]"' "$WORK/$1.decisions" | grep -o '"name_hash":"[^"]*"' | sort | uniq -c | sort -rn | head -1 | awk '{print $2}'; }
check "hashed names correlate across replicas" "$(hash_of_a_pdf a)" "$(hash_of_a_pdf b)"
if grep -q 'Contrato' "$WORK"/*.decisions "$WORK"/*.log || grep -q "$KEY" "$WORK"/*.decisions "$WORK"/*.log; then
  echo "FAIL  a name or the key appeared in a replica's output"; FAILED=1
else
  echo "ok    no name and no key in any replica's output"
fi

# Reload: a new policy on both replicas, as `systemctl reload` sends SIGHUP.
printf '{"id": "csv-only", "accept": [{"label": "CSV", "name": "\\\\.csv$", "types": ["text/csv"]}]}\n' \
  >"$WORK/policies/csv-only.json"
kill -HUP "$(cat "$WORK/a.pid")" "$(cat "$WORK/b.pid")"
sleep 0.5
check "reloaded policy served by both replicas" 'true true' \
  "$(for p in $PORT_A $PORT_B; do curl -sS "http://127.0.0.1:$p/validate/csv-only" -H 'Content-Type: application/json' \
      -H "X-Api-Key: $KEY" -d '{"name":"dados.csv"}' | sed 's/.*"accept":\([a-z]*\).*/\1/'; echo; done | paste -sd' ')"

# Failover: stop replica a (SIGTERM, as systemctl stop); nginx keeps answering from b.
kill -TERM "$(cat "$WORK/a.pid")"
sleep 0.5
failures=0
for _ in $(seq 20); do
  [ "$(post /validate -o /dev/null -w '%{http_code}' -d '{"name":"a.pdf"}')" = 200 ] || failures=$((failures + 1))
done
check "no failed request while a replica is down" '0' "$failures"
contains "replica a stopped cleanly" 'stopped' "$(cat "$WORK/a.log")"

# The systemd unit.
if command -v systemd-analyze >/dev/null 2>&1; then
  mkdir -p "$WORK/units"
  sed "s#/usr/local/bin/uploadgate#$BIN#" "$HERE/uploadgate@.service" >"$WORK/units/uploadgate@.service"
  ln -s uploadgate@.service "$WORK/units/uploadgate@8081.service"
  if (cd "$WORK/units" && systemd-analyze verify ./uploadgate@8081.service); then
    echo "ok    systemd-analyze verify uploadgate@.service"
  else
    echo "FAIL  systemd-analyze verify"; FAILED=1
  fi
  (cd "$WORK/units" && systemd-analyze security --offline=yes ./uploadgate@8081.service 2>/dev/null | tail -1) || true
else
  echo "skip  systemd-analyze is not installed"
fi

[ $FAILED -eq 0 ] && echo "the deployment example works on loopback" || exit 1
