import type { AuthContext } from '../../core/auth-context';
import type { DeclaredError } from '../../errors/declared-error';
import { AuthError } from '../../errors/auth-error';
import type { PermissionRequest } from '../../core/access-control';
import { splitRoles, type ResolvedAdminOptions } from './options';

/** Who is asking, as the permission checks need it: an id and the stored role (or the role named in has-permission). */
export interface Actor {
  id: string;
  role: string | null;
}

/**
 * Whether a user may do everything asked: users in `adminUserIds` may do anything; anyone else needs one of
 * their roles (stored comma-separated; none means the default role) to grant all of it.
 */
export function hasPermission(options: ResolvedAdminOptions, actor: Actor, permissions: PermissionRequest): boolean {
  if (options.adminUserIds.includes(actor.id)) return true;
  const roles = splitRoles(actor.role);
  for (const role of roles.length > 0 ? roles : [options.defaultRole]) {
    // Own keys only: a stored role named `constructor` must not reach Object.prototype.
    if (Object.hasOwn(options.roles, role) && options.roles[role].authorize(permissions).success) return true;
  }
  return false;
}

/** Throws `refusal` unless the actor has the permissions. */
export function requirePermission(options: ResolvedAdminOptions, actor: Actor, permissions: PermissionRequest, refusal: DeclaredError): void {
  if (!hasPermission(options, actor, permissions)) throw new AuthError(refusal);
}

/** Whether a user is an admin (an admin role or an id in `adminUserIds`): other admins need more to act on them. */
export function isAdmin(options: ResolvedAdminOptions, target: Actor): boolean {
  if (options.adminUserIds.includes(target.id)) return true;
  const roles = splitRoles(target.role);
  return (roles.length > 0 ? roles : [options.defaultRole]).some((role) => options.adminRoles.includes(role));
}

/** A user entity as an `Actor`. */
export function actorOf(auth: AuthContext, user: object): Actor {
  const role = auth.models.user.has('role') ? auth.models.user.read(user, 'role') : null;
  return { id: String(auth.models.user.read(user, 'id')), role: typeof role === 'string' ? role : null };
}
