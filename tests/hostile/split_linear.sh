#!/usr/bin/env bash
# Splitting a long list in time linear in its items: `vgrun scenes` of a
# YAML list scene of 2,000 items must cost less than 6 times the CPU of one
# of 500 (user + system seconds, less what a one-item list costs). The
# choice of where a split cuts was quadratic in the items (48 s for 2,000,
# 195 s for 4,000: 40 KB of YAML); past 512 units it is made among runs of
# them. A ratio, not a wall-clock limit: it means the same on a loaded
# machine.
. "$(dirname "$0")/../lib.sh"
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "skip: CPU ratios under a sanitizer measure the sanitizer"; exit 77; fi
vg_scratch split-linear
gen() {
  awk -v n="$1" 'BEGIN {
    print "video:\n  title: Big\nscenes:\n  - type: title\n    title: Big\n  - type: list\n    title: Items\n    narration: Many items.\n    items:"
    for (i = 1; i <= n; i++) printf "      - item %d\n", i
  }' >"$2"
}
gen 1 "$T/one.yaml"; gen 500 "$T/small.yaml"; gen 2000 "$T/large.yaml"
"$VGRUN" scenes "$T/large.yaml" >"$T/out" 2>&1; rc=$?
expect_rc 0 "scenes of 2,000 items"
check "the list is one scene of 2,000 items" has "$T/out" "Items \[2000 items\]"
base=$(vg_cpu_once "$VGRUN" scenes "$T/one.yaml")
small=$(vg_cpu_once "$VGRUN" scenes "$T/small.yaml")
large=$(timeout 300 bash -c ". '$SRC/tests/lib.sh'; vg_cpu_once '$VGRUN' scenes '$T/large.yaml'")
[ -n "$large" ] || large=999
echo "CPU: one item $base s, 500 items $small s, 2000 items $large s"
check "2,000 items cost less than 6 times 500 ($small s, $large s)" \
  awk -v b="$base" -v s="$small" -v l="$large" 'BEGIN { exit !((l - b) < 6 * (s - b)) }'
vg_done
