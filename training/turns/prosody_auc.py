"""How much the voice alone tells a turn end from a hold, per engine: on the training corpus's
exported features (export-features.ts), at pause frames 100, 200 and 320 ms after the speech
stopped, trains the same kind of trees as train.py on the prosodic features only (none of the
lex* features), out of fold by source sample, and prints JSON with the ROC AUC of their
probability over all engines and per engine. An analysis of our training data, not the eval.

usage: prosody_auc.py --work DIR   (DIR holds features.f32, features.json and corpus/; ~1 min)
"""
import argparse, json, os, sys
import numpy as np
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.metrics import roc_auc_score

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from train import FOLDS, fold_of, label_rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    a = ap.parse_args()
    meta = json.load(open(os.path.join(a.work, "features.json")))
    cols, files = meta["columns"], meta["files"]
    X = np.fromfile(os.path.join(a.work, "features.f32"), dtype="<f4").reshape(-1, len(cols))
    y, _ = label_rows(files, X, cols, os.path.join(a.work, "corpus"))
    file_of = X[:, cols.index("file")].astype(int)
    fold = np.array([fold_of(n) for n in files])[file_of]
    engine = np.array([n.split("-")[0] for n in files])[file_of]
    prosodic = [i for i, n in enumerate(cols) if i >= 2 and not n.startswith("lex")]
    pause = X[:, cols.index("pauseMs")]
    out = {"features": [cols[i] for i in prosodic]}
    for at in (100, 200, 320):
        rows = np.abs(pause - at) <= 10
        Xr, yr, fr, er = X[rows][:, prosodic], y[rows], fold[rows], engine[rows]
        prob = np.zeros(len(yr))
        for k in range(FOLDS):
            clf = HistGradientBoostingClassifier(max_iter=150, max_leaf_nodes=8, random_state=0)
            clf.fit(Xr[fr != k], yr[fr != k])
            prob[fr == k] = clf.predict_proba(Xr[fr == k])[:, 1]
        out["pause_%dms" % at] = dict(
            {"rows": int(rows.sum()), "auc_all": round(roc_auc_score(yr, prob), 3)},
            **{"auc_" + e: round(roc_auc_score(yr[er == e], prob[er == e]), 3) for e in sorted(set(er))})
    print(json.dumps(out))


if __name__ == "__main__":
    main()
