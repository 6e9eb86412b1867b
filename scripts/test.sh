#!/usr/bin/env bash
# Runs every test from a fresh clone: installs what it needs (npm packages, Debian's Chromium), then lint,
# types, the production build, unit + integration tests (Vitest) and the browser tests (Playwright).
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

# Fake credentials made for this run: the build sees them (so the secrets scan can prove they never reach a
# bundle), the emulator accepts them and the server signs with them (playwright.config.ts reads E2E_*).
export E2E_SECRET_ID="AKIDe2e$(node -e 'process.stdout.write(require("crypto").randomBytes(12).toString("hex"))')"
export E2E_SECRET_KEY="$(node -e 'process.stdout.write(require("crypto").randomBytes(24).toString("base64url"))')"

step "production build"
# Built before the Vitest run because the scale-out integration test serves this build.
TENCENTCLOUD_SECRET_ID="$E2E_SECRET_ID" TENCENTCLOUD_SECRET_KEY="$E2E_SECRET_KEY" npx next build || fail "next build"

step "unit and integration tests"
npx vitest run --reporter=default --reporter=json --outputFile.json=test-reports/unit.json || fail "vitest"

step "browser tests"
npx playwright test || fail "playwright"

summary
