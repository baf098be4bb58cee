#!/usr/bin/env bash
# tests/input/inline_markup.sh: inline markup shown and said as a reader
# means it: HTML's superscripts and subscripts (n², xᵢ; "n squared" in the
# document's language), a heading's id ("{#id}", MDX's "{/*id*/}") never
# shown, a MyST role opening a list item ("{term}`wheel <Wheel>`") read as
# its word, a linked picture between words (Caddy's "a <img> project")
# read as the word it stands for.
. "$(dirname "$0")/../lib.sh"
vg_scratch inline_markup

cat >"$T/power.md" <<'DOC'
# Complexity

How the two algorithms grow.

## Costs

The naive algorithm takes n<sup>2</sup> steps and the better one n<sup>3</sup> or 10<sup>-3</sup> seconds. Each value x<sub>i</sub> is read once. Note that 2^10 is 1024, and the 1<sup>st</sup> pass is free.

| Algorithm | Cost |
|-----------|------|
| naive | O(n<sup>2</sup>) |
| fast | O(n<sup>k</sup>) |

## Growth

- Brute force grows as 2<sup>n</sup> with the input size
- Each step reads x<sub>i</sub> and 10<sup>-3</sup> of the data
DOC
"$VGRUN" scenes --json --detail full "$T/power.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes power.md"
"$VGRUN" scenes --model --detail full "$T/power.md" >"$T/model" 2>"$T/err"; rc=$?; expect_rc 0 "scenes --model power.md"
check "a power is shown raised" has "$T/model" 'grows as 2ⁿ with'
check "a negative power is shown raised" has "$T/model" 'and 10⁻³ of'
check "a subscript is shown lowered" has "$T/model" 'reads xᵢ and'
check "a power in a table cell is shown raised" has "$T/model" '"O(n²)"'
check "a letter power in a cell is shown raised" has "$T/model" '"O(nᵏ)"'
check "never shown run together" hasnt "$T/model" 'n2 steps\|O(n2)'
check "a power is said" has "$T/out" 'takes n squared steps'
check "a cube is said" has "$T/out" 'n cubed'
check "another power is said" has "$T/out" '10 to the power of -3'
check "a subscript is said as its own word" has "$T/out" 'value x i is'
check "never n2 run together" hasnt "$T/out" 'takes n2 steps'
check "2^10 in prose is left as written" has "$T/out" '2^10 is 1024'
check "an ordinal stays on its number" has "$T/out" 'the 1st pass'

printf -- '---\nlang: de\n---\n# Komplexität\n\nWie die Algorithmen wachsen.\n\n## Kosten\n\nDer naive Algorithmus braucht n<sup>2</sup> Schritte und der bessere n<sup>k</sup> Schritte.\n' >"$T/de.md"
"$VGRUN" scenes --json "$T/de.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes de.md"
check "a power said in German" has "$T/out" 'braucht n Quadrat Schritte'
check "another power said in German" has "$T/out" 'n hoch k Schritte'
printf -- '---\nlang: fr\n---\n# Complexité\n\nComment les algorithmes croissent.\n\n## Coûts\n\nLe premier algorithme demande n<sup>2</sup> étapes pour chaque entrée.\n' >"$T/fr.md"
"$VGRUN" scenes --json "$T/fr.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes fr.md"
check "a power said in French" has "$T/out" 'n au carré étapes'
printf -- '---\nlang: es\n---\n# Complejidad\n\nCómo crecen los algoritmos.\n\n## Costes\n\nEl primer algoritmo necesita n<sup>2</sup> pasos para cada entrada.\n' >"$T/es.md"
"$VGRUN" scenes --json "$T/es.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes es.md"
check "a power said in Spanish" has "$T/out" 'n al cuadrado pasos'

# a heading's id: React's docs ("## Title {/*title-id*/}"), Pandoc's "{#id}"
cat >"$T/ids.md" <<'DOC'
# Adding interactivity

Some things on the screen update in response to user input.

## Responding to events {/*responding-to-events*/}

React lets you add event handlers to your JSX.

## State as a snapshot {#state-as-a-snapshot}

Setting state requests a new render.
DOC
"$VGRUN" scenes --json "$T/ids.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes ids.md"
check "an MDX heading id is not shown" has "$T/out" '"Responding to events"'
check "a Pandoc heading id is not shown" has "$T/out" '"State as a snapshot"'
check "no id shown anywhere" hasnt "$T/out" 'responding-to-events\|state-as-a-snapshot'

# a MyST role opening a list item (pip's getting-started.md)
cat >"$T/term.md" <<'DOC'
# Getting Started

## Install a package from a distribution file

pip can install directly from distribution files as well. They come in 2 forms:

- {term}`source distribution <Source Distribution (or "sdist")>` (usually shortened to "sdist")
- {term}`wheel distribution <Wheel>` (usually shortened to "wheel")
DOC
"$VGRUN" scenes --json --detail full "$T/term.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes term.md"
check "a role's item shows its word" has "$T/out" '"source distribution (usually shortened to'
check "no item reads as a type" hasnt "$T/out" '"Type"'
check "the role is not said" hasnt "$T/out" 'is a term'

# a linked picture without alt text between two words (Caddy's README)
cat >"$T/caddy.md" <<'DOC'
<p align="center">
	<a href="https://caddyserver.com"><img src="https://example.com/logo.png" alt="Caddy" width="550"></a>
	<br>
	<h3 align="center">a <a href="https://zerossl.com"><img src="https://example.com/z.svg" height="28"></a> project</h3>
</p>
<hr>
<h3 align="center">Every site on HTTPS</h3>
<p align="center">Caddy is an extensible server platform that uses TLS by default.</p>

## Features

- Easy configuration with the Caddyfile
- Automatic HTTPS by default
DOC
"$VGRUN" scenes --json "$T/caddy.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes caddy.md"
check "the picture's word stays in the sentence" has "$T/out" 'a zerossl project'
# a README whose first heading is a section's ("## Get Started") under a
# header of badges: titled by the repository they link to (delta's README)
cat >"$T/README.md" <<'DOC'
<p align="center">
  <img width=400px src="https://example.com/147996902.png" alt="image" />
</p>
<p align="center">
  <a href="https://github.com/dandavison/delta/actions">
    <img src="https://github.com/dandavison/delta/workflows/Continuous%20Integration/badge.svg" alt="CI">
  </a>
</p>

## Get Started

Install it and add this to your configuration file before you start.

## Features

- Language syntax highlighting with the same themes as bat
- Word-level diff highlighting using a Levenshtein edit inference algorithm
DOC
"$VGRUN" scenes --json "$T/README.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes README.md"
check "the repository names the video" has "$T/out" '"title":"delta"'
check "a section's heading does not" hasnt "$T/out" '"title":"Get Started","voice"'

# a names list said inside a sentence: its names' articles in lower case
# (PCRE's README: a text file's contents, one name a line)
{ printf 'README file for PCRE (Perl-compatible regular expression library)\n-----------------------------------------------------------------\n\n'
  printf 'Please read the NEWS file if you are upgrading from a previous release.\nThe contents of this README file are:\n\n'
  for t in "The PCRE APIs" "Documentation for PCRE" "Contributions by users of PCRE" \
           "Building PCRE on non-Unix-like systems" "Building PCRE without using autotools" \
           "Building PCRE using autotools" "Retrieving configuration information" "Shared libraries" \
           "Cross-compiling using autotools" "Using HP's ANSI C++ compiler (aCC)" \
           "Compiling in Tru64 using native compilers" "Using Sun's compilers for Solaris" "Using PCRE from MySQL" \
           "Making new tarballs" "Testing PCRE" "Character tables" "File manifest"; do
    printf '  %s\n' "$t"; done
  printf '\n\nThe PCRE APIs\n-------------\n\nPCRE is written in C, and it has its own API. There are three sets of functions.\n\n'
  printf 'Documentation for PCRE\n----------------------\n\nIf you install PCRE in the normal way, you will end up with man pages.\n'; } >"$T/README.txt"
"$VGRUN" scenes --json "$T/README.txt" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes README.txt"
check "a name's article is lower case in the sentence" has "$T/out" 'among them the PCRE APIs'
check "the slide keeps the name as written" has "$T/out" '"The PCRE APIs"'
vg_done
