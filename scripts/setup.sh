#!/usr/bin/env bash
# Installs everything calwise and its tests need on a fresh Debian machine with Node 20:
# Debian's libevtx-utils (evtxexport, the reference EVTX parser the tests compare against), poppler-utils and
# postgresql (its server programs: the storage tests start a throwaway cluster of their own; the system cluster
# is not used), chromium (the web app's browser tests drive it through playwright-core; never a downloaded
# browser), then the npm packages from the lock file. better-sqlite3 is compiled from source by npm ci
# (no prebuilt binary for Node 20 can be fetched; about 90 s, with python3, make and g++).
set -euo pipefail
cd "$(dirname "$0")/.."
apt_packages=(libevtx-utils poppler-utils postgresql chromium python3 make g++)
missing=()
for p in "${apt_packages[@]}"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"
  else sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}"; fi
fi
# npm ci's prepare step bundles the CLI and builds the web app (apps/web/dist, served by `calwise serve` at /).
npm ci --no-audit --no-fund
