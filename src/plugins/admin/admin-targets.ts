import { AuthError } from '../../errors/auth-error';
import type { DeclaredError } from '../../errors/declared-error';
import { hasPermission, isAdmin, type Actor } from './permissions';
import type { ResolvedAdminOptions } from './options';

/** The permissions that guard acting on another admin, one per kind of action. */
export type AdminTierPermission = 'ban-admins' | 'delete-admins' | 'update-admins' | 'impersonate-admins';

/**
 * Whether `actor` may act on `target` in a way `permission` guards when the target is another admin.
 *
 * As in better-auth, an admin manages other admins like anyone else, except impersonating them (which takes
 * `impersonate-admins` unless `allowImpersonatingAdmins`). Apps that want a higher tier grant `ban-admins`,
 * `delete-admins` or `update-admins` to some role: from then on every action that changes an admin needs its
 * permission, whichever route it comes through, so no route is a detour around another (revoking an admin's
 * sessions included). Oneself is not "another admin"; the routes refuse self-bans and self-removal on their own.
 */
export function mayActOn(options: ResolvedAdminOptions, actor: Actor, target: Actor, permission: AdminTierPermission): boolean {
  if (target.id === actor.id || !isAdmin(options, target)) return true;
  if (permission === 'impersonate-admins') {
    if (options.allowImpersonatingAdmins) return true;
  } else if (!options.adminTier) {
    return true;
  }
  return hasPermission(options, actor, { user: [permission] });
}

/** Throws `refusal` unless `mayActOn`: every admin route that acts on a user goes through this. */
export function assertMayActOn(
  options: ResolvedAdminOptions,
  actor: Actor,
  target: Actor,
  permission: AdminTierPermission,
  refusal: DeclaredError,
): void {
  if (!mayActOn(options, actor, target, permission)) throw new AuthError(refusal);
}
