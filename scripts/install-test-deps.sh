#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the end-to-end
# tests (playwright-core drives it; no browser is downloaded by npm), and iproute2 (`ip`)
# for the discovery tests, which multicast only inside network namespaces they create, and
# PostgreSQL's server binaries for the city hub's tests (test/support/postgres.ts starts a
# throwaway cluster from /usr/lib/postgresql/*/bin; no service is enabled or started).
# Idempotent.
set -euo pipefail

PACKAGES=()
if ! command -v chromium >/dev/null 2>&1; then PACKAGES+=(chromium fonts-dejavu-core); fi
if ! command -v ip >/dev/null 2>&1; then PACKAGES+=(iproute2); fi
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ] || [ ! -x "$(pg_bin)/initdb" ]; then PACKAGES+=(postgresql); fi

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
echo "chromium: $(chromium --version 2>/dev/null || echo present)"
echo "ip: $(ip -V)"
echo "postgresql: $("$(pg_bin)/postgres" --version)"
