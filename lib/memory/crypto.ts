/** AES-GCM encryption at rest with WebCrypto (browser and Node ≥ 20 via globalThis.crypto). */

/** Ciphertext with its 96-bit IV. */
export interface Sealed {
  iv: Uint8Array;
  data: ArrayBuffer;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto is not available (needs a secure context)');
  return s;
}

/** A fresh non-extractable AES-GCM-256 key (can be stored in IndexedDB, never read out). */
export function generateMemoryKey(): Promise<CryptoKey> {
  return subtle().generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** A non-extractable AES-GCM key derived from a passphrase (PBKDF2-SHA-256, 310k iterations). */
export async function keyFromPassphrase(passphrase: string, salt: Uint8Array, iterations = 310_000): Promise<CryptoKey> {
  const material = await subtle().importKey('raw', encoder.encode(passphrase), 'PBKDF2', false, ['deriveKey']);
  return subtle().deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

/** Encrypts a JSON-serialisable value. */
export async function sealJson(key: CryptoKey, value: unknown): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, encoder.encode(JSON.stringify(value)));
  return { iv, data };
}

/** Decrypts and parses; throws when the key is wrong or the data was tampered with. */
export async function openJson<T>(key: CryptoKey, sealed: Sealed): Promise<T> {
  const plain = await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource }, key, sealed.data);
  return JSON.parse(decoder.decode(plain)) as T;
}

/** Encrypts raw bytes (binary payloads such as a record with its embedding as Float32 bytes). */
export async function sealBytes(key: CryptoKey, bytes: Uint8Array): Promise<Sealed> {
  const iv = globalThis.crypto.getRandomValues(new Uint8Array(12));
  const data = await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, bytes as BufferSource);
  return { iv, data };
}

/** Decrypts raw bytes; throws when the key is wrong or the data was tampered with. */
export async function openBytes(key: CryptoKey, sealed: Sealed): Promise<Uint8Array> {
  return new Uint8Array(await subtle().decrypt({ name: 'AES-GCM', iv: sealed.iv as BufferSource }, key, sealed.data));
}
