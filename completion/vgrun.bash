# bash completion for vgrun. The candidates come from vgrun itself
# (`vgrun __complete WORD...`, made from the commands' option specs), so
# they always match the vgrun installed: commands, options, voices, colours,
# themes, presets, task ids, and input files by type.

# _vgrun_words LINE: the words of LINE as the shell will see them, into the
# array _vgrun_w (quotes and backslashes removed, so "my\ talk" is one word
# "my talk"; "--voice=fe" stays one word, unlike COMP_WORDS). The last
# word is the one being completed ("" after a blank).
_vgrun_words() {
  local line=$1 w="" q="" ch i n=${#1} inword=0
  _vgrun_w=()
  for ((i = 0; i < n; i++)); do
    ch=${line:i:1}
    if [[ $q == "'" ]]; then
      if [[ $ch == "'" ]]; then q=""; else w+=$ch; fi
    elif [[ $q == '"' ]]; then
      if [[ $ch == '"' ]]; then q=""
      elif [[ $ch == '\' ]] && ((i + 1 < n)) && [[ ${line:i+1:1} == [\"\\\$\`] ]]; then w+=${line:i+1:1}; ((i++))
      else w+=$ch; fi
    elif [[ $ch == '\' ]]; then
      ((i + 1 < n)) && { w+=${line:i+1:1}; ((i++)); }
      inword=1
    elif [[ $ch == "'" || $ch == '"' ]]; then q=$ch; inword=1
    elif [[ $ch == [[:space:]] ]]; then
      ((inword)) && { _vgrun_w+=("$w"); w=""; inword=0; }
    else w+=$ch; inword=1
    fi
  done
  # an open word (or an open quote) is the current one; after a blank, ""
  _vgrun_w+=("$w")
}

# _vgrun_files CUR PRE COMPGEN-ARGS...: file names for CUR, added to
# COMPREPLY without PRE (bash replaces only the part after the last = or :).
# mapfile keeps a name with blanks or glob characters whole.
_vgrun_files() {
  local cur=$1 pre=$2 f; shift 2
  local -a got
  mapfile -t got < <(compgen "$@" -- "$cur")
  if [ ${#got[@]} -gt 0 ]; then
    for f in "${got[@]}"; do COMPREPLY+=("${f#"$pre"}"); done
  elif [ -n "$pre" ]; then
    # --from=docs/ or yaml:docs/: the file name starts after the = or :
    mapfile -t got < <(compgen "$@" -- "${cur#"$pre"}")
    COMPREPLY+=("${got[@]}")
  fi
}

_vgrun() {
  local line=${COMP_LINE:0:COMP_POINT}
  local -a _vgrun_w words
  _vgrun_words "$line"
  words=("${_vgrun_w[@]}")
  [ ${#words[@]} -ge 2 ] || words+=("")
  local cur=${words[${#words[@]}-1]}
  # bash completes only the part after the last = or : (COMP_WORDBREAKS)
  local pre=""
  [[ $cur == *[=:]* ]] && pre=${cur%"${cur##*[=:]}"}
  local c ext quote=0
  local -a out exts
  mapfile -t out < <("${words[0]}" __complete "${words[@]:1}" 2>/dev/null)
  COMPREPLY=()
  for c in "${out[@]}"; do
    c=${c%%$'\t'*}
    case $c in
      @dirs)
        quote=1
        _vgrun_files "$cur" "$pre" -d ;;
      @files*)
        quote=1
        IFS=' ' read -r -a exts <<<"${c#@files}"
        _vgrun_files "$cur" "$pre" -d
        if [ ${#exts[@]} -eq 0 ]; then
          _vgrun_files "$cur" "$pre" -f
        else
          for ext in "${exts[@]}"; do _vgrun_files "$cur" "$pre" -f -X "!*.$ext"; done
        fi ;;
      *)
        if [[ $c == "$cur"* ]]; then
          c=${c#"$pre"}
          COMPREPLY+=("$c")
          # a literal with blanks or quotes (yaml:my talk.md) needs quoting too
          [[ $c == *[[:space:]\'\"\\\$\`\;\&\|\<\>\(\)\*\?\[]* ]] && quote=1
        fi ;;
    esac
  done
  # bash quotes what it inserts (my\ talk.md, or inside an open quote) and
  # adds / after a folder
  ((quote)) && compopt -o filenames 2>/dev/null
  return 0
}
complete -F _vgrun vgrun
