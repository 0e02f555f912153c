"""EVALUATION ONLY: converts shared/data/speech/ami_seriously (separated speaker channels plus
an RTTM) into the turn corpus format, one sample per speaker channel. A speaker's turns are
their RTTM segments merged across gaps shorter than --merge s (a gap that short is a pause in
the same turn, not a yield); holds are those merged gaps; there is no transcript.
Never used for training or tuning.

usage: ami_to_corpus.py --src shared/data/speech/ami_seriously --out DIR [--merge 0.5]
"""
import argparse, json, os, shutil, wave
import numpy as np


def write_label(path, sample_rate, duration, voice, turns, holds):
    """A recorded speaker's labels in shared/data/turns/FORMAT.md's layout: (start, end) turns and
    holds in s, no transcript."""
    label = {"sample_rate": sample_rate, "duration": round(duration, 3), "engine": "human", "voice": voice,
             "turns": [{"start": round(s, 3), "end": round(e, 3)} for s, e in turns],
             "holds": [{"start": round(s, 3), "end": round(e, 3)} for s, e in holds],
             "transcript": [], "turn_ends": [round(e, 3) for _, e in turns]}
    json.dump(label, open(path, "w"), indent=1)


def activity(path):
    with wave.open(path) as w:
        sr = w.getframerate()
        x = np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768
    hop = sr // 100
    frames = x[: len(x) // hop * hop].reshape(-1, hop)
    db = 10 * np.log10((frames ** 2).mean(1) + 1e-12)
    return db > -45, sr, len(x) / sr


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--src", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--merge", type=float, default=0.5)
    a = ap.parse_args()
    segs = {}
    for line in open(os.path.join(a.src, "mixture.rttm")):
        p = line.split()
        segs.setdefault(p[7], []).append((float(p[3]), float(p[3]) + float(p[4])))
    sources = sorted(f for f in os.listdir(a.src) if f.startswith("source") and f.endswith(".wav"))
    acts = {s: activity(os.path.join(a.src, s)) for s in sources}
    os.makedirs(a.out, exist_ok=True)
    used = set()
    for spk, ss in sorted(segs.items()):
        def overlap(src):
            act = acts[src][0]
            return sum(act[int(s * 100): int(e * 100)].mean() * (e - s) for s, e in ss)
        src = max((s for s in sources if s not in used), key=overlap)
        used.add(src)
        ss.sort()
        turns, holds = [], []
        for s, e in ss:
            if turns and s - turns[-1][1] < a.merge:
                holds.append((turns[-1][1], s))
                turns[-1][1] = max(turns[-1][1], e)
            elif turns and s < turns[-1][1]:
                turns[-1][1] = max(turns[-1][1], e)
            else:
                turns.append([s, e])
        _, sr, duration = acts[src]
        name = "ami-%s-%s" % (spk, src[:-4])
        shutil.copy(os.path.join(a.src, src), os.path.join(a.out, name + ".wav"))
        write_label(os.path.join(a.out, name + ".json"), sr, duration, spk, turns, holds)
        print("%s: %s, %d turns, %d merged gaps" % (spk, src, len(turns), len(holds)))


if __name__ == "__main__":
    main()
