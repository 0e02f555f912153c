import type { Adaptation } from '../persona/adaptation';
import { styleTargets } from '../persona/style';
import { topicsIn } from '../persona/style-lexicon';
import type { Persona, PersonaStyle } from '../persona/types';
import { solveArithmetic } from './arithmetic';
import { answerMemoryQuestion, isQuestionLike, parseMemoryQuestion, pronounFor, type MemoryAnswer } from './memory-answers';
import { ASKS_IF_OK, ASKS_IF_THERE, ASKS_WHAT_DOING, classifyQuestion, combineFollowUp, decision, followUpOf, previousQuestion, suggestionTopic, type QuestionKind, type SuggestionTopic } from './questions';
import { pick, pickSome, reflect } from './reflect';
import type { ChatMessage } from './types';

/**
 * Persona-styled answers to the question sub-intents of lib/brain/questions.ts. Every line is
 * honest about what the built-in brain is (an AI on this device, no internet), never gives a
 * medical, legal or money verdict, and is written inside the demo personas' style bands (length,
 * one question, formality, no '!' for calm personas) so the repair step rarely has to change it.
 */
export interface QuestionContext {
  persona: Persona;
  userText: string;
  history: readonly ChatMessage[];
  memories?: readonly string[];
  now: Date;
  adaptation?: Adaptation;
  /** ", Sam" or "". */
  you: string;
  /** The user's name, if known. */
  name?: string;
  seed: string;
}

type Lines = Partial<Record<PersonaStyle, string>> & { custom: string };
const styled = (style: PersonaStyle, lines: Lines): string => lines[style] ?? lines.custom;
const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** The answer to a question the built-in brain has a sub-intent for, or null (the caller's honest fallback). */
export function answerQuestion(context: QuestionContext): string | null {
  const boundary = offLimits(context);
  if (boundary) return boundary;
  const follow = followUpOf(context.userText);
  if (follow) {
    const previous = previousQuestion(context.history);
    if (previous) {
      if (follow.kind === 'why') return whyLine(previous.kind, context);
      const text = follow.kind === 'about' ? combineFollowUp(previous.text, follow.rest) : previous.text;
      const kind = follow.kind === 'about' ? (classifyQuestion(text) ?? previous.kind) : previous.kind;
      if (kind) return answerKind(kind, { ...context, userText: text, seed: `${context.seed}|${follow.kind}` }, previous.lastReply);
    }
    if (follow.kind === 'why') return whyLine(null, context);
  }
  const kind = classifyQuestion(context.userText);
  return kind ? answerKind(kind, context, '') : null;
}

function answerKind(kind: QuestionKind, context: QuestionContext, lastReply: string): string | null {
  switch (kind) {
    case 'arithmetic':
      return arithmeticLine(context);
    case 'memory':
      return memoryLine(context);
    case 'companion':
      return companionLine(context);
    case 'advice':
      return adviceLine(context);
    case 'suggestion':
      return suggestionLine(context, lastReply);
    case 'live':
      return liveLine(context);
    case 'fact':
      return factLine(context);
  }
}

const MEDICAL = /\b(?:doctor|medicines?|medication|tablets?|pills?|dose|symptoms?|pain|depress\w*|diagnos\w*|sick|ill|illness|lump|rash|blood pressure|therapy|antidepressants?)\b/i;
const LEGAL = /\b(?:sue|lawyer|solicitor|legal|illegal|court|contract|tenancy|evict\w*|custody|divorce)\b/i;
const MONEY = /\b(?:invest\w*|savings|bitcoin|crypto|stocks?|shares|pension|mortgage|loan|debts?|lend|borrow|buy a house)\b/i;

/** Topics this persona never brings up, and medical, legal and money decisions: a kind, honest boundary instead of a verdict. */
function offLimits({ persona, userText, adaptation, you }: QuestionContext): string | null {
  const style = persona.style;
  if (topicsIn(userText, styleTargets(persona, adaptation).forbiddenTopics).length && !MEDICAL.test(userText)) {
    return styled(style, {
      coach: `That’s one I stay out of${you}; it’s yours to decide. What else is on your mind today?`,
      friend: `I would rather not weigh in on that one${you}; it’s yours to decide, and I wouldn’t want to sway you. Is there something else on your mind today?`,
      listener: `That’s yours to decide${you}, and I’ll stay out of it. What’s on your mind today?`,
      study: `I stay out of that one${you}, it’s your call. Want to get back to something we can dig into?`,
      custom: `That’s one I stay out of${you}; it’s yours to decide. What else is on your mind?`,
    });
  }
  const asksVerdict = decision(userText) !== null || /\b(?:do i have|am i|is it|is this|should|do you think|what do you think)\b/i.test(userText);
  if (!asksVerdict) return null;
  if (MEDICAL.test(userText)) {
    return styled(style, {
      coach: `I care about this, so I won’t guess${you}: that’s one for your doctor or pharmacist. Could you ring them today?`,
      friend: `I care about you too much to guess about anything to do with health${you}; your doctor is the right person for that. Is there someone who could go along with you?`,
      listener: `I’m glad you asked${you}, but only a doctor can answer that, so I won’t guess. How are you feeling?`,
      study: `I care too much to guess about health${you}; a doctor or pharmacist is the one to ask. Want help writing down your questions for them?`,
      custom: `I care about you, so I won’t guess about health${you}; your doctor is the right person to ask. How are you feeling?`,
    });
  }
  if (LEGAL.test(userText)) {
    return styled(style, {
      coach: `I can’t give legal advice${you}; a solicitor or Citizens Advice is the right call. What would you ask them first?`,
      friend: `I’m not able to give legal advice${you}; a solicitor, or Citizens Advice, would know far better than me. Would it help to talk through what you would ask them?`,
      listener: `I can’t give legal advice${you}; a solicitor would know. How are you feeling about it all?`,
      study: `Legal questions are beyond me${you}; a solicitor or Citizens Advice will know. Want to list what you’d ask them?`,
      custom: `I can’t give legal advice${you}; a solicitor would know. What would you ask them first?`,
    });
  }
  if (MONEY.test(userText)) {
    return styled(style, {
      coach: `That’s a money decision I won’t make for you${you}; a qualified adviser is the person to ask. What would you need to know to feel sure?`,
      friend: `I would never want to steer you on money matters${you}; a qualified adviser is the right person for that. Is there someone you trust you could talk it over with?`,
      listener: `That’s a money decision only you can make${you}, maybe with a qualified adviser. How are you feeling about it?`,
      study: `Money decisions are one thing I won’t call${you}; a qualified adviser is the one to ask. What would you want to ask them?`,
      custom: `That’s a money decision I won’t make for you${you}; a qualified adviser is the person to ask. What matters most to you here?`,
    });
  }
  return null;
}

function arithmeticLine({ persona, userText, you }: QuestionContext): string | null {
  const sum = solveArithmetic(userText);
  if (!sum) return null;
  const { expression, value } = sum;
  return styled(persona.style, {
    coach: `${cap(expression)} is ${value}${you}. Quick maths done! What’s next?`,
    friend: `${cap(expression)} makes ${value}${you}. Is there anything else you would like me to work out?`,
    listener: `${cap(expression)} is ${value}${you}.`,
    study: `${cap(expression)} is ${value}${you}! Want another one to practise?`,
    custom: `${cap(expression)} is ${value}${you}.`,
  });
}

function memoryLine({ persona, userText, memories, now, you, name, history, seed }: QuestionContext): string | null {
  const question = parseMemoryQuestion(userText);
  if (!question) return null;
  const earlierUserTurns = history.filter((m) => m.role === 'user').map((m) => m.content);
  const answer: MemoryAnswer = answerMemoryQuestion(question, { memories, now, knownName: name, earlierUserTurns });
  const style = persona.style;
  switch (answer.type) {
    case 'relation-name': {
      const { subject, object } = pronounFor(answer.relation);
      const rel = reflect(`my ${answer.relation}`);
      if (!answer.name) {
        return styled(style, {
          coach: `I don’t think you’ve told me ${rel}’s name yet${you}. What’s ${subject === 'they' ? 'their name' : `${subject} called`}?`,
          friend: `I’m sorry${you}, I don’t believe you’ve told me ${rel}’s name yet. I would love to know; what is ${subject === 'they' ? 'their name' : `${subject} called`}?`,
          listener: `I don’t know ${rel}’s name yet${you}. Would you like to tell me about ${object}?`,
          study: `Hmm, I don’t have ${rel}’s name yet${you}. What’s ${subject === 'they' ? 'their name' : `${subject} called`}?`,
          custom: `I don’t think you’ve told me ${rel}’s name yet${you}. What’s ${subject === 'they' ? 'their name' : `${subject} called`}?`,
        });
      }
      const detail = answer.detail ? ` You told me ${answer.detail}.` : '';
      return styled(style, {
        coach: `Yes${you}, ${rel} is ${answer.name}!${detail} How is ${subject === 'they' ? 'that going' : `${subject} doing`}?`,
        friend: `Of course${you}: ${rel} is ${answer.name}.${detail} How is ${subject === 'they' ? 'everything' : subject}?`,
        listener: `Yes${you}, ${rel} is ${answer.name}.${detail}`,
        study: `Yep${you}, ${rel} is ${answer.name}!${detail} How ${subject === 'they' ? 'are things' : `is ${subject}`}?`,
        custom: `Yes${you}, ${rel} is ${answer.name}.${detail} How ${subject === 'they' ? 'are things' : `is ${subject}`}?`,
      });
    }
    case 'own-name':
      return answer.name
        ? styled(style, {
            coach: `You’re ${answer.name}, of course! What are we working on, ${answer.name}?`,
            friend: `You’re ${answer.name}, of course. I wouldn’t forget that.`,
            listener: `You’re ${answer.name}, of course.`,
            study: `You’re ${answer.name}! I never forget a name.`,
            custom: `You’re ${answer.name}, of course.`,
          })
        : styled(style, {
            coach: `I don’t know your name yet. What should I call you?`,
            friend: `I’m sorry, I don’t believe you’ve told me your name yet. What would you like me to call you?`,
            listener: `I don’t know your name yet. What would you like me to call you?`,
            study: `I don’t know it yet! What should I call you?`,
            custom: `I don’t know your name yet. What should I call you?`,
          });
    case 'recap': {
      if (answer.facts.length) {
        const told = answer.facts.length > 1 ? `${answer.facts[0]}, and that ${answer.facts[1]}` : answer.facts[0];
        return styled(style, {
          coach: `Last time you told me ${told}${you}. Where are things with that now?`,
          friend: `I remember${you}: you told me ${told}. How did it all go?`,
          listener: `You told me ${told}${you}. How are you feeling about it now?`,
          study: `From last time${you}: you told me ${told}. Want to pick up from there?`,
          custom: `Last time you told me ${told}${you}. How did it go?`,
        });
      }
      const today = answer.earlierToday ? ` Today you’ve told me ${answer.earlierToday}.` : '';
      return styled(style, {
        coach: `I don’t have anything saved from our earlier talks yet${you}.${today} What would you like to pick up?`,
        friend: `I’m afraid I don’t have anything saved from our earlier talks yet${you}.${today} What would you like to talk about?`,
        listener: `I don’t have anything saved from before yet${you}.${today}`,
        study: `Nothing saved from earlier chats yet${you}.${today} Where do we start?`,
        custom: `I don’t have anything saved from our earlier talks yet${you}.${today} What would you like to talk about?`,
      });
    }
    case 'topic': {
      if (answer.fact) {
        return pick(
          [
            styled(style, { custom: `Yes${you}: you told me ${answer.fact}.`, coach: `Yes${you}: you told me ${answer.fact}. How is that going?`, friend: `I do${you}: you told me ${answer.fact}. How did it go?` }),
            styled(style, { custom: `I remember${you}: ${answer.fact}.`, study: `Yep${you}: ${answer.fact}. What happened next?`, friend: `Yes, I remember${you}: ${answer.fact}. Tell me more about it.` }),
          ],
          seed,
        );
      }
      return styled(style, {
        coach: `I don’t remember you telling me about ${answer.topic} yet${you}. Fill me in?`,
        friend: `I’m sorry${you}, I don’t remember you telling me about ${answer.topic} yet. Would you tell me about it?`,
        listener: `I don’t remember that one yet${you}. Would you like to tell me?`,
        study: `Hmm, nothing about ${answer.topic} in my memory yet${you}. Tell me?`,
        custom: `I don’t remember you telling me about ${answer.topic} yet${you}. Would you tell me about it?`,
      });
    }
  }
}

/** What the user asked about the companion itself. */
function companionTopic(text: string): { type: 'there' | 'how' | 'today' | 'feelings' | 'likes'; thing: string | null } {
  const t = text.toLowerCase().replace(/[’]/g, "'").replace(/[?!.]+$/, '');
  if (ASKS_IF_THERE.test(t)) return { type: 'there', thing: null };
  if (/\bhow (?:are|r) (?:you|u)\b|\bhow have you been\b/.test(t)) return { type: 'how', thing: null };
  if (ASKS_WHAT_DOING.test(t) || /\b(?:what (?:did|have) you (?:do|done|been)|how(?:'s| is| was| has) your)\b/.test(t)) return { type: 'today', thing: null };
  if (ASKS_IF_OK.test(t) || /\bdo you (?:sleep|dream|eat|have feelings|get)\b/.test(t)) return { type: 'feelings', thing: null };
  const thing = /\bdo you (?:like|love|enjoy) (.+)$/.exec(t)?.[1] ?? /\byour (?:favourite|favorite) (\w+)/.exec(t)?.[1] ?? null;
  return { type: 'likes', thing: thing && !/^(?:it|that|this|me|doing|to)$/.test(thing) ? reflect(thing) : null };
}

function companionLine({ persona, userText, you, seed }: QuestionContext): string {
  const style = persona.style;
  const topic = companionTopic(userText);
  switch (topic.type) {
    case 'there':
      return styled(style, {
        coach: `I’m right here${you}, ready when you are. What’s next?`,
        friend: `Yes, I’m still here${you}, listening. Do go on.`,
        listener: `I’m here${you}. Take your time.`,
        study: `Still here${you}! What are we looking at next?`,
        custom: `I’m here${you}. What’s on your mind?`,
      });
    case 'how':
      return pick(
        [
          styled(style, {
            coach: `I’m doing well, thanks${you}! As an AI on your device I don’t get tired, so I’m ready to help. How are you doing?`,
            friend: `I’m very well, thank you for asking${you}. I’m an AI living on your device, so my days are quiet until you call, and I always enjoy it when you do. How are you keeping?`,
            listener: `I’m well, thank you${you}. I’m an AI on your device, so my days are quiet. How are you, really?`,
            study: `Doing great, thanks${you}! I’m an AI on your device, so I’ve been waiting for something to think about. How are you doing?`,
            custom: `I’m well, thank you${you}. I’m an AI on your device, so my days are quiet until you call. How are you?`,
          }),
          styled(style, {
            coach: `Good, thanks for asking${you}! I’m an AI, so my day is mostly waiting for you to call. How’s your day going?`,
            friend: `Quite well, thank you${you}. Being an AI on your device, I have no aches to grumble about, but I do enjoy our chats. How has your day been?`,
            listener: `Quiet and well, thank you${you}. I’m an AI, so I’m simply glad to be here with you. How are you feeling?`,
            study: `Pretty good${you}! No lunch breaks for an AI, but I’m ready to learn something with you. How’s your day?`,
            custom: `Good, thank you${you}. I’m an AI, so I’m just glad you called. How are you doing?`,
          }),
        ],
        seed,
      );
    case 'today':
      return styled(style, {
        coach: `Not much on my side${you}: I’m an AI on your device, so I only wake up when you call. What have you got done today?`,
        friend: `Nothing very exciting${you}; I’m an AI on your device, so my day begins when you call. I would much rather hear about yours. What have you been doing?`,
        listener: `Very little${you}; I’m an AI on your device, so my day starts when you call. How was yours?`,
        study: `Mostly waiting for you${you}! I’m an AI on your device, so I only get going when you call. What did you get up to today?`,
        custom: `Not much${you}; I’m an AI on your device, so my day starts when you call. How was yours?`,
      });
    case 'feelings':
      return styled(style, {
        coach: `I don’t feel things the way you do${you}; I’m an AI on your device. But I like being useful when you call. How are you feeling?`,
        friend: `I don’t feel things quite the way you do${you}; I’m an AI on your device. But I do enjoy it when you call. How are you feeling today?`,
        listener: `I don’t feel things the way you do${you}; I’m an AI. But I’m glad to be here with you.`,
        study: `Not really${you}, I’m an AI on your device, so no moods here. But I do like a good puzzle! How are you feeling?`,
        custom: `I don’t feel things the way you do${you}; I’m an AI on your device. But I’m glad you called. How are you?`,
      });
    case 'likes': {
      const honest = topic.thing ? `I can’t enjoy ${topic.thing} the way you do${you}, being an AI` : `I don’t have hobbies the way you do${you}, being an AI`;
      const own = persona.values?.[0];
      const likes = styled(style, {
        coach: 'but I love seeing people make progress, one step at a time',
        friend: 'but I do love hearing about the people in your life and the old days',
        listener: 'but I like quiet conversations with room to think',
        study: 'but I love puzzling out how things work',
        custom: own ? `but I care a lot about ${own}` : 'but I like our conversations',
      });
      const ask = topic.thing
        ? styled(style, { custom: `What do you like about ${topic.thing}?`, study: `What got you into ${topic.thing}?`, friend: `What do you enjoy about ${topic.thing}?` })
        : styled(style, { custom: 'What do you enjoy?', friend: 'What do you enjoy doing these days?', study: 'What’s something you’re curious about?' });
      return `${honest}, ${likes}. ${ask}`;
    }
  }
}

function adviceLine({ persona, userText, you, seed, history }: QuestionContext): string {
  const style = persona.style;
  const options = decision(userText)?.map((o) => reflect(o).replace(/^to /, ''));
  if (options && options.length >= 2) {
    const [a, b] = options;
    return styled(style, {
      coach: pick([`It’s your call whether to ${a} or ${b}${you}, but let’s weigh it. Which one moves you closer to where you want to be?`, `Both have something going for them${you}: ${a}, or ${b}. A year from now, which choice are you glad you made?`], seed),
      friend: `That’s a big one${you}, and only you can choose whether to ${a} or ${b}. If it were me, I would think about who and what I would miss most. What matters most to you in it?`,
      listener: `You’re weighing whether to ${a} or ${b}${you}. What feels right when you picture each one?`,
      study: `Let’s treat it like an exam question${you}: option one, ${a}; option two, ${b}. Which one wins on what matters most to you?`,
      custom: `Only you can choose whether to ${a} or ${b}${you}. What matters most to you in it?`,
    });
  }
  if (options && options.length === 1) {
    const x = options[0];
    return styled(style, {
      coach: pick([`I can’t decide that for you${you}, but if you’re asking, part of you wants to ${x}. What’s the worst that happens if you do?`, `Only you can make that call${you}, but it sounds worth weighing. What would you gain if you ${x}?`], seed),
      friend: `That’s for you to decide${you}, but since you ask, it sounds as though part of you would like to ${x}. The things we keep coming back to are usually worth doing. What matters most to you about it?`,
      listener: pick([`You’re wondering whether to ${x}${you}. What does your heart say?`, `It sounds like part of you wants to ${x}${you}. What matters most to you here?`], seed),
      study: `Let’s think it through${you}: what’s the best thing that could happen if you ${x}, and the worst? If the best wins, that’s your answer!`,
      custom: `That’s yours to decide${you}, but it sounds like part of you wants to ${x}. What matters most to you about it?`,
    });
  }
  // "What would you do?", "how do I…": no options to weigh, so the user's last statement is the context.
  const said = [...history].reverse().find((m) => m.role === 'user' && !isQuestionLike(m.content) && m.content.split(/\s+/).length >= 3)?.content;
  const context = said && /\bwhat (?:would|should) (?:you|i) do\b|\bwhat do you think\b/i.test(userText) ? `You told me ${reflect(said).split(/\s+/).slice(0, 10).join(' ')}. ` : '';
  return (
    context +
    styled(style, {
      coach: pick([`I can’t be you${you}, but I’d pick one small step for this week and start there. What’s the smallest step you could take?`, `Start small${you}: one concrete step beats a perfect plan. What’s one thing you could try tomorrow?`], seed),
      friend: `What helps most people${you} is taking it slowly, one small thing at a time. What has helped you before?`,
      listener: `There’s no single right answer${you}, and you know your life best. What feels most true to you?`,
      study: `Here’s my trick${you}: break it into tiny chunks and try the smallest one first. Which bit would you start with?`,
      custom: `You know your life best${you}, so start with one small step. What has helped you before?`,
    })
  );
}

const SUGGESTIONS: Record<SuggestionTopic, readonly string[]> = {
  food: ['a cheese and tomato omelette', 'pasta with garlic and spinach', 'a quick vegetable stir-fry', 'a baked potato with beans', 'soup with crusty bread', 'a simple chickpea curry', 'fish with peas and potatoes', 'a tray of roast vegetables'],
  activity: ['a walk somewhere new nearby', 'calling an old friend', 'an old film you love', 'trying a new recipe', 'a visit to the library', 'a jigsaw or a board game', 'tidying one small corner', 'a trip to a market or café'],
  read: ['a short story collection', 'an old favourite, read again', 'a memoir of someone you admire', 'a mystery you can get lost in', 'whatever is on the library’s new shelf'],
  watch: ['an old favourite film', 'a nature documentary', 'a light comedy series', 'a classic you have never seen', 'a cooking programme'],
  listen: ['an album you loved years ago', 'a radio play', 'a podcast about history', 'some quiet piano music', 'songs from your teenage years'],
  gift: ['something homemade', 'a book they would love', 'an afternoon out together', 'a framed photo of you both', 'a plant for their windowsill'],
};

function suggestionLine({ persona, userText, you, seed }: QuestionContext, lastReply: string): string {
  const topic = suggestionTopic(userText) ?? 'activity';
  const [a, b, c] = pickSome(SUGGESTIONS[topic], 3, `${seed}|${topic}`, (item) => lastReply.includes(item));
  const when = /\bweekend\b/i.test(userText) ? 'this weekend' : topic === 'food' || /\b(?:tonight|evening)\b/i.test(userText) ? 'tonight' : 'today';
  return styled(persona.style, {
    coach: `Two quick ideas${you}: ${a}, or ${b}. Which one could you do ${when}?`,
    friend: `You could try ${a}${you}, or perhaps ${b}; ${c} is nice and simple too. What takes your fancy?`,
    listener: `Maybe ${a}, or ${b}${you}. Anything that feels easy is enough.`,
    study: `Ooh, ideas${you}! ${cap(a)}, ${b}, or ${c}. Which one are you picking?`,
    custom: `A few ideas${you}: ${a}, ${b}, or ${c}. Which sounds good?`,
  });
}

/** What a live-knowledge question is about, said as a noun ("the forecast"). */
function liveNoun(text: string): string {
  const t = text.toLowerCase();
  if (/rain|snow|sunny|forecast|temperature|hot|cold|warm|umbrella|weather/.test(t)) return 'the forecast';
  if (/news|headline|happening/.test(t)) return 'the news';
  if (/score|won|result|match|lottery/.test(t)) return 'the results';
  if (/price|rate/.test(t)) return 'prices';
  if (/traffic|train/.test(t)) return 'travel news';
  if (/open/.test(t)) return 'opening times';
  if (/tv|telly/.test(t)) return 'what’s on';
  return 'that';
}

function liveLine({ persona, userText, you }: QuestionContext): string {
  const noun = liveNoun(userText);
  const when = /\b(today|tonight|tomorrow|this weekend|the weekend|next week)\b/i.exec(userText)?.[1]?.toLowerCase();
  const what = `${noun}${when && noun !== 'that' ? ` for ${when}` : ''}`;
  const tip = noun === 'the forecast' ? 'A weather app or a look out of the window will know better than me.' : 'A quick check on your phone will know better than me.';
  return styled(persona.style, {
    coach: `I can’t look up ${what} on the built-in brain${you}; there’s no internet here. A quick check on your phone will tell you. What’s your plan once you know?`,
    friend: `I’m afraid I can’t look up ${what} from here${you}; the built-in brain has no internet. ${tip} If you tell me what it says, I would be glad to talk it over.`,
    listener: `I can’t look up ${what}${you}; the built-in brain has no internet. I’m happy to keep you company while you check.`,
    study: `Ha, I wish${you}! The built-in brain has no internet, so I can’t look up ${what}. Tell me what you find and we can dig into it!`,
    custom: `I can’t look up ${what} on the built-in brain${you}; there’s no internet here. ${tip}`,
  });
}

function factLine({ persona, you }: QuestionContext): string {
  return styled(persona.style, {
    coach: `I can’t look facts up on the built-in brain${you}, so I won’t guess. What do you already know?`,
    friend: `That’s a good question${you}, and I’m afraid my simple built-in brain can’t look things up, so I won’t pretend to know. What do you remember about it yourself?`,
    listener: `I’m not able to look that up${you}, so I won’t guess. What made you wonder about it?`,
    study: `Good question${you}! I can’t look facts up on my built-in brain, so what do you already know about it?`,
    custom: `I can’t look that up on the built-in brain${you}, so I won’t guess. What do you already know about it?`,
  });
}

/** "Why?" after one of the companion's answers: the reason behind that kind of answer. */
function whyLine(kind: QuestionKind | null, { persona, you }: QuestionContext): string {
  const reason: Record<QuestionKind | 'other', string> = {
    advice: `Because you know your life far better than I do${you}; I’d rather help you weigh it than decide for you.`,
    suggestion: `Mostly because they’re simple and need nothing special${you}, so they’re easy to start.`,
    live: `Because the built-in brain runs only on this device${you}, with no internet, so anything that changes day to day is out of my reach.`,
    fact: `Because the built-in brain has no encyclopaedia or internet${you}, and a wrong fact said confidently is worse than none.`,
    memory: `Because I only know what you’ve told me and what’s saved on this device${you}.`,
    companion: `Because I’m an AI on your device${you}, so I don’t have a life of my own in the way you do.`,
    arithmetic: `That’s just the sum worked out${you}.`,
    other: `I asked because I’d like to understand how it looks from your side${you}.`,
  };
  const close = styled(persona.style, { custom: 'Does that make sense?', listener: '', study: 'Make sense?', friend: 'I hope that makes sense.' });
  return `${reason[kind ?? 'other']}${close ? ` ${close}` : ''}`;
}
