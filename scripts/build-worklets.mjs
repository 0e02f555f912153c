// Bundles AudioWorklet processors (worklets/*.worklet.ts) into public/worklets/*.js.
// Next.js does not compile worklet modules, and browsers refuse a raw .ts file.
import { build } from 'esbuild';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

const entries = readdirSync('worklets').filter((f) => f.endsWith('.worklet.ts'));
const started = performance.now();
await build({
  entryPoints: entries.map((f) => join('worklets', f)),
  outdir: 'public/worklets',
  bundle: true,
  format: 'esm',
  target: 'es2022',
  minify: true,
  sourcemap: false,
  logLevel: 'warning',
});
console.log(`worklets: built ${entries.length} (${entries.join(', ')}) in ${Math.round(performance.now() - started)} ms`);
