// Prints, for each text in a JSON list, its token ids under lib/turns/lexical-net.ts (the last
// LEXICAL_MAX_TOKENS words), so the Python trainer sees exactly the runtime's tokenization.
// With --model M.json it prints each text's end-of-turn probability under that word model instead.
// usage: node bench/turns-run.mjs training/turns/lexical-ids.ts IN.json OUT.json [--model M.json]
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicalCues, tokenize, type LexicalModelJson } from '../../lib/turns/lexical';
import { LEXICAL_MAX_TOKENS, LEXICAL_VOCAB_SIZE, lexicalTokenId } from '../../lib/turns/lexical-net';

const args = process.argv.slice(2).filter((a) => a !== '--');
const modelAt = args.indexOf('--model');
const modelPath = modelAt >= 0 ? args[modelAt + 1] : undefined;
const [input, output] = args.filter((_, i) => modelAt < 0 || (i !== modelAt && i !== modelAt + 1));
const texts = JSON.parse(readFileSync(input, 'utf8')) as string[];
if (modelPath) {
  const model = JSON.parse(readFileSync(modelPath, 'utf8')) as LexicalModelJson;
  writeFileSync(output, JSON.stringify(texts.map((t) => lexicalCues(t, model).endProbability)));
} else {
  const ids = texts.map((t) => tokenize(t).slice(-LEXICAL_MAX_TOKENS).map(lexicalTokenId));
  writeFileSync(output, JSON.stringify({ vocabSize: LEXICAL_VOCAB_SIZE, ids }));
}
console.log(`lexical-ids: ${texts.length} texts -> ${output}`);
