import { defineRoute, type RouteDefinition } from '../../http/route';
import { assertMayActOn } from './admin-targets';
import { callerAllowedTo } from './caller';
import { AdminSuccessResponse, AdminUserSessionsResponse, RevokeUserSessionDto, UserIdDto } from './dtos';
import { ADMIN_ERRORS as E } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { actorOf } from './permissions';
import { findUserSession, listUserSessions, revokeUserSessions } from './user-sessions';

/** `POST /admin/list-user-sessions` `{ userId }` → `{ sessions }`; impersonation sessions carry `impersonatedBy`. */
export function listUserSessionsRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/list-user-sessions',
    summary: "List a user's live sessions",
    body: UserIdDto,
    session: 'required',
    response: { body: AdminUserSessionsResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS],
    handle: async (ctx, dto: UserIdDto) => {
      await callerAllowedTo(ctx, options, { session: ['list'] }, E.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS);
      return { sessions: await listUserSessions(ctx.auth, dto.userId) };
    },
  });
}

/** `POST /admin/revoke-user-session` `{ sessionToken }` → `{ success: true }` (also when it was gone already, as in better-auth). */
export function revokeUserSessionRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/revoke-user-session',
    summary: "End one of a user's sessions",
    body: RevokeUserSessionDto,
    session: 'required',
    response: { body: AdminSuccessResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS, E.YOU_CANNOT_REVOKE_ADMINS_SESSIONS],
    handle: async (ctx, dto: RevokeUserSessionDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { session: ['revoke'] }, E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
      const found = await findUserSession(ctx.auth, dto.sessionToken);
      if (found) {
        assertMayActOn(options, actor, actorOf(ctx.auth, found.user), 'ban-admins', E.YOU_CANNOT_REVOKE_ADMINS_SESSIONS);
        await ctx.auth.sessions.revoke(ctx.auth.models.session.read(found.session, 'id'));
      }
      return { success: true };
    },
  });
}

/** `POST /admin/revoke-user-sessions` `{ userId }` → `{ success: true }`. */
export function revokeUserSessionsRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/revoke-user-sessions',
    summary: "End all of a user's sessions",
    body: UserIdDto,
    session: 'required',
    response: { body: AdminSuccessResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS, E.YOU_CANNOT_REVOKE_ADMINS_SESSIONS],
    handle: async (ctx, dto: UserIdDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { session: ['revoke'] }, E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
      // Ending an admin's sessions locks them out until they sign in again: a lesser ban, under the same permission.
      // An unknown user has nothing to end: success, as in better-auth.
      const target = await ctx.auth.db.getUserById(dto.userId);
      if (target) assertMayActOn(options, actor, actorOf(ctx.auth, target), 'ban-admins', E.YOU_CANNOT_REVOKE_ADMINS_SESSIONS);
      await revokeUserSessions(ctx.auth, dto.userId);
      return { success: true };
    },
  });
}
