import { sessionJson, userJson } from '../../core/entity-json';
import { digestToken } from '../../crypto/session-token';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { liveHeldSessions, makeActive } from './device-sessions';
import { DeviceSessionResponse, DeviceSessionRevokedResponse, DeviceSessionTokenDto } from './dtos';
import { MULTI_SESSION_ERRORS } from './error-codes';
import { clearHeldCookie, findHeld, heldSessions } from './held-sessions';

/**
 * `GET /multi-session/list-device-sessions` → `[{ session, user }]`: the live sessions this browser holds, one
 * per user, newest first. Each `session.token` is the stored digest, not the token (see the README): enough
 * to name the session to set-active and revoke, useless as a credential. `[]` without held cookies.
 */
export function listDeviceSessionsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/multi-session/list-device-sessions',
    summary: 'The accounts this browser holds sessions of',
    response: { body: DeviceSessionResponse, array: true },
    handle: async (ctx) => {
      const live = await liveHeldSessions(ctx.auth, heldSessions(ctx.auth, ctx.request), ctx.response);
      const users = new Set<string>();
      const answer = [];
      for (const { active } of live) {
        const userId = ctx.auth.models.user.read(active.user, 'id');
        if (users.has(userId)) continue;
        users.add(userId);
        answer.push({ session: sessionJson(ctx.auth, active.session, digestToken(active.token)), user: userJson(ctx.auth, active.user) });
      }
      return answer;
    },
  });
}

/**
 * `POST /multi-session/set-active` `{ sessionToken }` → `{ session, user }`: the held session becomes the
 * browser's session (cookie and `set-auth-token`). 401 `INVALID_SESSION_TOKEN` when the browser holds no
 * cookie for it (nothing changes) or its session is over (its cookie is removed).
 */
export function setActiveRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/multi-session/set-active',
    summary: 'Switch the browser to another account it holds a session of',
    body: DeviceSessionTokenDto,
    response: { body: DeviceSessionResponse },
    errors: [MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN],
    handle: async (ctx, dto) => {
      const held = findHeld(heldSessions(ctx.auth, ctx.request), dto.sessionToken);
      if (!held) throw new AuthError(MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN);
      const [live] = await liveHeldSessions(ctx.auth, [held], ctx.response);
      if (!live) throw new AuthError(MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN);
      makeActive(ctx.auth, ctx.response, live.active);
      return { session: sessionJson(ctx.auth, live.active.session, digestToken(live.active.token)), user: userJson(ctx.auth, live.active.user) };
    },
  });
}

/**
 * `POST /multi-session/revoke` `{ sessionToken }` → `{ status: true }`: ends a held session (database and
 * secondary storage) and removes its cookie. When it was the browser's session, the newest other live held
 * session becomes the browser's session, or the session cookie is cleared when none is left. Needs a session,
 * as in better-auth; 401 `INVALID_SESSION_TOKEN` (nothing changes) for a token the browser holds no cookie for.
 */
export function revokeDeviceSessionRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/multi-session/revoke',
    summary: 'End one of the sessions this browser holds',
    body: DeviceSessionTokenDto,
    response: { body: DeviceSessionRevokedResponse },
    errors: [MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN],
    session: 'required',
    handle: async (ctx, dto) => {
      const auth = ctx.auth;
      const current = await ctx.requireSession();
      const allHeld = heldSessions(auth, ctx.request);
      const held = findHeld(allHeld, dto.sessionToken);
      if (!held) throw new AuthError(MULTI_SESSION_ERRORS.INVALID_SESSION_TOKEN);
      const target = await auth.sessions.findLiveByDigest(digestToken(held.token));
      if (target) await auth.sessions.revoke(auth.models.session.read(target.session, 'id'));
      ctx.response.headers.push(['set-cookie', clearHeldCookie(auth, held.cookieName)]);
      if (held.token !== current.token) return { status: true };

      const others = allHeld.filter((entry) => entry !== held && entry.token !== held.token);
      const [next] = await liveHeldSessions(auth, others, ctx.response);
      if (next) makeActive(auth, ctx.response, next.active);
      else ctx.endSession();
      return { status: true };
    },
  });
}
