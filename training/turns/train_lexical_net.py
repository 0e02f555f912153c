"""Trains the word model of the lexical channel: an ensemble of one-layer GRUs
(lib/turns/lexical-net.ts; v4: five of 48 units; v6, train.sh: ten of 32, the same cost per word;
seeds SEED, SEED+100, ...) over the fragment's tokens (closed-class words, parts of speech, suffix
shapes) -> P(the fragment completes a turn), the mean of the members. Since v6 each member learns
from its own draw of the grammar and of the spoken banks (--shared-data: one draw for all, v4/v5).

Data: the generative grammar of lexical_grammar.py, the TRAIN bank and its text-only extension
(text_bank.lexical_bank) and (v6, --banks) the spoken-style banks of training/turns/banks, each
hold optionally after "middle clause, " and each end after "middle clause and " (grammar and
spoken banks since v7: "middle clause, " for an end of one or two words), as make-turn-corpus
renders them. Exact items of the dev set's bank
(make-turn-corpus's default bank) and of the HELDOUT..HELDOUT4 banks are removed.
With --brill (train.sh: NATURAL=1), natural_text.py's fragments of natural conversational lines
are added to both nets; measured in session 6 and left off by default (docs/turn-taking.md, v5).
Also writes OUT.crossfit.json, an ensemble trained without the TRAIN bank and its extension (it never saw the texts
the audio corpus speaks), so train.py can feed the frame model word probabilities as
(un)reliable as they are on texts nobody trained on. Reports text-level accuracy on the held-out banks (never trained on).
Deterministic given --seed (one CPU thread).

usage: train_lexical_net.py --work DIR --out LEXICAL.json [--seed 7] [--ensemble 5] [--hidden 48] [--shared-data]
                            [--banks DIR] [--bank-copies 4] [--blend V2.json] [--brill BRILL_DIR]
"""
import argparse, json, os, subprocess, sys, time
import numpy as np
import torch

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
EMBED, HIDDEN = 16, 48


def norm(text):
    return " ".join("".join(c if c.isalnum() or c in "' " else " " for c in text.lower()).split())


def ids_for(texts, work, tag):
    src, dst = os.path.join(work, tag + "-texts.json"), os.path.join(work, tag + "-ids.json")
    json.dump(texts, open(src, "w"))
    subprocess.run(["node", os.path.join(REPO, "bench", "turns-run.mjs"), "training/turns/lexical-ids.ts", src, dst],
                   check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    out = json.load(open(dst))
    return out["vocabSize"], out["ids"]


def probs_for(texts, model_path, work, tag):
    src, dst = os.path.join(work, tag + "-texts.json"), os.path.join(work, tag + "-probs.json")
    json.dump(texts, open(src, "w"))
    subprocess.run(["node", os.path.join(REPO, "bench", "turns-run.mjs"), "training/turns/lexical-ids.ts", src, dst,
                    "--model", model_path], check=True, cwd=REPO, stdout=subprocess.DEVNULL)
    return json.load(open(dst))


class Net(torch.nn.Module):
    def __init__(self, vocab, hidden=HIDDEN):
        super().__init__()
        self.emb = torch.nn.Embedding(vocab, EMBED)
        self.gru = torch.nn.GRU(EMBED, hidden, batch_first=True)
        self.out = torch.nn.Linear(hidden, 1)

    def forward(self, ids, lengths):
        x = self.emb(ids)
        packed = torch.nn.utils.rnn.pack_padded_sequence(x, lengths, batch_first=True, enforce_sorted=False)
        _, h = self.gru(packed)
        return self.out(h[0]).squeeze(-1)


def batch(seqs):
    lengths = torch.tensor([max(1, len(s)) for s in seqs])
    ids = torch.zeros(len(seqs), int(lengths.max()), dtype=torch.long)
    for i, s in enumerate(seqs):
        if s:
            ids[i, :len(s)] = torch.tensor(s)
    return ids, lengths


def fit(vocab, seqs, labels, seed, epochs=10, hidden=HIDDEN):
    torch.manual_seed(seed)
    net = Net(vocab, hidden)
    opt = torch.optim.Adam(net.parameters(), lr=3e-3, weight_decay=1e-5)
    y = torch.tensor(labels, dtype=torch.float32)
    rng = np.random.default_rng(seed)
    for epoch in range(epochs):
        order = rng.permutation(len(seqs))
        for g in opt.param_groups:
            g["lr"] = 3e-3 * (0.7 ** epoch)
        for k in range(0, len(order), 128):
            idx = order[k:k + 128]
            ids, lengths = batch([seqs[i] for i in idx])
            loss = torch.nn.functional.binary_cross_entropy_with_logits(net(ids, lengths), y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
    return net


def predict(net, seqs):
    with torch.no_grad():
        out = []
        for k in range(0, len(seqs), 512):
            ids, lengths = batch(seqs[k:k + 512])
            out.append(torch.sigmoid(net(ids, lengths)))
        return torch.cat(out).numpy()


def export(net, vocab):
    r = lambda t: [round(float(v), 5) for v in t.detach().reshape(-1)]
    return {"kind": "gru", "vocabSize": vocab, "embedDim": EMBED, "hiddenDim": net.gru.hidden_size,
            "embedding": r(net.emb.weight), "weightIh": r(net.gru.weight_ih_l0), "weightHh": r(net.gru.weight_hh_l0),
            "biasIh": r(net.gru.bias_ih_l0), "biasHh": r(net.gru.bias_hh_l0), "out": r(net.out.weight),
            "outBias": round(float(net.out.bias[0]), 5)}


def export_ensemble(nets, vocab):
    """The first net's weights, with the others as its `members` (lib/turns averages them)."""
    model = export(nets[0], vocab)
    if len(nets) > 1:
        model["members"] = [export(n, vocab) for n in nets[1:]]
    return model


def bank_fragments(bank):
    sys.path.insert(0, HERE)
    import train_lexical as tl
    return tl.fragments(bank)


def load_spoken_banks(directories, banned, blind=frozenset()):
    """The written spoken-style banks in DIRECTORY/*.json ({"holds", "ends", "mids"},
    training/turns/banks/, v6 and v7), in name order. They were written without sight of the
    evaluation banks (v7's brief quoted a few of their items as examples: banks/README.md); an
    item equal to one of them (`banned`, normalized) or a hold without its comma / an end
    without "." or "?" is an error. Items of banks written later (`blind`: validation and newer
    held-out banks) are left out. DIRECTORIES: one or more, separated by ":"."""
    banks = []
    paths = [os.path.join(d, f) for d in directories.split(":") for f in sorted(os.listdir(d))]
    for path in paths:
        if not path.endswith(".json"):
            continue
        bank = json.load(open(path))
        for kind in ("holds", "ends", "mids"):
            bank[kind] = [t for t in bank[kind] if norm(t) not in blind]
            clash = [t for t in bank[kind] if norm(t) in banned]
            assert not clash, "%s: %s equal to evaluation items: %s" % (path, kind, clash[:5])
        assert all(t.endswith(",") for t in bank["holds"]) and all(t[-1] in ".?" for t in bank["ends"]), path
        banks.append(bank)
    return banks


def spoken_bank_fragments(banks, seed, copies):
    """Each bank item `copies` times, rendered as lexical_grammar.generate() renders its own
    fragments; the clause before it is half the bank's own mids, half the grammar's."""
    import lexical_grammar as lg
    import random
    r = random.Random(seed)
    out, seen = [], set()
    for bank in banks:
        mids = bank.get("mids") or []
        def mid(r):
            return r.choice(mids) if mids and r.random() < 0.5 else lg.mid_clause(r)
        for label, items in ((0, bank["holds"]), (1, bank["ends"])):
            for item in items:
                for _ in range(copies):
                    text = lg.render(r, item, label, mid)
                    if text.lower() not in seen:
                        seen.add(text.lower())
                        out.append((text, label))
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--work", required=True)
    ap.add_argument("--out", required=True)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--per-class", type=int, default=30000)
    ap.add_argument("--blend", help="v2 logistic word model (train_lexical.py output) to average with the net")
    ap.add_argument("--brill", help="unpacked npm brill package: adds natural_text.py's fragments (v5)")
    ap.add_argument("--banks", help="directories (a:b) of written spoken-style banks (training/turns/banks, v6 and v7)")
    ap.add_argument("--bare-statements", type=float, default=0.0, help="share of grammar statements without an adverbial (recipe G, session 10)")
    ap.add_argument("--complement-ends", type=float, default=0.0, help="share of the grammar's ends that complete a reported or planned clause, or continue one after a hold, and of its holds that cut such a clause off (v9, session 16)")
    ap.add_argument("--blind", default="", help="text_bank banks (A,B) whose items the spoken banks must leave out (recipe G: HELDOUT9,HELDOUT10,VALID_A,VALID_B)")
    ap.add_argument("--bank-copies", type=int, default=4, help="renderings of each spoken-bank item")
    ap.add_argument("--natural-copies", type=int, default=2, help="samplings of the natural fragments")
    ap.add_argument("--ensemble", type=int, default=5, help="GRUs per word model (seeds seed, seed+100, ...), averaged")
    ap.add_argument("--hidden", type=int, default=HIDDEN, help="GRU state size")
    ap.add_argument("--shared-data", action="store_true", help="all members learn from one draw of the data (v4, v5)")
    a = ap.parse_args()
    started = time.time()
    torch.set_num_threads(1)
    sys.path.insert(0, HERE)
    import lexical_grammar
    import text_bank
    import train_lexical as tl
    lexical_grammar.BARE_STATEMENTS = a.bare_statements
    lexical_grammar.COMPLEMENT_ENDS = a.complement_ends
    from text_bank import HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7, HELDOUT8, lexical_bank
    default = tl.default_bank()
    banned = {norm(t) for b in (HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, default) for k in ("holds", "ends", "mids") for t in b[k]}
    # The blind banks are only checked against (the spoken banks must not contain their items).
    evaluation_only = {norm(t) for b in (HELDOUT5, HELDOUT6, HELDOUT7, HELDOUT8) for k in ("holds", "ends", "mids") for t in b[k]}
    os.makedirs(a.work, exist_ok=True)
    # The TRAIN bank's fragments are the same in every draw: filtered and mapped to ids once.
    bank_texts, bank_labels, _ = bank_fragments(lexical_bank([HELDOUT, HELDOUT2, HELDOUT3, HELDOUT4, default]))
    keep = [i for i, t in enumerate(bank_texts) if norm(t) not in banned]
    bank_texts, bank_labels = [bank_texts[i] for i in keep], [bank_labels[i] for i in keep]
    vocab, bank_seqs = ids_for(bank_texts, a.work, "bank")
    blind = {norm(t) for name in filter(None, a.blind.split(",")) for k in ("holds", "ends", "mids")
             for t in getattr(text_bank, name)[k]}
    spoken = load_spoken_banks(a.banks, banned | evaluation_only, blind) if a.banks else []

    def training_texts(seed, tag):
        """The TRAIN bank's fragments, then the grammar's, the spoken banks' and the natural ones
        drawn with `seed`: (texts, token ids, labels, mask of the non-TRAIN ones)."""
        texts, labels = [], []
        for text, label in lexical_grammar.generate(a.per_class, seed):
            texts.append(text); labels.append(label)
        n_spoken = 0
        for text, label in spoken_bank_fragments(spoken, seed, a.bank_copies):
            texts.append(text); labels.append(label); n_spoken += 1
        n_natural = 0
        if a.brill:
            import natural_text
            tags = natural_text.brill_tags(a.brill, os.path.join(a.work, "brill-tags.json"))
            for k in range(a.natural_copies):  # each copy cuts its holds and picks its context anew
                nt, nl = natural_text.fragments(tags, seed + 1000 * (k + 1))
                texts += nt; labels += nl; n_natural += len(nt)
            if not n_natural:
                print("word net: no natural text (%s missing): grammar and banks only" % natural_text.MEMORYBANK)
        keep = [i for i, t in enumerate(texts) if norm(t) not in banned]
        texts, labels = bank_texts + [texts[i] for i in keep], bank_labels + [labels[i] for i in keep]
        _, seqs = ids_for(texts[len(bank_texts):], a.work, tag)
        print("word net: %d fragments (%d ends; %d from spoken banks, %d natural), vocabulary %d"
              % (len(texts), sum(labels), n_spoken, n_natural, vocab))
        # The grammar's, the spoken banks' and the natural fragments come after the bank's.
        return texts, bank_seqs + seqs, labels, np.arange(len(texts)) >= len(bank_texts)

    # Each member learns from its own draw of the grammar and renderings of the banks (seed + 100 k,
    # v6) unless --shared-data: the ensemble then averages over the sampling as well as the start.
    draws = [training_texts(a.seed + (0 if a.shared_data else 100 * k), "net%d" % k)
             for k in range(1 if a.shared_data else a.ensemble)]
    texts, seqs, labels, grammar = draws[0]
    nets = [fit(vocab, draws[k % len(draws)][1], draws[k % len(draws)][2], a.seed + 100 * k, hidden=a.hidden)
            for k in range(a.ensemble)]
    net = nets[0]
    model = export_ensemble(nets, vocab)
    if not a.blend and os.path.exists(a.out + ".blend-folds.json"):
        os.remove(a.out + ".blend-folds.json")  # left by an earlier run with --blend: train.py would use it
    if a.blend:
        model["blend"] = json.load(open(a.blend))
        # train.py cross-fits the blended probability with the logistic model's fold models.
        json.dump(json.load(open(a.blend + ".folds.json")), open(a.out + ".blend-folds.json", "w"), separators=(",", ":"))
    json.dump(model, open(a.out, "w"), separators=(",", ":"))
    # Cross-fitting for the frame model: a net trained on the grammar and the spoken banks alone
    # never saw the TRAIN bank (whose texts the audio corpus speaks) nor its text-only extension,
    # written separately from both; its probabilities on the corpus texts are as (un)reliable as
    # on a bank nobody trained on, so the trees learn how far to trust the word channel.
    crosses = []
    for k in range(a.ensemble):
        _, dseqs, dlabels, dgrammar = draws[k % len(draws)]
        gidx = np.nonzero(dgrammar)[0]
        crosses.append(fit(vocab, [dseqs[i] for i in gidx], [dlabels[i] for i in gidx], a.seed + 1 + 100 * k, hidden=a.hidden))
    json.dump(export_ensemble(crosses, vocab), open(a.out + ".crossfit.json", "w"), separators=(",", ":"))
    bidx = np.nonzero(~grammar)[0]
    y = np.array(labels)
    pb = np.mean([predict(c, [seqs[i] for i in bidx]) for c in crosses], axis=0)
    print("word net: grammar-only net on the TRAIN bank fragments (unseen): accuracy %.4f, holds > 0.5: %d of %d"
          % (float(((pb > 0.5) == (y[bidx] == 1)).mean()), int(((pb > 0.5) & (y[bidx] == 0)).sum()), int((y[bidx] == 0).sum())))
    # The runtime (TypeScript) must reproduce the trained net.
    sample = list(range(0, len(texts), max(1, len(texts) // 300)))
    pure = os.path.join(a.work, "net-only.json")
    json.dump(export(net, vocab), open(pure, "w"))
    ts = np.array(probs_for([texts[i] for i in sample], pure, a.work, "check"))
    ref = predict(net, [seqs[i] for i in sample])
    assert np.max(np.abs(ts - ref)) < 2e-4, "TypeScript net differs from torch by %g" % np.max(np.abs(ts - ref))
    report = {}
    for name, bank in (("heldout", HELDOUT), ("heldout2", HELDOUT2), ("heldout3", HELDOUT3), ("heldout4", HELDOUT4), ("dev_bank", default)):
        bt, bl, _ = bank_fragments(bank)
        p = np.array(probs_for(bt, a.out, a.work, name))
        bl = np.array(bl)
        wrong = [(t, round(float(q), 3)) for t, q, l in zip(bt, p, bl) if (q > 0.5) != (l == 1)]
        report[name] = {"fragments": len(bt), "accuracy": round(float(((p > 0.5) == (bl == 1)).mean()), 4),
                        "holds_over_0.5": int(((p > 0.5) & (bl == 0)).sum()), "ends_under_0.5": int(((p <= 0.5) & (bl == 1)).sum()),
                        }
        if name == "heldout":
            # Only the first held-out bank's errors are shown (it was read while designing v2 already);
            # heldout2 and the dev bank stay clean tests: counts only.
            report[name]["wrong_examples"] = sorted(set(w[0].split(", ")[-1].split(" and ")[-1] for w in wrong))[:25]
    print(json.dumps(report, indent=1))
    print("word net: wrote %s (%.0f KB) in %.0f s" % (a.out, os.path.getsize(a.out) / 1024, time.time() - started))


if __name__ == "__main__":
    main()
