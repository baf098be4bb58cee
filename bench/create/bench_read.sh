#!/usr/bin/env bash
# Reading and planning: CPU seconds (user + system, best of three) of
# `vgrun check` on generated Markdown documents at two sizes each, and the
# ratio of the two costs less a one-line document's; linear reading keeps
# it near 2.
#   bench/create/bench_read.sh [BUILD_DIR]
set -euo pipefail
BUILD=${1:-build}
# tests/lib.sh gives vg_cpu (the same measure as tests/hostile/read_linear.sh)
VGRUN=$BUILD/vgrun
. "$(dirname "$0")/../../tests/lib.sh"
T=$(mktemp -d /tmp/vgrun-bench-read.XXXXXX)
trap 'rm -rf "$T"' EXIT
W="alpha beta gamma delta render server engine video frame scene narration picture"
# gen KIND N: sections (N sections of 150 words and 2 bullets, as the large
# preview of tests/serve), commas (8 sentences of N words, a comma every
# third), paragraphs (N paragraphs of 6 words)
gen() {
  awk -v kind="$1" -v n="$2" -v words="$W" 'BEGIN {
    k = split(words, w, " "); s = 7
    print "# A large document"
    for (p = 1; p <= (kind == "commas" ? 8 : n); p++) {
      if (kind == "sections") printf "\n## Section %d\n\n", p; else print ""
      m = kind == "sections" ? 150 : kind == "commas" ? n : 6
      for (i = 1; i <= m; i++) { s = (s * 31 + 11) % 997; printf "%s%s", w[s % k + 1], (i == m ? ".\n" : kind == "commas" && i % 3 == 0 ? ", " : " ") }
      if (kind == "sections") printf "\n- point one of %d\n- point two\n", p
    }
  }'
}
cpu() { vg_cpu "$VGRUN" check "$1"; }
printf '# One line\n\nHello world.\n' >"$T/tiny.md"
z=$(cpu "$T/tiny.md")
printf '%-11s %9s %8s %9s %8s %6s\n' case bytes cpu_s bytes_2x cpu_2x ratio
for c in "sections 450" "commas 3000" "paragraphs 25000"; do
  set -- $c
  gen "$1" "$2" >"$T/a.md"; gen "$1" $(($2 * 2)) >"$T/b.md"
  a=$(cpu "$T/a.md"); b=$(cpu "$T/b.md")
  printf '%-11s %9d %8s %9d %8s %6s\n' "$1" "$(wc -c <"$T/a.md")" "$a" "$(wc -c <"$T/b.md")" "$b" \
    "$(awk -v a="$a" -v b="$b" -v z="$z" 'BEGIN { a -= z; b -= z; printf "%.2f", (a > 0.01 ? b / a : 0) }')"
done
