#!/usr/bin/env bash
# The project's one test command (npm test): type-check, lint and format check, then every test.
set -euo pipefail
cd "$(dirname "$0")/.."
echo "== typecheck"; npx tsc -p . && npx tsc -p apps/web
echo "== lint + format"; npx biome ci .
echo "== tests"; bash scripts/run-node-tests.sh
