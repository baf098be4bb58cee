#!/usr/bin/env bash
# tests/serve/run.sh TEST.py: runs one of the vgrun serve tests (python3 stdlib).
set -u
command -v python3 >/dev/null || { echo "SKIP: python3 is not installed"; exit 77; }
exec python3 "$(dirname "$0")/$1"
