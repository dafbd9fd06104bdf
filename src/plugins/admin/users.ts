import { isEmail } from 'class-validator';
import { UniqueConstraintError } from '../../../adapters/errors';
import type { AuthContext } from '../../core/auth-context';
import { storeCredentialPassword } from '../../core/credential-account';
import { normaliseEmail } from '../../core/normalise-email';
import { assertPasswordLength } from '../../core/password-policy';
import { AuthError } from '../../errors/auth-error';
import { ADMIN_ERRORS } from './error-codes';
import type { ResolvedAdminOptions } from './options';
import { adminUserValues, roleValue } from './user-fields';

/**
 * The user operations behind the admin routes and `auth.api.admin`, without permission checks: routes check
 * the caller first; server code calling `auth.api.admin` is trusted as better-auth's server API is.
 */

export interface CreateUserInput {
  email: string;
  password?: string;
  name: string;
  role?: unknown;
  data?: Record<string, unknown>;
}

/** Creates a user (with a password when given: both or neither), with the given role or the default one. */
export async function createUser(auth: AuthContext, options: ResolvedAdminOptions, input: CreateUserInput): Promise<object> {
  // The route's DTO checked it already; server code calling auth.api.admin has had no such check.
  if (typeof input.email !== 'string' || !isEmail(input.email)) throw new AuthError('INVALID_EMAIL');
  const email = normaliseEmail(input.email);
  const data = input.data ?? {};
  const requestedRole = input.role ?? data.role;
  const role = requestedRole === undefined ? options.defaultRole : roleValue(options, requestedRole);
  if (input.password !== undefined) assertPasswordLength(input.password, ...passwordBounds(auth));
  if (await auth.db.getUserByEmail(email)) throw new AuthError(ADMIN_ERRORS.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
  const values = { ...(await adminUserValues(auth, data, { via: 'sign-up' })), email, name: input.name, role };
  const passwordHash = input.password === undefined ? null : await auth.hasher.hash(input.password);
  try {
    return await auth.db.transaction(async (tx) => {
      const user = await tx.createUser(values);
      const userId = auth.models.user.read(user, 'id');
      if (passwordHash) await tx.createAccount({ userId, providerId: 'credential', accountId: userId, password: passwordHash });
      return user;
    });
  } catch (error) {
    if (error instanceof UniqueConstraintError && error.kind === 'user') throw new AuthError(ADMIN_ERRORS.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
    throw error;
  }
}

/** Changes a user's fields from `data` (already permission-checked); banning this way also ends their sessions. */
export async function updateUser(auth: AuthContext, options: ResolvedAdminOptions, userId: string, data: Record<string, unknown>): Promise<object> {
  if (Object.keys(data).length === 0) throw new AuthError(ADMIN_ERRORS.NO_DATA_TO_UPDATE);
  if (Object.prototype.hasOwnProperty.call(data, 'password')) throw new AuthError(ADMIN_ERRORS.PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER);
  if (Object.prototype.hasOwnProperty.call(data, 'id')) throw new AuthError(ADMIN_ERRORS.USER_ID_CANNOT_BE_UPDATED);
  await requireUser(auth, userId);
  const values = await adminUserValues(auth, data, { via: 'update-user', userId });
  if (Object.prototype.hasOwnProperty.call(data, 'role')) values.role = roleValue(options, data.role);
  if (typeof values.email === 'string') {
    const holder = await auth.db.getUserByEmail(values.email);
    if (holder && auth.models.user.read(holder, 'id') !== userId) throw new AuthError(ADMIN_ERRORS.USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL);
  }
  if (Object.keys(values).length === 0) throw new AuthError(ADMIN_ERRORS.NO_DATA_TO_UPDATE);
  const updated = await auth.db.updateUser(userId, values);
  if (!updated) throw new AuthError(ADMIN_ERRORS.USER_NOT_FOUND);
  if (values.banned === true) await auth.sessions.revokeAll(userId);
  return updated;
}

export async function setRole(auth: AuthContext, options: ResolvedAdminOptions, userId: string, role: unknown): Promise<object> {
  const stored = roleValue(options, role);
  const user = await auth.db.updateUser(userId, { role: stored });
  if (!user) throw new AuthError(ADMIN_ERRORS.USER_NOT_FOUND);
  return user;
}

/** Sets a user's password, creating their credential account when they had none (social-only users). */
export async function setUserPassword(auth: AuthContext, userId: string, newPassword: string): Promise<void> {
  assertPasswordLength(newPassword, ...passwordBounds(auth));
  await requireUser(auth, userId);
  await storeCredentialPassword(auth, userId, await auth.hasher.hash(newPassword));
}

/** Deletes a user: their sessions first through the session store (so a cache forgets them), then the user. */
export async function removeUser(auth: AuthContext, userId: string): Promise<void> {
  await requireUser(auth, userId);
  await auth.sessions.revokeAll(userId);
  await auth.db.deleteUser(userId);
}

export async function requireUser(auth: AuthContext, userId: string): Promise<object> {
  const user = await auth.db.getUserById(userId);
  if (!user) throw new AuthError(ADMIN_ERRORS.USER_NOT_FOUND);
  return user;
}

function passwordBounds(auth: AuthContext): [number, number] {
  return [auth.passwordLengths.min, auth.passwordLengths.max];
}
