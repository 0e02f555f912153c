// npm run -s eval:stt — prints one JSON line: stt_wer_jfk (null + stt_reason when no speech model
// can be loaded here), stt_backend, stt_rtf, stt_load_ms, stt_model. Env: KIN_STT_MODEL,
// KIN_STT_HOST, KIN_STT_MODEL_DIR (a local copy laid out as <dir>/<repo id>/…), KIN_STT_BACKENDS.
import { runSttEval } from './run.mjs';

const started = performance.now();
const result = await runSttEval();
console.log(JSON.stringify({ ...result, eval_ms: Math.round(performance.now() - started) }));
