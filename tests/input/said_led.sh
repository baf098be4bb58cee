#!/usr/bin/env bash
# tests/input/said_led.sh: what real documents said without its point: a
# colon that leads into a long list of links said with nothing after it
# (rclone's "Please see the rclone website for:"); reStructuredText's image
# substitutions leaving "run the ." and "Releases:," (tqdm); headlines cut
# between a passive verb and its infinitive ("is considered", pip) or
# between "all widgets" and the clause that limits them (GTK's NEWS); a
# plain-text NEWS with indented entries read as Markdown, said with "* "
# and stops at line ends (systemd); "n<sup>2</sup>" said "n2".
. "$(dirname "$0")/../lib.sh"
vg_scratch said_led

cat >"$T/links.md" <<'DOC'
# Tool

Tool copies files between clouds.

## Installation & documentation

Please see the [tool website](https://tool.example/) for:

- [Installation](https://tool.example/install/)
- [Documentation & configuration](https://tool.example/docs/)
- [Changelog](https://tool.example/changelog/)
- [FAQ](https://tool.example/faq/)
- [Storage providers](https://tool.example/overview/)
- [Forum](https://forum.tool.example/)
- ...and more
DOC
"$VGRUN" scenes --json "$T/links.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes links.md"
check "the colon's sentence goes on with the list" has "$T/out" 'website for Installation, documentation & configuration, Changelog, and more\.'
check "no sentence stops at its colon" hasnt "$T/out" 'website for[:.]"'
"$VGRUN" scenes --json --detail full "$T/links.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --detail full links.md"
check "'...and more' is the list's 'and more', not an item" has "$T/out" 'and Forum, and more\.\|Forum, and more\.'
check "never 'and ...and more'" hasnt "$T/out" 'and \.\.\.and more'

cat >"$T/subs.rst" <<'DOC'
Tool
====

Changelog
---------

The list of all changes is available either on GitHub's Releases:
|GitHub-Status|, on the
`wiki <https://example.org/wiki>`__, or on the
`website <https://example.org/releases>`__.

Help
----

If you need help, run the |binder-demo|. You can also open |docs|.

.. |GitHub-Status| image:: https://img.shields.io/github/tag/x/y.svg
   :target: https://github.com/x/y/releases
.. |binder-demo| image:: https://mybinder.org/badge_logo.svg
   :target: https://mybinder.org/v2/gh/x/y/master
.. |docs| image:: https://example.org/docs.svg
   :alt: the online manual
DOC
"$VGRUN" scenes --json --detail full "$T/subs.rst" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes subs.rst"
check "an image after 'the' is said by its name" has "$T/out" 'run the binder demo\.'
check "no article left before nothing" hasnt "$T/out" 'the \.'
check "an image's colon goes with it" has "$T/out" "Releases, on the wiki"
check "no colon before a comma" hasnt "$T/out" 'Releases: *,'

cat >"$T/cut.md" <<'DOC'
# Cache

## Where is the cache stored

```{caution}
The exact filesystem structure of pip's cache's contents is considered to be
an implementation detail and may change between any two versions of pip.
```

## Interfaces

- GtkOrientable - A new interface implemented by all widgets that have horizontal and vertical variants
- GtkBuilder - Can construct menus
DOC
"$VGRUN" scenes --json "$T/cut.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes cut.md"
check "no headline ends on a passive verb before its infinitive" hasnt "$T/out" 'is considered"'
check "the passive verb's complement is shown" has "$T/out" '"The exact filesystem structure of pip.s cache.s contents is considered to be an implementation detail"'
check "no headline ends on 'all widgets'" hasnt "$T/out" 'all widgets"'
check "the clause that limits 'all widgets' is shown" has "$T/out" 'all widgets that have horizontal and vertical variants'
check "no description said without its participle's agent" hasnt "$T/out" 'interface implemented[.;]'

cat >"$T/NEWS" <<'DOC'
tool System Manager

CHANGES WITH 252:

        Announcements of Future Feature Removals:

        * We intend to remove cgroup v1 support from tool release after the
          end of 2023. If you run services that make explicit use of cgroup v1
          features, please implement compatibility with cgroup v2 sooner
          rather than later.

        * PID 1 will now automatically pick up system credentials from qemu's
          fw_cfg interface, thus allowing passing arbitrary data into VM
          systems similar to how this is already supported for passing them
          into `tool-nspawn` containers. Credentials may now also be passed
          in via the new kernel command line option `tool.set_credential=`.
          The `tool-creds` tool reads them.
DOC
"$VGRUN" scenes --json "$T/NEWS" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes NEWS"
check "a NEWS entry's bullet is not said" hasnt "$T/out" '"\* \|[.:] \* '
check "a sentence goes on across its lines" has "$T/out" 'release after the end of 2023'
check "no stop at a line's end" hasnt "$T/out" 'after the\. end'

cat >"$T/sup.md" <<'DOC'
# Sorting

Bubble sort takes n<sup>2</sup> steps on a list of n items, which is slow for a long list.

| Algorithm | Cost |
| --- | --- |
| Bubble sort | n<sup>2</sup> |
| Naive product | n<sup>3</sup> |
| Search space | 2<sup>48</sup> |
DOC
"$VGRUN" scenes --json "$T/sup.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes sup.md"
check "a power is said as one" has "$T/out" 'takes n squared steps'
check "a table cell's power is said" has "$T/out" 'n cubed'
check "a larger power is said with its exponent" has "$T/out" '2 to the power of 48'
check "never 'n2'" hasnt "$T/out" 'n2[ ".]'
check "the slide shows superscript digits" has "$T/out" 'n²'
printf -- '---\nlang: de\n---\n# Sortieren\n\nBubblesort braucht n<sup>2</sup> Schritte für eine Liste von n Elementen, was langsam ist.\n' >"$T/de.md"
"$VGRUN" scenes --json "$T/de.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes de.md"
check "a power is said in the document's language" has "$T/out" 'braucht n hoch 2 Schritte'
# items that name one program twice ("gpgsm: …", "gpgsm: …"): not said by
# their names as a list ("gpg, gpgsm, gpgsm, and more"), a NEWS file's
# entries said as what they say
cat >"$T/news.md" <<'DOC'
# Tool 2.1

Noteworthy changes:

- gpg: New sub-command "change-usage" for testing purposes and for the checks of the keys.
- gpg: Out of order key-signatures are now systematically detected and fixed by the edit command.
- gpgsm: Add option pinentry-mode to support a loopback pinentry in every mode there is.
- gpgsm: A new pubring.kbx is now created with the header blob so that gpg can detect that the keybox format needs to be used.
- agent: Add read support for the new private key protection format openpgp-s2k-ocb-aes.
- agent: Default to allow-loopback-pinentry and add an option to turn it off again.
DOC
"$VGRUN" scenes --json "$T/news.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes news.md"
check "names said twice in a row are no list of names" hasnt "$T/out" 'gpg, gpg\|gpgsm, gpgsm\|gpgsm, agent'

vg_done
