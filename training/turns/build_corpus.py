"""Builds the turn-taking training corpus (or the held-out one) with make-turn-corpus,
then augments every sample once (gain, noise, sox room reverb, sox speed) with labels rescaled.

usage: build_corpus.py --out DIR [--split train|valid|heldout|heldout2..heldout10|default] [--seed S] [--jobs 2]
                      [--augment N] [--crosstalk P]
--crosstalk P mixes another engine's voice of the split, far field and 20-35 dB down, into a share P
of the augmented copies (session 12; `--split valid --augment 1 --crosstalk 1` builds the crosstalk
corpus of docs/turn-taking.md). Deterministic given --seed. Never reads shared/data/speech or the dev set.
"""
import argparse, json, os, random, subprocess, shutil, sys, wave
from concurrent.futures import ThreadPoolExecutor
import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
TOOL = os.path.normpath(os.path.join(HERE, "..", "..", "..", "shared", "tools", "make-turn-corpus"))
SR = 16000

# (engine, seed, count[, text_bank name]). Training seeds 101..; validation seeds 8001.. (the policy
# is chosen on them, nothing is fitted to them); held-out seeds 9001.. (never used in training).
PLAN = {
    "train": [("espeak-ng", 101, 12), ("espeak-ng", 102, 12), ("espeak-ng", 103, 12),
              ("flite", 201, 10), ("flite", 202, 10), ("flite", 203, 10),
              ("festival", 301, 6), ("festival", 302, 6),
              ("espeak-ng", 104, 12), ("flite", 204, 10), ("festival", 303, 4)],
    "valid": [("espeak-ng", 8001, 8, "VALID_A"), ("flite", 8002, 8, "VALID_A"), ("festival", 8003, 5, "VALID_A"),
              ("espeak-ng", 8101, 8, "VALID_B"), ("flite", 8102, 8, "VALID_B"), ("festival", 8103, 5, "VALID_B")],
    "heldout": [("espeak-ng", 9001, 8), ("flite", 9002, 8), ("festival", 9003, 5)],
    "heldout2": [("espeak-ng", 9101, 8), ("flite", 9102, 8), ("festival", 9103, 5)],
    "heldout3": [("espeak-ng", 9201, 8), ("flite", 9202, 8), ("festival", 9203, 5)],
    "heldout4": [("espeak-ng", 9301, 10), ("flite", 9302, 10), ("festival", 9303, 6)],
    "heldout5": [("espeak-ng", 9401, 10), ("flite", 9402, 10), ("festival", 9403, 6)],
    "heldout6": [("espeak-ng", 9501, 10), ("flite", 9502, 10), ("festival", 9503, 5)],
    "heldout7": [("espeak-ng", 9601, 10), ("flite", 9602, 10), ("festival", 9603, 5)],
    "heldout8": [("espeak-ng", 9701, 10), ("flite", 9702, 10), ("festival", 9703, 5)],
    "heldout9": [("espeak-ng", 9901, 8), ("flite", 9902, 8), ("festival", 9903, 5)],
    "heldout10": [("espeak-ng", 10001, 8), ("flite", 10002, 8), ("festival", 10003, 5)],
    # make-turn-corpus's own default bank (the dev set's texts) on seeds the dev set did not use.
    "default": [("espeak-ng", 9801, 8), ("flite", 9802, 8), ("festival", 9803, 5)],
}


def read_wav(path):
    with wave.open(path) as w:
        return np.frombuffer(w.readframes(w.getnframes()), dtype="<i2").astype(np.float32) / 32768.0


def write_wav(path, x):
    with wave.open(path, "wb") as w:
        w.setnchannels(1); w.setsampwidth(2); w.setframerate(SR)
        w.writeframes((np.clip(x, -1, 1) * 32767).astype("<i2").tobytes())


def scale_labels(label, factor, n):
    def s(v):
        return round(v * factor, 3)
    out = dict(label)
    out["turns"] = [{"start": s(t["start"]), "end": s(t["end"])} for t in label["turns"]]
    out["holds"] = [{"start": s(t["start"]), "end": s(t["end"])} for t in label["holds"]]
    out["transcript"] = [{"text": t["text"], "start": s(t["start"]), "end": s(t["end"])} for t in label["transcript"]]
    out["turn_ends"] = [s(v) for v in label["turn_ends"]]
    out["duration"] = round(n / SR, 3)
    return out


def speech_rms(x):
    """RMS over the 10 ms frames above -50 dBFS (the voice, not its pauses)."""
    n = len(x) // 160
    frames = x[:n * 160].reshape(n, 160)
    e = (frames ** 2).mean(axis=1)
    loud = e > 10 ** (-50 / 10)
    return float(np.sqrt(e[loud].mean())) if loud.any() else 0.0


def crosstalk(n, level_rms, donors, rnd, out_tmp):
    """Another voice in the room: donor files (another engine or seed) read one after another with
    random gaps, far-field (heavy sox reverb), at level_rms. Returns n samples."""
    out = np.zeros(n, np.float32)
    pos = rnd.randint(0, SR)
    while pos < n:
        donor = rnd.choice(donors)
        tmp = "%s.xt%d.wav" % (out_tmp, os.getpid())
        subprocess.run(["sox", donor, tmp, "reverb", str(rnd.randint(50, 90)), "50", "100"], check=True, capture_output=True)
        y = read_wav(tmp)
        os.unlink(tmp)
        start = rnd.randint(0, max(0, len(y) - SR))
        y = y[start:start + n - pos]
        out[pos:pos + len(y)] = y
        pos += len(y) + rnd.randint(0, 2 * SR)
    rms = speech_rms(out)
    return out * (level_rms / rms) if rms > 0 else out


def augment(src_wav, src_json, dst_wav, dst_json, rnd, donors=None, crosstalk_p=0.0):
    speed = rnd.choice([0.9, 0.95, 1.0, 1.05, 1.1])
    reverb = rnd.random() < 0.5
    tmp = dst_wav + ".tmp.wav"
    cmd = ["sox", src_wav, tmp]
    if speed != 1.0:
        cmd += ["speed", str(speed), "rate", str(SR)]
    if reverb:
        cmd += ["reverb", str(rnd.randint(10, 50)), "50", str(rnd.randint(20, 80))]
    subprocess.run(cmd, check=True, capture_output=True)
    x = read_wav(tmp)
    os.unlink(tmp)
    label = json.load(open(src_json))
    n = int(round(label["duration"] / speed * SR))
    x = x[:n] if len(x) >= n else np.concatenate([x, np.zeros(n - len(x), np.float32)])
    # Crosstalk (v9): with probability crosstalk_p another voice talks 20-35 dB below the speaker.
    # At crosstalk_p 0 no random number is drawn, so earlier corpora rebuild unchanged.
    if crosstalk_p > 0 and donors and rnd.random() < crosstalk_p:
        x = x + crosstalk(len(x), speech_rms(x) * 10 ** (-rnd.uniform(20, 35) / 20), donors, rnd, dst_wav)
    gain = 10 ** (rnd.uniform(-12, 6) / 20)
    nrng = np.random.default_rng(rnd.randint(0, 2**31))
    noise = nrng.normal(0, 10 ** (rnd.uniform(-62, -42) / 20), len(x)).astype(np.float32)
    write_wav(dst_wav, x * gain + noise)
    json.dump(scale_labels(label, 1.0 / speed, len(x)), open(dst_json, "w"))


def run_one(job, out, bank):
    engine, seed, count = job[:3]
    raw = os.path.join(out, "raw", "%s-%d" % (engine, seed))
    if not os.path.exists(os.path.join(raw, "%s-%03d.json" % (engine, count - 1))):
        subprocess.run(["nice", "-n", "10", sys.executable, TOOL, "--out", raw, "--engine", engine,
                        "--count", str(count), "--seed", str(seed), "--bank", bank], check=True)
    return raw


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--out", required=True)
    ap.add_argument("--split", default="train", choices=sorted(PLAN))
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--augment", type=int, default=None, help="augmented copies per sample")
    ap.add_argument("--crosstalk", type=float, default=0.0,
                    help="share of augmented copies with another voice 20-35 dB below the speaker (v9)")
    a = ap.parse_args()
    sys.path.insert(0, HERE)
    import text_bank
    os.makedirs(a.out, exist_ok=True)
    # One bank file per text bank: the split's own (bank.json) or each job's named one (bank-NAME.json).
    bank_path = {}
    for job in PLAN[a.split]:
        name = job[3] if len(job) > 3 else a.split.upper()
        if name in bank_path:
            continue
        bank_path[name] = os.path.join(a.out, "bank.json" if len(job) == 3 else "bank-%s.json" % name)
        if name == "DEFAULT":
            from train_lexical import default_bank
            json.dump(default_bank(), open(bank_path[name], "w"))
        else:
            json.dump(getattr(text_bank, name), open(bank_path[name], "w"))
    with ThreadPoolExecutor(a.jobs) as pool:
        raws = list(pool.map(lambda j: run_one(j, a.out, bank_path[j[3] if len(j) > 3 else a.split.upper()]), PLAN[a.split]))
    n_aug = a.augment if a.augment is not None else (1 if a.split == "train" else 0)
    rnd = random.Random(a.seed)
    final = os.path.join(a.out, "corpus")
    os.makedirs(final, exist_ok=True)
    def donors_for(raw):
        # The other engines' files of this split: never the speaker's own voice.
        engine = os.path.basename(raw).rsplit("-", 1)[0]
        return sorted(os.path.join(r, f) for r in raws if os.path.basename(r).rsplit("-", 1)[0] != engine
                      for f in os.listdir(r) if f.endswith(".wav"))
    for raw in raws:
        tag = os.path.basename(raw)
        donors = donors_for(raw) if a.crosstalk > 0 else None
        for f in sorted(os.listdir(raw)):
            if not f.endswith(".json"):
                continue
            stem = f[:-5]
            name = "%s-%s" % (tag, stem.split("-")[-1])
            shutil.copy(os.path.join(raw, stem + ".wav"), os.path.join(final, name + ".wav"))
            shutil.copy(os.path.join(raw, f), os.path.join(final, name + ".json"))
            for k in range(n_aug):
                augment(os.path.join(raw, stem + ".wav"), os.path.join(raw, f),
                        os.path.join(final, name + "-aug%d.wav" % k), os.path.join(final, name + "-aug%d.json" % k), rnd,
                        donors, a.crosstalk)
    print("corpus:", final, len([f for f in os.listdir(final) if f.endswith(".wav")]), "wavs")


if __name__ == "__main__":
    main()
