# bash completion for vgrun. The candidates come from vgrun itself
# (`vgrun __complete WORD...`, made from the commands' option specs), so
# they always match the vgrun installed: commands, options, voices, colours,
# themes, presets, task ids, and input files by type.
_vgrun() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a words
  # the words before the cursor, split on blanks only ("--voice=fe" stays one)
  read -r -a words <<<"$line"
  [[ $line =~ [[:space:]]$ ]] && words+=("")
  [ ${#words[@]} -ge 2 ] || words+=("")
  local cur=${words[${#words[@]}-1]}
  # bash completes only the part after the last = or : (COMP_WORDBREAKS)
  local pre=""
  [[ $cur == *[=:]* ]] && pre=${cur%"${cur##*[=:]}"}
  local IFS=$'\n' c ext
  local -a out
  out=($("${words[0]}" __complete "${words[@]:1}" 2>/dev/null))
  COMPREPLY=()
  for c in "${out[@]}"; do
    c=${c%%$'\t'*}
    case $c in
      @dirs)
        compopt -o filenames 2>/dev/null
        COMPREPLY+=($(compgen -d -- "$cur")) ;;
      @files*)
        compopt -o filenames 2>/dev/null
        local -a exts=(${c#@files})
        IFS=' ' read -r -a exts <<<"${c#@files}"
        COMPREPLY+=($(compgen -d -- "$cur"))
        if [ ${#exts[@]} -eq 0 ]; then
          COMPREPLY+=($(compgen -f -- "$cur"))
        else
          for ext in "${exts[@]}"; do COMPREPLY+=($(compgen -f -X "!*.$ext" -- "$cur")); done
        fi ;;
      *)
        [[ $c == "$cur"* ]] && COMPREPLY+=("${c#"$pre"}") ;;
    esac
  done
}
complete -F _vgrun vgrun
