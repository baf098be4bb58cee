#!/usr/bin/env bash
# The command line allows a document's project (the nearest folder up that
# holds .git) for its pictures. A .git another user made counted too: in a
# shared folder (/tmp), anyone's `.git` made the whole folder "the
# project", and a document there showed pictures from every other folder
# in it. As git itself (CVE-2022-24765, "dubious ownership"), a .git, or
# its folder, that the user does not own is no project. Needs root (to
# give a folder to another user); skipped otherwise.
# Before: exit 0, the picture of the other folder shown.
#   VGRUN=build/vgrun tests/hostile/project_not_mine.sh
. "$(dirname "$0")/../lib.sh"
[ "$(id -u)" = 0 ] || { echo "skip: needs root to chown"; exit 77; }
vg_scratch project-not-mine
SRC_PNG="$(dirname "$0")/../../examples/documents/diagram.png"
mkdir -p "$T/shared/mine" "$T/shared/theirs" "$T/shared/.git"
cp "$SRC_PNG" "$T/shared/theirs/private.png"
printf '# P\n\n## A\n\n![x](../theirs/private.png)\n\nSome words.\n' >"$T/shared/mine/README.md"
# the user's own project: allowed
"$VGRUN" check "$T/shared/mine/README.md" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 0 "a .git of the user's own"
# another user's .git: no project, the picture is outside the document's folder
chown 65534 "$T/shared/.git"
"$VGRUN" check "$T/shared/mine/README.md" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "a .git another user owns"
check "the picture is refused, file and line named" has "$T/err" "README.md:5:1: image ../theirs/private.png is outside the document's folder"
# the user's .git in a folder another user owns (a shared /tmp): no project
chown 0 "$T/shared/.git"; chown 65534 "$T/shared"
"$VGRUN" check "$T/shared/mine/README.md" >"$T/out" 2>"$T/err"; rc=$?
expect_rc 1 "a .git in another user's folder"
chown 0 "$T/shared"
vg_done
