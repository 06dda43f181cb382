#!/usr/bin/env bash
# The browser tests drive Debian's Chromium through playwright-core (npm cannot download browsers
# here). Install it when missing; stop with a clear message when we cannot.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  echo "The browser tests need Chromium at /usr/bin/chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null; then
  echo "The browser tests need Chromium at /usr/bin/chromium, and this machine has no apt-get to install it." >&2
  exit 1
fi
echo "Installing Debian's chromium for the browser tests…" >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null
test -x /usr/bin/chromium || { echo "chromium did not install to /usr/bin/chromium" >&2; exit 1; }
