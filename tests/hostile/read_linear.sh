#!/usr/bin/env bash
# Reading in time linear in the document: `vgrun check` of a document twice
# as large must cost less than 3.3 times the CPU (user + system seconds,
# the best of three runs, less what a one-line document costs), for a long
# sentence of many commas (8 of them), one paragraph of 200 KB (refused as too long for
# a scene, after it is read), a line of site tags that never close, a line of MDX components that never close, an HTML page of "a < b"
# with no ">" after them, 50,000 short paragraphs, and one paragraph of
# Japanese without spaces (of many short sentences). A ratio, not a
# wall-clock limit: the test means the same on a slow or loaded machine.
. "$(dirname "$0")/../lib.sh"
# Under ASan the CPU is the sanitizer's (and ten times as long): the plain
# build's run of this test is the one that measures reading.
if [ -n "${ASAN_OPTIONS:-}" ]; then echo "skip: CPU ratios under a sanitizer measure the sanitizer"; exit 77; fi
vg_scratch read-linear
W="alpha beta gamma delta render server engine video frame scene narration picture"

# gen KIND N FILE: a Markdown document, the same for the same N
gen() {
  awk -v kind="$1" -v n="$2" -v words="$W" 'BEGIN {
    k = split(words, w, " "); s = 7
    if (kind != "html") print "# A document to read\n"   # (an HTML page starts with its doctype)
    if (kind == "commas") {          # 8 paragraphs of one sentence, a comma every third word
      for (p = 1; p <= 8; p++) {
        for (i = 1; i <= n; i++) { s = (s * 31 + 11) % 997; printf "%s%s", w[s % k + 1], (i % 3 ? " " : ", ") }
        print "end.\n"
      }
    } else if (kind == "cjk") {      # 8 paragraphs of n ideographs and kana, no space, a 。 every 16
      k = split("文 書 動 画 説 明 作 成 処 理 画 面 音 声 場 表 示 読 込 変 換 出 力 入 設 定 の に を は が で と た し て", c, " ")
      for (p = 1; p <= 8; p++) {
        for (i = 1; i <= n; i++) { s = (s * 31 + 11) % 997; printf "%s%s", c[s % k + 1], (i % 16 ? "" : "。") }
        print "\n"
      }
    } else if (kind == "tags") {     # a site page: front matter, one line of n tags that never close
      print "---\ntitle: Tags\n---\n"
      for (i = 1; i <= n; i++) printf "{%% %s {{< %s {{ %s{: .", w[i % k + 1], w[(i + 3) % k + 1], w[(i + 5) % k + 1]
      print "\n\n!!! note \"Open\"\n    body\n"
    } else if (kind == "mdx") {      # an MDX page: one line of n tags, escaped shortcodes, brackets that never close
      print "import Tabs from \"@theme/Tabs\";\n"
      printf "Text "
      for (i = 1; i <= n; i++) printf "<Tab%s x=\"%s\" {{</* %s (", w[i % k + 1], w[(i + 3) % k + 1], w[(i + 5) % k + 1]
      print "\n\nexport const x = ({\n"
    } else if (kind == "html") {     # an HTML page: a paragraph of n comparisons ("3 < 4") whose "<" no ">" follows before its end
      print "<!DOCTYPE html>\n<html><head><title>Less</title></head><body><p>"
      for (i = 1; i <= n; i++) printf " %d < %d", i % 10, (i + 1) % 10
      print "</p></body></html>"
    } else if (kind == "paragraph") { # one paragraph of n sentences of 12 words
      for (i = 1; i <= n; i++) {
        for (j = 1; j <= 12; j++) { s = (s * 31 + 11) % 997; printf "%s%s", w[s % k + 1], (j < 12 ? " " : ". ") }
      }
      print ""
    } else {                         # n short paragraphs
      for (i = 1; i <= n; i++) {
        for (j = 1; j <= 6; j++) { s = (s * 31 + 11) % 997; printf "%s%s", w[s % k + 1], (j < 6 ? " " : ".\n\n") }
      }
    }
  }' >"$3"
}

# cpu FILE: the least CPU seconds of three `vgrun check` runs
cpu() { vg_cpu "$VGRUN" check "$1"; }
least() { awk -v a="$1" -v b="$2" 'BEGIN { print (a == "" || b < a) ? b : a }'; }

printf '# One line\n\nHello world.\n' >"$T/tiny.md"
base=$(cpu "$T/tiny.md")
# linear KIND N [TIMES LIMIT]: N and 2N cost less than 1 : 3.3 (linear is
# 2, quadratic 4: the line between leaves room for a loaded machine's
# noise); or N and TIMES x N less than 1 : LIMIT. The two documents are
# read in turn, the least of each kept, so that a neighbour's load on a
# shared machine weighs on both; a ratio over the limit is measured three
# times more before it fails (a quadratic reading stays over it).
linear() {
  local times=${3:-2} limit=${4:-3.3}
  gen "$1" "$2" "$T/a.md"
  gen "$1" $(($2 * times)) "$T/b.md"
  local a="" b="" r round i
  for round in 1 2; do
    for i in 1 2 3; do
      a=$(least "$a" "$(vg_cpu_once "$VGRUN" check "$T/a.md")")
      b=$(least "$b" "$(vg_cpu_once "$VGRUN" check "$T/b.md")")
    done
    # (at least 50 ms each above a one-line document's cost: the grain of a
    # CPU clock on a loaded machine)
    r=$(awk -v a="$a" -v b="$b" -v z="$base" 'BEGIN { a -= z; b -= z; if (a < 0.05) a = 0.05; if (b < 0.05) b = 0.05; printf "%.2f", b / a }')
    awk -v r="$r" -v l="$limit" 'BEGIN { exit !(r < l) }' && break
  done
  echo "$1: $(wc -c <"$T/a.md") bytes ${a}s, $(wc -c <"$T/b.md") bytes ${b}s (one line: ${base}s): x$r"
  if awk -v r="$r" -v l="$limit" 'BEGIN { exit !(r < l) }'; then ok; else bad "$1: $times times the input cost x$r (want < $limit)"; fi
}
linear commas 3000   # 8 x 20 KB, 8 x 41 KB
linear paragraph 1400   # 112 KB, 224 KB
linear tags 8000   # one line of 8,000 and 16,000 unclosed site tags (site_markup.c)
linear mdx 8000   # one line of 8,000 and 16,000 unclosed components and escaped shortcodes (mdx.c)
linear html 120000   # an HTML page of 120,000 and 240,000 "<" that no ">" follows (html_hidden.c's navigation pass)
linear paragraphs 25000   # 1 MB, 2 MB
# unspaced Japanese paragraphs, each within a scene's 50,000 bytes, so
# they are planned (each sentence a unit the summary may leave out): 4
# times the size, since 2 times of a paragraph that may not grow past
# 50 KB is too little to tell (linear is 4, quadratic 16)
linear cjk 3500 4 6   # 8 x 11 KB, 8 x 45 KB
vg_done
