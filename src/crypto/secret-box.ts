import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Encrypts small secrets kept at rest (a TOTP seed) with AES-256-GCM. The key is derived from the auth secret
 * with HKDF and a `purpose`, so the key that encrypts one kind of value never encrypts another, and it is not
 * the key that signs cookies. A stored value is `v1:` + base64url(iv | tag | ciphertext); the tag makes any
 * change to it fail to open rather than decrypt to something else.
 * @example
 * const box = new SecretBox(config.secret, 'two-factor:totp-secret');
 * box.open(box.seal('JBSWY3DPEHPK3PXP')); // 'JBSWY3DPEHPK3PXP'
 */
export class SecretBox {
  private readonly key: Buffer;

  constructor(secret: string, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', Buffer.from(secret, 'utf8'), Buffer.alloc(0), `better-auth-entities:${purpose}`, 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `${VERSION}:${Buffer.concat([iv, cipher.getAuthTag(), ciphertext]).toString('base64url')}`;
  }

  /** The plaintext, or `null` when the value was not sealed by this box (other key, altered, not ours). */
  open(sealed: string): string | null {
    if (!sealed.startsWith(`${VERSION}:`)) return null;
    const bytes = Buffer.from(sealed.slice(VERSION.length + 1), 'base64url');
    if (bytes.length < IV_BYTES + TAG_BYTES) return null;
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, IV_BYTES));
      decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    } catch {
      return null;
    }
  }
}
