import { AuthError } from '../errors/auth-error';
import type { AuthContext } from './auth-context';

/**
 * Refuses with `SESSION_NOT_FRESH` when the session was opened longer ago than `session.freshAge`: actions
 * that cannot be undone, or that add a way in (delete the user, set a password, unlink an account), want
 * proof that the person at the keyboard signed in recently, not just a cookie that has been lying around.
 */
export function assertFreshSession(auth: AuthContext, session: object, now = Date.now()): void {
  const { freshAgeMs } = auth.config.session;
  if (freshAgeMs === 0) return;
  const createdAt = auth.models.session.read(session, 'createdAt').getTime();
  if (now - createdAt >= freshAgeMs) throw new AuthError('SESSION_NOT_FRESH');
}
