#!/usr/bin/env bash
# Starts the dashboard from a fresh clone: install, build, serve. With no Tencent Cloud credentials in the
# environment it runs on the built-in emulator (demo mode).
set -euo pipefail
cd "$(dirname "$0")/.."
npm install --no-audit --no-fund --loglevel=error
npm run build
exec npm start
