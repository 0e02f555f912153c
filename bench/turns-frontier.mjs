// The trade-off one turn model offers: for each commit threshold, runs eval:turns over every
// corpus, scores it with ../shared/tools/score-turns and training/turns/latency_breakdown.py, and
// prints one JSON line per threshold with the sums (interruptions, turn ends missed, correct
// decisions after 450 ms; holds and interruptions per engine where the labels name it), then
// the per-corpus scores. Silero's track of each file is computed once and reused for every threshold.
// usage: npm run -s eval:turns-frontier -- --corpora DIR,DIR --thresholds 0.88,0.94 [--model M.json]
//        npm run -s eval:turns-frontier -- --corpora DIR,DIR --patience balanced,patient
//        (the settings of "When I pause", lib/turns/patience.ts, in place of thresholds)
//        [--max-pause-ms MS]   (every point with another silence fallback)
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';

function option(name, fallback) {
  const i = process.argv.indexOf(`--${name}`);
  const value = i >= 0 ? process.argv[i + 1] : fallback;
  if (value === undefined) throw new Error(`missing --${name}`);
  return value;
}

const corpora = option('corpora').split(',').filter(Boolean);
const points = process.argv.includes('--patience')
  ? option('patience').split(',').map((patience) => ({ key: { patience }, args: ['--patience', patience], tag: patience }))
  : option('thresholds', '0.8,0.85,0.88,0.9,0.92,0.94,0.96').split(',').map(Number)
    .map((threshold) => ({ key: { threshold }, args: ['--commit-threshold', String(threshold)], tag: String(threshold) }));
const model = option('model', 'public/models/turns/turn-model.json');
const extra = process.argv.includes('--max-pause-ms') ? ['--max-pause-ms', option('max-pause-ms')] : [];
const scorer = join('..', 'shared', 'tools', 'score-turns');
const python = process.env.PYTHON ?? 'python3';
const scratch = mkdtempSync(join(tmpdir(), 'kin-frontier-'));

for (const point of points) {
  const sums = { ...point.key, turn_ends: 0, interruptions: 0, missed: 0, over_450ms: 0, by_engine: {} };
  const perCorpus = {};
  corpora.forEach((corpus, k) => {
    const out = join(scratch, `${k}-${point.tag}.json`);
    execFileSync('node', ['bench/turns-run.mjs', 'bench/turns-eval.ts', '--corpus', corpus, '--out', out,
      '--model', model, ...point.args, ...extra, '--vad-cache', join(scratch, 'vad')], { stdio: ['ignore', 'ignore', 'inherit'] });
    const score = JSON.parse(execFileSync(python, [scorer, '--corpus', corpus, '--decisions', out], { encoding: 'utf8' }));
    const breakdown = JSON.parse(execFileSync(python, ['training/turns/latency_breakdown.py', '--corpus', corpus,
      '--decisions', out], { encoding: 'utf8' }));
    const missed = Math.round((1 - score.recall) * score.turn_ends);
    sums.turn_ends += score.turn_ends;
    sums.interruptions += score.interruptions;
    sums.missed += missed;
    sums.over_450ms += breakdown.over_450ms;
    for (const [engine, n] of Object.entries(breakdown.by_engine)) {
      const e = (sums.by_engine[engine] ??= { holds: 0, interruptions: 0 });
      e.holds += n.holds;
      e.interruptions += n.interruptions;
    }
    perCorpus[`${k}:${basename(corpus)}`] = { ...score, over_450ms: breakdown.over_450ms };
  });
  console.log(JSON.stringify({ ...sums, corpora: perCorpus }));
}
