import { digestToken } from '../../crypto/session-token';
import type { BeforeRequestHook } from '../../http/request-hooks';
import { clearHeldCookie, heldSessions } from './held-sessions';

/**
 * Sign-out ends every session the browser holds, not only the active one: each is revoked (database and
 * secondary storage, through the session store) and its cookie removed. It runs *before* the route, so a
 * storage fault fails the sign-out (5xx) instead of answering success with sessions left alive; the
 * browser's own session is looked up first, so the route still finds and ends it.
 */
export const signOutEverySessionHook: BeforeRequestHook = {
  matcher: '/sign-out',
  handle: async (ctx) => {
    const held = heldSessions(ctx.auth, ctx.request);
    if (held.length === 0) return;
    await ctx.session();
    for (const entry of held) {
      const found = await ctx.auth.sessions.findLiveByDigest(digestToken(entry.token));
      if (found) await ctx.auth.sessions.revoke(ctx.auth.models.session.read(found.session, 'id'));
      ctx.response.headers.push(['set-cookie', clearHeldCookie(ctx.auth, entry.cookieName)]);
    }
  },
};
