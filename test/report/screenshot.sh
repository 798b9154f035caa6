#!/usr/bin/env bash
# Renders the demo's report in headless Chromium (Debian's `chromium`) to docs/report.png, the
# picture the README shows. Installs chromium with apt-get when it is missing and we are root.
# Chromium runs in a network namespace of its own with no interface up (when `unshare` is allowed):
# the report is a local file with a no-network CSP, and the browser must not phone home either.
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v chromium >/dev/null 2>&1; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium
  else
    echo "error: chromium is not installed (Debian: sudo apt-get install chromium)" >&2
    exit 1
  fi
fi

html="$(mktemp -d)/report.html"
node bin/exposure-monitor.mjs demo --out "$html" >/dev/null
mkdir -p docs
run=()
if unshare --net true 2>/dev/null; then run=(unshare --net); fi
"${run[@]}" chromium --headless=new --no-sandbox --disable-gpu --hide-scrollbars --no-first-run \
  --disable-background-networking --disable-component-update --disable-sync --disable-default-apps \
  --disable-domain-reliability --no-pings --user-data-dir="$(mktemp -d)" \
  --window-size=1280,1700 --screenshot="$PWD/docs/report.png" "file://$html" 2>/dev/null
echo "wrote docs/report.png from $html"
