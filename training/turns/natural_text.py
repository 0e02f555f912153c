"""Word-model fragments from natural conversational English (v5): the user and companion lines of
MemoryBank-SiliconFriend's English histories (../shared/data/memory_bench/memorybank_en, MIT;
ChatGPT played the users). The grammar of lexical_grammar.py writes every hold and end from a
few hundred frames; plain sentences it never wrote ("i finished the book before lunch") read as
holds to a net trained on it alone. These fragments add sentences people write. Opt-in
(train.sh: NATURAL=1): in session 6 they did not improve the held-out corpora (docs/turn-taking.md, v5).

Labels, per sentence (split on . ! ?, lower-cased, punctuation dropped as a recognizer would):
- end: the whole sentence, half the time after the line's earlier sentences (the recognizer's
  transcript holds the whole turn);
- hold: prefixes cut where the sentence cannot stop, decided from the next word and the parts of
  speech in the Brill tagger's lexicon (npm brill, MIT): after a closed-class word (determiner,
  preposition, conjunction, "to", possessive, modal, wh-word), before a comma that closes an
  opener with no verb in it ("my neighbour across the road,"),
  after a subject before its verb, after an adjective before its noun, after an auxiliary before
  its participle. Prefixes that could stop ("i finished the book | before lunch") are
  left out rather than labelled either way.
Deterministic given the seed.
"""
import json, os, random, re, subprocess

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
MEMORYBANK = os.path.normpath(os.path.join(REPO, "..", "shared", "data", "memory_bench", "memorybank_en", "memory_bank_en.json"))

# Primary Brill tags after which an English sentence cannot stop.
OPEN_TAGS = {"DT", "IN", "CC", "TO", "PRP$", "MD", "WDT", "WP", "WP$", "WRB", "PDT", "EX"}
# Sentence-final prepositions and particles are common ("what we talked about", "give up"):
# only cut after one of these when the next word starts its object.
OBJECT_TAGS = {"DT", "PRP$", "NN", "NNS", "NNP", "JJ", "CD", "PRP", "VBG"}
NOUN_TAGS = {"NN", "NNS", "NNP", "NNPS", "PRP"}
VERB_TAGS = {"VBZ", "VBD", "VBP", "MD"}
AUX = {"is", "are", "was", "were", "am", "be", "been", "have", "has", "had", "i'm", "you're", "we're", "they're",
       "it's", "he's", "she's", "i've", "we've", "you've", "they've", "i'd"}
SUBJECTS = {"i", "you", "we", "they", "he", "she"}


def brill_tags(brill_dir, cache):
    """{word: primary tag} from the Brill lexicon (node, once; cached as JSON)."""
    if not os.path.exists(cache):
        script = ("const {brill}=await import(process.argv[1]);const {writeFileSync}=await import('node:fs');const o={};"
                  "for(const [w,t] of Object.entries(brill)) o[w]=t[0].split('|')[0];"
                  "writeFileSync(process.argv[2], JSON.stringify(o));")
        subprocess.run(["node", "--input-type=module", "-e", script,
                        "file://" + os.path.join(os.path.abspath(brill_dir), "index.js"), cache], check=True)
    return json.load(open(cache))


def words_of(text):
    return "".join(c if c.isalnum() or c in "' " else " " for c in text.lower().replace("\u2019", "'")).split()


def lines(path):
    data = json.load(open(path))
    out = []
    for user in data.values():
        for day in sorted(user["history"]):
            for item in user["history"][day]:
                out += [item["query"], item["response"]]
    return out


def sentences(line):
    return [s for s in re.split(r"(?<=[.!?])\s+", line.strip()) if s]


def tag(tags, word):
    if word in AUX:
        return "AUX"
    return tags.get(word) or tags.get(word.capitalize()) or ("NN" if word.isalpha() else "CD")


def hold_cuts(chunks, tags):
    """Word counts k (1 <= k < n) after which the sentence (comma-separated chunks of words) cannot stop."""
    words = [w for c in chunks for w in c]
    t = [tag(tags, w) for w in words]
    commas = set()
    k = 0
    for c in chunks[:-1]:
        k += len(c)
        commas.add(k)
    cuts = []
    for k in range(1, len(words)):
        last, nxt = t[k - 1], t[k]
        if k in commas:
            # Before a comma only when no verb came yet: an opener ("yesterday afternoon,", "my
            # neighbour across the road,"); a whole clause before a comma could have stopped there.
            if len(words) - k >= 2 and not any(x.startswith("VB") or x in ("AUX", "MD") for x in t[:k]):
                cuts.append(k)
        elif last in OPEN_TAGS and not (last == "IN" and nxt not in OBJECT_TAGS):
            cuts.append(k)
        elif words[k - 1] in SUBJECTS and nxt in VERB_TAGS | {"AUX"}:
            cuts.append(k)
        elif k >= 2 and last in NOUN_TAGS and nxt in VERB_TAGS | {"AUX"} and t[k - 2] in {"DT", "PRP$", "JJ", "NN", "NNS", "IN"}:
            cuts.append(k)
        elif last == "JJ" and nxt in {"NN", "NNS"}:
            cuts.append(k)
        elif last == "AUX" and nxt in {"VBG", "VBN", "JJ", "RB", "DT"}:
            cuts.append(k)
    return cuts


def fragments(tags, seed, path=MEMORYBANK, holds_per_sentence=2, max_words=30):
    """(texts, labels) from the natural lines; [] when the file is missing."""
    if not os.path.exists(path):
        return [], []
    rng = random.Random(seed)
    texts, labels = [], []
    for line in lines(path):
        before = []
        for s in sentences(line):
            chunks = [words_of(c) for c in s.split(",")]
            chunks = [c for c in chunks if c]
            words = [w for c in chunks for w in c]
            if not 1 <= len(words) <= max_words:
                before += words
                continue
            context = before[-12:] if before and rng.random() < 0.5 else []
            texts.append(" ".join(context + words)); labels.append(1)
            cuts = hold_cuts(chunks, tags)
            for k in sorted(rng.sample(cuts, min(holds_per_sentence, len(cuts)))):
                texts.append(" ".join(context + words[:k])); labels.append(0)
            before += words
    return texts, labels


if __name__ == "__main__":
    import sys
    tags = brill_tags(sys.argv[1], "/tmp/brill-tags.json")
    t, l = fragments(tags, 7)
    print(len(t), sum(l))
    rng = random.Random(3)
    for i in rng.sample(range(len(t)), 40):
        print(l[i], t[i])
