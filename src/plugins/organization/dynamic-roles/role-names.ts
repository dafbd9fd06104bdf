import { AuthError } from '../../../errors/auth-error';
import type { ResolvedOrganizationOptions } from '../options';
import { DYNAMIC_ROLE_ERRORS as R } from './role-errors';

const MAX_ROLE_NAME = 64;
// Control characters (C0, DEL, C1) never belong in a name shown in a UI and stored in a comma-separated list.
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

/**
 * The one case rule: dynamic role names are stored lower-case (as better-auth stores them) and every name a
 * request gives for one (the role routes, and assigning roles to members and invitations) is lower-cased
 * before it is compared, so `Editor` and `editor` are one role.
 * @example
 * canonicalRoleName('Editor'); // 'editor'
 */
export const canonicalRoleName = (name: string): string => name.toLowerCase();

/**
 * A new or renamed role's name, canonical, or `INVALID_ROLE_NAME`: not empty, at most 64 characters, no comma
 * (members hold comma-separated role lists, so `a,b` would read as two roles), no control characters, and no
 * surrounding spaces (refused rather than trimmed, so what is stored is what was asked for). A name one of the
 * app's own roles has, in any case, is `ROLE_NAME_IS_ALREADY_TAKEN`: static roles are never shadowed.
 * @example
 * newRoleName(options, 'Billing'); // 'billing'
 * newRoleName(options, ' billing'); // throws INVALID_ROLE_NAME
 */
export function newRoleName(options: ResolvedOrganizationOptions, name: unknown): string {
  if (typeof name !== 'string' || name.length === 0 || name.length > MAX_ROLE_NAME || name !== name.trim() || name.includes(',') || CONTROL.test(name)) {
    throw new AuthError(R.INVALID_ROLE_NAME);
  }
  const canonical = canonicalRoleName(name);
  if (isStaticRoleName(options, canonical)) throw new AuthError(R.ROLE_NAME_IS_ALREADY_TAKEN);
  return canonical;
}

/** Whether one of the app's configured roles (owner, admin, member by default) has this name, in any case. */
export function isStaticRoleName(options: ResolvedOrganizationOptions, name: string): boolean {
  const canonical = canonicalRoleName(name);
  return Object.keys(options.roles).some((role) => canonicalRoleName(role) === canonical);
}
