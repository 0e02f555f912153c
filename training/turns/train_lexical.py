"""Trains the word-level lexical model (logistic regression over lib/turns lexical keys) on
fragments composed from the TRAIN text bank: holds (optionally after a middle clause) are 0,
turn ends (optionally after "middle and") are 1.

usage: train_lexical.py --work DIR --out LEXICAL.json [--seed 7]
"""
import argparse, json, os, subprocess, sys, zlib
import numpy as np
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

HERE = os.path.dirname(os.path.abspath(__file__))
IDENTITY_SCALE = float(os.environ.get("KIN_LEX_IDENTITY", "0.4"))
LEX_C = float(os.environ.get("KIN_LEX_C", "0.5"))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))


def fragments(bank):
    texts, labels, cores = [], [], []
    for h in bank["holds"]:
        texts.append(h); labels.append(0); cores.append(h)
        for m in bank["mids"]:
            texts.append(m + ", " + h); labels.append(0); cores.append(h)
    for e in bank["ends"]:
        texts.append(e); labels.append(1); cores.append(e)
        for m in bank["mids"]:
            texts.append(m + " and " + e); labels.append(1); cores.append(e)
    return texts, labels, cores


def default_bank():
    """make-turn-corpus's built-in bank (the dev set's texts): excluded from training."""
    from shared_tools import load_tool
    return load_tool("make-turn-corpus").DEFAULT_BANK


def fold_of(core):
    """Cross-fitting fold of a bank item (hold or end text), 0 or 1."""
    return zlib.crc32(core.encode()) % 2


def core_of(text, bank):
    """The bank hold/end inside a corpus fragment ("mid, hold" / "mid and end" / item)."""
    for m in bank["mids"]:
        for sep in (", ", " and "):
            if text.startswith(m + sep) and text[len(m + sep):] in bank["holds"] + bank["ends"]:
                return text[len(m + sep):]
    return text


def keys_for(texts, work, tag):
    src, dst = os.path.join(work, tag + "-texts.json"), os.path.join(work, tag + "-keys.json")
    json.dump(texts, open(src, "w"))
    subprocess.run(["node", os.path.join(REPO, "bench", "turns-run.mjs"), "training/turns/lexical-keys.ts", src, dst],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return json.load(open(dst))


def value(k):
    # Word identities get a smaller scale than word classes, so the L2 penalty makes the model
    # lean on classes (which generalize to unseen texts) and use words only where they add.
    return IDENTITY_SCALE if k.split(":")[0] in ("L", "F", "L2", "P") else 1.0


def fit(keys, labels, seed):
    vec = DictVectorizer()
    X = vec.fit_transform([{k: value(k) for k in ks} for ks in keys])
    y = np.array(labels)
    clf = LogisticRegression(C=LEX_C, class_weight="balanced", max_iter=2000, random_state=seed)
    clf.fit(X, y)
    acc = float((clf.predict(X) == y).mean())
    weights = {name: round(float(w) * value(name), 4) for name, w in zip(vec.get_feature_names_out(), clf.coef_[0]) if abs(w) > 1e-3}
    return {"bias": round(float(clf.intercept_[0]), 4), "weights": weights}, acc


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    a = ap.parse_args()
    sys.path.insert(0, HERE)
    from text_bank import HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, lexical_bank
    bank = lexical_bank([HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, default_bank()])
    texts, labels, cores = fragments(bank)
    os.makedirs(a.work, exist_ok=True)
    keys = keys_for(texts, a.work, "lex")
    model, acc = fit(keys, labels, a.seed)
    # Cross-fitted models: fold f's model never saw fold f's items, so train.py can feed the frame
    # model lexical probabilities as (un)reliable as they will be on texts nobody trained on.
    folds = []
    oof_right = oof_n = 0
    for f in (0, 1):
        idx = [i for i, c in enumerate(cores) if fold_of(c) != f]
        fold_model = fit([keys[i] for i in idx], [labels[i] for i in idx], a.seed)[0]
        folds.append(fold_model)
        for i, c in enumerate(cores):
            if fold_of(c) == f:
                z = fold_model["bias"] + sum(fold_model["weights"].get(k, 0.0) for k in keys[i])
                oof_right += int((z > 0) == (labels[i] == 1))
                oof_n += 1
    print("lexical: out-of-fold accuracy %.3f on %d fragments" % (oof_right / oof_n, oof_n))
    json.dump(model, open(a.out, "w"), separators=(",", ":"))
    json.dump(folds, open(a.out + ".folds.json", "w"), separators=(",", ":"))
    print("lexical: %d fragments, %d weights, train accuracy %.3f -> %s" % (len(texts), len(model["weights"]), acc, a.out))


if __name__ == "__main__":
    main()
