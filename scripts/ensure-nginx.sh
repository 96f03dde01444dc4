#!/usr/bin/env bash
# Installs Debian's nginx for the TLS proxy test (web/TlsProxyIntegrationTests) when it is missing (needs
# root and the Debian archive). Only the binary is used: the test writes its own configuration and runs
# nginx as its child on free ports; the service Debian may start is stopped and kept from starting again.
# The test skips itself when nginx is absent (and fails on CI).
set -u
if [ -x /usr/sbin/nginx ]; then
  exit 0
fi
if [ "$(id -u)" != 0 ] || ! command -v apt-get >/dev/null; then
  echo "ensure-nginx: not root or no apt-get; skipping install" >&2
  exit 1
fi
export DEBIAN_FRONTEND=noninteractive
# policy-rc.d exit code 101: packages may not start their services (no nginx on port 80 as a side effect).
policy=/usr/sbin/policy-rc.d
own_policy=0
if [ ! -e "$policy" ]; then
  printf '#!/bin/sh\nexit 101\n' >"$policy" && chmod +x "$policy" && own_policy=1
fi
apt-get update -qq >/dev/null 2>&1 || true
apt-get install -y -qq --no-install-recommends nginx >/dev/null 2>&1
status=$?
if [ "$own_policy" = 1 ]; then
  rm -f "$policy"
fi
[ "$status" = 0 ] && [ -x /usr/sbin/nginx ]
