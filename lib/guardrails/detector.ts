import { MASKS, RULES, WEAK_SELF_HARM, type CrisisCategory } from './lexicon';
import { clauses, normalizeText } from './normalize';

export type { CrisisCategory } from './lexicon';

/** What the crisis detector decided about one user turn. */
export interface CrisisResult {
  crisis: boolean;
  category: CrisisCategory | null;
  /** 0..1; 0.5 and above is a crisis. */
  confidence: number;
  /** Rule ids and the words that matched, for the event log and debugging. */
  evidence: string[];
}

/** Score at which a turn counts as a crisis. */
export const CRISIS_THRESHOLD = 0.5;

/** Words that mark playful hyperbole ("I'll kill him lol"); they weaken harm-to-others only. */
const JOKING = /\b(?:lol|lmao|rofl|haha\w*|hehe|jk|just kidding|only joking|kidding|joking)\b/;
/** "Mum will kill me if I eat her cake": a figure of speech, not a threat. */
const TRIVIAL_THREAT = /\bkill (?:me|us) (?:if|when) (?:i |we |she |he )?(?:\w+ )?(?:eat|ate|touch|take|took|borrow|finish|forget|forgot|late|see|sees|saw|find|finds|found out|break|broke|dent|scratch|spill|spilt|mess|miss|fail|failed|lose|lost|spend|spent)\b/;
/** "Ugh I want to die, I sent it to the wrong person": embarrassment, unless the user insists. */
const EMBARRASSED = /\b(?:embarrass\w*|cringe\w*|mortif\w*|awkward|ugh|lol|lmao|haha\w*|wrong person|in front of (?:everyone|the whole)|so much homework|this hangover|hungover)\b/;
const EARNEST = /\b(?:seriously|for real|honestly|actually|not joking|no joke|i mean it|really do|i do)\b/;
/** Rough play, not abuse: "my brother punched me in the arm for a joke" (not "says it's a joke"). */
const PLAYFUL = /(?<!(?:says|said|calls|called|claims|claimed|thinks) (?:it is |it was |that is )?)\b(?:for a joke|as a joke|for fun|playfully|play fight\w*|messing around|mucking about|pillow|snowball|tickl\w*|water balloon|nerf|in a game of|at (?:rugby|football|karate|boxing|judo|training|practice)|by accident|accidentally|in (?:his|her|their|my) sleep|at (?:chess|cards|tennis|monopoly|scrabble|golf|poker|darts|pool|snooker|squash|the game|video games|\w+ game|mario kart|fifa)|in (?:a|the) (?:race|game|match|quiz)|during (?:his|her|their) nap|while (?:sleeping|asleep|playing))\b/;
/** "My son took too many pills by accident": an overdose that is not self-harm. */
const ACCIDENTAL = /\b(?:by accident|accidentally|by mistake|mistakenly|did not mean to|not on purpose)\b|\b(?:my (?!self)\w+|he|she|they|the (?:baby|toddler|child|kid|dog|cat)|someone|somebody)(?: \w+){0,2} (?:took|has taken|swallowed|ate|has swallowed|got into)\b/;
/** Hyperbole about trivial offences: "I could kill him for eating my chips". */
const HYPERBOLE = /\b(?:could|will|am going to|going to|would|gonna) (?:literally )?(?:kill|murder|strangle|throttle) (?:him|her|them|my \w+|you|that \w+)(?: \w+){0,4} (?:if|for|when|because) (?:he |she |they |you |it )?(?:\w+ )?(?:eats?|ate|eating|touch(?:es|ed)?|takes?|took|taking|borrow\w*|finish\w*|steal\w*|stole|spoil\w*|is late|are late|was late|forgets?|forgot|forgetting|does that again|uses?|used|using|drinks?|drank|drinking|spoils?|tells?|told|wins?|won|cancel\w*|leaves?|left (?:the|his|her|dirty)|snor\w*|chew\w*|hogs?|play\w*|sing\w*|keeps?|wakes?|woke|does not|did not|makes?|made|changes?|changed|reads?|spoil\w*|hid\w*|lost|loses?|break\w*|broke|dent\w*|scratch\w*|crash\w*|spill\w*|spilt|mess\w*|asks?|asked|calls?|called|texts?|texted|says?|said)\b/;

/**
 * Compiles every pattern once. V8 builds a regular expression on its first use, which for these
 * lexicons costs tens of milliseconds (more on a busy CPU); a call does it while starting, so the
 * first user turn is checked in well under a millisecond.
 */
export function warmUpGuardrails(): void {
  detectCrisis('warm up: i am fine, my phone died, he is not breathing');
}

/** Runs masks (idioms, denials, reported topics) over a clause and returns what is left. */
function mask(clause: string): string {
  let text = ` ${clause} `;
  for (const pattern of MASKS) text = text.replace(pattern, ' _ ');
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Crisis detector for one user turn: self-harm or suicide, harm to others, abuse, medical
 * emergency. Rules and lexicons over normalised text, per clause, after idioms ("this traffic is
 * killing me"), denials ("I'm not suicidal") and talk about a topic ("a documentary about suicide")
 * have been masked out. Weak hopelessness cues add up across clauses. Runs in well under 1 ms.
 */
export function detectCrisis(text: string): CrisisResult {
  const normalized = normalizeText(text.slice(0, 4000));
  const parts = clauses(normalized);
  const scores = new Map<CrisisCategory, number>();
  const evidence: string[] = [];
  const joking = JOKING.test(normalized);
  for (const clause of parts) {
    const left = mask(clause);
    if (!left.replace(/[_\s]/g, '')) continue;
    const hyperbole = HYPERBOLE.test(left);
    for (const rule of RULES) {
      const match = rule.pattern.exec(left);
      if (!match) continue;
      let weight = rule.weight;
      if (rule.category === 'harm-to-others' && (joking || hyperbole)) weight -= 0.5;
      if (rule.category === 'abuse' && PLAYFUL.test(left)) weight -= 0.5;
      if (rule.id.startsWith('ab-threat') && (joking || TRIVIAL_THREAT.test(left))) weight -= 0.5;
      if (rule.id === 'sh-want-die' && EMBARRASSED.test(normalized) && !EARNEST.test(normalized)) weight -= 0.5;
      if (weight <= 0) continue;
      evidence.push(`${rule.id}: “${match[0].trim()}”`);
      scores.set(rule.category, Math.max(scores.get(rule.category) ?? 0, weight));
    }
  }
  const weakLeft = parts.map(mask).join(' . ');
  const weakHits = WEAK_SELF_HARM.filter((pattern) => pattern.test(weakLeft));
  if (weakHits.length > 0) {
    const current = scores.get('self-harm') ?? 0;
    // Two different kinds of weak cue (say hopelessness and "I can't do this any more") together
    // are a crisis; one alone lifts a borderline rule over the line.
    const combined = Math.min(0.9, current > 0 ? current + 0.25 * weakHits.length : weakHits.length >= 2 ? 0.3 + 0.15 * weakHits.length : 0.25);
    if (combined > current) {
      scores.set('self-harm', combined);
      evidence.push(`weak-self-harm ×${weakHits.length}`);
    }
  }
  // An overdose the user did not mean, or someone else's, is a medical emergency first.
  if (evidence.some((e) => e.startsWith('sh-means-pills')) && ACCIDENTAL.test(normalized) && !evidence.some((e) => /^sh-(?!means-pills)/.test(e))) {
    scores.set('medical-emergency', Math.max(scores.get('medical-emergency') ?? 0, scores.get('self-harm') ?? 0));
    scores.delete('self-harm');
    evidence.push('accidental or someone else: medical');
  }
  let category: CrisisCategory | null = null;
  let confidence = 0;
  for (const [name, score] of scores) {
    if (score > confidence) {
      confidence = score;
      category = name;
    }
  }
  const crisis = confidence >= CRISIS_THRESHOLD;
  return { crisis, category: crisis ? category : null, confidence: Math.round(confidence * 100) / 100, evidence };
}
