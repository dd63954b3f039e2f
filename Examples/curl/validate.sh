#!/bin/sh
# POST /validate: the call Rest PKI Core makes for each file a user picks, with the default policy.
# Usage: ./validate.sh   (UPLOADGATE_URL defaults to http://127.0.0.1:8080, as `make serve` listens)
set -eu
URL=${UPLOADGATE_URL:-http://127.0.0.1:8080}

echo '# Accepted: the documented example (prints the body, then the decision headers)'
curl -sS -D - "$URL/validate" -H 'Content-Type: application/json' \
  -d '{"name":"Contrato.pdf","contentType":"application/pdf","length":1000}' | grep -iE '^x-uploadgate|^content-language|^\{'

echo
echo '# Rejected: an executable hidden behind .pdf'
curl -sS "$URL/validate" -H 'Content-Type: application/json' \
  -d '{"name":"invoice.exe.pdf","contentType":"application/pdf","length":20480}'

echo
echo '# Rejected, reason in Brazilian Portuguese (Accept-Language: pt-BR)'
curl -sS "$URL/validate" -H 'Content-Type: application/json; charset=utf-8' -H 'Accept-Language: pt-BR' \
  -d '{"name":"planilha.xlsm","contentType":"application/vnd.ms-excel.sheet.macroEnabled.12","length":9000}'

echo
echo '# PascalCase properties (as .NET serializes them) and a right-to-left override in the name'
curl -sS "$URL/validate" -H 'Content-Type: application/json' \
  -d '{"Name":"contrato\u202Efdp.exe","ContentType":"application/pdf","Length":1000}'

echo
echo '# No type reported (as browsers do for unknown extensions), no length: inferred from .docx'
curl -sS "$URL/validate" -H 'Content-Type: application/json' -d '{"name":"Procuração.docx","contentType":""}'
echo
