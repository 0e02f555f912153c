"""A small generative grammar of spoken turn fragments for the word model (text only, never
synthesized): fragments that END a turn (complete statements, questions, short answers, lists)
and fragments after which the speaker HOLDS the floor (fillers, openers, framing clauses,
dangling function words, subordinate clauses without their main clause, bare time / place /
noun phrases, a complete clause followed by "you know", "and", "I mean" ...).

Why a grammar: the word model has to work on texts nobody trained on, so it must learn the
structure that makes a fragment complete (a subject and a finite verb whose complements are
closed off) rather than memorize a few hundred items. Every part list below is written for
this file. Phrases of make-turn-corpus's default bank (the dev set's texts) are kept out except
the most generic ones ("the thing is", "what do you think", "do you remember", "told me that"),
and train_lexical_net.py drops any fragment equal to an item of the dev or HELDOUT..HELDOUT4
banks. The "mid" clause before a fragment is make-turn-corpus's own form ("mid, hold" / "mid and
end"; since v7 "mid, end" for an end of one or two words), drawn half from MIDS and half from generated statements so that no list of mids is learnt.

usage: lexical_grammar.py [N_PER_CLASS] [SEED]   prints a JSON sample
"""
import random

SUBJECTS = [
    "I", "we", "you", "he", "she", "they", "my sister", "my brother", "my mum", "my dad", "my wife",
    "my husband", "my son", "my daughter", "my grandson", "my granddaughter", "the doctor", "the nurse",
    "my neighbour", "our neighbours", "the kids", "my best friend", "my friend Sarah", "my friend Tom",
    "the manager", "my boss", "my teacher", "the landlord", "everyone", "nobody", "somebody", "the whole family",
    "my cousin", "my aunt", "my uncle", "the team", "our cat", "the dog", "my partner", "the new guy",
    "the lady downstairs", "my physio", "the pharmacist", "the bus driver", "my old roommate", "Anna", "Peter",
    "Grandma", "Mrs Patel", "the children", "my colleague", "the plumber", "our class", "the coach",
]
IT_SUBJECTS = ["it", "that", "this", "the weather", "the food", "the meeting", "the car", "my back", "the train",
               "the party", "the film", "the test", "the house", "the garden", "work", "the trip", "the exam",
               "the traffic", "the new flat", "my knee", "the interview", "the show", "the concert", "dinner"]
# Complete predicates (verb + complements), for person subjects.
PERSON_VPS = [
    "went to the post office", "finished the spreadsheet", "rang me at lunchtime", "slept really badly",
    "began a new course in May", "is ready to try again", "feels rather worn out tonight",
    "came over on Thursday", "made stew for tea", "lost the remote again", "fixed the washing machine",
    "moved to a new flat", "passed the exam", "failed the driving test", "bought a bike", "sold the car",
    "booked a holiday", "cancelled the appointment", "forgot my birthday", "remembered the tickets",
    "cooked a huge meal", "cleaned the whole house", "painted the bedroom", "planted tulips",
    "walked the dog", "fed the cat", "read the whole book", "watched the match", "won the quiz",
    "got a new phone", "broke his wrist", "hurt her ankle", "caught the flu", "feels much better",
    "is coming to visit", "is moving abroad", "is getting married", "had a baby", "retired last year",
    "works nights now", "lives in Glasgow", "plays the piano", "speaks three languages", "loves gardening",
    "hates the cold", "needs a new coat", "wants to learn Spanish", "is worried about money",
    "was really kind to me", "said sorry", "didn't say anything", "never calls", "always shows up late",
    "took the kids to school", "picked me up from the station", "drove me home", "sent me a card",
    "gave me a lovely present", "helped me with the garden", "asked about you", "knows everyone here",
    "laughed at my joke", "cried at the end", "fell asleep on the sofa", "stayed up too late",
    "woke up early", "went for a run", "had a long nap", "ate too much cake", "drank too much coffee",
    "spent the day in bed", "met an old friend", "joined a choir", "signed up for a course",
    "got the results back", "finally got the job", "handed in the essay", "missed the last bus",
    "ran out of time", "came home early", "left the lights on", "locked himself out", "found my glasses",
    "lost her keys", "changed his mind", "made a decision", "didn't get the job", "can't come on Friday",
    "won't be here tomorrow", "should call the bank", "could use some help", "might go to the beach",
    "has been really busy", "has a cold", "had a rough week", "seems happier", "looked exhausted",
    "sounded upset on the phone", "is doing well", "was right after all", "got lost on the way",
    "is back from hospital", "went to the doctor", "saw the specialist", "took the tablets",
    "practised every day", "did the stretches", "wrote a long letter", "called the council",
    "complained about the noise", "fixed it himself", "enjoyed it a lot", "didn't enjoy it at all",
    "loved every minute", "worked really hard", "tried her best", "gave up smoking", "stopped eating meat",
]
IT_VPS = [
    "was a great evening", "was lovely", "went really well", "turned out fine", "was a disaster",
    "is broken again", "was cancelled", "got moved to Thursday", "is too expensive", "was freezing",
    "rained all day", "took forever", "was so boring", "was actually fun", "made me laugh", "made me sad",
    "hurts a lot", "is getting worse", "is much better now", "starts at nine", "finished late",
    "was delayed again", "smells amazing", "tastes awful", "was worth it", "didn't work", "works fine now",
    "is not fair", "was my fault", "doesn't matter", "is what it is", "was a long day", "was packed",
    "looked beautiful", "sounded great", "felt strange", "ended in tears", "broke down on the motorway",
]
# Compositional predicates: verb forms x objects / complements, so that the net learns
# "subject + finite verb + closed-off complement" rather than a list of predicates.
V_TRANS = ["bought", "sold", "fixed", "cleaned", "painted", "visited", "called", "met", "saw", "found", "lost",
           "booked", "cancelled", "finished", "started", "watched", "read", "wrote", "cooked", "baked", "made",
           "took", "brought", "sent", "got", "won", "missed", "broke", "washed", "planted", "ordered", "tidied",
           "repaired", "collected", "chose", "borrowed", "returned", "signed", "opened", "emptied", "sorted",
           "checked", "needs", "wants", "loves", "hates", "likes", "has", "had", "enjoyed", "forgot",
           "remembered", "dropped", "packed", "posted", "printed", "answered", "ignored", "fed", "feeds",
           "walks", "drives", "knits", "grows", "sells", "teaches", "cleans", "paints", "visits", "misses",
           "can't find", "didn't like", "won't eat", "never reads", "should fix", "might sell", "will call",
           "has finished", "has lost", "is painting", "was cooking", "is reading", "was watching",
           "has been fixing", "wants to buy", "needs to see", "decided to sell", "forgot to call", "tried to fix",
           "managed to finish", "started learning", "stopped watching", "keeps losing", "loves baking"]
OBJ_DET = ["", "", "", "", "the", "a", "my", "his", "her", "our", "their", "some", "two", "a new", "an old", "the whole",
           "a big", "the last", "every", "that", "this", "a few", "three", "your"]
NOUNS = ["car", "house", "sink", "kitchen", "fence", "bike", "letter", "report", "book", "film", "cake",
         "bread", "tomatoes", "roses", "tickets", "dog", "cat", "garden", "shed", "window", "phone", "laptop",
         "printer", "ferry", "bus", "train", "flat", "sofa", "jacket", "shoes", "glasses", "keys", "wallet",
         "present", "card", "parcel", "pills", "tablets", "exam", "interview", "match", "game", "puzzle",
         "song", "recipe", "soup", "dinner", "lunch", "breakfast", "coffee", "tea", "washing", "dishes",
         "bills", "rent", "budget", "plan", "project", "essay", "homework", "lesson", "course", "class",
         "appointment", "doctor", "dentist", "nurse", "neighbours", "grandchildren", "twins", "baby",
         "photos", "album", "guitar", "piano", "violin", "paintings", "quilt", "scarf", "jumper", "boat",
         "tent", "caravan", "garage", "attic", "cupboard", "drawer", "fridge", "oven", "kettle", "boiler",
         "radiator", "curtains", "carpet", "floor", "ceiling", "roof", "chimney", "gate", "path", "lawn",
         "hedge", "tree", "apples", "pears", "strawberries", "vegetables", "potatoes", "onions", "chicken",
         "fish", "pasta", "pizza", "sandwiches", "biscuits", "chocolate", "flowers", "plants", "seeds",
         "newspaper", "magazine", "crossword", "novel", "poem", "story", "movie", "series", "podcast",
         "concert", "festival", "wedding", "funeral", "party", "meeting", "conference", "holiday", "trip"]
PRONOUN_OBJ = ["it", "them", "him", "her", "me", "us", "everything", "something", "nothing", "the lot", "both"]
V_INTRANS = ["slept badly", "laughed", "cried", "fell asleep", "left early", "arrived late", "retired",
             "moved away", "went home", "came back", "stayed in", "got up late", "worked late", "gave up",
             "calmed down", "cheered up", "won", "lost", "agreed", "refused", "complained", "apologised",
             "recovered", "improved", "disappeared", "showed up", "turned up", "dropped by", "phoned",
             "texted", "emailed", "waved", "smiled", "nodded", "panicked", "relaxed", "overslept",
             "went to the park", "went to the market", "drove to the coast", "walked to town",
             "flew to Spain", "moved to the country", "came to dinner", "got home safely", "is tired",
             "was lovely", "is getting better", "was so happy", "seems fine", "looks great", "felt awful",
             "is very proud", "was quite upset", "is feeling lonely", "got really angry", "is doing fine"]
ADJ_COMPLEMENT = ["is broken", "was delicious", "is too small", "was cancelled", "got delayed", "was brilliant",
                  "is leaking", "was full", "is empty", "looked lovely", "tasted odd", "went missing",
                  "was fine", "is ready", "was closed", "is still open", "was expensive", "felt cheap"]


def predicate(r):
    k = r.random()
    if k < 0.45:
        obj = r.choice(PRONOUN_OBJ) if r.random() < 0.2 else ("%s %s" % (r.choice(OBJ_DET), r.choice(NOUNS))).strip()
        return "%s %s" % (r.choice(V_TRANS), obj)
    if k < 0.7:
        return r.choice(V_INTRANS)
    return r.choice(PERSON_VPS)


def it_predicate(r):
    return r.choice(IT_VPS) if r.random() < 0.6 else r.choice(ADJ_COMPLEMENT)


ADVERBIALS = [
    "", "", "", "", "yesterday", "today", "last night", "this morning", "on Monday", "at the weekend",
    "last week", "again", "for a while", "in the end", "after all", "at last", "this afternoon",
    "two days ago", "at Christmas", "in the evening", "on the way home", "all day", "every day",
    "this week", "at the moment", "for ages", "by accident", "on purpose", "as usual", "for once",
    "too", "as well", "right away", "in the garden", "at work", "at home", "in town", "at the hospital",
]
STANCE = ["I think", "I guess", "I suppose", "honestly", "actually", "maybe", "apparently", "luckily",
          "sadly", "I'm not sure but", "to be honest", "I feel like", "I know", "I hope", "I believe",
          "basically", "anyway", "so", "and", "but", "well", "oh", "and then", "then", "because",
          "I'm glad", "I'm afraid", "it turns out", "the good news is", "the thing is", "all I know is"]
WH = ["what", "why", "how", "where", "when", "who", "which one"]
QUESTIONS_FIXED = [
    "what do you think", "what would you do", "is that normal", "is that okay", "does that make sense",
    "do you remember", "do you know what I mean", "can you help me", "could you say that again",
    "should I call her", "should I be worried", "would you like that", "have you ever been there",
    "have you seen it", "did I tell you", "did you know that", "are you still there", "are you listening",
    "what about you", "how about you", "how was your day", "how are you", "why not", "how come",
    "really", "seriously", "is it", "right", "isn't it", "don't you think", "what's next",
    "what should I do", "where was I", "what time is it", "how long will it take", "is it too late",
    "can we talk about something else", "can I ask you something", "what does that mean",
    "who told you that", "when is it", "where did you hear that", "why is that", "how do you know",
    "was that wrong of me", "am I being silly", "is that weird", "shall we", "ready", "any ideas",
]
AUXQ = ["do you", "did you", "does she", "did he", "can you", "could we", "would you", "should I",
        "have you", "has he", "is she", "are they", "was it", "will you", "can I", "did they", "do they"]
Q_VPS = ["like it", "remember her name", "know the way", "want to come", "see the news", "call back",
         "mind", "agree", "get my message", "finish it", "help me with this", "try it", "need anything",
         "go there often", "enjoy the show", "think so", "hear that", "understand", "have time tomorrow",
         "feel better", "ever get tired", "come with me", "play tennis", "cook tonight"]
WH_TAILS = ["did you do that", "do you think", "is it so hard", "did she say", "was the name", "can I do",
            "should we go", "does it cost", "do you mean", "is he doing", "did it happen", "was it like",
            "time does it start", "happened next", "is the problem", "are you feeling", "do I start",
            "did they decide", "is that", "would you suggest"]
SHORT_ENDS = [
    "yes", "no", "yeah", "yep", "nope", "okay", "ok", "sure", "maybe", "probably", "definitely",
    "absolutely", "of course", "not really", "not at all", "not much", "nothing much", "not yet",
    "I know", "I see", "me too", "me neither", "same here", "exactly", "true", "fair enough",
    "thank you", "thanks", "thanks a lot", "no thanks", "please", "sorry", "good", "fine", "fine thanks",
    "great", "lovely", "perfect", "alright", "all good", "sounds good", "that's it", "that's all",
    "that's everything", "that's about it", "that's right", "that's true", "that's fine", "that's okay",
    "that's enough", "that's the story", "that's life", "I hope so", "I think so", "I don't think so",
    "I doubt it", "I suppose so", "I guess so", "I guess not", "who knows", "no idea", "I don't know",
    "never mind", "it depends", "we'll see", "good night", "see you", "bye", "not bad", "pretty good",
    "too bad", "oh well", "wow", "oh dear", "oh no", "well done", "congratulations", "happy birthday",
    "good morning", "hello", "hi there", "nothing", "sometimes", "always", "never", "hardly ever",
    "a little", "a lot", "very much", "not so much", "so so", "same as always", "the usual",
]
# Bare noun or prepositional phrases ("on Friday", "my colleague") can answer a question, but in
# running speech they far more often open a clause the speaker is about to finish; mistaking a
# hold for an end costs an interruption, the reverse only a slower answer, so they are taught as
# holds (TIME_PLACE, NPS) and not as ends.
LIST_ITEMS = ["milk", "eggs", "bread", "apples", "cheese", "tea", "my keys", "my phone", "my wallet",
              "swimming", "reading", "walking", "knitting", "painting", "Paris", "Rome", "Berlin",
              "the kids", "the dog", "my mum", "cake", "biscuits", "soup", "rice", "pasta", "flowers"]
LIST_FRAMES = ["I need", "we bought", "I love", "she likes", "we visited", "I forgot", "I packed",
               "he hates", "we saw", "I lost", "they brought", "I made"]

# Hold material.
FILLERS = ["um", "uh", "erm", "er", "hmm", "well", "like", "so", "and", "but", "because", "or", "cause",
           "um so", "uh and", "and um", "so uh", "but um", "and uh", "well um", "okay so", "right so",
           "so anyway", "and then", "and also", "but then", "and so", "or rather", "I mean", "you know",
           "you see", "anyway", "actually", "basically", "honestly", "literally", "so basically", "and like",
           "like um", "oh and", "plus", "also", "then", "although", "unless", "whereas", "so yeah um"]
FRAMES = [
    "the thing is", "the problem is", "the question is", "my point is", "the reason is", "the funny thing is",
    "the funny part was", "the worst part was", "the best part was", "what happened was", "what I mean is",
    "what I'm trying to say is", "all I'm saying is", "the truth is",
    "the other thing is", "the main thing is", "what worries me is", "what bugs me is", "the idea was",
    "the plan is", "my worry is", "the way I see it", "if you ask me", "as far as I know", "to be fair",
    "to be honest", "if I'm honest", "in any case", "on top of that",
    "at the same time", "in the meantime", "on the other hand", "as I said", "like I said", "for example",
    "for instance", "the first thing", "the second thing", "another thing", "one more thing",
    "the other day", "the last time", "the first time", "every time", "the moment I saw it",
    "now that I think about it", "before I forget", "believe it or not", "long story short",
    "I was wondering", "I was going to say", "I wanted to ask",
    "I think", "I guess", "I feel like", "I mean", "let me see", "how do I put this",
    "how can I explain", "what's the word", "where was I", "what do you call it", "how should I say",
    "I don't know how to say this", "let me put it this way", "here's the thing",
]
REPORTING = ["said", "says", "told me", "told me that", "thinks", "thought", "reckons", "keeps saying",
             "asked me if", "asked me whether", "said that", "mentioned that", "was telling me",
             "was saying", "wants to know if", "always says", "explained that", "promised that",
             "warned me that", "suggested that"]
SUBORD = ["when", "if", "because", "since", "while", "after", "before", "although", "even though",
          "as soon as", "unless", "until", "once", "whenever", "so that", "just because"]
TIME_PLACE = [
    "yesterday", "today", "this morning", "last night", "last week", "on Tuesday", "on Saturday",
    "at the weekend", "after lunch", "before dinner", "in the evening", "at work", "at home", "at school",
    "at the hospital", "on the bus", "on the way home", "in the kitchen", "in the garden", "at the shop",
    "after the meeting", "during the film", "at Christmas", "over the summer", "since January",
    "a few weeks ago", "the day before", "later on", "at first", "in the end", "after that",
    "before that", "around midnight", "near the station", "by the river", "in town", "at my mum's",
    "back then", "these days", "nowadays", "recently", "lately", "earlier", "at night",
]
NPS = ["the %s" % n for n in NOUNS[::7]] + ["my sister", "my brother", "the doctor", "my boss", "the landlord", "the kids", "my neighbour",
       "the other thing", "the new manager", "my friend", "her husband", "the woman next door", "the bill",
       "the car", "my knee", "the appointment", "the letter", "the guy at the shop", "my grandson",
       "the whole thing", "that house", "the money", "this other friend of mine", "my old teacher"]
DANGLING = ["the", "a", "an", "my", "your", "his", "her", "our", "their", "this", "that", "these", "some",
            "to", "of", "with", "for", "about", "from", "into", "at", "on", "in", "by", "than", "like",
            "and", "but", "or", "so", "because", "if", "when", "which", "who", "where", "is", "was",
            "were", "are", "be", "been", "really", "very", "just", "so", "kind of", "sort of", "a bit",
            "more", "um", "uh", "and um", "and the", "but the", "to the", "with my", "for the", "about the"]
STEMS = ["I went", "we talked", "she looked", "he gave it", "they moved", "I put it", "we drove",
         "the dog ran", "I called", "my sister went", "we sat", "I asked", "the kids played", "I paid",
         "he talked", "we waited", "she came back", "I looked", "they argued", "I need", "I want to talk",
         "it was", "she was", "we were", "I'm going", "he said it was", "I've been", "I tried", "we decided",
         "she told me", "I was", "it's", "there was", "they were", "I have to", "we're going to",
         "I forgot", "I keep", "he wants", "I was going"]
TAGS = ["you know", "I mean", "and", "but", "so", "because", "like", "um", "uh", "and um", "and then",
        "and also", "which", "and the thing is", "but anyway", "and so", "or", "but then", "and yeah um",
        "so um", "plus", "whereas", "although", "and after that", "or something like"]
MIDS = ["I went to the bank", "my phone died", "the car made a weird noise", "we had a picnic",
        "the lift was broken", "I tried a new recipe", "my teacher called", "the shop was closed",
        "I walked the dog", "the heating stopped working", "we played cards", "I watched the news",
        "my son came home late", "the internet was down", "the package arrived", "I wrote a letter",
        "it was raining", "we got there late", "she was upset", "I couldn't sleep", "the kettle broke",
        "we went out for lunch", "the meeting ran over", "I stayed at home"]

# Session 5 (2026-12-04): hold types that read as complete once the comma is gone, written as
# classes of structure (none copied from an evaluation bank).
# A noun phrase with a relative clause and no main verb yet ("the way he put it,").
REL_HEADS = ["the way", "the thing", "the woman", "the man", "the guy", "the girl", "the place", "the shop",
             "the day", "the moment", "the one", "the friend", "the doctor", "the bloke", "the lady", "the house",
             "the film", "the book", "the food", "the job", "the people", "the bit", "the time", "the story",
             "everything", "something", "all", "the only thing", "the last thing", "the first person"]
REL_CLAUSES = ["she said it", "he looked at me", "I met", "I told you about", "we stayed at", "you mentioned",
               "she works with", "he made", "they sent", "I saw yesterday", "we went to", "my sister likes",
               "that lives next door", "who came round", "that I ordered", "which broke", "she bought me",
               "he was talking about", "I was worried about", "that happened", "they gave us", "I keep thinking about",
               "you recommended", "nobody expected", "she cooked", "we watched last night", "he fixed"]
# A clause that ends in a verb still waiting for its complement ("I kept wondering,").
COMP_VERBS = ["kept thinking", "kept wondering", "was wondering", "was hoping", "kept asking", "started telling me",
              "was trying", "wanted", "tried", "decided", "managed", "needed", "forgot", "was planning",
              "kept saying", "was about", "started", "realised", "noticed", "was going", "promised", "hoped",
              "couldn't stop thinking", "began", "meant", "happened", "seemed", "pretended", "offered",
              "was supposed", "used", "agreed", "refused", "expected", "kept trying", "was dying"]
# Discourse openers that announce more to come.
DISCOURSE = ["guess what", "you know what", "get this", "listen", "look", "mind you", "funnily enough",
             "oddly enough", "as it happens", "by the way", "speaking of which", "in other words",
             "worse still", "even better", "on the bright side", "as if that wasn't enough", "the best bit",
             "the annoying bit", "the strange thing", "the sad thing", "if anything", "more importantly",
             "first of all", "secondly", "and finally", "last but not least", "to begin with", "in fact",
             "as a matter of fact", "then again", "come to think of it", "the point being", "which means",
             "the good thing", "to cut a long story short", "what really gets me", "the other problem"]
# A prepositional opener whose clause is still to come ("despite the rain,").
PREP_OPENERS = ["because of", "despite", "instead of", "apart from", "thanks to", "according to", "except for",
                "in spite of", "as for", "unlike", "besides", "along with", "without", "after", "before",
                "since", "until", "during", "regardless of", "compared to", "ever since", "right after"]
# The same relative-clause phrases closing a clause are ends: "that's the way he put it", "I loved the
# film we watched" (as a subject they hold: "the film we watched,").
REL_FRAMES = ["that's", "that was", "this is", "it was", "it's", "that's not", "he's", "she was", "you're"]
# Questions whose object is such a phrase or a wh-clause ("can you remind me what we said"): ends,
# although the phrase alone holds. And a yes / no / oh before a short answer ("yes I think so").
Q_REL_FRAMES = ["can you remind me", "do you remember", "do you know", "can you tell me", "did you see",
                "have you heard", "could you check", "would you tell me", "do you like", "did I tell you about"]
WH_CLAUSES = ["what we talked about", "what she said", "what I told you", "where I put it", "when it starts",
              "how it works", "who called", "why he left", "what happened last time", "what time it is",
              "where we parked", "how much it was", "which one I picked", "what I should do"]
ANSWER_LEADS = ["yes", "no", "oh", "yeah", "well", "hmm", "ah", "right", "okay"]
# Ends: two clauses joined by "so / but / because", and statements with a modal or its contraction.
JOINERS = ["so", "but", "because", "and then", "and now", "so now", "but then", "and luckily", "and anyway"]
MODAL_ENDS = ["I'd love that", "I'd like that", "I'd better go", "we'd better not", "I'll think about it",
              "I'll let you know", "it'll be fine", "you'd like her", "that'd be nice", "I'd rather not",
              "I'll try", "we'll manage", "it'd help", "I could do that", "I might", "you should", "we could",
              "I'd say so", "that would be great", "I'll call her tomorrow", "I'd do it again", "it'll keep",
              "I won't forget", "I wouldn't mind", "it can wait", "they'll be fine", "she'd love it"]
MODAL_SUBJ = ["I'd", "I'll", "we'll", "we'd", "she'll", "he'd", "you'll", "they'd", "I could", "I might",
              "we should", "you can", "I would", "it might", "it'll"]
MODAL_VPS = ["like that", "call tomorrow", "be fine", "go next week", "try again", "manage",
             "need a hand", "enjoy it", "finish it later", "see her on Sunday", "bring the cake", "be there",
             "sort it out", "think about it", "rather stay in", "hate that", "be late", "fix it"]

# Session 6 (2026-12-04): ends for the adjuncts that the holds put after a clause. A hold is
# rendered "mid, hold" 40% of the time, so "clause + time phrase / subordinate clause / stance"
# was only ever a hold ("I went to the bank, before dinner,"), and the net read plain sentences
# that end in one ("I finished the book before lunch") as holds with certainty. The words alone
# can't tell these apart; prosody can, so the word model should not be sure.
PREP_TIME = ["before", "after", "until", "since", "during", "by", "over", "around", "till"]
PREP_OBJECTS = ["breakfast", "lunch", "tea", "supper", "work", "school", "church", "the weekend", "Friday",
                "the holidays", "the match", "the news", "my shift", "the operation", "the funeral", "the storm",
                "Easter", "the summer", "bedtime", "midnight", "ten", "half past six", "the end of the month",
                "next week", "then", "the wedding", "my appointment", "the exam", "the move", "noon"]
WITH_FOR = ["with the kids", "with my sister", "with a friend", "with the little ones", "with my neighbour",
            "for an hour", "for two weeks", "for another month", "for a bit", "for the first time",
            "for my birthday", "for the grandchildren", "for nothing", "for a change", "without any help",
            "without my glasses", "in the rain", "on my own", "by the sea", "at my daughter's"]
TRAILING_STANCE = ["to be honest", "I think", "I suppose", "I guess", "really", "actually", "honestly",
                   "if I'm honest", "to be fair", "though", "anyway", "I reckon", "I'm afraid", "in the end",
                   "if you ask me", "as far as I know", "apparently", "I hope"]


def trailing_adjunct(r):
    k = r.random()
    if k < 0.4:
        return "%s %s" % (r.choice(PREP_TIME), r.choice(PREP_OBJECTS))
    if k < 0.7:
        return r.choice(WITH_FOR)
    return r.choice(TIME_PLACE)


def mid_clause(r):
    """The clause make-turn-corpus puts before a fragment: its own list or any short statement."""
    if r.random() < 0.5:
        return r.choice(MIDS)
    subj = subject(r) if r.random() < 0.7 else r.choice(IT_SUBJECTS)
    return "%s %s" % (subj, predicate(r) if subj not in IT_SUBJECTS else it_predicate(r))


def _lc_first(s):
    return s[0].lower() + s[1:] if s and not s.startswith("I ") and s != "I" and not s[:2] in ("I'",) else s


def subject(r):
    """People talk about themselves most: "I" and "we" are the commonest subjects of spoken turns."""
    k = r.random()
    if k < 0.30:
        return "I"
    if k < 0.42:
        return "we"
    if k < 0.55:
        return r.choice(["he", "she", "they", "you"])
    return r.choice(SUBJECTS)


# Share of statements that stop on their verb or object ("she called me"), drawn before the
# adverbial (train_lexical_net.py --bare-statements; recipe G, session 10). At 0 (v7) only ADVERBIALS' four empty
# entries leave one off, so nine statements in ten end on an adverbial and a plain clause reads
# like the "mid, NP" holds (session 10).
BARE_STATEMENTS = 0.0


def statement(r):
    if r.random() < 0.75:
        s = "%s %s" % (subject(r), predicate(r))
    else:
        subj = r.choice(IT_SUBJECTS) if r.random() < 0.6 else "the %s" % r.choice(NOUNS)
        s = "%s %s" % (subj, it_predicate(r))
    adv = "" if BARE_STATEMENTS and r.random() < BARE_STATEMENTS else r.choice(ADVERBIALS)
    return (s + " " + adv).strip()


# Session 16 (2026-12-06): ends that complete a reported or planned clause. The app reads the
# words since the user's latest pause (TranscriptSegmenter), so a turn that goes on after a hold
# with the rest of its sentence ("I was thinking, | that I should call my sister about the
# weekend") ends on a fragment that opens with "that" or "to". make-turn-corpus never renders such
# an end, and the grammar had these clauses only as holds ("the doctor told me that,", "I was
# trying,"): v8 read "the doctor told me that I need more rest" at 0.05.
# train_lexical_net.py --complement-ends sets the share of ends drawn here, and of holds drawn from
# complement_hold() (v8: 0, none).
# "because I was tired" is now both: an end here (a reason added after a hold), a hold in
# hold_fragment() (a subordinate clause before its main one); the words cannot tell, the voice may.
COMPLEMENT_ENDS = 0.0
REPORT_VERBS = ["said", "said that", "told me", "told me that", "thought", "kept saying",
                "asked me if", "asked me whether", "mentioned that", "explained that", "promised that",
                "warned me that", "suggested that", "found out that", "realised that", "was worried that",
                "wrote that", "heard that", "told us", "admitted that", "noticed that", "felt that"]
TO_VERBS = ["wanted", "tried", "decided", "managed", "needed", "forgot", "was planning", "was trying",
            "was hoping", "promised", "hoped", "was going", "began", "started", "offered", "agreed",
            "refused", "expected", "pretended", "meant", "would like", "had", "will need", "would love",
            "kept forgetting", "remembered", "learned how", "asked him", "was supposed", "used"]
TO_VPS = ["call my sister about the weekend", "fix the sink", "ring the doctor", "book a table", "visit my mum",
          "finish the report", "paint the bedroom", "take the dog out", "ask for help", "clean the kitchen",
          "sort out the garden", "go to bed earlier", "see the specialist", "tell her the truth",
          "find a new job", "learn the piano", "walk a bit more", "cook something nice", "drive to the coast",
          "get my hair cut", "write to my grandson", "pay the bills", "change the tyres", "sell the car",
          "make a list", "start again", "stay at home", "slow down", "take my pills", "move house",
          "keep the receipt", "bake a cake for her", "join the choir", "try the new cafe", "rest for a bit"]
CONTINUATION_LEADS = ["that", "to", "because", "so that", "whether", "how", "that maybe", "that perhaps"]


def complement_end(r):
    k = r.random()
    if k < 0.35:
        return "%s %s %s" % (subject(r), r.choice(REPORT_VERBS), _lc_first(statement(r)))
    if k < 0.6:
        return "%s %s to %s" % (subject(r), r.choice(TO_VERBS), r.choice(TO_VPS))
    if k < 0.85:
        lead = r.choice(CONTINUATION_LEADS)
        if lead == "to":
            return "to " + r.choice(TO_VPS)
        if lead == "how":
            return "how %s %s" % (r.choice(["I could", "we might", "to", "she wants to"]), r.choice(TO_VPS))
        tail = statement(r) if r.random() < 0.6 else "%s %s" % (r.choice(MODAL_SUBJ), r.choice(MODAL_VPS + TO_VPS))
        return "%s %s" % (lead, _lc_first(tail))
    obj = ("%s %s" % (r.choice(OBJ_DET), r.choice(NOUNS))).strip()
    return "%s %s %s %s" % (subject(r), r.choice([v for v in V_TRANS if " " not in v]), obj, r.choice(REL_CLAUSES))


# Their holds: the same clauses cut off before they are complete, on a function word ("that I
# should call my sister about the", "she told me that the results were", "I decided to take the dog
# and"), so that "that" or "to" at the start does not make a fragment an end whatever follows.
CUT_ENDINGS = ["the", "a", "my", "to", "about", "and", "um", "that", "with", "for", "of", "in", "on",
               "because", "so", "but", "like", "uh", "were", "was", "is", "his", "her", "some", "and the"]


def complement_hold(r):
    words = complement_end(r).split(" ")
    cut = r.randint(1, len(words) - 1)
    return " ".join(words[:cut] + [r.choice(CUT_ENDINGS)])


def end_fragment(r):
    if COMPLEMENT_ENDS and r.random() < COMPLEMENT_ENDS:
        return complement_end(r)
    k = r.random()
    if k < 0.40:
        t = r.random()
        # The trailing forms start with a clause drawn like the holds' "mid": the words of
        # "mid, after lunch," and "mid after lunch." are then the same, and only prosody differs.
        if t < 0.2:
            return mid_clause(r) + " " + trailing_adjunct(r)
        if t < 0.3:
            return mid_clause(r) + " %s %s" % (r.choice(SUBORD), _lc_first(statement(r)))
        if t < 0.37:
            return mid_clause(r) + " " + r.choice(TRAILING_STANCE)
        s = statement(r)
        if r.random() < 0.3:
            s = r.choice(STANCE) + " " + _lc_first(s)
        return s
    if k < 0.52:
        return r.choice(QUESTIONS_FIXED)
    if k < 0.62:
        return "%s %s" % (r.choice(AUXQ), r.choice(Q_VPS))
    if k < 0.70:
        return "%s %s" % (r.choice(WH), r.choice(WH_TAILS))
    if k < 0.75:
        return statement(r) + " " + r.choice(["right", "isn't it", "don't you think", "you know what I mean",
                                              "do you think", "or not", "is that okay", "too"])
    if k < 0.84:
        short = r.choice(SHORT_ENDS)
        return ("%s %s" % (r.choice(ANSWER_LEADS), _lc_first(short))) if r.random() < 0.25 else short
    if k < 0.87:
        return r.choice(MODAL_ENDS) if r.random() < 0.5 else "%s %s" % (r.choice(MODAL_SUBJ), r.choice(MODAL_VPS))
    if k < 0.895:
        return "%s %s %s" % (statement(r), r.choice(JOINERS), _lc_first(statement(r)))
    if k < 0.91:
        obj = r.choice(WH_CLAUSES) if r.random() < 0.5 else "%s %s" % (r.choice(REL_HEADS), r.choice(REL_CLAUSES))
        return "%s %s" % (r.choice(Q_REL_FRAMES), obj)
    if k < 0.92:
        rel = "%s %s" % (r.choice(REL_HEADS), r.choice(REL_CLAUSES))
        if r.random() < 0.5:
            return "%s %s" % (r.choice(REL_FRAMES), rel)
        return "%s %s %s" % (subject(r), r.choice([v for v in V_TRANS if " " not in v]), rel)
    if k < 0.94:
        items = r.sample(LIST_ITEMS, 3)
        return "%s %s %s and %s" % (r.choice(LIST_FRAMES), items[0], items[1], items[2])
    return "%s and %s" % (statement(r), _lc_first(statement(r)))


# v7: after a conjunction the turn is not over until a clause comes; a sentence adverbial alone
# does not complete it ("the car broke down and all of a sudden,"). Not the adverbials that are
# also short answers ("of course.", "honestly?", "unfortunately."): make-turn-corpus renders an
# end after a clause as "mid and end", so "I missed the ferry and of course" can be a whole turn;
# the grammar should not call it a hold (it no longer shows it as an end either: see render()).
CONJ_LEADS = ["and", "but", "so", "and then", "but then", "and so", "or", "because", "and yet", "and now"]
SENT_ADVERBIALS = ["all of a sudden", "out of nowhere", "once again", "for some reason", "at one point",
                   "at first", "after a while", "suddenly", "surprisingly", "to be fair", "in the meantime",
                   "meanwhile", "later on", "before long", "just then", "yet again", "sure enough",
                   "believe it or not", "to make matters worse", "funnily enough", "by then", "of all things",
                   "for once", "to my surprise", "in the end", "to be honest", "luckily", "the next thing",
                   "on top of that", "halfway through", "first thing", "right at that moment"]


def conj_adverbial(r):
    s = "%s %s" % (r.choice(CONJ_LEADS), r.choice(SENT_ADVERBIALS))
    if r.random() < 0.2:
        s += " " + r.choice(TIME_PLACE)
    return ("%s %s" % (statement(r), s)) if r.random() < 0.5 else s


def hold_fragment(r):
    if COMPLEMENT_ENDS and r.random() < COMPLEMENT_ENDS:
        return complement_hold(r)
    k = r.random()
    if k < 0.06:
        return conj_adverbial(r)
    k = (k - 0.06) / 0.94
    lead = lambda s, p, leads=("and", "but", "so", "um", "and then", "well"): (r.choice(leads) + " " + s) if r.random() < p else s
    if k < 0.08:
        return r.choice(FILLERS)
    if k < 0.21:
        f = r.choice(FRAMES)
        return (r.choice(FILLERS) + " " + f) if r.random() < 0.5 else f
    if k < 0.28:
        return lead("%s %s" % (subject(r), r.choice(REPORTING)), 0.4)
    if k < 0.36:
        return lead(r.choice(SUBORD) + " " + _lc_first(statement(r)), 0.3)
    if k < 0.48:
        return lead(r.choice(TIME_PLACE), 0.5, ("and", "but", "so", "um", "and then", "so um", "well", "anyway", "just", "or"))
    if k < 0.57:
        return lead(r.choice(NPS), 0.5, ("and", "but", "so", "um", "and then", "because", "or", "like"))
    if k < 0.67:
        return "%s %s" % (r.choice(STEMS), r.choice(DANGLING))
    if k < 0.79:
        return "%s %s" % (statement(r), r.choice(TAGS))
    if k < 0.85:
        return lead("%s %s" % (r.choice(REL_HEADS), r.choice(REL_CLAUSES)), 0.4)
    if k < 0.90:
        return lead("%s %s" % (subject(r), r.choice(COMP_VERBS)), 0.4)
    if k < 0.95:
        return lead(r.choice(DISCOURSE), 0.4, ("and", "but", "so", "oh and", "um", "well", "and then", "but then"))
    np = r.choice(NPS) if r.random() < 0.6 else r.choice(TIME_PLACE)
    return lead("%s %s" % (r.choice(PREP_OPENERS), np), 0.3)


# Recognizers and people write "that is" as often as "that's" (make-turn-corpus's default bank
# spells most contractions out); the lists above mostly contract. generate() spells them out in
# a third of the fragments so that both forms are seen in every role.
NEGATIONS = {"can't": "cannot", "won't": "will not", "shan't": "shall not"}
SUFFIXES = {"n't": " not", "'m": " am", "'re": " are", "'ve": " have", "'ll": " will", "'d": " would"}
IS_HOSTS = {"that", "it", "he", "she", "what", "there", "here", "who", "where", "how", "everything", "nothing"}


def spell_out(text):
    words = text.split(" ")
    out = []
    for k, w in enumerate(words):
        lw = w.lower()
        if lw in NEGATIONS:
            w = NEGATIONS[lw] if w[0].islower() else NEGATIONS[lw].capitalize()
        elif lw.endswith("'s") and lw[:-2] in IS_HOSTS:
            nxt = words[k + 1].lower() if k + 1 < len(words) else ""
            w = w[:-2] + (" has" if nxt in ("been", "got") else " is")
        else:
            nxt = words[k + 1].lower() if k + 1 < len(words) else ""
            for suffix, full in SUFFIXES.items():
                if lw.endswith(suffix) and len(lw) > len(suffix):
                    w = w[:-len(suffix)] + (" had" if suffix == "'d" and nxt == "better" else full)
                    break
        out.append(w)
    return " ".join(out)


def render(r, text, label, mid):
    """A fragment as make-turn-corpus renders it, 40% after a clause drawn by `mid(r)` ("mid, hold"
    / "mid and end", v7: "mid, end" for an end of one or two words), then in a third of cases with its contractions spelled out."""
    if r.random() < 0.4:
        # "mid and end" only for an end that is a clause: "the kettle broke and yep" taught the
        # net that a clause + "and" + one adverb ("and honestly") closes a turn (v7).
        joiner = " and " if label == 1 and len(text.split()) > 2 else ", "
        text = mid(r) + joiner + _lc_first(text)
    if r.random() < 0.33:
        text = spell_out(text)
    return text


def generate(n_per_class, seed=11):
    """n fragments of each class, as (text, label) with label 1 = ends the turn; deterministic."""
    r = random.Random(seed)
    out, seen = [], set()
    for label, make in ((1, end_fragment), (0, hold_fragment)):
        made, tries = 0, 0
        while made < n_per_class and tries < n_per_class * 20:
            tries += 1
            text = render(r, make(r), label, mid_clause)
            key = text.lower()
            if key in seen:
                continue
            seen.add(key)
            out.append((text, label))
            made += 1
    return out


if __name__ == "__main__":
    import json, sys
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 20
    print(json.dumps(generate(n, int(sys.argv[2]) if len(sys.argv) > 2 else 11), indent=0))
