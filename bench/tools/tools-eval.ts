/**
 * npm run -s eval:tools — measures the on-device parts of tools and objectives:
 * intent rules on a labelled set (precision, recall, argument accuracy), the time parser on phrases
 * with known answers, objective completion rules on labelled replies, and the cost per turn of the
 * rules and of a full registry call. Prints a table to stderr and one JSON line to stdout.
 */
import { performance } from 'node:perf_hooks';
import { DEMO_OBJECTIVES } from '../../lib/objectives/catalog';
import { ObjectiveTracker } from '../../lib/objectives/tracker';
import { builtinTools } from '../../lib/tools/builtin';
import { matchToolIntent } from '../../lib/tools/intents';
import { parseWhen, ReminderBook } from '../../lib/tools/reminders';
import { INTENT_SET } from './intent-set';

const round = (x: number, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

// 1. Intent rules.
let tp = 0, fp = 0, fn = 0, argsRight = 0, argsChecked = 0;
const errors: string[] = [];
const history = [{ role: 'user' as const, content: 'My neighbour owes me money.' }, { role: 'assistant' as const, content: 'Oh dear.' }];
for (const item of INTENT_SET) {
  const call = matchToolIntent(item.text, history);
  const got = call?.name ?? null;
  if (got === item.tool) {
    if (got) tp++;
  } else {
    if (got) fp++;
    if (item.tool) fn++;
    errors.push(`${JSON.stringify(item.text)}: expected ${item.tool}, got ${got}`);
  }
  if (got && got === item.tool && item.args) {
    argsChecked++;
    const ok = Object.entries(item.args).every(([k, v]) => call!.arguments[k]?.toLowerCase() === v.toLowerCase());
    if (ok) argsRight++;
    else errors.push(`${JSON.stringify(item.text)}: args ${JSON.stringify(call!.arguments)}`);
  }
}

// 2. Time parser: 14:00 on Wednesday 25 Nov 2026, local time.
const NOW = new Date(2026, 10, 25, 14, 0);
const WHEN: [string, Date | null][] = [
  ['at 5pm', new Date(2026, 10, 25, 17, 0)], ['at 8 tonight', new Date(2026, 10, 25, 20, 0)], ['tomorrow at 10', new Date(2026, 10, 26, 10, 0)],
  ['tomorrow morning', new Date(2026, 10, 26, 9, 0)], ['in 15 minutes', new Date(2026, 10, 25, 14, 15)], ['in an hour', new Date(2026, 10, 25, 15, 0)],
  ['by 4 pm', new Date(2026, 10, 25, 16, 0)], ['this evening', new Date(2026, 10, 25, 19, 0)], ['at 6:30 pm', new Date(2026, 10, 25, 18, 30)],
  ['at noon', new Date(2026, 10, 26, 12, 0)], ['in 2 hours', new Date(2026, 10, 25, 16, 0)], ['at 7', new Date(2026, 10, 25, 19, 0)],
  ['at 9am', new Date(2026, 10, 26, 9, 0)], ['in 3 days', new Date(2026, 10, 28, 14, 0)], ['at 13:45', new Date(2026, 10, 26, 13, 45)],
  ['someday', null], ['whenever you like', null], ['at 31:00', null],
];
let whenRight = 0;
for (const [text, expected] of WHEN) {
  const got = parseWhen(text, NOW);
  if ((got?.getTime() ?? null) === (expected?.getTime() ?? null)) whenRight++;
  else errors.push(`parseWhen(${JSON.stringify(text)}) = ${got?.toString() ?? null}`);
}

// 3. Objective completion: after the question, which replies complete it.
const REPLIES: [keyof typeof DEMO_OBJECTIVES, string, string, boolean][] = [
  ['friend', 'sleep', 'Not too bad, I woke up twice', true], ['friend', 'sleep', 'Terribly, my back hurt', true], ['friend', 'sleep', 'I slept like a baby', true],
  ['friend', 'sleep', 'Did you see the football?', false], ['friend', 'medication', 'Yes, with my breakfast', true], ['friend', 'medication', 'I took them at eight', true],
  ['friend', 'medication', 'No, not yet', false], ['friend', 'medication', 'Oh, I forgot them again', false], ['friend', 'memory', 'When I was a girl we lived by the sea', true],
  ['friend', 'memory', 'My father used to take us fishing', true], ['friend', 'memory', 'I would rather not', false],
  ['coach', 'weekly-goal', 'I want to finish my CV', true], ['coach', 'weekly-goal', "I don't know yet", false], ['coach', 'first-step', 'Tomorrow morning I will update the summary', true],
  ['coach', 'first-step', 'Not sure', false], ['study', 'topic', 'Photosynthesis for my biology exam', true], ['study', 'topic', 'Can we take a break?', false],
  ['study', 'explain-back', 'It is when plants turn light into sugar', true], ['study', 'explain-back', 'No idea', false],
  ['listener', 'feeling', 'Honestly I feel quite low', true], ['listener', 'feeling', 'Why do you ask?', false], ['listener', 'support', 'I just want to be heard', true],
];
let completionRight = 0;
for (const [persona, id, reply, shouldComplete] of REPLIES) {
  const specs = DEMO_OBJECTIVES[persona];
  const tracker = new ObjectiveTracker(persona, specs, undefined);
  const spec = specs.find((s) => s.id === id)!;
  tracker.observe(0, spec.question, reply);
  const done = tracker.progress().find((p) => p.id === id)!.status === 'done';
  if (done === shouldComplete) completionRight++;
  else errors.push(`${persona}/${id}: ${JSON.stringify(reply)} → done=${done}`);
}

// 4. Cost per turn.
const texts = INTENT_SET.map((i) => i.text);
const intentUs: number[] = [];
for (let rep = 0; rep < 200; rep++) for (const text of texts) {
  const t0 = performance.now();
  matchToolIntent(text, history);
  intentUs.push((performance.now() - t0) * 1000);
}
const registry = builtinTools({ reminders: new ReminderBook(undefined) });
const callUs: number[] = [];
for (let rep = 0; rep < 2000; rep++) {
  const t0 = performance.now();
  await registry.call('set_reminder', '{"text":"call Anna","when":"5 pm"}', { now: NOW, confirm: async () => true });
  callUs.push((performance.now() - t0) * 1000);
}

const result = {
  intent_utterances: INTENT_SET.length,
  intent_precision: round(tp / Math.max(1, tp + fp)),
  intent_recall: round(tp / Math.max(1, tp + fn)),
  intent_args_accuracy: round(argsRight / Math.max(1, argsChecked)),
  intent_args_checked: argsChecked,
  when_phrases: WHEN.length,
  when_accuracy: round(whenRight / WHEN.length),
  completion_replies: REPLIES.length,
  completion_accuracy: round(completionRight / REPLIES.length),
  intent_p50_us: round(pct(intentUs, 0.5), 1),
  intent_p95_us: round(pct(intentUs, 0.95), 1),
  registry_call_p50_us: round(pct(callUs, 0.5), 1),
  registry_call_p95_us: round(pct(callUs, 0.95), 1),
};
for (const e of errors) console.error(`miss: ${e}`);
console.log(JSON.stringify(result));
