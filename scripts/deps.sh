#!/usr/bin/env bash
# Installs the Debian packages vgrun needs, and only those that are missing.
# Idempotent: when everything is present it runs no apt-get at all.
set -euo pipefail

PACKAGES=(
  build-essential cmake pkg-config
  liblua5.4-dev lua5.4 libreadline-dev
  libuv1-dev libcjson-dev libyaml-dev libssl-dev zlib1g-dev
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  libavcodec-dev libavformat-dev libavutil-dev libswscale-dev libswresample-dev
  libespeak-ng-dev espeak-ng-data
  libcairo2-dev libpango1.0-dev
  fonts-dejavu-core fonts-noto-core
  lua-busted libcmocka-dev
  ffmpeg tesseract-ocr tesseract-ocr-eng
)
# Each part may list more packages, one a line, in scripts/deps.d/<part>.txt.
for f in "$(dirname "$0")"/deps.d/*.txt; do
  [ -f "$f" ] || continue
  while read -r p _; do
    case "$p" in ''|'#'*) ;; *) PACKAGES+=("$p") ;; esac
  done < "$f"
done
# Extra packages for `make fuzz` and sanitizer builds are asked for by name.
if [ "${VG_DEPS_EXTRA:-}" != "" ]; then
  # shellcheck disable=SC2206
  PACKAGES+=(${VG_DEPS_EXTRA})
fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "deps: installing ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "deps: need root (or sudo) to install: ${missing[*]}" >&2; exit 1
  fi
fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
