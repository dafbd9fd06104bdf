import { userJson } from '../../core/entity-json';
import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition, type RouteContext } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { assertMayActOn } from './admin-targets';
import { callerAllowedTo, type Caller } from './caller';
import { AdminSuccessResponse, AdminUpdateUserDto, AdminUserListResponse, AdminUserResponse, CreateUserDto, GetUserQuery, ListUsersQuery, SetRoleDto, SetUserPasswordDto, UserIdDto } from './dtos';
import { ADMIN_ERRORS } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { actorOf, hasPermission } from './permissions';
import { BAN_FIELDS } from './user-fields';
import { listUsers } from './list-users';
import { createUser, removeUser, requireUser, setRole, setUserPassword, updateUser } from './users';

const E = ADMIN_ERRORS;
const has = (data: object, key: string) => Object.prototype.hasOwnProperty.call(data, key);

/** `GET /admin/list-users` → `{ users, total, limit, offset }`: a page, with search, filter and sort. */
export function listUsersRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/admin/list-users',
    summary: 'List users: paged, searched by email or name, filtered and sorted',
    query: ListUsersQuery,
    session: 'required',
    response: { body: AdminUserListResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS],
    handle: async (ctx, _dto, query: ListUsersQuery) => {
      await callerAllowedTo(ctx, options, { user: ['list'] }, E.YOU_ARE_NOT_ALLOWED_TO_LIST_USERS);
      const page = await listUsers(ctx.auth, query);
      return { users: page.users.map((user) => userJson(ctx.auth, user)), total: page.total, limit: query.limit, offset: query.offset };
    },
  });
}

/** `GET /admin/get-user?id=` → the user. */
export function getUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/admin/get-user',
    summary: 'Get a user by id',
    query: GetUserQuery,
    session: 'required',
    response: { body: 'User' },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_GET_USER, E.USER_NOT_FOUND],
    handle: async (ctx, _dto, query: GetUserQuery) => {
      await callerAllowedTo(ctx, options, { user: ['get'] }, E.YOU_ARE_NOT_ALLOWED_TO_GET_USER);
      return userJson(ctx.auth, await requireUser(ctx.auth, query.id));
    },
  });
}

/** `POST /admin/create-user` `{ email, password?, name, role?, data? }` → `{ user }`. */
export function createUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/create-user',
    summary: 'Create a user, with a password or without one',
    body: CreateUserDto,
    customInputOf: 'user',
    customInputUnder: 'data',
    session: 'required',
    response: { body: AdminUserResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS, E.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE, E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS, E.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL, E.INVALID_ROLE_TYPE, 'PASSWORD_TOO_SHORT'],
    handle: async (ctx, dto: CreateUserDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['create'] }, E.YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS);
      const data = dto.data ?? {};
      if ((dto.role !== undefined || has(data, 'role')) && !hasPermission(options, actor, { user: ['set-role'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
      if (BAN_FIELDS.some((field) => has(data, field)) && !hasPermission(options, actor, { user: ['ban'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
      return { user: userJson(ctx.auth, await createUser(ctx.auth, options, dto)) };
    },
  });
}

/** `POST /admin/update-user` `{ userId, data }` → the user; each kind of field needs its own permission. */
export function updateUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/update-user',
    summary: "Update a user's fields",
    body: AdminUpdateUserDto,
    customInputOf: 'user',
    customInputUnder: 'data',
    session: 'required',
    response: { body: 'User' },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS, E.NO_DATA_TO_UPDATE, E.PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER, E.USER_ID_CANNOT_BE_UPDATED, E.YOU_CANNOT_BAN_ADMINS, E.YOU_CANNOT_UPDATE_ADMINS, E.USER_NOT_FOUND],
    handle: async (ctx, dto: AdminUpdateUserDto) => {
      const caller = await callerAllowedTo(ctx, options, { user: ['update'] }, E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_USERS);
      await checkUpdatePermissions(ctx, options, caller, dto);
      return userJson(ctx.auth, await updateUser(ctx.auth, options, dto.userId, dto.data));
    },
  });
}

async function checkUpdatePermissions(ctx: RouteContext, options: ResolvedAdminOptions, { actor }: Caller, { userId, data }: AdminUpdateUserDto) {
  const target = actorOf(ctx.auth, await requireUser(ctx.auth, userId));
  assertMayActOn(options, actor, target, 'update-admins', E.YOU_CANNOT_UPDATE_ADMINS);
  const need = (permission: string, refusal: (typeof E)[keyof typeof E]) => {
    if (!hasPermission(options, actor, { user: [permission] })) throw new AuthError(refusal);
  };
  if (has(data, 'role')) need('set-role', E.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
  if (has(data, 'email') || has(data, 'emailVerified')) need('set-email', E.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_EMAIL);
  if (BAN_FIELDS.some((field) => has(data, field))) {
    need('ban', E.YOU_ARE_NOT_ALLOWED_TO_BAN_USERS);
    if (data.banned === true) {
      if (userId === actor.id) throw new AuthError(E.YOU_CANNOT_BAN_YOURSELF);
      assertMayActOn(options, actor, target, 'ban-admins', E.YOU_CANNOT_BAN_ADMINS);
    }
  }
}

/** `POST /admin/set-role` `{ userId, role }` (a role or several) → `{ user }`. */
export function setRoleRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/set-role',
    summary: "Set a user's role or roles",
    body: SetRoleDto,
    session: 'required',
    response: { body: AdminUserResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE, E.YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE, E.INVALID_ROLE_TYPE, E.YOU_CANNOT_UPDATE_ADMINS, E.USER_NOT_FOUND],
    handle: async (ctx, dto: SetRoleDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['set-role'] }, E.YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE);
      assertMayActOn(options, actor, actorOf(ctx.auth, await requireUser(ctx.auth, dto.userId)), 'update-admins', E.YOU_CANNOT_UPDATE_ADMINS);
      return { user: userJson(ctx.auth, await setRole(ctx.auth, options, dto.userId, dto.role)) };
    },
  });
}

/** `POST /admin/set-user-password` `{ userId, newPassword }` → `{ status: true }`. */
export function setUserPasswordRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/set-user-password',
    summary: "Set a user's password",
    body: SetUserPasswordDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD, E.YOU_CANNOT_UPDATE_ADMINS, E.USER_NOT_FOUND, 'PASSWORD_TOO_SHORT', 'PASSWORD_TOO_LONG'],
    handle: async (ctx, dto: SetUserPasswordDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['set-password'] }, E.YOU_ARE_NOT_ALLOWED_TO_SET_USERS_PASSWORD);
      assertMayActOn(options, actor, actorOf(ctx.auth, await requireUser(ctx.auth, dto.userId)), 'update-admins', E.YOU_CANNOT_UPDATE_ADMINS);
      await setUserPassword(ctx.auth, dto.userId, dto.newPassword);
      return { status: true };
    },
  });
}

/** `POST /admin/remove-user` `{ userId }` → `{ success: true }`: the user, their sessions and accounts. */
export function removeUserRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/remove-user',
    summary: 'Delete a user with their sessions and accounts',
    body: UserIdDto,
    session: 'required',
    response: { body: AdminSuccessResponse },
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS, E.YOU_CANNOT_REMOVE_YOURSELF, E.YOU_CANNOT_REMOVE_ADMINS, E.USER_NOT_FOUND],
    handle: async (ctx, dto: UserIdDto) => {
      const { actor } = await callerAllowedTo(ctx, options, { user: ['delete'] }, E.YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS);
      if (dto.userId === actor.id) throw new AuthError(E.YOU_CANNOT_REMOVE_YOURSELF);
      assertMayActOn(options, actor, actorOf(ctx.auth, await requireUser(ctx.auth, dto.userId)), 'delete-admins', E.YOU_CANNOT_REMOVE_ADMINS);
      await removeUser(ctx.auth, dto.userId);
      return { success: true };
    },
  });
}
