import type { SessionWithUser } from '../../../adapters/inputs';
import type { AuthContext } from '../../core/auth-context';
import { sessionJson } from '../../core/entity-json';
import { digestToken, looksLikeDigest } from '../../crypto/session-token';

/**
 * A user's sessions as an admin sees and ends them, through `auth.sessions` (the installed session store),
 * never the database's session methods: a Redis store in front must see every change.
 */

/** The user's live sessions, newest first, with the stored digest as `token` (never a usable credential). */
export async function listUserSessions(auth: AuthContext, userId: string): Promise<Array<Record<string, unknown>>> {
  const sessions = await auth.sessions.listLive(userId);
  return sessions.map((session) => sessionJson(auth, session, auth.models.session.read(session, 'token')));
}

/** The session a token names, with its user: the digest list-user-sessions showed, or the raw token. */
export async function findUserSession(auth: AuthContext, sessionToken: string): Promise<SessionWithUser<object, object> | null> {
  const candidates = looksLikeDigest(sessionToken) ? [sessionToken, digestToken(sessionToken)] : [digestToken(sessionToken)];
  for (const digest of candidates) {
    const found = await auth.sessions.store.findWithUser(digest);
    if (found) return found;
  }
  return null;
}

/** Ends the session a token names (see `findUserSession`). `false` when none. */
export async function revokeUserSession(auth: AuthContext, sessionToken: string): Promise<boolean> {
  const found = await findUserSession(auth, sessionToken);
  return found ? auth.sessions.revoke(auth.models.session.read(found.session, 'id')) : false;
}

/** Ends every session of a user; returns how many. */
export function revokeUserSessions(auth: AuthContext, userId: string): Promise<number> {
  return auth.sessions.revokeAll(userId);
}
