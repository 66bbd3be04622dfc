#!/usr/bin/env bash
# Runs every *.test.ts under packages/, apps/, scripts/ and test/ with Node's own test runner through tsx.
# Node 20 does not expand globs itself, so the file list is built here.
# Extra arguments narrow the run: a path prefix (scripts/run-node-tests.sh packages/core).
set -euo pipefail
cd "$(dirname "$0")/.."
roots=("${@:-packages apps scripts test}")
mapfile -t files < <(find ${roots[@]} -name '*.test.ts' -not -path '*/node_modules/*' | sort)
if [ ${#files[@]} -eq 0 ]; then echo "no test files under: ${roots[*]}" >&2; exit 1; fi
exec node --import tsx --import ./test/fast-check-setup.ts --test --test-concurrency=2 "${files[@]}"
