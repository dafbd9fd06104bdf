import { digestToken, looksLikeDigest } from '../crypto/session-token';
import type { AdoptionChange, AdoptionSource } from './adoption';

/**
 * The engine's own part of an adoption: every session row still holding a raw token (better-auth stores them
 * as they are) gets its SHA-256 digest instead, so nothing at rest can be replayed as a cookie. A browser's
 * cookie keeps working, since we look the digest of what it presents up. Rows already holding a digest are
 * skipped, which is what makes a second run change nothing.
 * @example
 * await adoptSessionTokens({ from: 'better-auth', secret, dryRun: false, rows }); // [{ what: 'session tokens …', count: 3 }]
 */
export async function adoptSessionTokens({ rows }: AdoptionSource): Promise<AdoptionChange[]> {
  let count = 0;
  for await (const row of rows.scan('session', ['token'])) {
    const token = row.token;
    if (!token || looksLikeDigest(token)) continue;
    if (await rows.update('session', row.id, { token: digestToken(token) }, { token })) count += 1;
  }
  return [{ what: 'session tokens stored raw, replaced by their SHA-256 digest (the browsers stay signed in)', count }];
}
