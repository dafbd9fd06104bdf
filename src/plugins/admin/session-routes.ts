import { defineRoute, type RouteDefinition } from '../../http/route';
import { callerAllowedTo } from './caller';
import { AdminSuccessResponse, AdminUserSessionsResponse, RevokeUserSessionDto, UserIdDto } from './dtos';
import { ADMIN_ERRORS as E } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { listUserSessions, revokeUserSession, revokeUserSessions } from './user-sessions';

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
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS],
    handle: async (ctx, dto: RevokeUserSessionDto) => {
      await callerAllowedTo(ctx, options, { session: ['revoke'] }, E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
      await revokeUserSession(ctx.auth, dto.sessionToken);
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
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS],
    handle: async (ctx, dto: UserIdDto) => {
      await callerAllowedTo(ctx, options, { session: ['revoke'] }, E.YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS);
      await revokeUserSessions(ctx.auth, dto.userId);
      return { success: true };
    },
  });
}
