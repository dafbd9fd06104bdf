import type { ActiveSession } from '../../core/session-service';
import { AuthError } from '../../errors/auth-error';
import type { DeclaredError } from '../../errors/declared-error';
import type { RouteContext } from '../../http/route';
import type { PermissionRequest } from '../../core/access-control';
import { actorOf, hasPermission, isAdmin, type Actor } from './permissions';
import type { ResolvedAdminOptions } from './options';

/** The signed-in caller of an admin route, once they proved they may do what the route does. */
export interface Caller {
  active: ActiveSession;
  actor: Actor;
}

/** The caller's session (401 without one), refused with `refusal` unless their roles grant `permissions`. */
export async function callerAllowedTo(
  ctx: RouteContext,
  options: ResolvedAdminOptions,
  permissions: PermissionRequest,
  refusal: DeclaredError,
): Promise<Caller> {
  const active = await ctx.requireSession();
  const actor = actorOf(ctx.auth, active.user);
  if (!hasPermission(options, actor, permissions)) throw new AuthError(refusal);
  return { active, actor };
}

/**
 * Acting on another admin (banning, removing, impersonating them) takes a permission of its own
 * (`ban-admins`, `delete-admins`, `impersonate-admins`): an ordinary admin cannot lock out their peers.
 */
export function assertMayActOnAdmin(
  options: ResolvedAdminOptions,
  actor: Actor,
  target: Actor,
  permission: 'ban-admins' | 'delete-admins' | 'impersonate-admins' | 'update-admins',
  refusal: DeclaredError,
  allowedByOption = false,
): void {
  // Oneself is not "another admin"; the routes refuse self-bans and self-removal on their own.
  if (target.id === actor.id || !isAdmin(options, target) || allowedByOption) return;
  if (!hasPermission(options, actor, { user: [permission] })) throw new AuthError(refusal);
}
