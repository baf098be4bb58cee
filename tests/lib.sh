# tests/lib.sh: the start every shell test shares. A test sources it by its
# own path, then makes its scratch folder:
#     . "$(dirname "$0")/../lib.sh"
#     vg_scratch quote [--own-cache] [--own-config]
# It gives SRC (the source tree), HERE (the test's folder) and VGRUN (an
# absolute path: the binary ctest names, else build/vgrun); `set -u`; the
# counters pass and fail with ok, bad, check, has, hasnt, expect_rc; vg_cpu
# to measure a command's CPU seconds; and vg_need to skip when a program is
# missing. vg_done ends a test.
set -u
SRC=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
HERE=$(cd "$(dirname "$0")" && pwd)
VGRUN=$(realpath "${VGRUN:-$SRC/build/vgrun}")

# vg_scratch NAME [--own-cache] [--own-config]: T, a new folder
# ($TMPDIR or /tmp)/vgrun-NAME.XXXXXX, removed when the script exits (after
# the test's own at_exit function, when it has one), with the tasks' state
# in it (and the key that signs it, $XDG_STATE_HOME). The cache stays the one given (ctest's), else one in T; with
# --own-cache always a new one in T (a test that needs a cold cache or
# removes it); --own-config keeps the user's plug-ins and config file out.
vg_scratch() {
  local name=$1 o
  shift
  T=$(mktemp -d "${TMPDIR:-/tmp}/vgrun-$name.XXXXXX") || exit 1
  trap vg_cleanup EXIT
  export VGRUN_STATE_DIR="$T/state"
  # the key a task's saved context is signed with (vg.pipeline): the test's own
  export XDG_STATE_HOME="$T/xdg-state"
  export VGRUN_CACHE_DIR=${VGRUN_CACHE_DIR:-$T/cache}
  for o in "$@"; do
    case $o in
      --own-cache) export VGRUN_CACHE_DIR="$T/cache" ;;
      --own-config) export XDG_CONFIG_HOME="$T/config" ;;
      *) echo "vg_scratch: unknown option $o" >&2; exit 2 ;;
    esac
  done
}
vg_cleanup() {
  if declare -F at_exit >/dev/null; then at_exit; fi
  rm -rf "$T"
}

# vg_running TEXT: a live process (not this shell) whose command line, its
# arguments joined by spaces, holds TEXT (as written, not a pattern). Reads
# /proc itself: no pgrep to be missing, and nothing forked per process.
vg_running() {
  local p a IFS=' '
  for p in /proc/[0-9]*; do
    [ "$p" = "/proc/$BASHPID" ] && continue
    mapfile -d '' -t a < "$p/cmdline" 2>/dev/null || continue
    [ ${#a[@]} -gt 0 ] || continue  # a zombie, or a kernel thread
    case "${a[*]}" in *"$1"*) return 0 ;; esac
  done
  return 1
}
# vg_pids TEXT: the pids of such processes, one a line
vg_pids() {
  local p a IFS=' '
  for p in /proc/[0-9]*; do
    [ "$p" = "/proc/$BASHPID" ] && continue
    mapfile -d '' -t a < "$p/cmdline" 2>/dev/null || continue
    [ ${#a[@]} -gt 0 ] || continue
    case "${a[*]}" in *"$1"*) echo "${p#/proc/}" ;; esac
  done
}

# vg_need PROGRAM...: exit 77 (ctest's skip) when one is not installed
vg_need() {
  local p
  for p in "$@"; do command -v "$p" >/dev/null || { echo "skip: $p is not installed"; exit 77; }; done
}

# vg_cpu COMMAND...: the least CPU seconds (user + system) of three runs of
# the command, its output thrown away. CPU, not wall-clock time: a ratio of
# two of these means the same on a loaded machine. vg_cpu_once: one run's.
vg_cpu_once() {
  { TIMEFORMAT='%3U %3S'; time "$@" >/dev/null 2>&1; } 2>&1 | awk '{ print $1 + $2 }'
}
vg_cpu() {
  local best="" t i
  for i in 1 2 3; do
    t=$(vg_cpu_once "$@")
    best=$(awk -v a="$best" -v b="$t" 'BEGIN { print (a == "" || b < a) ? b : a }')
  done
  echo "$best"
}

pass=0 fail=0
ok() { pass=$((pass + 1)); }
bad() { fail=$((fail + 1)); echo "FAIL: $*" >&2; }
# check WHAT COMMAND...: the command must succeed
check() { local what=$1; shift; if "$@"; then ok; else bad "$what"; fi; }
# has FILE PATTERN / hasnt FILE PATTERN: grep, showing the file when it fails
has() { grep -q -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; return 1; }; }
hasnt() { ! grep -q -- "$2" "$1" || { echo "--- $1:" >&2; cat "$1" >&2; return 1; }; }
# expect_rc WANT WHAT: compares $rc
expect_rc() { if [ "$rc" -eq "$1" ]; then ok; else bad "$2: exit $rc, wanted $1"; fi; }

# vg_done: the end of a test: what it counted, and exit 1 when anything failed
vg_done() {
  if [ "$pass" -gt 0 ]; then echo "$pass passed, $fail failed"; elif [ "$fail" -eq 0 ]; then echo ok; fi
  [ "$fail" -eq 0 ] && exit 0
  exit 1
}
