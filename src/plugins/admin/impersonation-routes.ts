import { sessionJson, userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { attachSession } from '../../http/session-response';
import { clearAdminCookie, readAdminCookie, setAdminCookie } from './admin-cookie';
import { banStateOf } from './bans';
import { assertMayActOn } from './admin-targets';
import { callerAllowedTo } from './caller';
import { AdminSessionUserResponse, UserIdDto } from './dtos';
import { ADMIN_ERRORS as E } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { actorOf } from './permissions';
import { requireUser } from './users';

/**
 * `POST /admin/impersonate-user` `{ userId }` → `{ session, user }`: the caller now holds a session of the
 * target, marked `impersonatedBy` and ending after `impersonationSessionDuration` without sliding; their own
 * session token waits in the signed `admin_session` cookie for stop-impersonating.
 */
export function impersonateUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/impersonate-user',
    summary: 'Act as another user for a while',
    body: UserIdDto,
    session: 'required',
    response: { body: AdminSessionUserResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS, E.YOU_CANNOT_IMPERSONATE_ADMINS, E.IMPERSONATION_SESSIONS_CANNOT_IMPERSONATE, E.BANNED_USER, E.USER_NOT_FOUND],
    handle: async (ctx, dto: UserIdDto) => {
      const auth = ctx.auth;
      const current = await ctx.requireSession();
      // Checked first: from an impersonation session, "the caller" is the user being impersonated.
      if (auth.models.session.read(current.session, 'impersonatedBy') != null) throw new AuthError(E.IMPERSONATION_SESSIONS_CANNOT_IMPERSONATE);
      const { actor, active } = await callerAllowedTo(ctx, options, { user: ['impersonate'] }, E.YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS);
      const target = await requireUser(auth, dto.userId);
      assertMayActOn(options, actor, actorOf(auth, target), 'impersonate-admins', E.YOU_CANNOT_IMPERSONATE_ADMINS);
      // A banned user gets no session by any way, this one included (an expired ban does not count).
      const ban = banStateOf(auth, target);
      if (ban.banned && !(ban.expires && ban.expires.getTime() <= Date.now())) throw new AuthError(E.BANNED_USER);
      const { session, token } = await auth.sessions.create(dto.userId, ctx.client, {
        fields: { impersonatedBy: actor.id },
        expiresInMs: options.impersonationSessionMs,
      });
      ctx.response.headers.push(['set-cookie', setAdminCookie(auth, active.token)]);
      attachSession(auth, ctx.response, session, token);
      return { session: sessionJson(auth, session, token), user: userJson(auth, target) };
    },
  });
}

/**
 * `POST /admin/stop-impersonating` → `{ session, user }` of the admin again: ends the impersonation session
 * and hands back the admin's own session from the `admin_session` cookie, which must belong to whoever
 * started the impersonation.
 */
export function stopImpersonatingRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/stop-impersonating',
    summary: "Stop impersonating and return to the admin's own session",
    session: 'required',
    response: { body: AdminSessionUserResponse },
    errors: [E.NOT_IMPERSONATING, E.ADMIN_SESSION_NOT_FOUND],
    handle: async (ctx) => {
      const auth = ctx.auth;
      const current = await ctx.requireSession();
      const impersonatedBy = auth.models.session.read(current.session, 'impersonatedBy');
      if (impersonatedBy == null) throw new AuthError(E.NOT_IMPERSONATING);
      const adminToken = readAdminCookie(auth, ctx.request);
      const admin = adminToken ? await auth.sessions.find(adminToken) : null;
      if (!admin || auth.models.user.read(admin.user, 'id') !== impersonatedBy) throw new AuthError(E.ADMIN_SESSION_NOT_FOUND);
      await auth.sessions.revoke(auth.models.session.read(current.session, 'id'));
      attachSession(auth, ctx.response, admin.session, admin.token);
      ctx.response.headers.push(['set-cookie', clearAdminCookie(auth)]);
      return { session: sessionJson(auth, admin.session, admin.token), user: userJson(auth, admin.user) };
    },
  });
}
