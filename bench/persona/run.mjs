// Bundles bench/persona/*.ts with esbuild into /tmp/kin-persona and runs it in Node with the remaining arguments.
// usage: node bench/persona/run.mjs ENTRY.ts [args...]
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';

const [entry, ...args] = process.argv.slice(2);
if (!entry) {
  console.error('usage: node bench/persona/run.mjs ENTRY.ts [args...]');
  process.exit(2);
}
const outDir = process.env.KIN_PERSONA_BUILD ?? '/tmp/kin-persona/build';
mkdirSync(outDir, { recursive: true });
const outfile = join(outDir, basename(entry).replace(/\.ts$/, '.mjs'));
await build({ entryPoints: [resolve(entry)], outfile, bundle: true, platform: 'node', format: 'esm', target: 'node20', logLevel: 'warning' });
// The bundle lives in /tmp, so paths relative to the source (docs/personas.md) are passed explicitly.
const result = spawnSync(process.execPath, [outfile, ...args.filter((a) => a !== '--')], { stdio: 'inherit', env: { ...process.env, KIN_REPO: process.cwd() } });
process.exit(result.status ?? 1);
