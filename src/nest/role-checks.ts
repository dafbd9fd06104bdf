import type { AuthContext } from '../core/auth-context';

/** A stored role value (`'admin,support'`, or a list) as a list of role names. */
export function roleList(value: unknown): string[] {
  const list = typeof value === 'string' ? value.split(',') : Array.isArray(value) ? value : [];
  return list.filter((role): role is string => typeof role === 'string').map((role) => role.trim()).filter((role) => role !== '');
}

/** The user's own roles: the admin plugin's `role` field, when the user entity has one. */
export function userRoles(context: AuthContext, user: object): string[] {
  return context.models.user.has('role') ? roleList(context.models.user.read(user, 'role')) : [];
}

/** Whether any of `held` is one of `required`. */
export const holdsAny = (held: readonly string[], required: readonly string[]): boolean => held.some((role) => required.includes(role));
