// Copies browser assets that ship inside npm packages into public/vendor/ (git-ignored), so the app
// runs from a fresh clone with no downloads:
//  - eSpeak NG (GPL-3.0, loaded as a separate module in the TTS worker): espeak-ng.js + espeak-ng.data
//  - wllama (llama.cpp, MIT): wllama.wasm for the in-browser language model
//  - onnxruntime-web (MIT): the wasm runtimes for Silero VAD, the perception fusion model, Piper and Moonshine
//  - Moonshine tiny (MIT), the speech-to-text model, into public/models/moonshine-tiny/
import { copyFileSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const copies = [
  { pkg: '@echogarden/espeak-ng-emscripten', files: ['espeak-ng.js', 'espeak-ng.data', 'COPYING'], to: 'public/vendor/espeak' },
  // llama.cpp for the in-browser LLM (MIT); must match the JS version of the same package.
  // MediaPipe Tasks Vision wasm (Apache-2.0) for the face landmarker in the vision worker.
  { pkg: '@mediapipe/tasks-vision', files: ['wasm/vision_wasm_module_internal.js', 'wasm/vision_wasm_module_internal.wasm', 'wasm/vision_wasm_internal.js', 'wasm/vision_wasm_internal.wasm', 'wasm/vision_wasm_nosimd_internal.js', 'wasm/vision_wasm_nosimd_internal.wasm'], to: 'public/vendor/mediapipe' },
  { pkg: '@wllama/wllama', files: ['esm/wasm/wllama.wasm', 'LICENCE'], to: 'public/vendor/wllama' },
  // pdf.js (Apache-2.0) for PDF documents in the knowledge worker: loaded from here, not bundled.
  { pkg: 'pdfjs-dist', files: ['build/pdf.min.mjs', 'build/pdf.worker.min.mjs', 'LICENSE'], to: 'public/vendor/pdfjs' },
  // onnxruntime-web (MIT): the JSEP build (WebGPU and WASM) for the fusion model when it runs on WebGPU;
  // the WASM-only build (half the size, starts in half the time) for everything else: Silero VAD, the
  // fusion model without WebGPU, the Piper voice and Moonshine.
  { pkg: 'onnxruntime-web', files: ['dist/ort-wasm-simd-threaded.jsep.wasm', 'dist/ort-wasm-simd-threaded.jsep.mjs', 'dist/ort-wasm-simd-threaded.wasm', 'dist/ort-wasm-simd-threaded.mjs'], to: 'public/vendor/ort' },
  // transformers.js' own onnxruntime-web build (1.22.0-dev, WebGPU+WASM "jsep"; onnxruntime MIT, transformers.js Apache-2.0) for the speech-to-text worker.
  // Its dist/ ships the same bytes as its nested onnxruntime-web; kept apart from any other onnxruntime-web version.
  { pkg: '@huggingface/transformers', files: ['dist/ort-wasm-simd-threaded.jsep.mjs', 'dist/ort-wasm-simd-threaded.jsep.wasm', 'LICENSE'], to: 'public/vendor/ort-transformers' },
  // Moonshine tiny (English model and moonshine-js code MIT, see its LICENSE): the zero-download speech recognizer
  // (workers/stt-moonshine.worker.ts). 8-bit ONNX encoder 7.9 MB + merged decoder 20.2 MB, shipped inside the npm package.
  { pkg: '@moonshine-ai/moonshine-js', files: ['dist/model/tiny/quantized/encoder_model.onnx', 'dist/model/tiny/quantized/decoder_model_merged.onnx', 'LICENSE'], to: 'public/models/moonshine-tiny' },
];
for (const { pkg, files, to } of copies) {
  // Some packages do not export package.json: find the package folder on the resolution paths.
  const dir = require.resolve.paths(pkg).map((base) => join(base, pkg)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!dir) throw new Error(`copy-vendor: ${pkg} is not installed (run npm ci)`);
  mkdirSync(to, { recursive: true });
  for (const file of files) {
    const src = join(dir, file);
    const dest = join(to, file.split('/').pop());
    if (existsSync(dest) && statSync(dest).size === statSync(src).size) continue;
    copyFileSync(src, dest);
  }
  console.log(`vendor: ${pkg} → ${to}`);
}
