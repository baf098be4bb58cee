#!/usr/bin/env bash
# A document must not learn what exists outside its folder from the warning
# an include gets: AsciiDoc's include:: resolved the path (realpath) before
# the folder check, so a file outside that exists was "outside the
# document's folder" and one that does not was "no such file". Now a path
# that leads out as written is refused before the file system is asked,
# with one message either way (as mdBook's {{#include}} was already).
#   VGRUN=build/vgrun tests/hostile/include_probe.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch include-probe
mkdir -p "$T/doc/sub" "$T/outside" || exit 1
printf 'secret\n' > "$T/outside/there.adoc"
printf '== Two\n\nChapter text from the sub folder.\n' > "$T/doc/sub/ch.adoc"
cat > "$T/doc/book.adoc" <<'ADOC'
= Book

== One

Text of the first chapter.

include::../outside/there.adoc[]

include::../outside/absent.adoc[]

include::sub/missing.adoc[]

include::sub/../sub/ch.adoc[]
ADOC
cd "$T" || exit 1
"$VGRUN" scenes doc/book.adoc >out.txt 2>err.txt; rc=$?
expect_rc 0 "a book with includes that lead out"
check "one that exists outside: refused as outside" has err.txt \
  "book.adoc:7:1: warning: include::../outside/there.adoc\[\] is not followed: it is outside the document's folder"
check "one absent outside: the same message" has err.txt \
  "book.adoc:9:1: warning: include::../outside/absent.adoc\[\] is not followed: it is outside the document's folder"
check "one missing inside: no such file" has err.txt \
  "book.adoc:11:1: warning: include::sub/missing.adoc\[\] is not followed: no such file"
check "the text outside is never read" hasnt out.txt secret
check "one inside through .. is read" has out.txt "Two"
vg_done
