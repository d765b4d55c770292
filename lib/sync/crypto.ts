/**
 * Optional end-to-end encryption of what sync puts on the server, with WebCrypto only (no WASM: the default MV3
 * policy forbids it). A random 256-bit data key encrypts every file with AES-256-GCM; the data key itself is
 * stored on the server wrapped (AES-GCM) by a key derived from the reader's passphrase with PBKDF2-SHA256 at
 * 600,000 iterations. Changing the passphrase rewraps one small record; the files stay as they are.
 *
 * A wrong passphrase is told apart from a damaged file: the wrapped key carries a SHA-256 checksum of its own
 * bytes, so when the checksum holds but unwrapping fails, the passphrase is wrong; when the checksum fails, the
 * record is damaged. A file that fails to decrypt under the right key is damaged (or was moved: each file's
 * position is bound in as additional data).
 */

export const kdfIterations = 600_000;

export type EncryptionFailure = 'wrong-passphrase' | 'damaged';

export class EncryptionError extends Error {
  override name = 'EncryptionError';
  constructor(readonly failure: EncryptionFailure) {
    super(failure === 'wrong-passphrase' ? 'The passphrase is not the one this library was encrypted with.' : 'A file on the server is damaged: it cannot be decrypted.');
  }
}

export interface KeyEnvelope {
  kdf: 'PBKDF2-SHA256';
  iterations: number;
  salt: string;
  iv: string;
  wrapped: string;
  checksum: string;
}

export interface Sealed {
  iv: string;
  data: string;
}

const encoder = new TextEncoder();

export function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

export function fromBase64(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

async function passphraseKey(passphrase: string, salt: Uint8Array<ArrayBuffer>, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, ['deriveKey']);
  return crypto.subtle.deriveKey({ name: 'PBKDF2', hash: 'SHA-256', salt, iterations }, material, { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
}

async function checksumOf(envelope: Omit<KeyEnvelope, 'checksum'>): Promise<string> {
  const text = `${envelope.kdf}|${envelope.iterations}|${envelope.salt}|${envelope.iv}|${envelope.wrapped}`;
  return toBase64(new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text))));
}

export async function importDataKey(raw: string): Promise<CryptoKey> {
  return crypto.subtle.importKey('raw', fromBase64(raw), 'AES-GCM', false, ['encrypt', 'decrypt']);
}

/** A new data key and its envelope under `passphrase`. `raw` is what this device keeps (never the passphrase). */
export async function createEncryption(passphrase: string, iterations = kdfIterations): Promise<{ envelope: KeyEnvelope; raw: string }> {
  if (iterations < kdfIterations) throw new Error(`PBKDF2 needs at least ${kdfIterations} iterations.`);
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const wrapping = await passphraseKey(passphrase, salt, iterations);
  const wrapped = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode('watchwords data key') }, wrapping, raw));
  const partial = { kdf: 'PBKDF2-SHA256' as const, iterations, salt: toBase64(salt), iv: toBase64(iv), wrapped: toBase64(wrapped) };
  return { envelope: { ...partial, checksum: await checksumOf(partial) }, raw: toBase64(raw) };
}

/** The data key from an envelope and a passphrase; EncryptionError says which of the two is wrong. */
export async function unlock(envelope: KeyEnvelope, passphrase: string): Promise<string> {
  let salt: Uint8Array<ArrayBuffer>, iv: Uint8Array<ArrayBuffer>, wrapped: Uint8Array<ArrayBuffer>;
  try {
    if (envelope.kdf !== 'PBKDF2-SHA256' || !(envelope.iterations >= kdfIterations) || (await checksumOf(envelope)) !== envelope.checksum) throw new Error();
    [salt, iv, wrapped] = [fromBase64(envelope.salt), fromBase64(envelope.iv), fromBase64(envelope.wrapped)];
  } catch {
    throw new EncryptionError('damaged');
  }
  const wrapping = await passphraseKey(passphrase, salt, envelope.iterations);
  try {
    const raw = new Uint8Array(await crypto.subtle.decrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode('watchwords data key') }, wrapping, wrapped));
    return toBase64(raw);
  } catch {
    throw new EncryptionError('wrong-passphrase');
  }
}

/** Encrypts a file's text; `place` (e.g. its path) is bound in, so a file moved elsewhere does not decrypt. */
export async function seal(key: CryptoKey, text: string, place: string): Promise<Sealed> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const data = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(place) }, key, encoder.encode(text)));
  return { iv: toBase64(iv), data: toBase64(data) };
}

export async function open(key: CryptoKey, sealed: Sealed, place: string): Promise<string> {
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: fromBase64(sealed.iv), additionalData: encoder.encode(place) }, key, fromBase64(sealed.data));
    return new TextDecoder().decode(plain);
  } catch {
    throw new EncryptionError('damaged');
  }
}
