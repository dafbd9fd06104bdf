import { sessionJson, userJson } from '../../core/entity-json';
import { digestToken, looksLikeDigest } from '../../crypto/session-token';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { RevokeSessionDto, RevokeSessionResponse, RevokeSessionsResponse, SessionResponse, SignOutResponse } from './dtos';
import type { ResolvedSessionManagementOptions } from './options';

/** `GET /get-session` → `{ session, user }`; the session's `token` is the caller's own raw token. */
export function getSessionRoute(options: ResolvedSessionManagementOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/get-session',
    response: { body: SessionResponse, nullable: !options.requireAuthentication },
    summary: "The caller's session and user",
    session: 'optional',
    handle: async (ctx) => {
      const active = await ctx.session();
      if (!active) {
        if (options.requireAuthentication) throw new AuthError('UNAUTHORIZED');
        return null;
      }
      return { session: sessionJson(ctx.auth, active.session, active.token), user: userJson(ctx.auth, active.user) };
    },
  });
}

/**
 * `POST /sign-out` → `{ success: true }`; ends the current session and clears the cookie. Without a live
 * session it answers 401, as better-auth refuses it too, and still clears a stale cookie.
 */
export function signOutRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/sign-out',
    response: { body: SignOutResponse },
    summary: 'End the current session',
    session: 'required',
    handle: async (ctx) => {
      const active = await ctx.requireSession();
      await ctx.auth.sessions.revoke(ctx.auth.models.session.read(active.session, 'id'));
      ctx.endSession();
      return { success: true };
    },
  });
}

/** `GET /list-sessions` → the caller's live sessions; each `token` is the stored digest, not a credential. */
export function listSessionsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/list-sessions',
    response: { body: 'Session', array: true },
    summary: "The caller's live sessions",
    session: 'required',
    handle: async (ctx) => {
      const { user } = await ctx.requireSession();
      const sessions = await ctx.auth.sessions.listLive(ctx.auth.models.user.read(user, 'id'));
      const model = ctx.auth.models.session;
      return sessions.map((session) => sessionJson(ctx.auth, session, model.read(session, 'token')));
    },
  });
}

/** `POST /revoke-session` → `{ status, success }`; only among the caller's own sessions. */
export function revokeSessionRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/revoke-session',
    response: { body: RevokeSessionResponse },
    errors: ['SESSION_NOT_FOUND'],
    summary: 'Revoke one of the caller’s sessions by its token',
    body: RevokeSessionDto,
    session: 'required',
    handle: async (ctx, dto) => {
      const { user, session: current } = await ctx.requireSession();
      const model = ctx.auth.models.session;
      // Accept the raw token or the digest list-sessions showed; compare digests only.
      const candidates = new Set([digestToken(dto.token)]);
      if (looksLikeDigest(dto.token)) candidates.add(dto.token);
      const own = await ctx.auth.sessions.listAll(ctx.auth.models.user.read(user, 'id'));
      const target = own.find((session) => candidates.has(model.read(session, 'token')));
      if (!target) throw new AuthError('SESSION_NOT_FOUND');
      const targetId = model.read(target, 'id');
      await ctx.auth.sessions.revoke(targetId);
      if (targetId === model.read(current, 'id')) {
        ctx.endSession();
      }
      return { status: true, success: true };
    },
  });
}

/** `POST /revoke-sessions` → `{ status, count }`; every session of the caller, the current one included. */
export function revokeSessionsRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/revoke-sessions',
    response: { body: RevokeSessionsResponse },
    summary: 'Revoke all of the caller’s sessions',
    session: 'required',
    handle: async (ctx) => {
      const { user } = await ctx.requireSession();
      const count = await ctx.auth.sessions.revokeAll(ctx.auth.models.user.read(user, 'id'));
      ctx.endSession();
      return { status: true, count };
    },
  });
}

/** `POST /revoke-other-sessions` → `{ status, count }`; every session of the caller but the current one. */
export function revokeOtherSessionsRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/revoke-other-sessions',
    response: { body: RevokeSessionsResponse },
    summary: 'Revoke all of the caller’s other sessions',
    session: 'required',
    handle: async (ctx) => {
      const { user, session } = await ctx.requireSession();
      const model = ctx.auth.models.session;
      const count = await ctx.auth.sessions.revokeAll(ctx.auth.models.user.read(user, 'id'), model.read(session, 'id'));
      return { status: true, count };
    },
  });
}
