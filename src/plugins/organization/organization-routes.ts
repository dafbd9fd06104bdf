import { AuthError } from '../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../http/route';
import { StatusResponse } from '../../http/response-dtos';
import { activeOrganizationOf, setActiveOrganization } from './active-organization';
import { validateDto } from '../../http/validate-dto';
import { CheckSlugDto, CreateOrganizationDto, OrganizationChangesDto, FullOrganizationQuery, OrganizationIdDto, UpdateOrganizationDto } from './dtos';
import { ORGANIZATION_ERRORS as E } from './error-codes';
import { idOf, membersWithUsers, namedOrganizationId, organizationIdOr, requireMember, roleOf } from './memberships';
import { invitationJson, memberJson, organizationJson } from './organization-json';
import { createOrganization, deleteOrganization, organizationInput, updateOrganization } from './organizations';
import type { ResolvedOrganizationOptions } from './options';
import { rolesAllow } from './roles';
import { visibleInvitations } from './invitations';
import { rolesInOrganization } from './dynamic-roles/organization-roles';
import { setActiveTeam } from './teams/active-team';
import { listTeams, teamJson } from './teams/teams';

/** `POST /organization/create` → the organization with `members: [creator]`; it becomes the active one. */
export function createOrganizationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/create',
    summary: 'Create an organization; the caller becomes its owner',
    body: CreateOrganizationDto,
    customInputOf: 'organization',
    session: 'required',
    errors: [E.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_ORGANIZATION, E.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_ORGANIZATIONS, E.ORGANIZATION_ALREADY_EXISTS],
    handle: async (ctx, dto: CreateOrganizationDto) => {
      const active = await ctx.requireSession();
      const { organization, member, team } = await createOrganization(ctx.auth, options, active.user, await organizationInput(ctx.auth, ctx.body), false);
      if (!dto.keepCurrentActiveOrganization) {
        await setActiveOrganization(ctx.auth, active, idOf(ctx.auth, 'organization', organization));
        if (team) await setActiveTeam(ctx.auth, active, team.id);
      }
      return { ...organizationJson(ctx.auth, organization), members: [memberJson(ctx.auth, member)] };
    },
  });
}

/** `POST /organization/update` `{ data, organizationId? }` → the organization. */
export function updateOrganizationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/update',
    summary: "Change an organization's name, slug, logo, metadata or custom fields",
    body: UpdateOrganizationDto,
    customInputOf: 'organization',
    customInputUnder: 'data',
    session: 'required',
    errors: [E.ORGANIZATION_NOT_FOUND, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION, E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION, E.ORGANIZATION_SLUG_ALREADY_TAKEN],
    handle: async (ctx, dto: UpdateOrganizationDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active), E.ORGANIZATION_NOT_FOUND);
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user));
      if (!rolesAllow(await rolesInOrganization(ctx.auth, options, organizationId), roleOf(ctx.auth, member), { organization: ['update'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_ORGANIZATION);
      // The standard fields are checked here; custom ones by the entity model, from the raw `data`.
      await validateDto(OrganizationChangesDto, dto.data);
      return organizationJson(ctx.auth, await updateOrganization(ctx.auth, organizationId, dto.data));
    },
  });
}

/** `POST /organization/delete` `{ organizationId }` → the deleted organization. */
export function deleteOrganizationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/delete',
    summary: 'Delete an organization with its members and invitations',
    body: OrganizationIdDto,
    session: 'required',
    errors: [E.ORGANIZATION_DELETION_DISABLED, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION, E.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION, E.ORGANIZATION_NOT_FOUND],
    handle: async (ctx, dto: OrganizationIdDto) => {
      if (options.disableOrganizationDeletion) throw new AuthError(E.ORGANIZATION_DELETION_DISABLED);
      const active = await ctx.requireSession();
      const member = await requireMember(ctx.auth, dto.organizationId, idOf(ctx.auth, 'user', active.user));
      if (!rolesAllow(await rolesInOrganization(ctx.auth, options, dto.organizationId), roleOf(ctx.auth, member), { organization: ['delete'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_ORGANIZATION);
      const organization = await deleteOrganization(ctx.auth, options, dto.organizationId, active.user);
      if (activeOrganizationOf(ctx.auth, active) === dto.organizationId) await setActiveOrganization(ctx.auth, active, null);
      return organizationJson(ctx.auth, organization);
    },
  });
}

/** `POST /organization/check-slug` `{ slug }` → `{ status: true }` when free, `ORGANIZATION_SLUG_ALREADY_TAKEN` otherwise. */
export function checkSlugRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/check-slug',
    summary: 'Whether an organization slug is free',
    body: CheckSlugDto,
    session: 'required',
    response: { body: StatusResponse },
    errors: [E.ORGANIZATION_SLUG_ALREADY_TAKEN],
    handle: async (ctx, dto: CheckSlugDto) => {
      if (await ctx.auth.db.getOrganizationBySlug(dto.slug)) throw new AuthError(E.ORGANIZATION_SLUG_ALREADY_TAKEN);
      return { status: true };
    },
  });
}

/** `GET /organization/list` → the caller's organizations. */
export function listOrganizationsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list',
    summary: "The caller's organizations",
    session: 'required',
    handle: async (ctx) => {
      const active = await ctx.requireSession();
      const organizations = await ctx.auth.db.listOrganizationsForUser(idOf(ctx.auth, 'user', active.user));
      return organizations.map((organization) => organizationJson(ctx.auth, organization));
    },
  });
}

/**
 * `GET /organization/get-full-organization?organizationId|organizationSlug&membersLimit` → the organization
 * with `members` (each with its user) and, for those who may invite, pending `invitations`; `null` when no
 * organization is named or active. A fixed number of queries whatever the size of the organization.
 */
export function getFullOrganizationRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/get-full-organization',
    summary: 'The organization with its members and invitations',
    query: FullOrganizationQuery,
    session: 'required',
    response: { nullable: true },
    errors: [E.ORGANIZATION_NOT_FOUND, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION],
    handle: async (ctx, _dto, query: FullOrganizationQuery) => {
      const active = await ctx.requireSession();
      const activeId = activeOrganizationOf(ctx.auth, active);
      const organizationId = await namedOrganizationId(ctx.auth, query, activeId);
      if (!organizationId) return null;
      const organization = await ctx.auth.db.getOrganizationById(organizationId);
      if (!organization) throw new AuthError(E.ORGANIZATION_NOT_FOUND);
      const member = await ctx.auth.db.getMember(organizationId, idOf(ctx.auth, 'user', active.user));
      if (!member) {
        // A stale active organization (the membership ended elsewhere) is dropped on the way.
        if (activeId === organizationId) await setActiveOrganization(ctx.auth, active, null);
        throw new AuthError(E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION);
      }
      const limit = query.membersLimit ?? (typeof options.membershipLimit === 'number' ? options.membershipLimit : 100);
      const members = await membersWithUsers(ctx.auth, organizationId, { limit });
      const pending = (await ctx.auth.db.listInvitations(organizationId)).filter((invitation) => ctx.auth.models.invitation.read(invitation, 'status') === 'pending');
      const invitations = visibleInvitations(ctx.auth, await rolesInOrganization(ctx.auth, options, organizationId), roleOf(ctx.auth, member), pending) ?? [];
      const full = { ...organizationJson(ctx.auth, organization), members, invitations: invitations.map((invitation) => invitationJson(ctx.auth, invitation)) };
      // As better-auth with teams on: the organization's teams too (one more query, whatever their number).
      return options.teams.enabled ? { ...full, teams: (await listTeams(ctx.auth, organizationId)).map(teamJson) } : full;
    },
  });
}
