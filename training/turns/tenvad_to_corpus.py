"""EVALUATION ONLY: converts shared/data/speech/tenvad_testset (30 clips of real speech from
LibriSpeech, GigaSpeech and the DNS Challenge, with manual speech / non-speech labels) into the
turn corpus format. Each clip is one speaker's turn: its pauses between labelled speech segments
are holds, and its last speech is the turn's end. Many clips are cut off while the speaker is
still talking (no silence after the last speech), so only the holds are meaningful here: a commit
inside one is an interruption of a real voice pausing mid-turn. There is no transcript.
Never used for training or tuning.

usage: tenvad_to_corpus.py --src shared/data/speech/tenvad_testset --out DIR
"""
import argparse, os, shutil, sys, wave

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from ami_to_corpus import write_label  # noqa: E402


def segments(path):
    """The .scv line `name,start,end,label,start,end,label,...` as (start, end, is_speech)."""
    parts = open(path).read().strip().split(",")
    return [(float(parts[i]), float(parts[i + 1]), parts[i + 2].strip() == "1") for i in range(1, len(parts) - 2, 3)]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--out", required=True)
    a = ap.parse_args()
    os.makedirs(a.out, exist_ok=True)
    holds_total = 0
    for scv in sorted(f for f in os.listdir(a.src) if f.endswith(".scv")):
        name = scv[:-4]
        speech = [(s, e) for s, e, is_speech in segments(os.path.join(a.src, scv)) if is_speech]
        if not speech:
            continue
        with wave.open(os.path.join(a.src, name + ".wav")) as w:
            rate, duration = w.getframerate(), w.getnframes() / w.getframerate()
        holds = [(speech[k][1], speech[k + 1][0]) for k in range(len(speech) - 1) if speech[k + 1][0] > speech[k][1]]
        holds_total += len(holds)
        shutil.copy(os.path.join(a.src, name + ".wav"), os.path.join(a.out, name + ".wav"))
        write_label(os.path.join(a.out, name + ".json"), rate, duration, name, [(speech[0][0], speech[-1][1])], holds)
    print("%d clips, %d holds -> %s" % (len(os.listdir(a.out)) // 2, holds_total, a.out))


if __name__ == "__main__":
    main()
