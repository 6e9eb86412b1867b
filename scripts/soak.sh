#!/usr/bin/env bash
# Soak test: the wall screen in Chromium at its fastest refresh for SOAK_MINUTES (default 30) against a
# production build; figures land in test-reports/reliability-soak.json. Usage:
#   bash scripts/soak.sh            # 30 minutes
#   SOAK_MINUTES=3 bash scripts/soak.sh
# Builds first unless SOAK_SKIP_BUILD=1 (then NEXT_DIST_DIR must hold a build).
set -euo pipefail
cd "$(dirname "$0")/.."
export NEXT_TELEMETRY_DISABLED=1
if [ "${SOAK_SKIP_BUILD:-0}" != "1" ]; then npx next build; fi
SOAK=1 npx playwright test e2e/reliability-soak.spec.ts --reporter=list
