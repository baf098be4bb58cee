# Shared by the batch tests: a tree of ~18 small documents of every type.
# make_inputs DIR [bad]: Markdown, YAML, JSON, a transcript (VTT), a set, in
# subfolders; with "bad", one YAML file that does not parse.
. "$(dirname "${BASH_SOURCE[0]}")/../lib.sh"
RES=320x180

fail() { echo "FAIL: $*" >&2; exit 1; }

make_inputs() {
  local d=$1
  mkdir -p "$d/guide/advanced" "$d/examples" "$d/sets"
  cp "$SRC"/examples/documents/* "$d/examples/"
  cp "$SRC/examples/demo.md" "$d/demo.md"
  cp "$SRC/tests/create/small.yaml" "$d/guide/small.yaml"
  local set=/work/shared/corpus/video_gen/sets/tutorial_series_example
  [ -d "$set" ] || set=$SRC/../shared/corpus/video_gen/sets/tutorial_series_example
  if [ -d "$set" ]; then cp -r "$set" "$d/sets/tutorial"; else
    mkdir -p "$d/sets/tutorial"
    printf 'set:\n  id: tutorial\n  name: Tutorial\nvideos:\n  - file: one.yaml\n' > "$d/sets/tutorial/set_config.yaml"
    cp "$SRC/tests/create/small.yaml" "$d/sets/tutorial/one.yaml"
  fi
  local i
  for i in 1 2 3 4 5 6 7 8; do
    local sub=guide
    [ $i -gt 5 ] && sub=guide/advanced
    printf '# Page %d\n\nThis is page %d of the guide. It says a little.\n\n## Details\n\n- point one of page %d\n- point two\n' \
      $i $i $i > "$d/$sub/page$i.md"
  done
  if [ "${2:-}" = bad ]; then printf 'video: [\n  broken\n' > "$d/guide/broken.yaml"; fi
}

# json_field FILE KEY: a number from `batch status --json`
json_field() { "$VGRUN" -e 'local f = assert(io.open(arg[1])); print(require("vg").json.decode(f:read("a"))[arg[2]])' "$1" "$2"; }

# same_outputs A B: every output file under A is byte-identical in B and back
same_outputs() {
  local a=$1 b=$2 n=0 f
  while IFS= read -r f; do
    cmp -s "$a/$f" "$b/$f" || fail "$f differs between $a and $b"
    n=$((n + 1))
  done < <(cd "$a" && find . -type f -not -path './.vgrun-batch/*' -not -name batch.sbatch | sort)
  local m
  m=$(cd "$b" && find . -type f -not -path './.vgrun-batch/*' -not -name batch.sbatch | wc -l)
  [ "$n" -eq "$m" ] || fail "$a has $n outputs, $b has $m"
  [ "$n" -gt 0 ] || fail "no outputs in $a"
  echo "$n outputs identical"
}
