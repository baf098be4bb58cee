#!/usr/bin/env bash
# bench/run_tts.sh [BUILD_DIR]: narration speed. Synthesizes 1,500 words with
# espeak-ng through the tts worker (fresh cache, so nothing is a hit) and
# prints wall time, audio length and the real-time factor. No assertions.
set -euo pipefail
BUILD=${1:-build}
exe="$BUILD/stages/tts/bench_tts"
if [ ! -x "$exe" ]; then cmake --build "$BUILD" --target bench_tts >/dev/null; fi
echo "== 1,500 words as 10 scene clips, voice male"
"$exe" 1500 male 10
echo "== 1,500 words in one clip, voice female"
"$exe" 1500 female 1
echo "== 1,500 words, Spanish"
"$exe" 1500 es 10
