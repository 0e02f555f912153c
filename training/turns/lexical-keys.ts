// Prints the lib/turns lexical feature keys of each text in a JSON list, so the Python trainer
// sees exactly the tokenization and word classes the runtime uses.
// usage: node bench/turns-run.mjs training/turns/lexical-keys.ts IN.json OUT.json
import { readFileSync, writeFileSync } from 'node:fs';
import { lexicalCues, lexicalFeatureKeys, tokenize } from '../../lib/turns/lexical';

const [input, output] = process.argv.slice(2).filter((a) => a !== '--');
const texts = JSON.parse(readFileSync(input, 'utf8')) as string[];
const keys = texts.map((text) => {
  const cues = lexicalCues(text);
  return lexicalFeatureKeys(tokenize(text), cues.lastClass, cues.firstClass);
});
writeFileSync(output, JSON.stringify(keys));
console.log(`lexical keys: ${texts.length} texts -> ${output}`);
