import * as crypto from 'node:crypto';
import { createHash, randomBytes } from 'node:crypto';

/*
 * Marks the token of a "don't remember me" session. `~` is outside the base64url alphabet, so no other token
 * can carry it by chance, and it needs no escaping in a cookie, a header or a URL. The database holds the
 * digest of the whole token, mark included: a client that adds or strips the mark presents a token that
 * matches no session. So the choice is fixed when the session opens and cannot be changed by anyone later,
 * and it needs no column of its own (databases made by the seed's schema keep working unchanged).
 */
const BROWSER_SESSION_MARK = '~';

/**
 * A new session token: 32 random bytes (256 bits), base64url, marked when the session must end with the
 * browser session (`rememberMe: false`). Only the client ever holds it.
 */
export function generateSessionToken(options: { browserSession?: boolean } = {}): string {
  const random = randomBytes(32).toString('base64url');
  return options.browserSession ? BROWSER_SESSION_MARK + random : random;
}

/** Whether a token belongs to a "don't remember me" session (one that never slides and has no persistent cookie). */
export function isBrowserSessionToken(token: string): boolean {
  return token.startsWith(BROWSER_SESSION_MARK);
}

/**
 * `crypto.hash` (Node ≥ 20.12): one call instead of a Hash object, a third of the cost on the get-session path.
 * Looked up at run time because the package supports Node 20.0, which does not have it.
 */
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;

/**
 * What the database stores for a token: its SHA-256 digest (hex). A leaked table row cannot be replayed,
 * because presenting the digest as a token hashes it again.
 */
export function digestToken(token: string): string {
  return oneShotHash ? oneShotHash('sha256', token, 'hex') : createHash('sha256').update(token).digest('hex');
}

const DIGEST_PATTERN = /^[0-9a-f]{64}$/;

/** Whether a string has the shape of a stored digest (used where a client may send either form). */
export function looksLikeDigest(value: string): boolean {
  return DIGEST_PATTERN.test(value);
}
