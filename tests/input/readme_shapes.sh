#!/usr/bin/env bash
# tests/input/readme_shapes.sh: shapes of real READMEs that the plan must
# read as a viewer would: a blank row between flag pictures is no subtitle
# (starship), a list of "<details>" examples gives code slides (llama.cpp),
# and an option's name whose placeholder value is not said ends without a
# stray colon (prettier's options).
. "$(dirname "$0")/../lib.sh"
vg_scratch shapes

# starship: its logo's words title it, its flags are set apart by "&nbsp;"
cat >"$T/starship.md" <<'MD'
<p align="center">
  <img width="400" src="logo.png" alt="Starship – Cross-shell prompt" />
</p>

<p align="center">
  <a href="https://example.org/README.md"><img height="20" src="flag-us.png" alt="English" /></a>
  &nbsp;
  <a href="https://example.org/de/README.md"><img height="20" src="flag-de.png" alt="Deutsch" /></a>
  &nbsp;
  <a href="https://example.org/fr/README.md"><img height="20" src="flag-fr.png" alt="Français" /></a>
</p>

<h1></h1>

**The minimal, blazing-fast, and infinitely customizable prompt for any shell!**

- **Fast:** it's fast – _really really_ fast!
- **Customizable:** configure every aspect of your prompt.

## Installation

Install it with cargo and run it in any shell you like.
MD
"$VGRUN" scenes --model "$T/starship.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes starship"
python3 - "$T/out" >"$T/sub" <<'PY'
import json, sys
vc = json.load(open(sys.argv[1]))["videos"][0]["scenes"][0]["visual_content"]
print("title=" + vc.get("title", ""))
print("subtitle=" + repr(vc.get("subtitle")))
PY
check "a subtitle of spaces is none" hasnt "$T/sub" 'xa0'
check "the title names the project" has "$T/sub" '^title=Starship'

# llama.cpp: each example a list item holding "<details>", its summary and a command
cat >"$T/llama.md" <<'MD'
# llama.cpp

Inference of large language models in plain C and C++ on your own machine.

## llama-cli

A command line tool for chatting with a model and completing text.

- <details open>
    <summary>Run in conversation mode</summary>

    Models with a built-in chat template start a conversation.

    ```bash
    llama-cli -m model.gguf
    ```

    </details>

- <details>
    <summary>Run in conversation mode with custom chat template</summary>

    ```bash
    # use the "chatml" template
    llama-cli -m model.gguf -cnv --chat-template chatml
    ```

    </details>
MD
"$VGRUN" scenes --detail full --json "$T/llama.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes llama"
python3 - "$T/out" >"$T/kinds" <<'PY'
import json, sys
for s in json.load(open(sys.argv[1]))["scenes"]:
    print(s["type"], json.dumps(s.get("bullets", [])))
PY
check "two code slides" test "$(grep -c '^command' "$T/kinds")" -ge 2
check "no command as a bullet" hasnt "$T/kinds" 'llama-cli -m'

# prettier: "API Override" of "experimentalOperatorPosition: \"<start|end>\""
cat >"$T/options.md" <<'MD'
# Options

Prettier ships with a handful of format options.

## Experimental Operator Position

Valid options are start and end.

| Default | CLI Override                                                    | API Override                                                   |
| ------- | --------------------------------------------------------------- | -------------------------------------------------------------- |
| `"end"` | <code>--experimental-operator-position \<start&#124;end></code> | <code>experimentalOperatorPosition: "\<start&#124;end>"</code> |
MD
"$VGRUN" scenes "$T/options.md" >"$T/out" 2>"$T/err"; rc=$?; expect_rc 0 "scenes options"
check "the option's name said" has "$T/out" 'experimentalOperatorPosition'
check "no colon before the stop" hasnt "$T/out" 'experimentalOperatorPosition:\.'
vg_done
