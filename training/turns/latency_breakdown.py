"""Breaks the scored latencies of a decisions file down: how many turn ends were taken before
the words could arrive (< 300 ms), and how many after 450 ms. Same matching rule as score-turns.
Where the corpus labels name the engine (make-turn-corpus writes "engine"), it also counts the
holds and the decisions inside them (interruptions) per engine: an analysis, not the eval.

usage: latency_breakdown.py --corpus DIR --decisions FILE.json
"""
import argparse, json, os


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", required=True)
    ap.add_argument("--decisions", required=True)
    a = ap.parse_args()
    decisions = json.load(open(a.decisions))
    lat = []
    by_engine = {}
    for name, ds in sorted(decisions.items()):
        lab = json.load(open(os.path.join(a.corpus, name + ".json")))
        if "engine" in lab:
            e = by_engine.setdefault(lab["engine"], {"holds": 0, "interruptions": 0})
            e["holds"] += len(lab.get("holds", []))
            e["interruptions"] += sum(1 for d in ds for h in lab.get("holds", []) if h["start"] <= d < h["end"])
        turns = lab["turns"]
        for k, t in enumerate(turns):
            nxt = turns[k + 1]["start"] if k + 1 < len(turns) else lab["duration"]
            hit = sorted(d for d in ds if t["end"] - 0.15 <= d < min(nxt, t["end"] + 2.0))
            if hit:
                lat.append(hit[0] - t["end"])
    print(json.dumps({"correct": len(lat), "before_words_lt_300ms": sum(x < 0.295 for x in lat),
                      "over_450ms": sum(x > 0.45 for x in lat), "by_engine": by_engine}))


if __name__ == "__main__":
    main()
