#!/usr/bin/env bash
# Installs Debian's redis-server when missing: the scale-out tests (test/scale-out, lib/redis) start their
# own throwaway instance on a free loopback port; nothing is started here.
set -euo pipefail
if command -v redis-server >/dev/null 2>&1; then exit 0; fi
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get install -y --no-install-recommends redis-server >/dev/null 2>&1 || {
  $SUDO apt-get update >/dev/null
  $SUDO apt-get install -y --no-install-recommends redis-server >/dev/null
}
command -v redis-server >/dev/null
