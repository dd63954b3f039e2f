#!/bin/sh
# What a client gets for bad input: every answer is JSON with a stable code and a precise message.
set -eu
URL=${UPLOADGATE_URL:-http://127.0.0.1:8080}
show() { curl -sS -w ' [%{http_code}]\n' "$@"; }

echo '# 400 malformed JSON: what and where'
show "$URL/validate" -H 'Content-Type: application/json' -d '{"name":"a.pdf",}'
echo '# 400 a property of the wrong type, named'
show "$URL/validate" -H 'Content-Type: application/json' -d '{"name":"a.pdf","length":"12kB"}'
echo '# 400 a property given twice'
show "$URL/validate" -H 'Content-Type: application/json' -d '{"name":"a.pdf","Name":"a.exe"}'
echo '# 400 no name'
show "$URL/validate" -H 'Content-Type: application/json' -d '{"contentType":"application/pdf"}'
echo '# 404 unknown route'
show "$URL/validat" -H 'Content-Type: application/json' -d '{"name":"a.pdf"}'
echo '# 405 wrong method, with Allow'
curl -sS -D - -o /dev/null "$URL/validate" | grep -iE '^HTTP|^allow'
echo '# 413 body over 16 KiB'
head -c 20000 /dev/zero | tr '\0' ' ' | show "$URL/validate" -H 'Content-Type: application/json' --data-binary @-
echo '# 415 not JSON'
show "$URL/validate" -H 'Content-Type: text/plain' -d '{"name":"a.pdf"}'
