#!/bin/sh
# POST /validate/{policyId}: decide with a named policy. Needs a server started on a folder, e.g.
#   uploadgate serve --policies Policies
# Usage: ./validate-policy.sh [policyId]   (default: pdf-only)
set -eu
URL=${UPLOADGATE_URL:-http://127.0.0.1:8080}
POLICY=${1:-pdf-only}

echo "# The policies served"
curl -sS "$URL/policies" ${UPLOADGATE_CURL_AUTH:+-H "$UPLOADGATE_CURL_AUTH"}
echo
echo "# A Word document against '$POLICY'"
curl -sS -D - "$URL/validate/$POLICY" -H 'Content-Type: application/json' \
  -d '{"name":"Contrato.docx","contentType":"application/vnd.openxmlformats-officedocument.wordprocessingml.document","length":5000}' \
  | grep -iE '^x-uploadgate-(decision|policy):|^\{'
echo
echo "# An unknown policy: 404 listing the ids served"
curl -sS "$URL/validate/no-such-policy" -H 'Content-Type: application/json' -d '{"name":"a.pdf"}'
echo
