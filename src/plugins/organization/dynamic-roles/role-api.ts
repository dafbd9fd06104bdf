import type { AuthContext } from '../../../core/auth-context';
import { ConfigError } from '../../../errors/config-error';
import type { ResolvedOrganizationOptions } from '../options';
import { createRole, deleteRole, findRole, updateRole, type RoleChanges, type RoleReference } from './role-changes';
import { organizationRoleModel } from './role-model';
import { storedPermission } from './organization-roles';

/**
 * The role operations for server code, under `auth.api.organization`: trusted, so they skip the caller checks
 * the routes make (as better-auth's server API does), but keep every rule that protects data: names, grantable
 * permissions, the limit, roles in use, holders carried along on a rename. Roles come back with `permission`
 * as an object.
 * @example
 * const role = await auth.api.organization.createRole({ organizationId, role: 'billing', permission: { invitation: ['create'] } });
 * await auth.api.organization.updateRole({ organizationId, roleName: 'billing', data: { roleName: 'finance' } });
 */
export function dynamicRoleApi(auth: AuthContext, options: ResolvedOrganizationOptions) {
  const withPermission = <R extends { permission: string }>(row: R) => ({ ...row, permission: storedPermission(row) });
  // Without the option there is no role table: say so, rather than fail on a table nobody declared.
  const whenEnabled =
    <A, R>(operation: (input: A) => Promise<R>) =>
    async (input: A): Promise<R> => {
      if (!options.dynamicAccessControl.enabled) throw new ConfigError('OrganizationPlugin: roles defined at run time need dynamicAccessControl: { enabled: true }.');
      return operation(input);
    };
  return {
    createRole: whenEnabled(async (input: { organizationId: string; role: string; permission: Record<string, string[]> }) =>
      withPermission(await createRole(auth, options, input.organizationId, null, input)),
    ),
    listRoles: whenEnabled(async (input: { organizationId: string }) =>
      (await auth.records(organizationRoleModel).findMany({ organizationId: input.organizationId }, { orderBy: ['createdAt', 'asc'] })).map(withPermission),
    ),
    getRole: whenEnabled(async (input: RoleReference & { organizationId: string }) => withPermission(await findRole(auth, auth.db, input.organizationId, input))),
    updateRole: whenEnabled(async (input: RoleReference & { organizationId: string; data: RoleChanges }) =>
      withPermission(await updateRole(auth, options, input.organizationId, null, input, input.data)),
    ),
    deleteRole: whenEnabled((input: RoleReference & { organizationId: string }) => deleteRole(auth, options, input.organizationId, null, input)),
  };
}
