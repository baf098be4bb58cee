#!/usr/bin/env bash
# What a `vgrun batch @LIST` may name: the files in the list's own folder.
# An absolute path, and a relative line that leads out of it (by ".." or a
# link), are skipped with a warning naming LIST:N, unless it lies in a
# folder given with --allow-path. A byte order mark before the first line
# is not part of its name; a line with a NUL byte is an error naming LIST:N.
# (--list: the plan, nothing is made.)
#   VGRUN=build/vgrun tests/cli/batch_list.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch batch-list
cd "$T" || exit 1
mkdir -p repo/sub private
printf '# Secret\n\nkey = 1\n' >private/secret.md
printf '# Fine\n\nA page of the repository.\n' >repo/ok.md
cp repo/ok.md repo/sub/in.md
ln -s ../private/secret.md repo/link.md
printf '%s\n' "$T/private/secret.md" ../private/secret.md link.md ok.md sub/../sub/in.md /etc/passwd >repo/videos.txt

"$VGRUN" batch @repo/videos.txt -o out --list >plan.txt 2>err.txt; rc=$?
expect_rc 0 "a list with lines leading out"
check "the list's own files are planned" [ "$(sort plan.txt | tr '\n' ' ')" = "ok.md sub/in.md " ]
check "an absolute path is skipped, naming its line" has err.txt "^vgrun batch: warning: repo/videos.txt:1: $T/private/secret.md: an absolute path, skipped"
check "a line with .. is skipped, naming its line" has err.txt "^vgrun batch: warning: repo/videos.txt:2: \.\./private/secret.md: leads out of the list's folder $T/repo, skipped"
check "a link out of the folder is skipped" has err.txt "^vgrun batch: warning: repo/videos.txt:3: link.md: leads out"
check "/etc/passwd is skipped" has err.txt "^vgrun batch: warning: repo/videos.txt:6: /etc/passwd: an absolute path"
check "the warnings say how to allow it" has err.txt "allow-path DIR"
check "nothing written" [ ! -e out ]

# --allow-path DIR: lines in DIR are read (the link and the path to the same file: one document)
"$VGRUN" batch @repo/videos.txt -o out --list --allow-path private >plan2.txt 2>err2.txt; rc=$?
expect_rc 0 "--allow-path"
check "--allow-path private: the private file is planned" [ "$(sort plan2.txt | tr '\n' ' ')" = "ok.md secret.md sub/in.md " ]
check "--allow-path private: /etc/passwd is still skipped" has err2.txt "videos.txt:6: /etc/passwd: an absolute path"
check "--allow-path private: no warning for the allowed lines" hasnt err2.txt "videos.txt:[123]:"

# nothing left: told, exit 1
printf '/etc/passwd\n' >repo/pw.txt
"$VGRUN" batch @repo/pw.txt -o out --list >plan3.txt 2>err3.txt; rc=$?
expect_rc 1 "a list of only refused lines"
check "told that nothing is left" has err3.txt "no documents found"

# a list saved with a byte order mark names its first file without it
printf '\357\273\277ok.md\r\nsub/in.md\r\n' >repo/bom.txt
"$VGRUN" batch @repo/bom.txt -o out --list >plan4.txt 2>err4.txt; rc=$?
expect_rc 0 "a list with a byte order mark"
check "BOM: both files planned" [ "$(sort plan4.txt | tr '\n' ' ')" = "ok.md sub/in.md " ]
# a NUL byte (a binary file given as a list): a message naming the line,
# not an internal error
printf 'ok.md\0../../etc/passwd\n' >repo/nul.txt
"$VGRUN" batch @repo/nul.txt -o out --list >plan5.txt 2>err5.txt; rc=$?
expect_rc 1 "a list with a NUL byte"
check "NUL: says where" has err5.txt "^vgrun batch: repo/nul.txt:1: a NUL byte: not a file name"
check "NUL: no internal error" hasnt err5.txt "discover.lua\|bad argument"
check "NUL: nothing written" [ ! -e out ]
vg_done
