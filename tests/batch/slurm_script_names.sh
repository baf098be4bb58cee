#!/usr/bin/env bash
# `vgrun batch --slurm` from a folder whose name holds a line break (an
# archive or a clone can make one): the script it writes runs nothing of the
# name, and sbatch is given the folders as exact arguments. A fake sbatch
# records its arguments, so no Slurm is needed.
#   VGRUN=build/vgrun tests/batch/slurm_script_names.sh
. "$(dirname "$0")/../lib.sh"
vg_scratch slurm-names
mkdir -p "$T/bin"
cat >"$T/bin/sbatch" <<'EOF'
#!/bin/sh
for a in "$@"; do printf '%s\0' "$a"; done >"$FAKE_SBATCH_ARGS"
echo 4242
EOF
chmod +x "$T/bin/sbatch"
export FAKE_SBATCH_ARGS="$T/sbatch.args"

d="$T/x"$'\n'"touch $T/owned"$'\n'
mkdir -p "$d/docs"
printf '# A\n\nA page to make.\n' >"$d/docs/a.md"
cd "$d" || exit 1
PATH="$T/bin:$PATH" "$VGRUN" batch docs -o out --slurm --shards 1 >"$T/out.txt" 2>"$T/err.txt"; rc=$?
expect_rc 0 "batch --slurm with a line break in the folder's name"
check "submitted" has "$T/out.txt" "submitted job 4242"
check "the script is written" test -s out/batch.sbatch
# run the script as an array task would, without Slurm: the name is no command
(cd "$T" && env -u SLURM_ARRAY_TASK_ID bash "$d/out/batch.sbatch" >/dev/null 2>&1)
check "the script runs nothing of the folder's name" test ! -e "$T/owned"
check "no #SBATCH line names the folder" hasnt out/batch.sbatch "^#SBATCH --chdir"
want="--chdir=$d"
found=0
while IFS= read -r -d '' a; do [ "$a" = "$want" ] && found=1; done <"$FAKE_SBATCH_ARGS"
check "sbatch gets the folder as one exact argument" test $found = 1

# an ordinary folder keeps its #SBATCH lines (the script can be submitted by hand)
mkdir -p "$T/plain/docs" && cp "$d/docs/a.md" "$T/plain/docs/"
cd "$T/plain" || exit 1
PATH="$T/bin:$PATH" "$VGRUN" batch docs -o out --slurm --shards 1 >"$T/out.txt" 2>"$T/err.txt"; rc=$?
expect_rc 0 "batch --slurm in a plain folder"
check "the plain folder is a #SBATCH line" has out/batch.sbatch "^#SBATCH --chdir=$T/plain$"
vg_done
