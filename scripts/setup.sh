#!/usr/bin/env bash
# Installs everything calwise and its tests need on a fresh Debian machine with Node 20:
# Debian's libevtx-utils (evtxexport, the reference EVTX parser the tests compare against) and poppler-utils,
# then the npm packages from the lock file.
set -euo pipefail
cd "$(dirname "$0")/.."
apt_packages=(libevtx-utils poppler-utils)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi
fi
npm ci --no-audit --no-fund
