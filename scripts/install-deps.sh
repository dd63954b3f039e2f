#!/usr/bin/env bash
# Installs the Debian packages UploadGate builds and runs against, but only when something is missing.
# Usage: scripts/install-deps.sh [extra-package ...]
#   Extra packages (nginx, wrk, ...) are installed the same way, for benchmarks and deployment checks.
set -euo pipefail

needed=()
have_pc() { command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$1"; }
command -v pkg-config >/dev/null 2>&1 || needed+=(pkg-config)
have_pc libpcre2-8 || needed+=(libpcre2-dev)
have_pc libmicrohttpd || needed+=(libmicrohttpd-dev)
have_pc libmagic || needed+=(libmagic-dev)
have_pc nettle || needed+=(nettle-dev)
[ -f /usr/share/mime/globs2 ] || needed+=(shared-mime-info)
for extra in "$@"; do
    dpkg-query -W -f='${Status}' "$extra" 2>/dev/null | grep -q "install ok installed" || needed+=("$extra")
done

[ ${#needed[@]} -eq 0 ] && exit 0

echo "install-deps: installing ${needed[*]}" >&2
if [ "$(id -u)" -eq 0 ]; then
    SUDO=()
elif command -v sudo >/dev/null 2>&1; then
    SUDO=(sudo)
else
    echo "install-deps: missing ${needed[*]}; run 'make deps' as root or install them with apt-get." >&2
    exit 1
fi
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq --no-install-recommends "${needed[@]}" >/dev/null
