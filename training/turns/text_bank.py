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

# A second held-out bank, written before any tuning of the lexical model on HELDOUT's errors;
# only ever used to build the heldout2 evaluation corpus (seeds 9101-9103).
HELDOUT2 = {
    "holds": [
        "and what annoyed me was,", "so my plan is,", "but then again,", "um, so,",
        "the reason is,", "and my cousin,", "well, you see,", "after work,", "uh, the,",
        "because my knee,", "and to make it worse,", "so I told her,", "in the end,",
        "and um, then,", "my partner says,", "before the holidays,", "or I could,",
        "and the kids,", "what bothers me is,", "like, honestly,",
    ],
    "ends": [
        "the parcel never arrived.", "I baked bread this morning.", "she got the job.",
        "we are moving in June.", "my phone fell in the sink.", "the trip was cancelled.",
        "I feel much better now.", "he finally apologised.", "the tickets sold out.",
        "do you like jazz?", "what would you do?", "is it worth it?", "have you been there?",
        "where did I put it?", "okay then.", "no idea.", "probably not.", "good point.",
        "I think that's everything.", "that made my day.",
    ],
    "mids": [
        "the shower leaked", "I paid the bills", "my friend moved away", "the dentist called",
        "we got lost", "the cake burned", "I changed the tyre", "the lights went out",
    ],
}

# Written on 2026-12-04 (session 5) before any change made that day, to measure those changes on
# texts nobody had read errors on; disjoint from TRAIN, HELDOUT, HELDOUT2 and the dev set's bank.
HELDOUT3 = {
    "holds": [
        "and the funny thing,", "and my excuse was,", "um, basically,", "but my brother,",
        "and on Monday,", "the way she said it,", "so, er,", "if it rains,", "and then the,",
        "my doctor reckons,", "even so,", "and guess what,", "during the night,",
        "the only problem,", "or we could just,", "so we decided,", "and I kept thinking,",
        "plus the,", "well, the thing about it,", "for some reason,",
    ],
    "ends": [
        "the bus was on time for once.", "I lost my glasses again.", "we painted the fence.",
        "my daughter is coming to stay.", "the film was far too long.", "he fixed the roof.",
        "I have an interview on Friday.", "the soup needs more salt.", "the lawn needs mowing.",
        "how do you do it?", "did it rain there?", "can you remind me later?", "who else was there?",
        "shall I start again?", "sounds lovely.", "not today.", "I'd love that.", "no worries.",
        "that's what happened.", "it was worth the wait.",
    ],
    "mids": [
        "the printer jammed", "I missed the train", "we cleaned the garage", "my cat was sick",
        "the roads were icy", "I cooked a curry", "the neighbour knocked", "we watched a quiz show",
    ],
}

# Written with HELDOUT3, before any change made that day, and scored only in aggregate: the final
# check of the session-5 word model (its errors were not read while changing the grammar).
HELDOUT4 = {
    "holds": [
        "and the thing that got me,", "so, um, anyway,", "but the weird part,", "when I got home,",
        "my husband thinks,", "and, er,", "thanks to the weather,", "so then she,", "the man next door,",
        "I wanted to,", "and once again,", "okay, and,", "after the operation,", "but to be fair,",
        "and all of a sudden,", "what I really need is,", "or, you know,", "so the doctor,",
        "and I said to him,", "like, the whole time,",
    ],
    "ends": [
        "the train was packed.", "we finally got the keys.", "we booked a table for eight.",
        "my hands are freezing.", "the plumber never showed up.", "she passed her driving test.",
        "I slept right through the alarm.", "the garden looks lovely now.", "he sold his old bike.",
        "what time do they close?", "could you check for me?", "is she any better?",
        "how did it go?", "do I need a coat?", "fine by me.", "not a clue.", "just the one.",
        "that's the plan.", "I'm really proud of her.", "it could have been worse.",
    ],
    "mids": [
        "the cooker broke", "I found my ring", "we took the ferry", "my aunt phoned",
        "the taxi was late", "I sorted the drawers", "the baby woke up", "we walked the long way",
    ],
}

# Written by helpers that saw neither this file nor the grammar (2026-12-04), to score the session-5
# models blind: HELDOUT5 was asked to include holds that look complete; HELDOUT6 (a retired person)
# and HELDOUT7 (a student or young professional) to write ordinary ones.
HELDOUT5 = {
    "holds": [
        "and after that,",
        "um, well,",
        "but honestly,",
        "because every time I sit down to revise,",
        "my granddaughter's piano teacher,",
        "the thing I keep circling back to,",
        "if the weather holds on Saturday,",
        "hmm, let me see,",
        "I told the pharmacist,",
        "although the doctor seemed pleased,",
        "what bothers me most about the chapter on enzymes,",
        "right, so,",
        "the neighbour with the little terrier,",
        "I could ring my sister,",
        "before you answer that,",
        "and the strange part was,",
        "whenever I try to get up early,",
        "or maybe,",
        "it was lovely,",
        "the second question on the practice exam,",
    ],
    "ends": [
        "Yes.",
        "Could you remind me to take the blue tablets at six?",
        "I finally finished the whole crossword without peeking.",
        "That's all for now.",
        "Do you think I should call her back tonight or wait until the morning?",
        "No, not really.",
        "My knee has been aching since the rain started on Tuesday.",
        "How many hours a week should I be studying for this?",
        "I'd like to try the breathing exercise again.",
        "Maybe next week.",
        "It reminded me of the summer we spent by the lake in nineteen sixty two.",
        "Can you quiz me on the French verbs?",
        "I ended up saying yes to the promotion.",
        "Is it normal to feel this tired after walking to the post office?",
        "Thanks, that actually helps a lot.",
        "I haven't spoken to my brother in almost three years.",
        "Which one would you pick?",
        "The soup was too salty, so I added potatoes.",
        "Let's leave it there for today.",
        "Okay, I'll write that down.",
    ],
    "mids": [
        "the kettle stopped working",
        "my son phoned this morning",
        "the bus was late again",
        "I missed the seminar",
        "the garden is full of snails",
        "we had a fire drill at work",
        "my glasses went missing",
        "the library closed early",
    ],
}
HELDOUT6 = {
    "holds": [
        "Well, um,",
        "Now my granddaughter,",
        "Yesterday afternoon,",
        "When I went down to the garden centre,",
        "And then,",
        "But you know,",
        "So after lunch,",
        "The thing about my hip is,",
        "Let me see,",
        "My neighbour across the road,",
        "If the weather holds up,",
        "Back when I was working at the post office,",
        "Oh, and another thing,",
        "Since Harold passed,",
        "Every Tuesday morning,",
        "The pills they've got me on,",
        "Because my son said,",
        "I suppose what I mean is,",
        "Hmm,",
        "Before I forget,",
    ],
    "ends": [
        "I finished the crossword before breakfast today.",
        "Do you know a good recipe for rhubarb crumble?",
        "Yes, that's right.",
        "The tomatoes are finally turning red.",
        "My daughter is coming to visit on Sunday with the little ones.",
        "Can you remind me to take my blood pressure tablet at six?",
        "No, not really.",
        "I've been sleeping much better since I cut out the afternoon coffee.",
        "What was the name of that actor in the war film we talked about?",
        "It was lovely.",
        "The bus was late again, so I walked most of the way home.",
        "Is it going to rain tomorrow?",
        "I think I'll have a little nap now.",
        "We used to go to the seaside every summer when the children were small.",
        "Thank you, dear.",
        "How many steps did I do this week?",
        "The physiotherapist says I should keep up the exercises for another month.",
        "That's a good idea.",
        "Could you read me the news headlines?",
        "I miss the old bowling club, to be honest.",
    ],
    "mids": [
        "the kettle's just boiled",
        "my knee was playing up",
        "the postman came early",
        "I had my cup of tea",
        "the cat is asleep on the chair",
        "we went to the market",
        "it's a bit chilly today",
        "I rang my sister",
    ],
}
HELDOUT7 = {
    "holds": [
        "Okay so,",
        "Like,",
        "My manager,",
        "After the exam on Friday,",
        "I guess,",
        "The problem with this assignment,",
        "And honestly,",
        "Whenever I sit down to revise,",
        "Um, so basically,",
        "By the end of the semester,",
        "But then again,",
        "One of my teammates,",
        "If I can get the report done tonight,",
        "The way I see it,",
        "Right, and,",
        "During the stand-up this morning,",
        "What I'm worried about,",
        "Compared to last term,",
        "So yeah,",
        "Part of me wants to,",
    ],
    "ends": [
        "Can you quiz me on the chapter about cell division?",
        "I finally submitted my thesis proposal.",
        "Yeah, definitely.",
        "I feel kind of burned out this week.",
        "How long should I study before taking a break?",
        "My presentation went way better than I expected.",
        "Not yet.",
        "I need to reply to three emails before lunch.",
        "Should I ask my supervisor for an extension or just push through?",
        "That makes sense.",
        "I want to apply for the summer internship in Berlin.",
        "Could you set a timer for twenty five minutes?",
        "The group project is a total mess right now.",
        "Honestly, I don't know.",
        "Let's go over the flashcards again.",
        "Is it normal to feel this anxious before an interview?",
        "I'm planning to wake up at seven and hit the library.",
        "We got a really good mark on the lab report.",
        "What's a good way to structure a cover letter?",
        "I think I'll call it a night.",
    ],
    "mids": [
        "I skipped the lecture",
        "my laptop crashed",
        "the deadline moved",
        "I had way too much coffee",
        "my flatmate is being loud",
        "I talked to my mentor",
        "the meeting ran late",
        "I went for a run",
    ],
}

# Written blind (2026-12-05, session 8) by a helper that saw no file of this project, before the
# v7 banks were used: people of various ages talking to a companion; about a quarter of the holds
# look complete. Five items that the v6 spoken banks also contain ("yeah.", "but the thing is,") were
# dropped; three are also in earlier held-out banks ("um, so,", "No, not really.", the mid "the bus
# was late again"), and the v7 banks' brief quoted that mid as an example (the banks don't contain it). Built with seeds 9701-9703 (build_corpus.py --split heldout8).
HELDOUT8 = {
    "holds": [
        "um, so,",
        "well, you know,",
        "I mean, like,",
        "so yeah, basically,",
        "and then after tea,",
        "because my daughter's got her exams next week and,",
        "or maybe if the weather holds,",
        "the thing I keep thinking about is,",
        "what I wanted to ask you was,",
        "when I rang the surgery this morning,",
        "my neighbour, the one with the dog,",
        "the lad who fixed our boiler last year,",
        "all the paperwork for the mortgage,",
        "I finished the report in the end,",
        "we went to the garden centre,",
        "I didn't sleep well again last night,",
        "the kids were a nightmare this morning,",
        "my back's been playing up a bit,",
    ],
    "ends": [
        "No, not really.",
        "Can you remind me to ring the dentist tomorrow at ten?",
        "Anyway, I just wanted to get that off my chest.",
        "So I think I'll just have an early night.",
        "I've been working from home all week and honestly I've barely spoken to anyone.",
        "Could you put milk and bread on the shopping list?",
        "Do you think I should say something to her, or just leave it?",
        "My grandson's coming round on Sunday, so that'll be nice.",
        "Thanks, love.",
        "I'm a bit worried about my blood pressure, to be honest.",
        "How long do you boil an egg for, a soft one?",
        "Right, I'd better get the kids' tea on.",
        "Oh, I don't know, maybe.",
        "Can you tell me a joke?",
        "We're thinking about going to Cornwall in the summer holidays.",
        "Set a timer for twenty minutes, please.",
        "It's just been one of those days, you know?",
    ],
    "mids": [
        "the bus was late again",
        "I've got a parcel coming today",
        "my knee's been giving me gyp",
        "she's moving back home in June",
        "we had a power cut last night",
        "I forgot to defrost the chicken",
        "the wifi keeps dropping out",
        "he finally passed his driving test",
    ],
}

# Written blind (2026-12-05, session 10) by a helper that saw no file of this project, only
# make-turn-corpus's default bank and its comments (holds: "continuation fragment", ends:
# "complete fragment"), asked for a new bank of the same kind: a university student and a retired
# person. Seeds 9901-9903 (build_corpus.py --split heldout9). Evaluation only.
HELDOUT9 = {
    "holds": [
        "okay so,",
        "the thing about my thesis is,",
        "and honestly though,",
        "hmm,",
        "right, okay,",
        "back when I was teaching,",
        "my roommate keeps saying,",
        "the funny part is,",
        "anyway,",
        "first thing today,",
        "between classes,",
        "to be fair,",
        "my neighbour mentioned that,",
        "now that I am retired,",
        "and on top of that,",
        "long story short,",
        "on the bright side,",
        "the question on my mind is,",
        "in the library,",
        "and you will laugh at this but,",
    ],
    "ends": [
        "I handed in my essay two days early.",
        "the seminar was cancelled again.",
        "my tomatoes are finally turning red.",
        "should I switch to part time at the cafe?",
        "I have three exams next week.",
        "we played bridge until nearly midnight.",
        "how do people revise without getting bored?",
        "my flatmate ate my leftovers.",
        "I joined a walking group at the community centre.",
        "does that sound silly to you?",
        "the rent went up again.",
        "I miss the routine of going to the office.",
        "my daughter wants me to learn video calls.",
        "I could not focus on anything.",
        "which one would you pick?",
        "the professor liked my presentation.",
        "I baked bread for the first time in years.",
        "anyway, that was my week.",
        "am I overthinking this?",
        "the library closes early on Fridays now.",
    ],
    "mids": [
        "my laptop crashed during the quiz",
        "the group chat would not stop buzzing",
        "I fed the birds in the yard",
        "the lecture hall was freezing",
        "my pension letter arrived",
        "we ran out of coffee",
        "I sorted out the old photo albums",
        "the wifi kept dropping out",
        "my tutor replied to my email",
        "an old colleague rang me up",
        "the washing machine broke",
        "I stayed up making flashcards",
    ],
}

# Written blind the same way (session 10) by another helper: a working parent on family, fitness,
# money and weekends. Seeds 10001-10003 (build_corpus.py --split heldout10). Evaluation only.
HELDOUT10 = {
    "holds": [
        "okay so here's the deal,",
        "the other day,",
        "honestly though,",
        "after I dropped the kids off,",
        "and on top of that,",
        "hmm,",
        "the way I see it,",
        "my partner keeps saying,",
        "once payday comes around,",
        "before the gym this morning,",
        "right, so,",
        "what really gets to me,",
        "if the budget allows,",
        "this Saturday,",
        "er, hang on,",
        "what worries me is,",
        "after bedtime stories,",
        "between you and me,",
        "anyway, where was I,",
        "and the funny part,",
    ],
    "ends": [
        "my daughter lost her first tooth at breakfast.",
        "the car insurance went up again.",
        "should I cancel the streaming subscriptions?",
        "I managed a five kilometre run before work.",
        "we might take the kids camping if it stays dry.",
        "how do people save anything these days?",
        "my legs are still sore from the spin class.",
        "his football match starts at nine on Saturday.",
        "I need a cheaper plan for the groceries.",
        "is it silly to skip the birthday party?",
        "the mortgage payment is due on Friday.",
        "we are thinking about a picnic at the lake.",
        "I barely see my partner during the week.",
        "could you help me make a simple workout plan?",
        "the twins finally sleep through the night.",
        "I put twenty pounds into savings.",
        "does that sound like a reasonable budget?",
        "my mum is coming over for Sunday lunch.",
        "I just want one lazy morning.",
        "what would you do in my shoes?",
    ],
    "mids": [
        "the school emailed about the trip fees",
        "I skipped leg day again",
        "the washing machine broke down",
        "my son needs new trainers",
        "I packed three lunchboxes",
        "the electricity bill arrived",
        "we argued about the weekend",
        "I did twenty push-ups in the kitchen",
        "the baby woke up at four",
        "my boss moved the deadline",
        "I checked the bank balance twice",
        "the swimming lessons got cancelled",
    ],
}

# Validation banks (session 11), written blind the same way as HELDOUT9/10 by two helpers that saw
# only make-turn-corpus's default bank and its comments: VALID_A a night-shift nurse and a man who
# has taken up running; VALID_B a teenager learning to drive and a grandmother with a tablet.
# Synthesized on seeds 8001-8003 and 8101-8103 (build_corpus.py --split valid), never trained on:
# train.py chooses the decision policy on them (--valid-features). Short generic items ("um,",
# "honestly,", "not really.") also occur in the spoken training banks, as they do in any bank.
VALID_A = {
    "holds": [
        "after my shift,",
        "so on my run this morning,",
        "well,",
        "and the thing about nights is,",
        "hmm,",
        "because my legs,",
        "and the charge nurse said,",
        "but what worries me is,",
        "so around halfway,",
        "honestly,",
        "and when I got home,",
        "to be fair,",
        "and my running coach said,",
        "or maybe,",
        "before I forget,",
        "er,",
        "on the ward last night,",
        "and then my wife said,",
        "so what happened was,",
        "if I am honest with myself,",
    ],
    "ends": [
        "I managed to run without stopping.",
        "I slept most of the afternoon.",
        "should I be stretching before or after?",
        "the night went quietly for once.",
        "my shins are sore again.",
        "that is how it went.",
        "is it bad to run on an empty stomach?",
        "I bought proper running shoes.",
        "one of my patients went home today.",
        "I think I need a day off.",
        "how do people sleep in the daytime?",
        "yes.",
        "not really.",
        "the park was empty at sunrise.",
        "I signed up for a fun run in the spring.",
        "I keep drinking too much coffee on nights.",
        "do you think I am pushing too hard?",
        "my daughter says I look healthier.",
        "it was a long one.",
        "what should I eat after a night shift?",
    ],
    "mids": [
        "I ran to the end of the road and back",
        "the ward was short staffed",
        "my calves were tight all night",
        "I had cereal at midnight",
        "the alarm went off at noon",
        "I walked the last bit",
        "a patient kept pressing the buzzer",
        "I put blackout curtains up",
        "my heart rate went quite high",
        "the handover took ages",
        "I did the stretches you suggested",
        "it rained the whole way round",
    ],
}

VALID_B = {
    "holds": [
        "so on my lesson today,",
        "um,",
        "and then my instructor said,",
        "the thing about the tablet is,",
        "er, well,",
        "because to be fair,",
        "at the cafe on Saturday,",
        "and my granddaughter said,",
        "but the hard part is,",
        "hmm,",
        "so when I was parking,",
        "and on the motorway,",
        "honestly,",
        "what I keep wondering is,",
        "so after school,",
        "and the little ones,",
        "when I tap the screen,",
        "if I save enough,",
        "the funny thing is,",
        "and my dad keeps saying,",
    ],
    "ends": [
        "I passed my theory test.",
        "I stalled the car twice at the roundabout.",
        "my grandson showed me how to send a photo.",
        "do you think I am ready for my test?",
        "I have saved almost half of what I need.",
        "the kids were asleep by eight.",
        "how do I make the letters bigger?",
        "yes, that helped.",
        "I worked a double shift on Saturday.",
        "I finally made a video call to my sister.",
        "is it normal to be this nervous?",
        "the tablet keeps asking for an update.",
        "not really.",
        "I reversed around the corner without hitting the kerb.",
        "we baked biscuits together.",
        "should I buy a car or keep saving?",
        "my boss said I can have more hours.",
        "that's it, really.",
        "I was so proud of myself.",
        "can you remind me about the lesson on Friday?",
    ],
    "mids": [
        "I checked my mirrors",
        "the car park was full",
        "I picked the kids up from school",
        "my shift ran over",
        "I counted my tips",
        "the tablet went dark",
        "my instructor was in a good mood",
        "I made fish fingers for tea",
        "the rain started halfway home",
        "I pressed the wrong button",
        "we played in the garden",
        "I put some money in the jar",
    ],
}

# Text-only extension for the word model (train_lexical.py): many more hold and end fragments
# composed from parts, so that the word model learns structure (a clause with a subject and a
# verb that ends on a content word closes a turn; openers, framing clauses, bare noun or
# prepositional phrases and function-word endings hold) rather than memorizing a few items.
# Never synthesized to audio; filtered against HELDOUT, HELDOUT2 and the dev set's default bank
# (exact items) by lexical_bank().
_SUBJ = ["I", "we", "my wife", "my husband", "the kids", "our neighbour", "my mum", "my dad", "he", "she",
         "they", "the teacher", "my boss", "the doctor", "my best friend", "the landlady", "our team",
         "my grandson", "the plumber", "everyone"]
_PRED = ["bought a new car", "fixed the sink", "went to bed early", "lost the match", "found a wallet",
         "sold the old house", "made pancakes", "missed the bus", "won a prize", "painted the fence",
         "called the bank", "cancelled the party", "took the day off", "forgot the keys",
         "finished the book", "loved the film", "hated the food", "got a promotion", "broke a plate",
         "is on holiday", "was very kind", "is feeling better", "was late again", "is too busy",
         "has a cold", "had a rough week", "needs a break", "wants a dog", "likes the new flat",
         "lives near the park", "works from home", "cooked dinner", "cleaned the windows",
         "ordered pizza", "planted some roses", "read the letter", "wrote a poem", "fell asleep",
         "came home", "left early", "said no", "agreed with me", "changed her mind", "moved to Leeds",
         "started running", "stopped smoking", "laughed a lot", "stayed in", "paid the rent",
         "booked the tickets", "saw a fox", "heard the news", "felt sick", "got married",
         "is happy", "was right", "won't listen", "can't come", "didn't call", "never replied",
         "always forgets", "is getting older", "seems fine", "looked tired", "ran out of milk",
         "caught a cold", "locked the door", "lost weight", "gave up", "turned it off"]
_QUESTIONS = ["what do you think about that?", "is that okay?", "do you agree?", "how would you handle it?",
              "should I worry?", "can you believe it?", "what happens next?", "why would she say that?",
              "have you ever tried it?", "is he right?", "where can I buy one?", "when does it open?",
              "who told you?", "does that make sense?", "did I do the right thing?", "are you still there?",
              "what was the name of it?", "how much does it cost?", "would that work?", "is it normal to feel this way?",
              "could it be the battery?", "which one is better?", "do you have any tips?", "will it get easier?",
              "am I overthinking it?", "was that rude of me?", "can you say that again?", "how do I start?",
              "why is it always me?", "what about you?"]
_SHORT_ENDS = ["yeah.", "nope.", "alright.", "fair enough.", "I suppose so.", "not at all.", "definitely.",
               "absolutely.", "I doubt it.", "no way.", "never.", "sometimes.", "pretty good.", "not bad.",
               "all done.", "that's right.", "I hope so.", "me too.", "same here.", "thank you.",
               "good night.", "I agree.", "I don't know.", "we'll see.", "it depends.", "too late.",
               "that's enough.", "that's the story.", "nothing else.", "that's about it.",
               "perfect.", "great.", "lovely.", "cheers.", "pardon?", "seriously?", "honestly?",
               "when?", "where?", "who?", "which one?", "not yet.", "of course not.", "hardly.",
               "I guess not.", "thanks a lot.", "no thanks.", "sounds good.", "got it.", "that's fine."]
_OPENERS = ["and", "but", "so", "because", "um", "uh", "well", "and then", "or", "like", "so um",
            "and uh", "but uh", "because um", "you know", "I mean", "actually", "okay so", "right so",
            "and anyway", "plus", "oh and", "also", "then"]
_FRAMES = ["the thing is", "what I noticed is", "my point is", "the question is", "the weird thing was",
           "what she said was", "I was wondering if", "I was going to say", "I told him that",
           "she keeps saying that", "the problem was that", "it turns out that", "the idea is to",
           "I tried to", "we decided to", "I am not sure if", "he asked me whether", "I have been meaning to",
           "the best part was when", "I don't know why but", "what worries me is", "the main reason is",
           "my worry is that", "I realised that", "the plan is", "I wanted to", "we were about to",
           "they said that", "it was like", "he was trying to"]
_PHRASES = ["in the kitchen", "after school", "on Monday", "at the weekend", "during lunch", "in the car",
            "before work", "at my parents' place", "on the bus", "by the river", "at the hospital",
            "in the garden", "this morning", "last night", "the other week", "for a while", "at first",
            "in the end", "with my sister", "around midnight", "near the station", "on the phone",
            "at the shop", "under the bed", "from the office", "over the summer", "since January",
            "my neighbour", "the new manager", "my little brother", "her husband", "the old man next door",
            "the guy at the desk", "our landlord", "the first time", "the last time", "every time",
            "another thing", "one more thing", "the funny thing", "the main problem", "a friend of mine"]
_DANGLING = ["the", "a", "my", "to", "of", "with", "for", "about", "when", "if", "that", "which", "who",
             "is", "was", "were", "and", "but", "because", "so", "um", "uh", "er", "like", "than", "into",
             "at", "on", "in", "from", "by", "his", "her", "our", "their", "some", "very", "really", "just"]
_STEMS = ["I went", "we talked", "she looked", "I was thinking about", "he gave it", "they moved",
          "I put it", "we drove", "the dog ran", "I called", "my sister went", "we sat", "I asked",
          "the kids played", "I paid", "he talked", "we waited", "she came back", "I looked",
          "they argued"]


def lexical_extra():
    """Generated text-only fragments for the word model (deterministic order)."""
    holds, ends = [], []
    for i, subj in enumerate(_SUBJ):
        for j, pred in enumerate(_PRED):
            if (i * 7 + j) % 5 == 0:
                ends.append("%s %s." % (subj, pred))

    ends += _QUESTIONS + _SHORT_ENDS
    for i, o in enumerate(_OPENERS):
        for j, f in enumerate(_FRAMES):
            if (i + j * 3) % 6 == 0:
                holds.append("%s %s," % (o, f))
        for j, ph in enumerate(_PHRASES):
            if (i * 5 + j) % 8 == 0:
                holds.append("%s %s," % (o, ph))
    holds += [f + "," for f in _FRAMES] + [ph + "," for ph in _PHRASES]
    for i, st in enumerate(_STEMS):
        for j, d in enumerate(_DANGLING):
            if (i * 3 + j) % 7 == 0:
                holds.append("%s %s," % (st, d))
    for i, o in enumerate(_OPENERS):
        holds.append(o + ",")
    return {"holds": holds, "ends": ends, "mids": [s + " " + p for s, p in zip(_SUBJ[:12], _PRED[5::6])]}


def lexical_bank(exclude=()):
    """TRAIN plus lexical_extra(), minus any exact item of the banks in `exclude`."""
    extra = lexical_extra()
    banned = {t.lower().strip(" ,.?") for b in exclude for k in ("holds", "ends", "mids") for t in b.get(k, [])}
    out = {}
    for k in ("holds", "ends", "mids"):
        seen, items = set(), []
        for t in TRAIN[k] + extra[k]:
            key = t.lower().strip(" ,.?")
            if t in seen or (key in banned and t not in TRAIN[k]):
                continue
            seen.add(t)
            items.append(t)
        out[k] = items
    return out

if __name__ == "__main__":
    import json, sys
    which = sys.argv[1] if len(sys.argv) > 1 else "train"
    print(json.dumps(TRAIN if which == "train" else HELDOUT, indent=1))

