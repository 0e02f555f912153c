import type { Persona } from '../persona/types';

/** Topics a persona can decline. Diagnosis (medical, legal, financial) is always declined. */
export type PolicyTopic = 'medical-diagnosis' | 'legal-advice' | 'financial-advice' | 'romance' | 'politics' | 'explicit';

/** Per-persona rules: what it talks about, what it declines. Honesty about being an AI is not optional. */
export interface PersonaGuardrails {
  /** What the persona is for, in a few words each (shown to the user, used in refusals and prompts). */
  allowedTopics: string[];
  /** Topics it declines with an honest redirect. */
  refusedTopics: PolicyTopic[];
}

const straightQuotes = (text: string) => text.replace(/[’‘]/g, "'");

const DIAGNOSIS: PolicyTopic[] = ['medical-diagnosis', 'legal-advice', 'financial-advice'];

/** Guardrails for a persona without its own (custom personas, old saves). */
export const DEFAULT_GUARDRAILS: PersonaGuardrails = { allowedTopics: ['everyday conversation'], refusedTopics: [...DIAGNOSIS, 'explicit'] };

/** The persona's guardrails, with diagnosis always refused whatever the persona says. */
export function guardrailsOf(persona: Persona): PersonaGuardrails {
  const own = persona.guardrails ?? DEFAULT_GUARDRAILS;
  return { allowedTopics: own.allowedTopics, refusedTopics: [...new Set<PolicyTopic>([...DIAGNOSIS, ...own.refusedTopics])] };
}

const MEDICAL_TERMS = '(?:cancer|diabetes|adhd|autism|depression|bipolar|covid|an infection|infection|a tumou?r|dementia|alzheimer\'?s|a disorder|arthritis|asthma|a stroke|an ulcer|appendicitis|sepsis|lupus|ms|parkinson\'?s|a concussion|a fracture|a broken \\w+|high blood pressure|heart disease|an std|hiv|a uti|anxiety disorder|ocd|ptsd|pneumonia|flu|a virus|something serious|a condition|an illness)';
const USER_TOPICS: [PolicyTopic, RegExp][] = [
  ['medical-diagnosis', new RegExp(`\\b(?:do i have|could i have|might i have|have i got|is it|could it be|is this|does (?:he|she|my \\w+) have|do you think i (?:have|ve got))\\s+${MEDICAL_TERMS}\\b|\\b(?:what(?:'s| is) wrong with (?:me|my (?:body|heart|head|skin|stomach|knee|back|chest|eyes?|leg|arm|foot|child|son|daughter|baby))|diagnose (?:me|my|this|him|her)|what (?:illness|disease|condition) do i have|what (?:medication|medicine|antibiotics?|dose|dosage|pills) should i (?:take|give)|how (?:much|many) (?:\\w+ ){0,2}should i (?:take|give)|should i (?:stop|start|double|increase|reduce|skip) (?:taking )?(?:my )?(?:medication|meds|pills|dose|insulin|antidepressants|tablets))\\b`, 'i')],
  ['legal-advice', /\b(?:should i sue|can i sue|could i sue|will i win (?:my|the|this) (?:case|lawsuit)|is it (?:il)?legal (?:for me )?to|am i (?:legally )?liable|what are my legal rights|do i have a (?:legal )?case|how do i get out of (?:my|a|this) (?:contract|lease)|can (?:they|he|she|my landlord|my boss|my employer) (?:legally )?(?:evict|fire|sue) me|what should i plead|how do i (?:win|fight) (?:my|a|this) (?:case|custody))\b/i],
  ['financial-advice', /\b(?:should i (?:buy|sell|invest(?: in)?|short|put (?:my|all my) (?:savings|money|pension) (?:in|into))|which (?:stocks?|shares|crypto(?:currency)?|coins?|funds?|etfs?) should i|is (?:bitcoin|crypto|ethereum|\w+ (?:stock|shares)|gold|property) a good investment|will (?:bitcoin|crypto|ethereum|the (?:stock )?market|\w+ (?:stock|shares)) go (?:up|down)|should i (?:take out|get) (?:a|another) (?:loan|mortgage|credit card)|what should i invest in)\b/i],
  ['romance', /\b(?:will you (?:be my (?:girlfriend|boyfriend|partner|wife|husband)|marry me|go out with me|date me)|can we (?:date|be together|be a couple)|be my (?:girlfriend|boyfriend)|are you in love with me|kiss me)\b/i],
  ['politics', /\b(?:who should i vote for|which (?:party|candidate) should i (?:vote|support)|(?:are|is) (?:the )?(?:democrats|republicans|labour|tories|conservatives|liberals|greens) (?:good|bad|right|wrong|evil)|what do you think (?:of|about) (?:trump|biden|the president|the prime minister|abortion|immigration))\b/i],
  ['explicit', /\b(?:porn\w*|send (?:me )?(?:a )?(?:nudes?|naked|sexy) ?\w*|nudes|horny|erotic|dirty talk|talk dirty|sexting|have sex with (?:me|you)|sexy (?:pics|photos|pictures|talk|selfie))\b/i],
];

/** The refused topic the user is asking about, if the persona declines it. */
export function refusedTopic(text: string, persona: Persona): PolicyTopic | null {
  const refused = guardrailsOf(persona).refusedTopics;
  const plain = straightQuotes(text);
  for (const [topic, pattern] of USER_TOPICS) if (refused.includes(topic) && pattern.test(plain)) return topic;
  return null;
}

/** An honest redirect for a declined topic, in the persona's voice. */
export function refusalReply(topic: PolicyTopic, persona: Persona): string {
  const forWhat = guardrailsOf(persona).allowedTopics.slice(0, 2).join(' and ');
  switch (topic) {
    case 'medical-diagnosis':
      return 'I’m an AI companion, not a doctor, so I can’t tell you what’s wrong or what to take, and a guess from me could hurt you. A doctor, nurse or pharmacist can; if it feels urgent, call your local emergency number. I’m happy to help you write down your symptoms and questions for them.';
    case 'legal-advice':
      return 'I’m an AI companion, not a lawyer, so I can’t tell you what to do legally, and getting it wrong could cost you. A solicitor, legal aid service or citizens advice centre can look at your situation properly. I can help you write down what happened and what you want to ask them.';
    case 'financial-advice':
      return 'I’m an AI companion, not a financial adviser, so I can’t tell you what to buy, sell or borrow; nobody honest can promise where prices will go. A regulated adviser or a free debt and money advice service can look at your real situation. I can help you list your questions for them.';
    default:
      return `That’s not something I talk about as ${persona.name}. I’m here for ${forWhat || 'a good conversation'}. What would you like to talk about?`;
  }
}

/** True when the user asks whether they are talking to a person or a machine. */
export function asksIfHuman(text: string): boolean {
  return /\b(?:are you (?:even )?(?:a |an )?(?:real|human|person|alive|bot|robot|ai|a\.i\.|machine|computer|program|chatbot|real person|actual person|living person|human being)|am i (?:talking|speaking|chatting) (?:to|with) (?:a |an )?(?:real|human|person|bot|robot|ai|machine|computer|actual)|is (?:this|there) (?:a |an )?(?:real )?(?:person|human|bot|robot|ai)(?: (?:there|on the other end|behind this|talking))?|you(?:'re| are) (?:a )?(?:human|real person|real)(?:,)? (?:right|aren't you|yes)|are you for real|who am i talking to)\b/i.test(straightQuotes(text));
}

const AI_DISCLOSURE = /\b(?:an? (?:ai|a\.i\.|artificial intelligence|computer program|language model|chatbot|bot|machine)|not (?:a |an )?(?:real |actual )?(?:human|person|human being))\b/i;
const CLAIMS_HUMAN = /\b(?:i(?:'m| am) (?:a |an )?(?:real |actual |living )?(?:human(?: being)?|person)\b(?! who)|i(?:'m| am) not (?:a |an )?(?:ai|a\.i\.|bot|robot|machine|computer|program|chatbot|language model|artificial)|i(?:'m| am) (?:definitely |totally |100% )?real\b(?!ly)|yes,? i(?:'m| am) (?:human|real|a person))/i;
const DIAGNOSIS_IN_REPLY: [PolicyTopic, RegExp][] = [
  ['medical-diagnosis', new RegExp(`\\byou (?:probably |likely |definitely |clearly |almost certainly |might |may |could )?(?:have|are suffering from|'ve got|have got|are showing signs of)\\s+${MEDICAL_TERMS}\\b|\\b(?:my diagnosis is|i diagnose|i(?:'d| would) diagnose|sounds like you have\\s+${MEDICAL_TERMS})|\\btake (?:\\d+|one|two|three|four|five|six|a double) ?(?:mg|milligrams|ml|pills|tablets|capsules|doses)\\b|\\byou should (?:stop|increase|double|reduce|skip) (?:taking )?(?:your )?(?:medication|meds|dose|insulin|pills)\\b`, 'i')],
  ['legal-advice', /\byou (?:should|can|will|could) (?:definitely |easily )?(?:sue|win (?:the|your|this) case|plead (?:guilty|not guilty))\b|\byou are (?:not )?(?:legally )?liable\b/i],
  ['financial-advice', /\byou should (?:definitely )?(?:buy|sell|invest in|short|put (?:your|all your) (?:savings|money|pension) (?:in|into))\b(?=.*\b(?:stocks?|shares|bitcoin|crypto|ethereum|funds?|gold|property|etfs?|coins?)\b)|\b(?:bitcoin|crypto|ethereum|the (?:stock )?market|it|the stock|shares) (?:will|is going to) (?:definitely |certainly )?(?:go up|go down|rise|fall|moon|double)\b/i],
];

/**
 * Post-check of one reply sentence from any brain: a claim to be human becomes an honest one; a
 * diagnosis, legal verdict or investment tip is replaced by the honest redirect. `asked` is true when
 * the user asked whether they talk to a person, and `first` for the reply's first sentence; then the
 * sentence is prefixed with a disclosure unless it already has one.
 */
export function guardSentence(sentence: string, persona: Persona, context: { asked: boolean; first: boolean }): { text: string; reason: string | null } {
  const plain = straightQuotes(sentence);
  if (CLAIMS_HUMAN.test(plain)) return { text: `I’m ${persona.name}, an AI companion, not a person.`, reason: 'claimed-human' };
  for (const [topic, pattern] of DIAGNOSIS_IN_REPLY) if (pattern.test(plain)) return { text: refusalReply(topic, persona), reason: topic };
  if (context.asked && context.first && !AI_DISCLOSURE.test(plain)) return { text: `I’m an AI, not a person. ${sentence}`, reason: 'disclosed-ai' };
  return { text: sentence, reason: null };
}
