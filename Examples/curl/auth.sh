#!/bin/sh
# The three ways a caller can authenticate, right and wrong. Start the server with the matching mode:
#   UPLOADGATE_API_KEYS='app|0123abcd' uploadgate serve                     -> ./auth.sh api-key 'app|0123abcd'
#   UPLOADGATE_API_KEYS='tok-123' uploadgate serve --auth bearer             -> ./auth.sh bearer tok-123
#   UPLOADGATE_API_KEYS='restpki:s3cret' uploadgate serve --auth basic       -> ./auth.sh basic restpki:s3cret
set -eu
URL=${UPLOADGATE_URL:-http://127.0.0.1:8080}
MODE=$1
SECRET=$2
BODY='{"name":"Contrato.pdf","contentType":"application/pdf","length":1000}'

case $MODE in
  api-key) GOOD="X-Api-Key: $SECRET"; BAD="X-Api-Key: wrong-key" ;;
  bearer)  GOOD="Authorization: Bearer $SECRET"; BAD="Authorization: Bearer wrong-token" ;;
  basic)   GOOD="Authorization: Basic $(printf '%s' "$SECRET" | base64)"; BAD="Authorization: Basic $(printf 'x:y' | base64)" ;;
  *) echo "usage: $0 api-key|bearer|basic SECRET" >&2; exit 2 ;;
esac

echo "# $MODE, right secret"
curl -sS -w ' [%{http_code}]\n' "$URL/validate" -H 'Content-Type: application/json' -H "$GOOD" -d "$BODY"
echo "# $MODE, wrong secret: 401 with a challenge"
curl -sS -D - -o /dev/null "$URL/validate" -H 'Content-Type: application/json' -H "$BAD" -d "$BODY" \
  | grep -iE '^HTTP|^www-authenticate'
echo "# $MODE, no credentials"
curl -sS -w ' [%{http_code}]\n' "$URL/validate" -H 'Content-Type: application/json' -d "$BODY"
