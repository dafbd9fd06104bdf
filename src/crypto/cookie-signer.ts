import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/**
 * Signs and checks session cookie values the way better-auth does: `value.` + base64(HMAC-SHA256(secret, value)).
 * The key object is prepared once, not per request: cookie checks run on every authenticated request.
 * @example
 * const signer = new CookieSigner(secret);
 * signer.verify(signer.sign('abc')); // 'abc'
 */
export class CookieSigner {
  private readonly key: KeyObject;

  constructor(secret: string) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(value: string): string {
    return `${value}.${this.signature(value)}`;
  }

  /** The value inside a signed string, or `null` when the signature is missing or wrong. */
  verify(signed: string): string | null {
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return null;
    const value = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.signature(value), 'utf8');
    return given.length === expected.length && timingSafeEqual(given, expected) ? value : null;
  }

  private signature(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64');
  }
}
