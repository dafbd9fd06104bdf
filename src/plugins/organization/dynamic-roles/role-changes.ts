import type { DatabaseAdapter } from '../../../../adapters/database-adapter';
import type { AuthContext } from '../../../core/auth-context';
import { AuthError } from '../../../errors/auth-error';
import type { DeclaredError } from '../../../errors/declared-error';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { roleOf, withOrganizationLocked } from '../memberships';
import type { ResolvedOrganizationOptions } from '../options';
import { rolesAllow } from '../roles';
import { rolesInOrganization, storedPermission } from './organization-roles';
import { DYNAMIC_ROLE_ERRORS as R } from './role-errors';
import { carryHolders, holdersOf } from './role-holders';
import { organizationRoleModel, type OrganizationRoleRow } from './role-model';
import { canonicalRoleName, isStaticRoleName, newRoleName } from './role-names';
import { grantablePermission, ungranted, type Permission } from './role-permissions';

/** A role named by id or by name (better-auth's `roleId` / `roleName`; the name wins when both are given). */
export interface RoleReference {
  roleId?: string;
  roleName?: string;
}

/** What `update-role` changes: the permission, the name, or both. */
export interface RoleChanges {
  permission?: unknown;
  roleName?: unknown;
}

/**
 * Every change to an organization's roles runs in one transaction holding the organization's lock
 * (`withOrganizationLocked`): the limit is counted, names are checked, holders are carried and the caller's
 * rights are judged against what the transaction sees, so parallel requests (in any process) cannot slip past
 * one another. `actor` is the caller's membership; `null` is trusted server code, which skips the role checks.
 */
export async function createRole(auth: AuthContext, options: ResolvedOrganizationOptions, organizationId: string, actor: object | null, input: { role: unknown; permission: unknown }) {
  const name = newRoleName(options, input.role);
  const permission = grantablePermission(options.dynamicAccessControl.statements, input.permission);
  const limit = await maximumRoles(options, organizationId);
  return withOrganizationLocked(auth, organizationId, async (tx) => {
    const scoped = await rolesInOrganization(auth, options, organizationId, tx);
    assertMay(scoped, actor && roleOf(auth, actor), 'create', [permission], R.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE);
    const roles = auth.records(organizationRoleModel, tx);
    if ((await roles.count({ organizationId })) >= limit) throw new AuthError(R.TOO_MANY_ROLES);
    await assertNameFree(auth, tx, organizationId, name);
    const now = new Date();
    return roles.create({ organizationId, role: name, permission: JSON.stringify(permission), createdAt: now, updatedAt: now });
  });
}

/**
 * Changes a role's permission and/or name. The caller needs `ac: ['update']` and must hold every action of
 * the role both as it is and as it will be: an admin cannot weaken, strengthen past themselves or rename an
 * owner-made role stronger than their own. A rename carries the role's holders along in the same transaction.
 */
export async function updateRole(auth: AuthContext, options: ResolvedOrganizationOptions, organizationId: string, actor: object | null, reference: RoleReference, changes: RoleChanges) {
  const permission = changes.permission === undefined ? undefined : grantablePermission(options.dynamicAccessControl.statements, changes.permission);
  const name = changes.roleName === undefined ? undefined : newRoleName(options, changes.roleName);
  return withOrganizationLocked(auth, organizationId, async (tx) => {
    const scoped = await rolesInOrganization(auth, options, organizationId, tx);
    assertMay(scoped, actor && roleOf(auth, actor), 'update', [], R.YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE); // before saying whether the role exists
    const row = await findRole(auth, tx, organizationId, reference);
    assertMay(scoped, actor && roleOf(auth, actor), 'update', [storedPermission(row), permission ?? {}], R.YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE);
    const values: Partial<OrganizationRoleRow> = { updatedAt: new Date() };
    if (permission) values.permission = JSON.stringify(permission);
    if (name !== undefined && name !== row.role) {
      await assertNameFree(auth, tx, organizationId, name);
      values.role = name;
      await carryHolders(auth, tx, organizationId, row.role, name);
    }
    await auth.records(organizationRoleModel, tx).update({ id: row.id, organizationId }, values);
    return { ...row, ...values };
  });
}

/**
 * Deletes a role nobody carries: a role held by members (`ROLE_IS_ASSIGNED_TO_MEMBERS`, as better-auth) or by
 * invitations that can still be accepted (`ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS`, ours) is refused, so
 * nobody silently loses rights and no invitation turns into a membership with a role that is gone. The caller
 * needs `ac: ['delete']` and every action the role grants.
 */
export async function deleteRole(auth: AuthContext, options: ResolvedOrganizationOptions, organizationId: string, actor: object | null, reference: RoleReference): Promise<void> {
  if (reference.roleName !== undefined && isStaticRoleName(options, reference.roleName)) throw new AuthError(R.CANNOT_DELETE_A_PRE_DEFINED_ROLE);
  await withOrganizationLocked(auth, organizationId, async (tx) => {
    const scoped = await rolesInOrganization(auth, options, organizationId, tx);
    assertMay(scoped, actor && roleOf(auth, actor), 'delete', [], R.YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE);
    const row = await findRole(auth, tx, organizationId, reference);
    assertMay(scoped, actor && roleOf(auth, actor), 'delete', [storedPermission(row)], R.YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE);
    const holders = await holdersOf(auth, tx, organizationId, row.role);
    if (holders.members.length > 0) throw new AuthError(R.ROLE_IS_ASSIGNED_TO_MEMBERS);
    if (holders.openInvitations.length > 0) throw new AuthError(R.ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS);
    await auth.records(organizationRoleModel, tx).deleteMany({ id: row.id, organizationId });
  });
}

/**
 * The organization's role by id or name, or `ROLE_NOT_FOUND`. Always filtered by the organization as well:
 * another organization's role id finds nothing here.
 */
export async function findRole(auth: AuthContext, db: DatabaseAdapter, organizationId: string, reference: RoleReference): Promise<OrganizationRoleRow> {
  const roles = auth.records(organizationRoleModel, db);
  const row =
    reference.roleName !== undefined
      ? await roles.findOne({ organizationId, role: canonicalRoleName(reference.roleName) })
      : reference.roleId !== undefined
        ? await roles.findOne({ organizationId, id: reference.roleId })
        : null;
  if (!row) throw new AuthError(E.ROLE_NOT_FOUND);
  return row;
}

/** `ac: [action]` and, for each permission, every action in it ("nobody grants what they lack"). */
function assertMay(scoped: ResolvedOrganizationOptions, actorRole: string | null, action: string, permissions: Permission[], refusal: DeclaredError): void {
  if (actorRole === null) return;
  if (!rolesAllow(scoped, actorRole, { ac: [action] })) throw new AuthError(refusal);
  const missing = permissions.flatMap((permission) => ungranted(scoped, actorRole, permission));
  if (missing.length > 0) throw new AuthError(refusal, `${refusal.message}: it grants ${[...new Set(missing)].join(', ')}, which your roles do not`);
}

/**
 * A name no role of the organization has, and nobody still carries: a member or an open invitation left
 * holding a name (assigned while the role was renamed or deleted, or from data written before) would
 * otherwise silently gain whatever a new role of that name grants.
 */
async function assertNameFree(auth: AuthContext, tx: DatabaseAdapter, organizationId: string, name: string): Promise<void> {
  if (await auth.records(organizationRoleModel, tx).findOne({ organizationId, role: name })) throw new AuthError(R.ROLE_NAME_IS_ALREADY_TAKEN);
  const holders = await holdersOf(auth, tx, organizationId, name);
  if (holders.members.length > 0 || holders.openInvitations.length > 0) throw new AuthError(R.ROLE_NAME_IS_ALREADY_TAKEN);
}

async function maximumRoles(options: ResolvedOrganizationOptions, organizationId: string): Promise<number> {
  const limit = options.dynamicAccessControl.maximumRolesPerOrganization;
  return typeof limit === 'number' ? limit : limit(organizationId);
}
