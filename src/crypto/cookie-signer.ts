import { createHmac, createSecretKey, timingSafeEqual, type KeyObject } from 'node:crypto';

/** How many verified signed values a signer remembers before it starts over (≈2 MB at most). */
const REMEMBERED_VALUES = 10_000;

/**
 * Signs and checks session cookie values the way better-auth does: `value.` + base64(HMAC-SHA256(secret, value)).
 * The key object is prepared once, not per request: cookie checks run on every authenticated request.
 *
 * Signed values that passed the check are remembered (up to REMEMBERED_VALUES, then forgotten all at once), so
 * a browser presenting the same cookie again costs a Map lookup instead of an HMAC (the largest item of an
 * in-memory get-session in the profile). This is safe because only values this signer verified are stored: a
 * hit means the very same string was checked before, with the same key, which is what checking it again would
 * prove. A forged or altered value never matches an entry and takes the full, constant-time check. Whether the
 * session still exists is not cached here; that is the database's answer on every request.
 * @example
 * const signer = new CookieSigner(secret);
 * signer.verify(signer.sign('abc')); // 'abc'
 */
export class CookieSigner {
  private readonly key: KeyObject;
  private readonly verified = new Map<string, string>();

  constructor(
    secret: string,
    private readonly remembered = REMEMBERED_VALUES,
  ) {
    this.key = createSecretKey(Buffer.from(secret, 'utf8'));
  }

  sign(value: string): string {
    return `${value}.${this.signature(value)}`;
  }

  /** The value inside a signed string, or `null` when the signature is missing or wrong. */
  verify(signed: string): string | null {
    const known = this.verified.get(signed);
    if (known !== undefined) return known;
    const dot = signed.lastIndexOf('.');
    if (dot <= 0) return null;
    const value = signed.slice(0, dot);
    const given = Buffer.from(signed.slice(dot + 1), 'utf8');
    const expected = Buffer.from(this.signature(value), 'utf8');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
    if (this.verified.size >= this.remembered) this.verified.clear();
    this.verified.set(signed, value);
    return value;
  }

  /** How many verified values are remembered now (never more than the limit). */
  get rememberedCount(): number {
    return this.verified.size;
  }

  private signature(value: string): string {
    return createHmac('sha256', this.key).update(value).digest('base64');
  }
}
