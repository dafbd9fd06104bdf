import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { banUser, unbanUser } from './bans';
import { assertMayActOn } from './admin-targets';
import { callerAllowedTo } from './caller';
import { AdminUserResponse, BanUserDto, UserIdDto } from './dtos';
import { ADMIN_ERRORS as E } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { actorOf } from './permissions';
import { requireUser } from './users';

/** `POST /admin/ban-user` `{ userId, banReason?, banExpiresIn? }` (seconds) → `{ user }`; the user's sessions end now. */
export function banUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/ban-user',
    summary: 'Ban a user, for a while or for good, and end their sessions',
    body: BanUserDto,
    session: 'required',
    response: { body: AdminUserResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS, E.YOU_CANNOT_BAN_YOURSELF, E.YOU_CANNOT_BAN_ADMINS, E.USER_NOT_FOUND],
    handle: async (ctx, dto: BanUserDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['ban'] }, E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
      const target = await requireUser(ctx.auth, dto.userId);
      if (dto.userId === actor.id) throw new AuthError(E.YOU_CANNOT_BAN_YOURSELF);
      assertMayActOn(options, actor, actorOf(ctx.auth, target), 'ban-admins', E.YOU_CANNOT_BAN_ADMINS);
      return { user: userJson(ctx.auth, await banUser(ctx.auth, options, dto.userId, dto)) };
    },
  });
}

/** `POST /admin/unban-user` `{ userId }` → `{ user }`. */
export function unbanUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/unban-user',
    summary: 'Lift a ban',
    body: UserIdDto,
    session: 'required',
    response: { body: AdminUserResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS, E.YOU_CANNOT_BAN_ADMINS, E.USER_NOT_FOUND],
    handle: async (ctx, dto: UserIdDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['ban'] }, E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
      assertMayActOn(options, actor, actorOf(ctx.auth, await requireUser(ctx.auth, dto.userId)), 'ban-admins', E.YOU_CANNOT_BAN_ADMINS);
      return { user: userJson(ctx.auth, await unbanUser(ctx.auth, dto.userId)) };
    },
  });
}
