import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { PermissionRequest } from '../../core/access-control';
import { AdminHasPermissionResponse, HasPermissionDto } from './dtos';
import type { ResolvedAdminOptions } from './options';
import { actorOf, hasPermission } from './permissions';
import { roleValue } from './user-fields';

/** A permissions object is resources mapped to lists of action names; anything else is a 400. */
export function permissionRequest(value: unknown): PermissionRequest {
  const valid =
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((actions) => Array.isArray(actions) && actions.every((action) => typeof action === 'string'));
  if (!valid) throw new AuthError('VALIDATION_ERROR', 'permissions: give resources mapped to lists of actions, e.g. { "user": ["ban"] }');
  return value as PermissionRequest;
}

/**
 * `POST /admin/has-permission` `{ permissions }` → `{ error: null, success }`: whether the caller's roles grant
 * all of it. Over HTTP the answer is always about the caller (`userId` and `role` are for server code).
 */
export function hasPermissionRoute(options: ResolvedAdminOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/admin/has-permission',
    summary: "Whether the caller's roles grant some permissions",
    body: HasPermissionDto,
    session: 'required',
    response: { body: AdminHasPermissionResponse },
    handle: async (ctx, dto: HasPermissionDto) => {
      const permissions = permissionRequest(dto.permissions ?? dto.permission);
      if (dto.role !== undefined) roleValue(options, dto.role); // ignored over HTTP, but never accepted malformed
      const { user } = await ctx.requireSession();
      return { error: null, success: hasPermission(options, actorOf(ctx.auth, user), permissions) };
    },
  });
}
