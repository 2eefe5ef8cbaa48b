#!/usr/bin/env bash
# Makes sure a Chromium for the end-to-end tests exists: Debian's package, installed here when missing and root.
set -euo pipefail
if [ -n "${CHROMIUM_PATH:-}" ] && [ -x "$CHROMIUM_PATH" ]; then exit 0; fi
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
	echo "Installing Debian's chromium package for the end-to-end tests..." >&2
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq >/dev/null
	apt-get install -y -qq chromium >/dev/null
	exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium (or set CHROMIUM_PATH)." >&2
echo "Install it with: sudo apt-get install chromium   (Debian/Ubuntu), then run npm test again." >&2
exit 1
