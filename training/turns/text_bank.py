"""Text banks for make-turn-corpus (--bank FILE with holds/ends/mids lists).

TRAIN is what the model learns from; HELDOUT is disjoint and only used to build the
held-out evaluation corpus. Neither reuses make-turn-corpus's default bank (the dev set's).
Holds end with a comma (the engines render a continuation), ends with a full stop or a
question mark (the engines render a close); the eval strips punctuation from the words.
"""

_HOLD_OPENERS = ["and", "but", "so", "because", "um", "uh", "well", "and then", "or",
                 "I mean", "you know", "like", "and also", "but then", "so anyway"]
_HOLD_TAILS = ["the thing is,", "what happened was,", "on the way home,", "after the meeting,",
               "when I got there,", "to be fair,", "the funny part is,", "my brother thinks,",
               "the nurse said,", "in the morning,", "last weekend,", "for some reason,",
               "the problem with that is,", "what I really mean is,", "the other day,",
               "at the station,", "before dinner,", "my neighbour told me,",
               "the reason I ask is,", "as it turns out,"]

TRAIN = {
    "holds": [
        "um,", "uh,", "and,", "so,", "but,", "because,", "well,", "hmm,", "like,",
        "and um,", "so uh,", "and so,", "but um,", "or maybe,", "and the,", "so the,",
        "I think,", "I guess,", "let me see,", "how do I put it,", "the thing about it is,",
        "and I was like,", "my daughter said that,", "the plan was to,", "we were going to,",
        "I wanted to ask about,", "there was this guy who,", "if you think about it,",
        "when you look at it,", "on top of that,", "at the same time,", "in any case,",
        "the whole time,", "my friend from school,", "the landlord,", "my doctor,",
        "on Tuesday,", "after the rain,", "at the gym,", "down by the lake,",
        "because of the traffic,", "since last spring,", "although,", "unless,",
        "which means,", "and then after that,", "and the worst part,", "but the good news is,",
        "so what I did was,", "the first thing,", "the second thing,", "and finally,",
        "apart from that,", "to be honest,", "actually,", "anyway,", "basically what happened,",
    ] + [o + " " + t for i, o in enumerate(_HOLD_OPENERS) for j, t in enumerate(_HOLD_TAILS)
         if (i + j) % 4 == 0],
    "ends": [
        "yes.", "no.", "okay.", "sure.", "maybe.", "I think so.", "not really.", "that's it.",
        "exactly.", "thanks.", "why?", "really?", "how?", "what now?", "are you sure?",
        "I bought a new coat.", "the train was cancelled again.", "my cat is sick.",
        "we painted the kitchen blue.", "I lost my keys at the market.",
        "the concert was amazing.", "my mother is moving in with us.",
        "I have a job interview on Friday.", "the neighbours are very noisy.",
        "I ran five kilometres this morning.", "my sister had a baby girl.",
        "the printer broke down again.", "we booked a trip to the coast.",
        "I stopped drinking coffee.", "the roof is leaking.", "I passed my driving test.",
        "the dog chewed my shoes.", "I am learning to play the guitar.",
        "nobody answered the phone.", "my back has been sore all week.",
        "the results came back fine.", "I cooked lasagne for everyone.",
        "it rained the whole weekend.", "we watched an old film.",
        "I need a new laptop.", "my boss finally said yes.", "the flowers are blooming.",
        "I cleaned out the garage.", "the appointment got moved.",
        "what should I do?", "how was your day?", "do you think that is fair?",
        "can you remind me tomorrow?", "have you heard of that book?",
        "where should we go next?", "is it too late to start?", "why does that happen?",
        "would you do the same?", "does that sound silly?", "what time is it?",
        "should I call her back?", "can you help me with that?", "was I wrong?",
        "who else would know?", "how long does it take?", "is that a good idea?",
        "what would you suggest?", "could you explain that again?",
        "I need milk, eggs, and bread.", "we saw lions, zebras, and giraffes.",
        "I like running, swimming, and cycling.",
        "that was the best day of the year.", "I am so proud of him.",
        "I will try again next week.", "it is what it is.", "I am done for today.",
        "let's leave it there.", "that's all for now.", "I really enjoyed it.",
    ],
    "mids": [
        "I went to the bank", "my phone died", "the car made a weird noise",
        "we had a picnic", "the lift was broken", "I tried a new recipe",
        "my teacher called", "the shop was closed", "I walked the dog",
        "the heating stopped working", "we played cards", "I watched the news",
        "my son came home late", "the internet was down", "I finished the puzzle",
        "the baby cried all night", "I wrote a letter", "the package arrived",
    ],
}

HELDOUT = {
    "holds": [
        "erm,", "and uh,", "but like,", "so basically what,", "because you see,",
        "the way I see it,", "my uncle said,", "and in the evening,", "so um,",
        "after the party,", "and what's more,", "but the thing was,", "or rather,",
        "just before midnight,", "my colleague,", "and the neighbours,", "now that I think,",
        "on the other hand,", "so the question is,", "because last time,",
    ],
    "ends": [
        "I planted tomatoes.", "the match ended in a draw.", "my bike got stolen.",
        "we adopted a puppy.", "I forgot her birthday.", "the soup was too salty.",
        "the office is closing early.", "my glasses broke.", "I signed up for yoga.",
        "we fixed the fence.", "what do you reckon?", "is that strange?",
        "should I tell him?", "how does it work?", "can we try that?",
        "right.", "fine.", "of course.", "why not?", "that's true.",
    ],
    "mids": [
        "the bakery ran out of bread", "I missed the ferry", "my tooth was aching",
        "the boiler broke", "we visited my aunt", "the neighbours had a party",
        "I sorted the photos", "the river flooded",
    ],
}

if __name__ == "__main__":
    import json, sys
    which = sys.argv[1] if len(sys.argv) > 1 else "train"
    print(json.dumps(TRAIN if which == "train" else HELDOUT, indent=1))

