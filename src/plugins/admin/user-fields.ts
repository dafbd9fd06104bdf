import { isEmail } from 'class-validator';
import type { AuthContext } from '../../core/auth-context';
import { customInput } from '../../core/custom-input';
import { normaliseEmail } from '../../core/normalise-email';
import { AuthError } from '../../errors/auth-error';
import { ADMIN_ERRORS } from './error-codes';
import { splitRoles, type ResolvedAdminOptions } from './options';

/** The standard fields an admin may write through `data`, with the check each value must pass. */
const STANDARD_FIELDS: Record<string, (value: unknown) => unknown> = {
  name: (value) => typeof value === 'string' ? value : invalid('name', 'must be a string'),
  image: (value) => (value === null || typeof value === 'string' ? value : invalid('image', 'must be a string or null')),
  email: (value) => (typeof value === 'string' && isEmail(value) ? normaliseEmail(value) : new AuthError('INVALID_EMAIL')),
  emailVerified: (value) => (typeof value === 'boolean' ? value : invalid('emailVerified', 'must be a boolean')),
  banned: (value) => (typeof value === 'boolean' ? value : invalid('banned', 'must be a boolean')),
  banReason: (value) => (value === null || typeof value === 'string' ? value : invalid('banReason', 'must be a string or null')),
  banExpires: (value) => {
    if (value === null) return null;
    const date = typeof value === 'string' || typeof value === 'number' ? new Date(value) : value instanceof Date ? value : null;
    return date && !Number.isNaN(date.getTime()) ? date : invalid('banExpires', 'must be a date or null');
  },
};

function invalid(field: string, message: string): AuthError {
  return new AuthError('VALIDATION_ERROR', `${field}: ${message}`, [{ field, messages: [message] }]);
}

/** The fields of `data` that concern bans (they need the `ban` permission). */
export const BAN_FIELDS = ['banned', 'banReason', 'banExpires'] as const;

/**
 * What an admin's `data` writes on a user: the standard fields above (roles go through `roleValue`), the user
 * class's custom input fields, and the fields plugins read from bodies (a username). Keys the user class
 * does not have are ignored; a value of the wrong type is a 400 before anything is written.
 */
export async function adminUserValues(
  auth: AuthContext,
  data: Readonly<Record<string, unknown>>,
  change: { via: 'sign-up' | 'update-user'; userId?: string },
): Promise<Record<string, unknown>> {
  const standard: Record<string, unknown> = {};
  for (const [field, check] of Object.entries(STANDARD_FIELDS)) {
    if (!Object.prototype.hasOwnProperty.call(data, field) || !auth.models.user.has(field)) continue;
    const value = check(data[field]);
    if (value instanceof AuthError) throw value;
    standard[field] = value;
  }
  const values = { ...(await customInput(auth.models.user, data as Record<string, unknown>, { standardValues: standard })), ...standard };
  Object.assign(values, await auth.hooks.userInput(data, change));
  return values;
}

/** A role or roles as given in a body, checked against the configured roles and stored comma-separated. */
export function roleValue(options: ResolvedAdminOptions, value: unknown): string {
  const list = Array.isArray(value) ? value : [value];
  if (list.length === 0 || list.some((role) => typeof role !== 'string')) throw new AuthError(ADMIN_ERRORS.INVALID_ROLE_TYPE);
  const roles = splitRoles(list as string[]);
  if (roles.length === 0 || roles.some((role) => !Object.hasOwn(options.roles, role))) throw new AuthError(ADMIN_ERRORS.YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE);
  return roles.join(',');
}
