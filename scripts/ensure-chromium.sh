#!/usr/bin/env bash
# Browser tests and the guide PDF use Debian's Chromium through playwright-core (npm cannot
# download browsers here). Install it when missing; stop with a clear message when we cannot.
# With --optional (the build), a machine that cannot install it gets a warning instead: the build
# then makes everything but the guide PDF.
set -euo pipefail
optional=false
[ "${1:-}" = "--optional" ] && optional=true
fail() {
  if $optional; then
    echo "warning: $1 The facilitator guides will be built without their PDF." >&2
    exit 0
  fi
  echo "$1" >&2
  exit 1
}
if [ -x /usr/bin/chromium ] && command -v pdftotext >/dev/null; then exit 0; fi
if [ "$(id -u)" != "0" ]; then
  fail "Chromium is needed at /usr/bin/chromium. Install it with: sudo apt-get update && sudo apt-get install -y chromium poppler-utils"
fi
command -v apt-get >/dev/null || fail "Chromium is needed at /usr/bin/chromium, and this machine has no apt-get to install it."
echo "Installing Debian's chromium (and poppler-utils for pdftotext)…" >&2
apt-get update -qq || fail "apt-get update failed."
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium poppler-utils >/dev/null || fail "apt-get install chromium failed."
test -x /usr/bin/chromium || fail "chromium did not install to /usr/bin/chromium."
