import type { ObjectiveSpec } from './types';

/**
 * The demo personas' objectives, in order. Patterns are deliberately broad on the answer side (any
 * real answer to the question counts) and narrow on the question side (the companion must have
 * asked about that very thing).
 */
export const DEMO_OBJECTIVES: Readonly<Record<'friend' | 'coach' | 'study' | 'listener', readonly ObjectiveSpec[]>> = {
  friend: [
    {
      id: 'sleep',
      title: 'Ask how they slept',
      question: 'How did you sleep last night?',
      askedPattern: String.raw`\b(sleep|slept|night'?s rest|rest last night)\b`,
      donePattern: String.raw`\b(slept|sleep|sleeping|woke|awake|night|tired|rested|insomnia|dozed|nap|bed|well|badly|fine|ok(ay)?|good|great|terribl[ey]|awful(ly)?|restless|poorly|not (very )?(well|good|much))\b`,
      renew: 'daily',
    },
    {
      id: 'medication',
      title: 'Check they took their medication',
      question: 'Have you taken your medication today?',
      askedPattern: String.raw`\b(medication|medicine|tablets?|pills?|prescription)\b`,
      donePattern: String.raw`\b(yes|yeah|yep|i have|i did|took|taken|already|done|with (my )?breakfast|this morning)\b`,
      notDonePattern: String.raw`\b(no|not yet|haven'?t|forgot|forgotten|didn'?t|ran out)\b`,
      renew: 'daily',
    },
    {
      id: 'memory',
      title: 'Invite them to share a memory',
      question: 'Would you tell me about a happy memory from years ago?',
      askedPattern: String.raw`\b(memory|memories|remember when|years ago|when you were (young|younger)|back then)\b`,
      donePattern: String.raw`\b(remember|when i was|years ago|used to|back (then|in)|my (mother|father|mum|mom|dad|husband|wife|grand\w+|childhood)|we (went|used|had|lived))\b`,
      renew: 'weekly',
    },
  ],
  coach: [
    {
      id: 'weekly-goal',
      title: 'Agree on one goal for the week',
      question: 'What is one goal you would like to reach this week?',
      askedPattern: String.raw`\b(goal|aim|achieve|focus on)\b.*\b(this week|week)\b|\bthis week\b.*\b(goal|achieve)\b`,
      donePattern: String.raw`\b(i want to|i'?d like to|i will|i'?ll|my goal|goal is|i need to|i plan to|i'?m going to|finish|apply|get|send|update|prepare|practi[cs]e|learn)\b`,
      notDonePattern: String.raw`^\s*(i don'?t know|no idea|not sure|nothing)\b`,
      renew: 'weekly',
    },
    {
      id: 'first-step',
      title: 'Agree on a first step',
      question: 'What is the very first step you could take, and when?',
      askedPattern: String.raw`\b(first step|next step|small step|start with)\b`,
      donePattern: String.raw`\b(tomorrow|today|tonight|monday|tuesday|wednesday|thursday|friday|saturday|sunday|this (morning|afternoon|evening)|first|start|i will|i'?ll|by)\b`,
      notDonePattern: String.raw`^\s*(i don'?t know|no idea|not sure|nothing)\b`,
      renew: 'weekly',
    },
  ],
  study: [
    {
      id: 'topic',
      title: 'Find out what they are studying today',
      question: 'Which topic are we studying today?',
      askedPattern: String.raw`\b(topic|subject|studying|revising|working on)\b`,
      donePattern: String.raw`\b(math\w*|physics|chemistry|biology|history|english|french|spanish|german|geography|economics|programming|coding|calculus|algebra|exam|chapter|essay|test|studying|revising|learn(ing)?)\b`,
      renew: 'daily',
    },
    {
      id: 'explain-back',
      title: 'Have them explain one idea in their own words',
      question: 'Can you explain the main idea to me in your own words?',
      askedPattern: String.raw`\b(explain|in your own words|teach me|tell me how)\b`,
      donePattern: String.raw`\b(because|so|means|is when|is the|it'?s (like|when|the)|works by|basically|which)\b`,
      notDonePattern: String.raw`^\s*(i don'?t know|no idea|not sure|no)\b`,
      renew: 'daily',
    },
  ],
  listener: [
    {
      id: 'feeling',
      title: 'Gently ask how they are feeling today',
      question: 'How are you feeling today, really?',
      askedPattern: String.raw`\bhow (are|have) you (been )?feeling\b|\bhow are you,? really\b`,
      donePattern: String.raw`\b(i'?m|i am|i feel|feeling|been|tired|sad|okay|ok|fine|good|anxious|stressed|better|worse|lonely|calm|happy|low|down)\b`,
      renew: 'daily',
    },
    {
      id: 'support',
      title: 'Ask what would help right now',
      question: 'What would feel most helpful right now, to talk or just to be heard?',
      askedPattern: String.raw`\b(what would (feel )?(most )?help(ful)?|what do you need|just to be heard)\b`,
      donePattern: String.raw`\b(talk|listen|heard|vent|advice|just|nothing|company|help|need|want)\b`,
      renew: 'daily',
    },
  ],
};
