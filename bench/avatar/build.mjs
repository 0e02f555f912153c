// Bundles the avatar harness (bench/avatar/page.tsx) into bench/avatar/out/ with esbuild — the
// same way scripts/build-worklets.mjs bundles worklets; no Next.js involved.
import { build } from 'esbuild';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const OUT_DIR = join(here, 'out');

/** Builds the harness; returns the build time in ms. */
export async function buildHarness() {
  const started = performance.now();
  // Start clean: content-hashed chunks from older builds would otherwise pile up.
  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  await build({
    entryPoints: [join(here, 'page.tsx')],
    outdir: OUT_DIR,
    bundle: true,
    splitting: true,
    format: 'esm',
    target: 'es2022',
    jsx: 'automatic',
    minify: process.env.KIN_AVATAR_MINIFY !== "0",
    sourcemap: false,
    define: { 'process.env.NODE_ENV': '"production"' },
    tsconfig: join(here, '../../tsconfig.json'),
    logLevel: 'error',
    // Generated code: keep `eslint .` quiet if the bundle exists when the project is linted.
    banner: { js: '/* eslint-disable */' },
  });
  writeFileSync(
    join(OUT_DIR, 'index.html'),
    '<!doctype html><html><head><meta charset="utf-8"><title>Kin avatar harness</title>' +
      '<style>html,body{margin:0;background:#222}#root{display:inline-block}</style></head>' +
      '<body><div id="root"></div><script type="module" src="./page.js"></script></body></html>',
  );
  return Math.round(performance.now() - started);
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  buildHarness().then((ms) => console.log(`avatar harness: built into ${OUT_DIR} in ${ms} ms`));
}
