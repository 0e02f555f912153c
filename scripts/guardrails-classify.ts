// npm run -s classify:guardrails -- --in FILE.jsonl --out FILE.jsonl
// Runs the real crisis detector (lib/guardrails) over {"text": …} lines and writes the same objects
// with "crisis" and "category" added (plus "confidence"). A bad line stops the run before anything is
// written, naming the line, so an output file is never half a set. Prints a one-line JSON summary.
import { readFileSync, writeFileSync } from 'node:fs';
import { detectCrisis, warmUpGuardrails } from '../lib/guardrails/detector';

function argument(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function fail(message: string): never {
  console.error(`classify:guardrails: ${message}`);
  process.exit(2);
}

const input = argument('--in');
const output = argument('--out');
if (!input || !output) fail('usage: npm run -s classify:guardrails -- --in FILE.jsonl --out FILE.jsonl');

let text: string;
try {
  text = readFileSync(input, 'utf8');
} catch (error) {
  fail(`cannot read ${input}: ${error instanceof Error ? error.message : String(error)}`);
}

const problems: string[] = [];
const rows: Record<string, unknown>[] = [];
text.split(/\r?\n/).forEach((line, index) => {
  if (!line.trim()) return;
  let row: unknown;
  try {
    row = JSON.parse(line);
  } catch {
    problems.push(`line ${index + 1}: not valid JSON`);
    return;
  }
  if (typeof row !== 'object' || row === null || Array.isArray(row) || typeof (row as { text?: unknown }).text !== 'string') {
    problems.push(`line ${index + 1}: expected an object with a "text" string`);
    return;
  }
  rows.push(row as Record<string, unknown>);
});
if (problems.length) fail(`${input} has ${problems.length} bad line(s), nothing was written:\n  ${problems.slice(0, 20).join('\n  ')}`);

warmUpGuardrails();
const started = performance.now();
let crises = 0;
const out = rows.map((row) => {
  const result = detectCrisis(row.text as string);
  if (result.crisis) crises++;
  return JSON.stringify({ ...row, crisis: result.crisis, category: result.category, confidence: result.confidence });
});
try {
  writeFileSync(output, out.length ? `${out.join('\n')}\n` : '');
} catch (error) {
  fail(`cannot write ${output}: ${error instanceof Error ? error.message : String(error)}`);
}
console.log(JSON.stringify({ in: input, out: output, utterances: rows.length, crisis: crises, ms: Math.round(performance.now() - started) }));
