"""Does the voice tell a hold from a turn end when the words are the same? For each engine and
voice that make-turn-corpus draws, speaks each sentence once ending in a comma (as a hold is
written) and once in a full stop (as an end is written), with make-turn-corpus's own synth()
and trim(), and prints JSON: how many pairs came out sample-for-sample identical, the mean
difference in length, and for pairs of equal length the RMS of their difference relative to the
speech's. Where the audio is identical, only the words and the pause can tell a
whole-clause hold ("I could ring my sister," then more) from a turn end.

usage: comma_vs_stop.py [--sentences N]   (needs espeak-ng, flite, festival and sox; ~1 min)
"""
import argparse, json, os, statistics, tempfile

# Our own sentences (the TRAIN bank's middle clauses), not an evaluation bank's.
from shared_tools import load_tool
from text_bank import TRAIN

VOICES = {
    "espeak-ng": [{"name": n, "rate": 160, "pitch": 50} for n in ("en-us", "en-gb", "en-us+f3")],
    "flite": [{"name": n} for n in ("kal16", "awb", "rms", "slt")],
    "festival": [{"name": n} for n in ("voice_kal_diphone", "voice_cmu_us_slt_arctic_hts")],
}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sentences", type=int, default=12)
    a = ap.parse_args()
    tool = load_tool("make-turn-corpus")
    sentences = TRAIN["mids"][:a.sentences]
    tmp = tempfile.mkdtemp()
    out = {}
    for engine, voices in VOICES.items():
        for voice in voices:
            same, dur, rel = 0, [], []
            for s in sentences:
                x = tool.trim(tool.synth(engine, s + ",", os.path.join(tmp, "a.wav"), voice))
                y = tool.trim(tool.synth(engine, s + ".", os.path.join(tmp, "b.wav"), voice))
                same += x == y
                dur.append((len(y) - len(x)) / tool.SR * 1000)
                if len(x) == len(y) and x:
                    # How far apart the two renderings are: RMS of the difference over RMS of the speech.
                    diff = sum((u - v) ** 2 for u, v in zip(x, y)) / sum(u * u for u in x)
                    rel.append(diff ** 0.5)
            out["%s/%s" % (engine, voice["name"])] = {"pairs": len(sentences), "identical": same,
                                                      "stop_minus_comma_ms": round(statistics.mean(dur), 1),
                                                      "same_length": len(rel),
                                                      "rms_diff_rel": round(statistics.mean(rel), 4) if rel else None}
    print(json.dumps(out))


if __name__ == "__main__":
    main()
