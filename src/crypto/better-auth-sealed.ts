import { createDecipheriv, createHash } from 'node:crypto';

const NONCE_BYTES = 24;
const TAG_BYTES = 16;
const ENVELOPE = /^\$ba\$\d+\$/;

/**
 * Opens a value better-auth 1.7 sealed with `symmetricEncrypt` (two-factor secrets and backup codes, provider
 * tokens under `encryptOAuthTokens`): XChaCha20-Poly1305 under SHA-256 of the secret, stored as
 * hex(nonce ‖ ciphertext ‖ tag), bare or inside its `$ba$<version>$` envelope. Only reading is needed: what we
 * open is sealed again in our own format (`SecretBox`), never written back in theirs.
 * Node has ChaCha20-Poly1305 with 12-byte nonces only, so the 24-byte nonce goes through HChaCha20 first
 * (draft-irtf-cfrg-xchacha §2.3), which is all XChaCha adds; no extra dependency.
 * @example
 * openBetterAuthSealed(process.env.BETTER_AUTH_SECRET!, row.secret); // 'JBSWY3DPEHPK3PXP…' or null
 */
export function openBetterAuthSealed(secret: string, sealed: string): string | null {
  const hex = sealed.replace(ENVELOPE, '');
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return null;
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length < NONCE_BYTES + TAG_BYTES) return null;
  const key = createHash('sha256').update(secret, 'utf8').digest();
  const nonce = bytes.subarray(0, NONCE_BYTES);
  const subkey = hChaCha20(key, nonce.subarray(0, 16));
  const iv = Buffer.concat([Buffer.alloc(4), nonce.subarray(16)]);
  try {
    const decipher = createDecipheriv('chacha20-poly1305', subkey, iv, { authTagLength: TAG_BYTES });
    decipher.setAuthTag(bytes.subarray(bytes.length - TAG_BYTES));
    return Buffer.concat([decipher.update(bytes.subarray(NONCE_BYTES, bytes.length - TAG_BYTES)), decipher.final()]).toString('utf8');
  } catch {
    return null; // another key, or not sealed at all: the caller decides what a plain value means
  }
}

/** Whether a stored value has the shape of better-auth's sealed values (it may still not open with our secret). */
export function looksBetterAuthSealed(value: string): boolean {
  const hex = value.replace(ENVELOPE, '');
  return hex.length >= 2 * (NONCE_BYTES + TAG_BYTES) && /^(?:[0-9a-f]{2})+$/i.test(hex);
}

/** HChaCha20: the ChaCha20 block function on (key, 16-byte nonce) without the final addition; words 0–3 and 12–15. */
function hChaCha20(key: Buffer, nonce: Buffer): Buffer {
  const state = new Uint32Array(16);
  state.set([0x61707865, 0x3320646e, 0x79622d32, 0x6b206574]);
  for (let i = 0; i < 8; i += 1) state[4 + i] = key.readUInt32LE(i * 4);
  for (let i = 0; i < 4; i += 1) state[12 + i] = nonce.readUInt32LE(i * 4);
  for (let round = 0; round < 10; round += 1) {
    quarterRound(state, 0, 4, 8, 12);
    quarterRound(state, 1, 5, 9, 13);
    quarterRound(state, 2, 6, 10, 14);
    quarterRound(state, 3, 7, 11, 15);
    quarterRound(state, 0, 5, 10, 15);
    quarterRound(state, 1, 6, 11, 12);
    quarterRound(state, 2, 7, 8, 13);
    quarterRound(state, 3, 4, 9, 14);
  }
  const out = Buffer.alloc(32);
  [0, 1, 2, 3, 12, 13, 14, 15].forEach((word, index) => out.writeUInt32LE(state[word]!, index * 4));
  return out;
}

function quarterRound(s: Uint32Array, a: number, b: number, c: number, d: number): void {
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 16);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 12);
  s[a] = (s[a]! + s[b]!) >>> 0;
  s[d] = rotl(s[d]! ^ s[a]!, 8);
  s[c] = (s[c]! + s[d]!) >>> 0;
  s[b] = rotl(s[b]! ^ s[c]!, 7);
}

function rotl(value: number, bits: number): number {
  return ((value << bits) | (value >>> (32 - bits))) >>> 0;
}
