import { AuthError } from '../../errors/auth-error';
import type { PermissionRequest } from '../../core/access-control';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import type { ResolvedOrganizationOptions } from './options';
import { canonicalRoleName } from './dynamic-roles/role-names';

/**
 * A member's roles are stored comma-separated (`"admin,billing"`), as better-auth stores them, and arrive in
 * bodies as a string or a list of strings.
 */
export function parseRoles(role: unknown): string[] {
  const parts = Array.isArray(role) ? role : typeof role === 'string' ? role.split(',') : [];
  return [...new Set(parts.filter((part): part is string => typeof part === 'string').map((part) => part.trim()).filter(Boolean))];
}

/** The stored form of a list of roles. */
export const joinRoles = (roles: readonly string[]): string => roles.join(',');

/** The roles asked for, checked against the configured ones: none at all, or an unknown one, is `ROLE_NOT_FOUND`. */
export function knownRoles(options: ResolvedOrganizationOptions, role: unknown): string[] {
  // Dynamic role names are lower-case and looked up lower-cased (see canonicalRoleName); the app's own are exact.
  const lookup = (name: string) => (options.dynamicAccessControl.enabled && !Object.hasOwn(options.roles, name) ? canonicalRoleName(name) : name);
  const roles = [...new Set(parseRoles(role).map(lookup))];
  if (roles.length === 0) throw new AuthError(E.ROLE_NOT_FOUND);
  const unknown = roles.filter((name) => !Object.hasOwn(options.roles, name));
  if (unknown.length > 0) throw new AuthError(E.ROLE_NOT_FOUND, `${E.ROLE_NOT_FOUND.code}: ${unknown.join(', ')}`);
  return roles;
}

/** Whether one of the roles grants everything asked. */
export function rolesAllow(options: ResolvedOrganizationOptions, role: unknown, permissions: PermissionRequest): boolean {
  // Own keys only: a stored role named `constructor` must not reach Object.prototype.
  return parseRoles(role).some((name) => Object.hasOwn(options.roles, name) && options.roles[name].authorize(permissions).success);
}

/** Whether the roles include the creator role (`owner` by default). */
export function holdsCreatorRole(options: ResolvedOrganizationOptions, role: unknown): boolean {
  return parseRoles(role).includes(options.creatorRole);
}

/**
 * "Nobody acts above their own role": whether every action the `target` roles grant is also granted by one
 * of the `actor`'s roles. An admin can thus manage members and other admins but not owners, and can hand out
 * `member` or `admin` but not `owner`. The creator role is above everything, custom resources included.
 */
export function outranksOrEquals(options: ResolvedOrganizationOptions, actor: unknown, target: unknown): boolean {
  if (holdsCreatorRole(options, actor)) return true;
  const granted = new Map<string, Set<string>>();
  for (const name of parseRoles(actor)) {
    if (!Object.hasOwn(options.roles, name)) continue;
    for (const [resource, actions] of Object.entries(options.roles[name].statements)) {
      const set = granted.get(resource) ?? new Set<string>();
      actions.forEach((action) => set.add(action));
      granted.set(resource, set);
    }
  }
  return parseRoles(target).every((name) => {
    if (name === options.creatorRole) return false;
    if (!Object.hasOwn(options.roles, name)) return true;
    return Object.entries(options.roles[name].statements).every(([resource, actions]) => actions.every((action) => granted.get(resource)?.has(action)));
  });
}
