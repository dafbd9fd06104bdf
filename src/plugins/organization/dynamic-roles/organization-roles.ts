import type { DatabaseAdapter } from '../../../../adapters/database-adapter';
import { Role } from '../../../core/access-control';
import type { AuthContext } from '../../../core/auth-context';
import type { ResolvedOrganizationOptions } from '../options';
import { AuthError } from '../../../errors/auth-error';
import type { DeclaredError } from '../../../errors/declared-error';
import { knownRoles, outranksOrEquals } from '../roles';
import { organizationRoleModel, type OrganizationRoleRow } from './role-model';

/**
 * The plugin's options as one organization sees them: its own roles (from `organizationRole`) beside the
 * app's. Every permission check of the plugin reads its roles from here, so a member holding a dynamic role
 * has exactly that role's permissions everywhere, and a role of organization A is unknown in organization B.
 * With dynamic access control off this is `options` itself, without a query.
 *
 * An app's role wins over a stored role of the same name (the routes refuse such names; a row could still
 * predate a role the app added later): the code's definition is the authority, never widened by a row.
 * Pass `db` (a transaction) to read what the transaction sees.
 * @example
 * const scoped = await rolesInOrganization(auth, options, organizationId);
 * rolesAllow(scoped, roleOf(auth, member), { project: ['create'] });
 */
export async function rolesInOrganization(
  auth: AuthContext,
  options: ResolvedOrganizationOptions,
  organizationId: string,
  db: DatabaseAdapter = auth.db,
): Promise<ResolvedOrganizationOptions> {
  if (!options.dynamicAccessControl.enabled) return options;
  const rows = await auth.records(organizationRoleModel, db).findMany({ organizationId });
  // Object.fromEntries defines own properties, so a stored name like `__proto__` stays a plain key.
  const stored = Object.fromEntries(rows.flatMap((row) => (Object.hasOwn(options.roles, row.role) ? [] : [[row.role, new Role(storedPermission(row))]])));
  return { ...options, roles: { ...stored, ...options.roles } };
}

/**
 * A row's permission as an object of action lists. A row that does not parse (written by hand, or damaged)
 * grants nothing rather than failing every check in its organization: closed, not broken.
 * @example
 * storedPermission({ permission: '{"member":["update"]}' } as OrganizationRoleRow); // { member: ['update'] }
 */
export function storedPermission(row: Pick<OrganizationRoleRow, 'permission'>): Record<string, string[]> {
  try {
    const parsed: unknown = JSON.parse(row.permission);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    return Object.fromEntries(
      Object.entries(parsed).flatMap(([resource, actions]) =>
        Array.isArray(actions) && actions.every((action) => typeof action === 'string') ? [[resource, actions as string[]]] : [],
      ),
    );
  } catch {
    return {};
  }
}

/**
 * Removes a deleted organization's roles. SQL databases cascade from the organization row already; this is for
 * stores without foreign keys (the memory adapter), so no role outlives its organization.
 * @example
 * await forgetOrganizationRoles(auth, options, organizationId); // after the organization is gone
 */
export async function forgetOrganizationRoles(auth: AuthContext, options: ResolvedOrganizationOptions, organizationId: string): Promise<void> {
  if (options.dynamicAccessControl.enabled) await auth.records(organizationRoleModel).deleteMany({ organizationId });
}

/**
 * Run inside the organization's lock, just before a write that hands out `roles` (a member's new roles, an
 * invitation's): the roles as that transaction sees them must still know every name, and `grantor` (when a
 * member grants them) must still outrank them. Role changes take the same lock, so a rename, delete or
 * strengthening that raced the checks made before the lock is refused here rather than leaving a member or an
 * invitation holding a name that grants nothing, or more than its grantor holds.
 * @example
 * await withOrganizationLocked(auth, organizationId, async (tx) => {
 *   await assertStillGrantable(auth, options, organizationId, tx, roles, { role: inviterRole, refusal: ORGANIZATION_ERRORS.YOU_ARE_NOT_ALLOWED_TO_INVITE_USER_WITH_THIS_ROLE });
 *   return tx.createInvitation(data);
 * });
 */
export async function assertStillGrantable(
  auth: AuthContext,
  options: ResolvedOrganizationOptions,
  organizationId: string,
  db: DatabaseAdapter,
  roles: readonly string[],
  grantor?: { role: unknown; refusal: DeclaredError },
): Promise<void> {
  if (!options.dynamicAccessControl.enabled) return;
  const current = await rolesInOrganization(auth, options, organizationId, db);
  knownRoles(current, roles.join(','));
  if (grantor && !outranksOrEquals(current, grantor.role, [...roles])) throw new AuthError(grantor.refusal);
}
