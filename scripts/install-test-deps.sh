#!/usr/bin/env bash
# Installs what the tests need beyond npm packages: Debian's Chromium for the end-to-end
# tests (playwright-core drives it; no browser is downloaded by npm), and iproute2 (`ip`)
# for the discovery tests, which multicast only inside network namespaces they create.
# Idempotent.
set -euo pipefail

PACKAGES=()
if ! command -v chromium >/dev/null 2>&1; then PACKAGES+=(chromium fonts-dejavu-core); fi
if ! command -v ip >/dev/null 2>&1; then PACKAGES+=(iproute2); fi

if [ "${#PACKAGES[@]}" -gt 0 ]; then
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${PACKAGES[@]}" >/dev/null
fi
echo "chromium: $(chromium --version 2>/dev/null || echo present)"
echo "ip: $(ip -V)"
