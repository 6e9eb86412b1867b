#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what it needs (npm packages, Debian's Chromium), then lint,
# types, unit + integration tests (Vitest), the production build and the browser tests (Playwright).
# Ends with one summary line: "tests: N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")/.."
export CI="${CI:-true}"
export NEXT_TELEMETRY_DISABLED=1

step() { printf '\n=== %s ===\n' "$*"; }
fail() { echo "FAILED: $*"; summary; exit 1; }
summary() { node scripts/test-summary.mjs || true; }

mkdir -p test-reports
rm -f test-reports/unit.json test-reports/e2e.json

step "install"
bash scripts/ensure-chromium.sh || fail "installing chromium"
bash scripts/ensure-redis.sh || fail "installing redis-server"
npm install --no-audit --no-fund --loglevel=error || fail "npm install"

step "lint"
npx eslint . --max-warnings=0 || fail "eslint"

step "typecheck"
npx tsc --noEmit || fail "tsc"

step "unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/unit.json || fail "vitest"

step "production build"
npx next build || fail "next build"

step "browser tests"
npx playwright test || fail "playwright"

summary
