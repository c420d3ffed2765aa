#!/usr/bin/env bash
# Builds the installers of one front end: `npm run package:kiosk` (or display, desk), with
# optional electron-builder target flags after `--` (default: AppImage and deb on Linux,
# NSIS on Windows). Runs on a packaging machine with internet access: electron-builder and the
# pinned Electron are fetched here, at packaging time, never by `npm install`
# (docs/decisions/004-electron-pinning.md). Installers land in release/<app>/.
set -euo pipefail
cd "$(dirname "$0")/.."

ELECTRON_BUILDER_VERSION=26.17.0
app="${1:?usage: package-shell.sh kiosk|display|desk [electron-builder flags]}"
shift
case "$app" in kiosk | display | desk) ;; *) echo "unknown app: $app" >&2; exit 2 ;; esac

node --import tsx scripts/build-shells.ts "$app"
# The kiosk's printing packages (native USB code, the ticket font) go into its app folder.
if [ "$app" = kiosk ]; then (cd dist/shells/kiosk && npm install --omit=dev --no-audit --no-fund); fi

if [ "$#" -eq 0 ]; then
  case "$(uname -s)" in
    Linux) set -- --linux AppImage deb ;;
    MINGW* | MSYS* | CYGWIN*) set -- --win nsis ;;
    *) echo "pass the targets, e.g. -- --linux AppImage deb" >&2; exit 2 ;;
  esac
fi
exec npx --yes "electron-builder@${ELECTRON_BUILDER_VERSION}" --projectDir . \
  --config "apps/$app/electron-builder.yml" --publish never "$@"
