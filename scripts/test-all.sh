#!/usr/bin/env bash
# `npm test`: every check, cheapest first. Stops at the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n=== %s ===\n' "$*"; }

step 'svelte-kit sync and messages'
npx svelte-kit sync
npm run --silent i18n
step 'svelte-check (0 errors, 0 warnings)'
npx svelte-check --tsconfig ./tsconfig.json --fail-on-warnings
step 'eslint (including the layer rules)'
npx eslint .
step 'prettier'
npx prettier --check .
step 'vitest (domain, crdt, storage, sync, state, server, PostgreSQL)'
npx vitest run
step 'build'
npx vite build
test -f build/200.html && test -f build/sw.js || {
	echo 'build/200.html or build/sw.js is missing' >&2
	exit 1
}
step 'build tests (the start route loads no document engine, ADR 14)'
npx vitest run --config tests/build/vitest.config.ts
step 'playwright (Debian Chromium against the real server)'
CI=1 npx playwright test
