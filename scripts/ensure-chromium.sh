#!/usr/bin/env bash
# Installs Debian's chromium and chromium-driver for the browser tests when they are missing (needs root
# and the Debian archive). Browser tests skip themselves when the binaries are absent.
set -u
if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-chromium: not root or no apt-get; skipping install" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq chromium chromium-driver >/dev/null 2>&1
[ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]
