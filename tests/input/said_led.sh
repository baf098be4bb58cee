#!/usr/bin/env bash
# tests/input/said_led.sh: what real documents said without its point:
# reStructuredText's image substitutions leaving "run the ." and
# "Releases:," (tqdm); a plain-text NEWS with indented entries read as
# Markdown, said with "* " and stops at line ends (systemd); items that name
# one program twice said by their names ("gpg, gpgsm, gpgsm, and more").
. "$(dirname "$0")/../lib.sh"
vg_scratch said_led

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
