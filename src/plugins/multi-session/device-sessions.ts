import type { AuthContext } from '../../core/auth-context';
import type { ActiveSession } from '../../core/session-service';
import type { ResponseDraft } from '../../http/route';
import { clearHeldCookie, setHeldCookie, type HeldSession } from './held-sessions';

/** A held session that is still live, with the cookie it came from. */
export interface LiveHeldSession {
  readonly held: HeldSession;
  readonly active: ActiveSession;
}

/**
 * The live sessions among those the browser holds, newest first. A held session that is over (expired,
 * revoked, signed out elsewhere) loses its cookie in this answer; one whose expiry slid gets its cookie
 * re-sent with the new lifetime, so the cookie never ends before its session.
 */
export async function liveHeldSessions(auth: AuthContext, held: readonly HeldSession[], response: ResponseDraft): Promise<LiveHeldSession[]> {
  const found = await Promise.all(held.map(async (entry) => ({ held: entry, active: await auth.sessions.find(entry.token) })));
  const live: LiveHeldSession[] = [];
  for (const { held: entry, active } of found) {
    if (!active) {
      response.headers.push(['set-cookie', clearHeldCookie(auth, entry.cookieName)]);
      continue;
    }
    if (active.refreshed) response.headers.push(['set-cookie', setHeldCookie(auth, entry.token, expiryOf(auth, active.session))]);
    live.push({ held: entry, active });
  }
  return live.sort((a, b) => createdAt(auth, b.active.session) - createdAt(auth, a.active.session));
}

/** Makes `active` the browser's session: the session cookie and `set-auth-token`, as a sign-in hands them over. */
export function makeActive(auth: AuthContext, response: ResponseDraft, active: ActiveSession): void {
  const expiresAt = expiryOf(auth, active.session);
  response.headers.push(
    ['set-cookie', auth.cookies.setCookie(active.token, expiresAt, auth.sessions.isRemembered(active.token))],
    ['set-auth-token', auth.cookies.signed(active.token)],
  );
}

function expiryOf(auth: AuthContext, session: object): Date {
  return auth.models.session.read(session, 'expiresAt');
}

function createdAt(auth: AuthContext, session: object): number {
  return auth.models.session.read(session, 'createdAt').getTime();
}
