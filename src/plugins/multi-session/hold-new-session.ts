import type { AuthContext } from '../../core/auth-context';
import { digestToken } from '../../crypto/session-token';
import type { AfterRequestHook, RequestHookContext, RequestOutcome } from '../../http/request-hooks';
import { clearHeldCookie, heldSessions, setHeldCookie, type HeldSession } from './held-sessions';
import type { ResolvedMultiSessionOptions } from './options';

/** Routes that never open a session: the hot path (get-session) and this plugin's own stay free of the hook. */
const NEVER_OPENS = new Set(['/get-session', '/ok', '/multi-session/list-device-sessions', '/multi-session/set-active', '/multi-session/revoke']);

/**
 * After any route that handed the browser a new session (every way of signing in ends in `attachSession`,
 * which records it on the answer), adds a multi-session cookie for it. Before that, among the sessions the
 * browser already holds: those of the same user are ended and dropped (signing in again replaces the entry,
 * never duplicates it), those that are over lose their cookie, and when the browser would hold more than
 * `maximumSessions` the oldest held sessions are ended and dropped. better-auth instead leaves the new
 * session out of the list, so the account in use could not be switched back to; ending the oldest keeps the
 * list true to what the browser uses. A session re-attached that the browser already holds (stopping an
 * impersonation hands the admin's own session back) is left as it is.
 */
export function holdNewSessionHook(options: ResolvedMultiSessionOptions): AfterRequestHook {
  return {
    matcher: (path) => !NEVER_OPENS.has(path),
    handle: (ctx, outcome) => hold(ctx, outcome, options.maximumSessions),
  };
}

async function hold(ctx: RequestHookContext, outcome: RequestOutcome, maximumSessions: number): Promise<void> {
  const { openedSession: session, openedToken: token } = ctx.response;
  if (!session || !token || outcome.status >= 400) return;
  const auth = ctx.auth;
  const held = heldSessions(auth, ctx.request);
  if (held.some((entry) => entry.token === token)) return;

  const userId = auth.models.session.read(session, 'userId');
  const kept: Array<{ entry: HeldSession; id: string; createdAt: number }> = [];
  for (const entry of held) {
    const found = await auth.sessions.findLiveByDigest(digestToken(entry.token));
    if (!found) {
      drop(ctx, entry);
      continue;
    }
    const id = auth.models.session.read(found.session, 'id');
    if (auth.models.session.read(found.session, 'userId') === userId) await end(ctx, auth, entry, id);
    else kept.push({ entry, id, createdAt: auth.models.session.read(found.session, 'createdAt').getTime() });
  }
  kept.sort((a, b) => a.createdAt - b.createdAt);
  while (kept.length >= maximumSessions) {
    const oldest = kept.shift()!;
    await end(ctx, auth, oldest.entry, oldest.id);
  }
  ctx.response.headers.push(['set-cookie', setHeldCookie(auth, token, auth.models.session.read(session, 'expiresAt'))]);
}

async function end(ctx: RequestHookContext, auth: AuthContext, entry: HeldSession, sessionId: string): Promise<void> {
  await auth.sessions.revoke(sessionId);
  drop(ctx, entry);
}

function drop(ctx: RequestHookContext, entry: HeldSession): void {
  ctx.response.headers.push(['set-cookie', clearHeldCookie(ctx.auth, entry.cookieName)]);
}
