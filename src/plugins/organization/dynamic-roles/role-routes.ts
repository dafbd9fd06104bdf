import type { AuthContext } from '../../../core/auth-context';
import { serialiseDates } from '../../../core/json-date';
import { AuthError } from '../../../errors/auth-error';
import type { DeclaredError } from '../../../errors/declared-error';
import { defineRoute, type RouteDefinition } from '../../../http/route';
import type { ActiveSession } from '../../../core/session-service';
import { activeOrganizationOf } from '../active-organization';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { idOf, organizationIdOr, requireMember, roleOf } from '../memberships';
import type { ResolvedOrganizationOptions } from '../options';
import { rolesAllow } from '../roles';
import { rolesInOrganization, storedPermission } from './organization-roles';
import { createRole, deleteRole, findRole, updateRole } from './role-changes';
import { CreateRoleDto, CreateRoleResponse, DeleteRoleDto, DeleteRoleResponse, GetRoleQuery, ListRolesQuery, RoleJson, UpdateRoleDto, UpdateRoleResponse } from './role-dtos';
import { DYNAMIC_ROLE_ERRORS as R } from './role-errors';
import { organizationRoleModel, type OrganizationRoleRow } from './role-model';

/** A role as the routes answer it (better-auth's shape): the row, `permission` parsed, dates as JSON text. */
export const roleJson = (row: OrganizationRoleRow) => serialiseDates({ ...row, permission: storedPermission(row) });

/** The caller's membership of the named (or active) organization: `refusal` without one, 403 when not a member. */
async function callerIn(auth: AuthContext, active: ActiveSession, given: string | undefined, refusal: DeclaredError = E.NO_ACTIVE_ORGANIZATION) {
  const organizationId = organizationIdOr(given, activeOrganizationOf(auth, active), refusal);
  const member = await requireMember(auth, organizationId, idOf(auth, 'user', active.user), E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
  return { organizationId, member };
}

/** A role reference with its name or id, else `ROLE_NOT_FOUND` (better-auth's answer to neither). */
const referenceOf = (dto: { roleName?: string; roleId?: string }) => {
  if (!dto.roleName && !dto.roleId) throw new AuthError(E.ROLE_NOT_FOUND);
  return dto.roleName ? { roleName: dto.roleName } : { roleId: dto.roleId };
};

const COMMON = [E.NO_ACTIVE_ORGANIZATION, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION];

/**
 * better-auth 1.7's dynamic access control routes, mounted when `dynamicAccessControl.enabled`: an
 * organization's roles, created, read, changed and deleted by its members who hold `ac` permissions.
 * @example
 * POST /organization/create-role { role: 'billing', permission: { invitation: ['create'] } } → { success, roleData, statements }
 */
export function dynamicRoleRoutes(options: ResolvedOrganizationOptions): RouteDefinition[] {
  return [createRoleRoute(options), listRolesRoute(options), getRoleRoute(options), updateRoleRoute(options), deleteRoleRoute(options)];
}

function createRoleRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/create-role',
    summary: 'Create a role of an organization',
    body: CreateRoleDto,
    session: 'required',
    response: { body: CreateRoleResponse },
    errors: [...COMMON, R.YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE, R.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_ROLE, R.TOO_MANY_ROLES, R.INVALID_RESOURCE, R.ROLE_NAME_IS_ALREADY_TAKEN, R.INVALID_ROLE_NAME],
    handle: async (ctx, dto: CreateRoleDto) => {
      if (dto.additionalFields && Object.keys(dto.additionalFields).length > 0) throw new AuthError('VALIDATION_ERROR', 'additionalFields: the role table has no additional fields');
      const active = await ctx.requireSession();
      const { organizationId, member } = await callerIn(ctx.auth, active, dto.organizationId, R.YOU_MUST_BE_IN_AN_ORGANIZATION_TO_CREATE_A_ROLE);
      // The raw body's permission: the DTO's copy may lose keys named like Object.prototype's (`toString`), which must be refused, not dropped.
      const row = await createRole(ctx.auth, options, organizationId, member, { role: dto.role, permission: ctx.body.permission });
      const roleData = roleJson(row);
      return { success: true, roleData, statements: roleData.permission };
    },
  });
}

function listRolesRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-roles',
    summary: "An organization's roles",
    query: ListRolesQuery,
    session: 'required',
    response: { body: RoleJson, array: true },
    errors: [...COMMON, R.YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE],
    handle: async (ctx, _dto, query: ListRolesQuery) => {
      const active = await ctx.requireSession();
      const { organizationId, member } = await callerIn(ctx.auth, active, query.organizationId);
      const scoped = await rolesInOrganization(ctx.auth, options, organizationId);
      if (!rolesAllow(scoped, roleOf(ctx.auth, member), { ac: ['read'] })) throw new AuthError(R.YOU_ARE_NOT_ALLOWED_TO_LIST_A_ROLE);
      const rows = await ctx.auth.records(organizationRoleModel).findMany({ organizationId }, { orderBy: ['createdAt', 'asc'] });
      return rows.map(roleJson);
    },
  });
}

function getRoleRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/get-role',
    summary: 'One role of an organization, by name or id',
    query: GetRoleQuery,
    session: 'required',
    response: { body: RoleJson },
    errors: [...COMMON, R.YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE, E.ROLE_NOT_FOUND],
    handle: async (ctx, _dto, query: GetRoleQuery) => {
      const active = await ctx.requireSession();
      const { organizationId, member } = await callerIn(ctx.auth, active, query.organizationId);
      const scoped = await rolesInOrganization(ctx.auth, options, organizationId);
      if (!rolesAllow(scoped, roleOf(ctx.auth, member), { ac: ['read'] })) throw new AuthError(R.YOU_ARE_NOT_ALLOWED_TO_READ_A_ROLE);
      return roleJson(await findRole(ctx.auth, ctx.auth.db, organizationId, referenceOf(query)));
    },
  });
}

function updateRoleRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/update-role',
    summary: "Change a role's permission or name (its holders keep it under the new name)",
    body: UpdateRoleDto,
    session: 'required',
    response: { body: UpdateRoleResponse },
    errors: [...COMMON, R.YOU_ARE_NOT_ALLOWED_TO_UPDATE_A_ROLE, E.ROLE_NOT_FOUND, R.INVALID_RESOURCE, R.ROLE_NAME_IS_ALREADY_TAKEN, R.INVALID_ROLE_NAME],
    handle: async (ctx, dto: UpdateRoleDto) => {
      const data = ctx.body.data as Record<string, unknown>; // raw, as for create-role
      const unknown = Object.keys(data).filter((key) => key !== 'permission' && key !== 'roleName');
      if (unknown.length > 0) throw new AuthError('VALIDATION_ERROR', `data: the role table has no field ${unknown.join(', ')}`);
      const active = await ctx.requireSession();
      const { organizationId, member } = await callerIn(ctx.auth, active, dto.organizationId);
      const row = await updateRole(ctx.auth, options, organizationId, member, referenceOf(dto), { permission: data.permission, roleName: data.roleName });
      return { success: true, roleData: roleJson(row) };
    },
  });
}

function deleteRoleRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/delete-role',
    summary: 'Delete a role nobody holds',
    body: DeleteRoleDto,
    session: 'required',
    response: { body: DeleteRoleResponse },
    errors: [...COMMON, R.YOU_ARE_NOT_ALLOWED_TO_DELETE_A_ROLE, E.ROLE_NOT_FOUND, R.CANNOT_DELETE_A_PRE_DEFINED_ROLE, R.ROLE_IS_ASSIGNED_TO_MEMBERS, R.ROLE_IS_ASSIGNED_TO_PENDING_INVITATIONS],
    handle: async (ctx, dto: DeleteRoleDto) => {
      const active = await ctx.requireSession();
      const { organizationId, member } = await callerIn(ctx.auth, active, dto.organizationId);
      await deleteRole(ctx.auth, options, organizationId, member, referenceOf(dto));
      return { success: true };
    },
  });
}
