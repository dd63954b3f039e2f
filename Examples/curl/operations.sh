#!/bin/sh
# The operations routes: probes, metrics and the policies served.
set -eu
URL=${UPLOADGATE_URL:-http://127.0.0.1:8080}

echo '# GET /healthz'; curl -sS "$URL/healthz"; echo
echo '# GET /readyz';  curl -sS "$URL/readyz"; echo
echo '# GET /policies (needs credentials when auth is on)'
curl -sS "$URL/policies" ${UPLOADGATE_CURL_AUTH:+-H "$UPLOADGATE_CURL_AUTH"}; echo
echo '# GET /metrics (decisions and requests so far)'
curl -sS "$URL/metrics" | grep -E '^uploadgate_(decisions|http_requests)_total' | head -20
