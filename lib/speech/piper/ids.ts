/** Piper model input ids from IPA, exactly as piper-phonemize's `phonemes_to_ids` builds them. */

export interface PhonemeIds {
  ids: number[];
  /** Symbols the voice has no id for (skipped, as Piper does), with how often each occurred. */
  missing: Map<string, number>;
}

/**
 * IPA → ids: NFD-normalised, one symbol per code point; BOS "^" then pad "_", each known symbol's
 * ids followed by pad "_", then EOS "$". Unknown symbols are collected in `missing`, not thrown.
 */
export function phonemesToIds(ipa: string, idMap: ReadonlyMap<string, readonly number[]>): PhonemeIds {
  const pad = idMap.get('_');
  const bos = idMap.get('^');
  const eos = idMap.get('$');
  if (!pad || !bos || !eos) throw new Error('phoneme_id_map needs "_", "^" and "$"');
  const ids: number[] = [...bos, ...pad];
  const missing = new Map<string, number>();
  for (const symbol of ipa.normalize('NFD')) {
    const mapped = idMap.get(symbol);
    if (!mapped) {
      missing.set(symbol, (missing.get(symbol) ?? 0) + 1);
      continue;
    }
    ids.push(...mapped, ...pad);
  }
  ids.push(...eos);
  return { ids, missing };
}

/** "ʘ" ×2, "ǂ" — for messages about symbols a voice cannot say. */
export function describeMissing(missing: ReadonlyMap<string, number>): string {
  return [...missing].map(([symbol, count]) => `“${symbol}” (U+${symbol.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})${count > 1 ? ` ×${count}` : ''}`).join(', ');
}
