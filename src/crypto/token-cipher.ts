import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts secrets kept at rest (provider access, refresh and ID tokens) with AES-256-GCM under a key derived
 * from the auth secret by HKDF with a purpose label, so the same secret never serves two uses (the cookie
 * HMAC key stays distinct). The stored form is `v1.` + base64url(iv ‖ ciphertext ‖ tag): the version leaves
 * room for a later key rotation; the tag makes a changed row fail to decrypt instead of yielding garbage.
 * @example
 * const cipher = new TokenCipher(secret, 'provider-tokens');
 * cipher.decrypt(cipher.encrypt('ya29.token')); // 'ya29.token'
 */
export class TokenCipher {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), `better-auth-entities:${purpose}`, 32));
  }

  encrypt(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
  }

  /** The plain text, or `null` when the value was not written by this key (changed, truncated, another secret). */
  decrypt(stored: string): string | null {
    if (!stored.startsWith(PREFIX)) return null;
    const raw = Buffer.from(stored.slice(PREFIX.length), 'base64url');
    if (raw.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, IV_BYTES));
      decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
      return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
