"""How the word model reads the evaluation banks, the way make-turn-corpus speaks them: each hold and
end alone (60% of a corpus's fragments) and after a middle clause ("mid, hold" / "mid and end",
40%). A fragment-level accuracy over every mid combination (train_lexical_net.py's report) counts
each item thirteen times with a mid and once alone, so it hides the bare ends that a corpus repeats
most: "I finished the report." read as a hold makes every turn that ends with it wait.

usage: bank_accuracy.py [MODEL.json]   (turn-model.json, default the shipped one, or a word model
       as train_lexical_net.py writes it) -> JSON: per bank, bare ends under 0.5, bare holds over 0.5,
       and the corpus-weighted rates (0.6 bare + 0.4 with a mid) of ends under 0.5 / 0.7 and holds
       over 0.5 / 0.8.
Evaluation banks only; never used for training.
"""
import json, os, subprocess, sys, tempfile

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def banks():
    sys.path.insert(0, HERE)
    import text_bank as tb
    from train_lexical import default_bank
    out = [("heldout%s" % ("" if k == 1 else k), getattr(tb, "HELDOUT%s" % ("" if k == 1 else k))) for k in range(1, 11)]
    try:
        return out + [("default", default_bank())]
    except FileNotFoundError:
        print("bank_accuracy: ../shared/tools/make-turn-corpus not found: its default bank is left out", file=sys.stderr)
        return out


def main():
    from train_lexical import fragments
    path = sys.argv[1] if len(sys.argv) > 1 else os.path.join(REPO, "public", "models", "turns", "turn-model.json")
    model = json.load(open(path))
    model = model.get("lexical", model)
    texts, meta = [], []
    for name, bank in banks():
        # The fragments a corpus speaks, as train_lexical.fragments() lists them: each item alone
        # (its own core) and after every mid.
        t, labels, cores = fragments(bank)
        texts += t
        meta += [(name, label, text == core) for text, label, core in zip(t, labels, cores)]
    # train_lexical_net.probs_for() runs the same command, but importing it would load torch.
    with tempfile.TemporaryDirectory() as tmp:
        src, dst, lexical = (os.path.join(tmp, f) for f in ("in.json", "out.json", "lexical.json"))
        json.dump(texts, open(src, "w"))
        json.dump(model, open(lexical, "w"))
        subprocess.run(["node", "bench/turns-run.mjs", "training/turns/lexical-ids.ts", src, dst, "--model", lexical],
                       check=True, cwd=REPO, stdout=subprocess.DEVNULL)
        p = np.array(json.load(open(dst)))
    report, mean = {}, np.zeros(4)
    names = list(dict.fromkeys(m[0] for m in meta))
    for name in names:
        def sel(label, bare):
            return np.array([q for q, m in zip(p, meta) if m[0] == name and m[1] == label and m[2] == bare])
        eb, em, hb, hm = sel(1, True), sel(1, False), sel(0, True), sel(0, False)
        w = lambda bare, mid: round(float(0.6 * bare.mean() + 0.4 * mid.mean()), 3)
        rates = [w(eb < 0.5, em < 0.5), w(eb < 0.7, em < 0.7), w(hb > 0.5, hm > 0.5), w(hb > 0.8, hm > 0.8)]
        report[name] = {"bare_ends_under_0.5": "%d/%d" % ((eb < 0.5).sum(), len(eb)),
                        "bare_holds_over_0.5": "%d/%d" % ((hb > 0.5).sum(), len(hb)),
                        "ends_under_0.5": rates[0], "ends_under_0.7": rates[1],
                        "holds_over_0.5": rates[2], "holds_over_0.8": rates[3]}
        mean += rates
    report["mean"] = dict(zip(["ends_under_0.5", "ends_under_0.7", "holds_over_0.5", "holds_over_0.8"],
                              [round(float(v), 3) for v in mean / len(names)]))
    print(json.dumps(report))


if __name__ == "__main__":
    main()
