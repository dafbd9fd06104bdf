import type { Statements } from '../../../core/access-control';
import { AuthError } from '../../../errors/auth-error';
import type { ResolvedOrganizationOptions } from '../options';
import { holdsCreatorRole, parseRoles } from '../roles';
import { DYNAMIC_ROLE_ERRORS as R } from './role-errors';

/** Actions by resource, as a dynamic role grants them. */
export type Permission = Record<string, string[]>;

/**
 * A permission as a request sends it, checked against what dynamic roles may grant: resources mapped to lists
 * of action names (else `VALIDATION_ERROR`), each resource and action one the statements name (else
 * `INVALID_RESOURCE`; better-auth checks resources only, but an unknown action would be stored and never mean
 * anything). Duplicate actions are dropped.
 * @example
 * grantablePermission(statements, { member: ['update', 'update'] }); // { member: ['update'] }
 */
export function grantablePermission(statements: Statements, permission: unknown): Permission {
  if (permission === null || typeof permission !== 'object' || Array.isArray(permission)) {
    throw new AuthError('VALIDATION_ERROR', 'permission: must map resources to lists of actions');
  }
  const checked: Permission = {};
  for (const [resource, actions] of Object.entries(permission)) {
    if (!Array.isArray(actions) || !actions.every((action) => typeof action === 'string')) {
      throw new AuthError('VALIDATION_ERROR', 'permission: must map resources to lists of actions');
    }
    const known = Object.hasOwn(statements, resource) ? statements[resource] : undefined;
    if (!known || actions.some((action) => !known.includes(action))) throw new AuthError(R.INVALID_RESOURCE);
    checked[resource] = [...new Set(actions as string[])];
  }
  return checked;
}

/**
 * "Nobody grants what they lack": the actions of `permission` that none of the actor's roles grant, as
 * `resource:action`. Empty means the actor may create, change or remove a role with this permission. The
 * creator role is above every role, as for members. `scoped` must come from `rolesInOrganization`, so the
 * actor's own dynamic roles count.
 * @example
 * ungranted(scoped, 'admin', { organization: ['delete'] }); // ['organization:delete']
 */
export function ungranted(scoped: ResolvedOrganizationOptions, actorRole: string, permission: Permission): string[] {
  if (holdsCreatorRole(scoped, actorRole)) return [];
  const held = new Map<string, Set<string>>();
  for (const name of parseRoles(actorRole)) {
    if (!Object.hasOwn(scoped.roles, name)) continue;
    for (const [resource, actions] of Object.entries(scoped.roles[name].statements)) {
      const set = held.get(resource) ?? new Set<string>();
      actions.forEach((action) => set.add(action));
      held.set(resource, set);
    }
  }
  return Object.entries(permission).flatMap(([resource, actions]) => actions.filter((action) => !held.get(resource)?.has(action)).map((action) => `${resource}:${action}`));
}
