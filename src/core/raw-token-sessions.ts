import { timingSafeEqual } from 'node:crypto';
import type { DatabaseAdapter } from '../../adapters/database-adapter';
import type { SessionWithUser } from '../../adapters/inputs';
import { digestToken, isBrowserSessionToken, looksLikeDigest } from '../crypto/session-token';
import type { SessionStore } from './session-store';

/**
 * The session a raw token names in a database better-auth filled (it stores tokens as they are), converted on
 * the spot: its token is replaced by our digest, so the raw token stops matching any row and the next lookup
 * is the ordinary digest one. `null` when no row holds this raw token.
 *
 * What keeps this from becoming a second way in:
 * - a value shaped like a digest is never looked up raw: it would match a converted row (list-sessions hands
 *   digests out), and better-auth never issues one (its tokens are 32 letters and digits);
 * - nor a token carrying our "don't remember me" mark, which only we issue (and always store digested);
 * - the row found must hold exactly the token presented, compared in constant time: a case-insensitive
 *   collation (MySQL's default) would otherwise let a token differing in case match;
 * - the read goes to the database, never to a secondary storage, whose entries are keyed by digests only.
 * @example
 * const found = await convertRawTokenSession(db, store, token); // null, or the session now stored under its digest
 */
export async function convertRawTokenSession(db: DatabaseAdapter, store: SessionStore, token: string): Promise<SessionWithUser<object, object> | null> {
  if (looksLikeDigest(token) || isBrowserSessionToken(token) || token.length === 0) return null;
  const found = await db.getSessionWithUser(token);
  if (!found) return null;
  const model = db.models.session;
  const stored = Buffer.from(String(model.read(found.session, 'token')), 'utf8');
  const presented = Buffer.from(token, 'utf8');
  if (stored.length !== presented.length || !timingSafeEqual(stored, presented)) return null;
  // Through the store, so a caching store drops whatever it holds for this session id.
  const converted = await store.update(model.read(found.session, 'id'), { token: digestToken(token) });
  return converted ? { session: converted, user: found.user } : null;
}
