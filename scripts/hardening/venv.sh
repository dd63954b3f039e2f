#!/usr/bin/env bash
# Prints the path of a Python virtual environment holding scripts/requirements-hardening.txt, creating or
# updating it first (.build/hardening-venv). On a fresh Debian 12 machine python3 and its venv module come from
# Debian's packages (python3, python3-venv), installed through scripts/install-deps.sh.
set -euo pipefail
cd "$(dirname "$0")/../.."
VENV=.build/hardening-venv
REQUIREMENTS=scripts/requirements-hardening.txt

if ! command -v python3 >/dev/null 2>&1; then
    scripts/install-deps.sh python3 >&2
fi
if [ ! -x "$VENV/bin/python" ]; then
    mkdir -p .build
    if ! python3 -m venv "$VENV" >/dev/null 2>&1; then
        rm -rf "$VENV"
        scripts/install-deps.sh python3-venv >&2
        python3 -m venv "$VENV" >&2
    fi
fi
# Reinstall only when the requirements changed since the last install.
if ! cmp -s "$REQUIREMENTS" "$VENV/requirements.installed" 2>/dev/null; then
    "$VENV/bin/python" -m pip install --quiet --upgrade pip >&2
    "$VENV/bin/python" -m pip install --quiet -r "$REQUIREMENTS" >&2
    cp "$REQUIREMENTS" "$VENV/requirements.installed"
fi
echo "$VENV"
