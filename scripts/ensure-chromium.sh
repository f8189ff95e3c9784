#!/usr/bin/env bash
# The browser test drives Debian's Chromium (npx playwright install cannot download here).
# Installs it with apt when it is missing; run before the tests by `npm test` and by .ci/run.
set -euo pipefail
if command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" != "0" ] || ! command -v apt-get >/dev/null 2>&1; then
  echo "pooltopo tests need Chromium at /usr/bin/chromium: install Debian's 'chromium' package (apt-get install -y chromium)." >&2
  exit 1
fi
echo "Installing Chromium for the browser test (apt-get)..." >&2
apt-get update -qq
DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
