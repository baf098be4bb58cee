#!/usr/bin/env bash
# Browser tests of the studio (web/): starts the real `vgrun serve` on a free
# loopback port with its own data, cache and state folders, and drives
# Debian's Chromium (headless, never downloaded) with playwright-core, which is
# installed here with npm from package-lock.json into build/web-tests.
# Exit 77 (skipped) with a reason when something it needs cannot run.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
skip() { echo "SKIP: $*"; exit 77; }

: "${VGRUN:?VGRUN is the vgrun binary}"
chromium=${VG_CHROMIUM:-/usr/bin/chromium}
command -v node >/dev/null 2>&1 || skip "node is not installed (Debian package nodejs)"
# Debian's nodejs leaves npm to a package of its own (npm); NodeSource's
# nodejs brings npm itself and conflicts with Debian's npm. So Debian's npm
# is installed only when there is no npm at all, never next to another one
# (VG_NO_INSTALL=1: never install; then the test skips, saying so).
if ! command -v npm >/dev/null 2>&1 && [ -z "${VG_NO_INSTALL:-}" ] && command -v apt-get >/dev/null 2>&1 \
   && ! dpkg-query -W -f='${Version}' nodejs 2>/dev/null | grep -qi nodesource; then
  sudo=
  if [ "$(id -u)" -ne 0 ]; then sudo -n true 2>/dev/null && sudo="sudo -n"; fi
  if [ "$(id -u)" -eq 0 ] || [ -n "$sudo" ]; then
    echo "installing Debian's npm (nodejs has no npm here)" >&2
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null 2>&1 \
      || { $sudo apt-get update -qq >/dev/null 2>&1 \
           && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends npm >/dev/null 2>&1; }
  fi
fi
command -v npm >/dev/null 2>&1 || skip "npm is not installed (Debian package npm; not installed here: no root or sudo, or VG_NO_INSTALL)"
[ -x "$chromium" ] || skip "no Chromium at $chromium (Debian package chromium, scripts/deps.d/web.txt)"
"$VGRUN" serve --help >/dev/null 2>&1 || skip "this vgrun has no 'serve' command"
timeout 60 "$chromium" --headless --no-sandbox --disable-gpu --disable-background-networking \
  --dump-dom about:blank >/dev/null 2>&1 || skip "Chromium cannot start here (headless)"

# playwright-core, outside the source tree; reinstalled when the lock changes
mods=${VG_WEB_TESTS_DIR:-${VGRUN_BUILD_DIR:-$here/../../build}/web-tests}
mkdir -p "$mods"
if [ ! -f "$mods/node_modules/playwright-core/package.json" ] || ! cmp -s "$here/package-lock.json" "$mods/package-lock.json"; then
  cp "$here/package.json" "$here/package-lock.json" "$mods/"
  (cd "$mods" && PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund --loglevel=error) \
    || skip "npm could not install playwright-core from tests/web/package-lock.json (offline?)"
fi

tmp=$(mktemp -d)
pid=
cleanup() {
  if [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null; then kill -TERM "$pid"; wait "$pid" 2>/dev/null; fi
  rm -rf "$tmp"
}
trap cleanup EXIT

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
# the log exists before tail looks for it (the server's shell creates it
# when it gets to run, which may be after tail has started)
: >"$tmp/serve.log"
VGRUN_CACHE_DIR="$tmp/cache" VGRUN_STATE_DIR="$tmp/state" \
  "$VGRUN" serve --listen "127.0.0.1:$port" --data "$tmp/data" -j 1 >"$tmp/serve.log" 2>&1 &
pid=$!
# the server prints its URL when it listens
if ! timeout 60 grep -q -m1 "http://" <(tail -n +1 -f "$tmp/serve.log" --pid "$pid"); then
  echo "vgrun serve did not start:"; cat "$tmp/serve.log"; exit 1
fi

VG_WEB_BASE="http://127.0.0.1:$port" VG_WEB_MODULES="$mods" VG_CHROMIUM="$chromium" \
  node "$here/studio.test.mjs" 2> >(grep -v '^\[pid=' >&2)
rc=$?
# the server stops cleanly after the pages' work: exit 0, and no sanitizer
# report (a leak or an error in a sanitizer build fails the test too)
kill -TERM "$pid" 2>/dev/null
wait "$pid"
src=$?
pid=
if [ $src -ne 0 ] || grep -q "Sanitizer" "$tmp/serve.log"; then
  echo "FAIL: vgrun serve stopped with exit $src"; rc=1
fi
if [ $rc -ne 0 ]; then echo "--- vgrun serve's output:"; tail -n 50 "$tmp/serve.log"; fi
exit $rc
