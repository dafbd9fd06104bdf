import { defineRoute, type RouteDefinition } from '../../http/route';
import { activeOrganizationOf } from './active-organization';
import { ListMembersQuery, MemberListResponse, MemberResponse, OrganizationIdDto, RemoveMemberDto, UpdateMemberRoleDto } from './dtos';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { memberListOptions } from './member-list-query';
import { findMember, leaveOrganization, removeMember, updateMemberRole } from './members';
import { idOf, membersWithUsers, namedOrganizationId, organizationIdOr, requireMember } from './memberships';
import { memberJson } from './organization-json';
import type { ResolvedOrganizationOptions } from './options';

/**
 * `GET /organization/list-members?limit&offset&sortBy&sortDirection&filterField&filterOperator&filterValue&organizationId|organizationSlug`
 * → `{ members, total }`, each member with its user; `total` counts the members matching the filter.
 */
export function listMembersRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-members',
    summary: "A page of an organization's members with their users",
    query: ListMembersQuery,
    session: 'required',
    response: { body: MemberListResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, E.ORGANIZATION_NOT_FOUND, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION],
    handle: async (ctx, _dto, query: ListMembersQuery) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(await namedOrganizationId(ctx.auth, query, activeOrganizationOf(ctx.auth, active)), null);
      await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
      const list = memberListOptions(ctx.auth, query, typeof options.membershipLimit === 'number' ? options.membershipLimit : 100);
      const [members, total] = await Promise.all([membersWithUsers(ctx.auth, organizationId, list), ctx.auth.db.countMembers(organizationId, list.filter)]);
      return { members, total };
    },
  });
}

/** `POST /organization/remove-member` `{ memberIdOrEmail, organizationId? }` → `{ member }` (the removed one). */
export function removeMemberRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/remove-member',
    summary: 'Remove a member, by member id or email',
    body: RemoveMemberDto,
    session: 'required',
    response: { body: MemberResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, E.MEMBER_NOT_FOUND, E.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_MEMBER, E.YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER],
    handle: async (ctx, dto: RemoveMemberDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const actor = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      const target = await findMember(ctx.auth, organizationId, dto.memberIdOrEmail);
      await removeMember(ctx.auth, options, target, actor);
      return { member: memberJson(ctx.auth, target) };
    },
  });
}

/** `POST /organization/update-member-role` `{ memberId, role, organizationId? }` → the member. */
export function updateMemberRoleRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/update-member-role',
    summary: "Change a member's role or roles",
    body: UpdateMemberRoleDto,
    session: 'required',
    errors: [
      E.NO_ACTIVE_ORGANIZATION,
      E.MEMBER_NOT_FOUND,
      E.ROLE_NOT_FOUND,
      E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER,
      E.YOU_CANNOT_LEAVE_THE_ORGANIZATION_WITHOUT_AN_OWNER,
    ],
    handle: async (ctx, dto: UpdateMemberRoleDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const actor = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      const target = await findMember(ctx.auth, organizationId, dto.memberId);
      return memberJson(ctx.auth, await updateMemberRole(ctx.auth, options, target, dto.role, actor));
    },
  });
}

/** `POST /organization/leave` `{ organizationId }` → the membership that ended. */
export function leaveRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/leave',
    summary: 'Leave an organization',
    body: OrganizationIdDto,
    session: 'required',
    errors: [E.MEMBER_NOT_FOUND, E.YOU_CANNOT_LEAVE_THE_ORGANIZATION_AS_THE_ONLY_OWNER],
    handle: async (ctx, dto: OrganizationIdDto) => {
      const active = await ctx.requireSession();
      const member = await requireMember(ctx.auth, dto.organizationId, idOf(ctx.auth, 'user', active.user), E.MEMBER_NOT_FOUND);
      await leaveOrganization(ctx.auth, options, member);
      return memberJson(ctx.auth, member);
    },
  });
}
