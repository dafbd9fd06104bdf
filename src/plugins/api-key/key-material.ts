import { randomInt } from 'node:crypto';
import { KeyedDigest } from '../../crypto/keyed-digest';

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';

/**
 * A new key: the prefix, then `length` letters drawn uniformly (better-auth's alphabet, so keys look alike;
 * 64 letters carry ~365 bits).
 * @example
 * newApiKey('acme_', 64); // 'acme_QwErTy…'
 */
export function newApiKey(prefix: string | null, length: number): string {
  let random = '';
  for (let i = 0; i < length; i += 1) random += LETTERS[randomInt(LETTERS.length)];
  return `${prefix ?? ''}${random}`;
}

/**
 * What the `key` column holds: an HMAC of the key under a key derived from the auth secret, so a leaked table
 * (or backup) yields nothing that authenticates, and a lookup is one indexed equality.
 * @example
 * const digests = new ApiKeyDigest(config.secret); digests.of(key) === digests.of(key); // true
 */
export class ApiKeyDigest {
  private readonly digest: KeyedDigest;

  constructor(secret: string) {
    this.digest = new KeyedDigest(secret, 'api-key:key');
  }

  of(key: string): string {
    return this.digest.of(key);
  }
}
