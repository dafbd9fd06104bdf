import type { BaseSession } from '../../../entities/base/base-session';
import type { BaseUser } from '../../../entities/base/base-user';
import type { AuthContext } from '../../core/auth-context';
import { AuthError } from '../../errors/auth-error';
import { ConfigError } from '../../errors/config-error';
import type { RouteDefinition } from '../../http/route';
import type { PermissionRequest } from '../../core/access-control';
import { type AuthPlugin } from '../auth-plugin';
import { banStep, banUser, unbanUser } from './bans';
import { banUserRoute, unbanUserRoute } from './ban-routes';
import type { ListUsersQuery } from './dtos';
import { ADMIN_ERRORS } from './error-codes';
import { impersonateUserRoute, stopImpersonatingRoute } from './impersonation-routes';
import { resolveAdminOptions, type AdminOptions, type ResolvedAdminOptions } from './options';
import { hasPermissionRoute, permissionRequest } from './permission-route';
import { actorOf, hasPermission } from './permissions';
import { listUserSessionsRoute, revokeUserSessionRoute, revokeUserSessionsRoute } from './session-routes';
import { revokeUserSession, revokeUserSessions } from './user-sessions';
import { createUserRoute, getUserRoute, listUsersRoute, removeUserRoute, setRoleRoute, setUserPasswordRoute, updateUserRoute } from './user-routes';
import { listUsers } from './list-users';
import { createUser, removeUser, requireUser, setRole, setUserPassword, updateUser, type CreateUserInput } from './users';

const USER_FIELDS = ['role', 'banned', 'banReason', 'banExpires'];

/**
 * User administration (better-auth's `admin` plugin): routes under `/admin/` to list, create, change, ban,
 * impersonate and remove users and end their sessions, each allowed by the caller's roles (see `access.ts`
 * for the statements and `adminAccessControl.newRole` for custom roles). Bans apply to every way of signing
 * in through a sign-in step; new users get `defaultRole`.
 *
 * `U` and `S` are the app's user and session classes, for the types `auth.api.admin` returns.
 * @example
 * const support = adminAccessControl.newRole({ user: ['list', 'ban'], session: ['list'] });
 * new AdminPlugin<AppUser>({ roles: { admin: adminRole, user: userRole, support } })
 * await auth.api.admin.banUser({ userId, banReason: 'spam', banExpiresIn: 3600 }); // AppUser
 */
export class AdminPlugin<U extends object = BaseUser, S extends object = BaseSession> implements AuthPlugin {
  readonly id = 'admin';
  readonly errorCodes = ADMIN_ERRORS;
  readonly options: ResolvedAdminOptions;

  constructor(options: AdminOptions = {}) {
    this.options = resolveAdminOptions(options);
  }

  init(auth: AuthContext): void {
    const missing = USER_FIELDS.filter((field) => !auth.models.user.has(field));
    if (!auth.models.session.has('impersonatedBy')) missing.push('session.impersonatedBy');
    if (missing.length > 0) {
      throw new ConfigError(`AdminPlugin stores ${missing.join(', ')}, which the entity classes lack: extend BaseUser and BaseSession, or declare them (@AuthField) with their columns.`);
    }
    auth.signIn.addStep(banStep(auth, this.options));
    // New users get the default role; sign-up bodies never choose one.
    auth.hooks.addUserInput((_body, change) => (change.via === 'sign-up' ? { role: this.options.defaultRole } : {}));
    // An impersonation ends when its hour is up, however busy it is.
    auth.sessions.keepLifetime((session) => auth.models.session.read(session, 'impersonatedBy') != null);
  }

  routes(): RouteDefinition[] {
    const options = this.options;
    return [
      listUsersRoute(options),
      getUserRoute(options),
      createUserRoute(options),
      updateUserRoute(options),
      setRoleRoute(options),
      setUserPasswordRoute(options),
      banUserRoute(options),
      unbanUserRoute(options),
      listUserSessionsRoute(options),
      revokeUserSessionRoute(options),
      revokeUserSessionsRoute(options),
      removeUserRoute(options),
      impersonateUserRoute(options),
      stopImpersonatingRoute(),
      hasPermissionRoute(options),
    ];
  }

  /** Server code is trusted: these skip the permission checks the routes make (as better-auth's server API does). */
  api(auth: AuthContext) {
    const options = this.options;
    return {
      admin: {
        listUsers: async (query: ListUsersQuery = {}): Promise<{ users: U[]; total: number }> =>
          (await listUsers(auth, query)) as { users: U[]; total: number },
        getUser: async (input: { userId: string }): Promise<U> => (await requireUser(auth, input.userId)) as U,
        createUser: async (input: CreateUserInput): Promise<U> => (await createUser(auth, options, input)) as U,
        updateUser: async (input: { userId: string; data: Record<string, unknown> }): Promise<U> =>
          (await updateUser(auth, options, input.userId, { ...input.data })) as U,
        setRole: async (input: { userId: string; role: string | string[] }): Promise<U> => (await setRole(auth, options, input.userId, input.role)) as U,
        setUserPassword: (input: { userId: string; newPassword: string }): Promise<void> => setUserPassword(auth, input.userId, input.newPassword),
        banUser: async (input: { userId: string; banReason?: string; banExpiresIn?: number }): Promise<U> =>
          (await banUser(auth, options, input.userId, input)) as U,
        unbanUser: async (input: { userId: string }): Promise<U> => (await unbanUser(auth, input.userId)) as U,
        listUserSessions: async (input: { userId: string }): Promise<S[]> => (await auth.sessions.listLive(input.userId)) as S[],
        revokeUserSession: (input: { sessionToken: string }): Promise<boolean> => revokeUserSession(auth, input.sessionToken),
        revokeUserSessions: (input: { userId: string }): Promise<number> => revokeUserSessions(auth, input.userId),
        removeUser: (input: { userId: string }): Promise<void> => removeUser(auth, input.userId),
        /** Whether a user (by id) or a role grants the permissions. */
        hasPermission: async (input: { userId?: string; role?: string; permissions: PermissionRequest }): Promise<boolean> => {
          const permissions = permissionRequest(input.permissions);
          if (input.role !== undefined) return hasPermission(options, { id: input.userId ?? '', role: input.role }, permissions);
          if (input.userId === undefined) throw new AuthError('VALIDATION_ERROR', 'hasPermission: give a userId or a role');
          return hasPermission(options, actorOf(auth, await requireUser(auth, input.userId)), permissions);
        },
      },
    };
  }
}
