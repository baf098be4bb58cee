#!/usr/bin/env bash
# tests/input/said_whole.sh: what real documents left half said or shown
# with its markup: an example clause taken out with its address left
# "; e.g." behind (findutils' NEWS); a headline cut between modifiers of one
# noun ("the default external | and internal character encodings"); a bare
# "Yes." said as a FAQ's answer without its sentence; a headline cut at an
# address ("The mirror at"); bold written with spaces inside its stars
# ("** Branch & Bound **", a translated README) shown with its stars.
. "$(dirname "$0")/../lib.sh"
vg_scratch said_whole

cat >"$T/news.md" <<'DOC'
# Tool news

## Bug fixes

- 'tool -inum' now also works on platforms which allow the inode number zero; e.g. the Hurd uses inode number 0 for /dev/console. Previously, tool would abort.
- The manual page now shows environment variables in a consistent style.
DOC
"$VGRUN" scenes --json "$T/news.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes news.md"
check "no narration ends on 'e.g.'" hasnt "$T/out" 'e\.g\.[" ]'
check "the statement before the example is said" has "$T/out" 'allow the inode number zero\.'

cat >"$T/caution.md" <<'DOC'
# Demo

## Caution

> [!CAUTION]
> If you are using a non-English Windows environment, you may bump into an `Encoding::UndefinedConversionError` when invoking Demo.
> To solve this issue, we recommend overriding the default external and internal character encodings to `utf-8`.
> You can do so by setting the `RUBYOPT` environment variable as follows:
DOC
"$VGRUN" scenes --json "$T/caution.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes caution.md"
check "no headline cut between coordinated modifiers" hasnt "$T/out" 'the default external"'
check "the noun they share is shown" has "$T/out" 'external and internal character encodings'

cat >"$T/faq.md" <<'DOC'
# FAQ

## Questions

Can I run it on Windows?

Yes. The installer sets up everything a Windows machine needs, including the runtime.

### Can I edit the generated narration?

Yes! Edit the markdown script file or the Python code directly.

### What if I want to write all narration myself?

Provide a narration field in the YAML file for every scene.
DOC
"$VGRUN" scenes --json "$T/faq.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes faq.md"
check "a bare 'Yes.' is no headline" hasnt "$T/out" '"Yes"'
check "the answer after 'Yes.' is said with its question" has "$T/out" 'Can I run it on Windows? Yes. The installer sets up'
check "the answer after 'Yes!' is said" has "$T/out" 'Yes! Edit the markdown script file'

cat >"$T/mirror.md" <<'DOC'
# Mirrors

## Downloads

The mirror at https://mirror.example.org/pub/tool/ is updated every hour and keeps all releases. It is run by volunteers.

Release tarballs are signed with the key of the maintainer. Check them.
DOC
"$VGRUN" scenes --json "$T/mirror.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes mirror.md"
check "no headline left hanging at an address" hasnt "$T/out" '"The mirror at"'
check "the headline keeps its sentence" has "$T/out" '"The mirror is updated every hour and keeps all releases"'

cat >"$T/ar.md" <<'DOC'
# الخوارزميات

## الخوارزميات حسب النموذج

* **القوة الغاشمة** - انظر في جميع الاحتمالات وحدد الحل الأفضل
* **جشع** - اختر الخيار الأفضل في الوقت الحالي ، دون أي اعتبار للمستقبل
* ** Branch & Bound ** - تذكر الحل الأقل تكلفة الموجود في كل مرحلة من مراحل التراجع
DOC
"$VGRUN" scenes --json "$T/ar.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes ar.md"
check "spaced bold shows no stars" hasnt "$T/out" '\*\*'
check "spaced bold is the item's term" has "$T/out" '"Branch & Bound"'
# (code keeps its stars: Python's power operator)
printf '# Power\n\n## Use\n\nCompute it with `x ** y ** z` in Python, which raises x to a power.\n' >"$T/code.md"
"$VGRUN" scenes --json "$T/code.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes code.md"
check "stars in code stay" has "$T/out" 'x \*\* y \*\* z'
vg_done
