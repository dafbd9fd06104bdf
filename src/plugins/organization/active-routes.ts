import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import type { PermissionRequest } from '../../core/access-control';
import { activeOrganizationOf, setActiveOrganization } from './active-organization';
import { ActiveMemberRoleQuery, OrganizationHasPermissionDto, PermissionResponse, SetActiveDto, MemberRoleResponse } from './dtos';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { idOf, namedOrganizationId, organizationIdOr, requireMember, roleOf } from './memberships';
import { memberWithUserJson, organizationJson } from './organization-json';
import type { ResolvedOrganizationOptions } from './options';
import { rolesInOrganization } from './dynamic-roles/organization-roles';
import { rolesAllow } from './roles';

/**
 * `POST /organization/set-active` `{ organizationId? | organizationSlug? }` → the organization now active;
 * `organizationId: null` clears it (→ `null`). Only a member can make an organization active.
 */
export function setActiveRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/set-active',
    summary: "Set (or clear) the session's active organization",
    body: SetActiveDto,
    session: 'required',
    response: { nullable: true },
    errors: [E.ORGANIZATION_NOT_FOUND, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION],
    handle: async (ctx, dto: SetActiveDto) => {
      const active = await ctx.requireSession();
      if (dto.organizationId === null) {
        await setActiveOrganization(ctx.auth, active, null);
        return null;
      }
      const organizationId = await namedOrganizationId(ctx.auth, { organizationId: dto.organizationId, organizationSlug: dto.organizationSlug }, activeOrganizationOf(ctx.auth, active));
      if (!organizationId) return null;
      if (!(await ctx.auth.db.getMember(organizationId, idOf(ctx.auth, 'user', active.user)))) {
        await setActiveOrganization(ctx.auth, active, null);
        throw new AuthError(E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION);
      }
      const organization = await ctx.auth.db.getOrganizationById(organizationId);
      if (!organization) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
      await setActiveOrganization(ctx.auth, active, organizationId);
      return organizationJson(ctx.auth, organization);
    },
  });
}

/** `GET /organization/get-active-member` → the caller's membership of the active organization, with `user`. */
export function getActiveMemberRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/get-active-member',
    summary: "The caller's membership of the active organization",
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, E.MEMBER_NOT_FOUND],
    handle: async (ctx) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(null, activeOrganizationOf(ctx.auth, active));
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      return memberWithUserJson(ctx.auth, member, active.user);
    },
  });
}

/** `GET /organization/get-active-member-role?userId&organizationId|organizationSlug` → `{ role }` (the caller's, or a fellow member's). */
export function getActiveMemberRoleRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/get-active-member-role',
    summary: "The caller's (or a fellow member's) role in an organization",
    query: ActiveMemberRoleQuery,
    session: 'required',
    response: { body: MemberRoleResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, E.ORGANIZATION_NOT_FOUND, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION],
    handle: async (ctx, _dto, query: ActiveMemberRoleQuery) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(await namedOrganizationId(ctx.auth, query, activeOrganizationOf(ctx.auth, active)), null);
      const caller = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
      if (!query.userId) return { role: roleOf(ctx.auth, caller) };
      const member = await requireMember(ctx.auth, organizationId, query.userId, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
      return { role: roleOf(ctx.auth, member) };
    },
  });
}

/** `POST /organization/has-permission` `{ permissions, organizationId? }` → `{ error: null, success }` for the caller's roles there. */
export function hasPermissionRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/has-permission',
    summary: "Whether the caller's roles in an organization grant some permissions",
    body: OrganizationHasPermissionDto,
    session: 'required',
    response: { body: PermissionResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION],
    handle: async (ctx, dto: OrganizationHasPermissionDto) => {
      const active = await ctx.requireSession();
      const permissions = permissionRequest(dto.permissions ?? dto.permission);
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user));
      return { error: null, success: rolesAllow(await rolesInOrganization(ctx.auth, options, organizationId), roleOf(ctx.auth, member), permissions) };
    },
  });
}

/** A permission request as sent: resources mapped to lists of action names, or a `VALIDATION_ERROR`. */
export function permissionRequest(value: unknown): PermissionRequest {
  const valid =
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.values(value).every((actions) => Array.isArray(actions) && actions.every((action) => typeof action === 'string'));
  if (!valid) throw new AuthError('VALIDATION_ERROR', 'permissions: must map resources to lists of actions');
  return value as PermissionRequest;
}
