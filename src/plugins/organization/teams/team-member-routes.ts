import { AuthError } from '../../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../../http/route';
import type { RouteContext } from '../../../http/route';
import { activeOrganizationOf } from '../active-organization';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { idOf, organizationIdOr, requireMember, roleOf } from '../memberships';
import type { ResolvedOrganizationOptions } from '../options';
import { rolesAllow } from '../roles';
import { activeTeamOf } from './active-team';
import { ListTeamMembersQuery, ListUserTeamsQuery, TeamMemberDto, TeamMessageResponse } from './team-dtos';
import { TEAM_ERRORS as T } from './team-errors';
import { addTeamMember, removeTeamMember, requireTeam, teamJson, teamMemberJson, teamMemberRows, teamRows } from './teams';

/**
 * Who is in which team: better-auth 1.7's add/remove/list routes. Adding takes `member: ['update']` and
 * removing `member: ['delete']` in the team's organization, and only members of that organization join.
 */

/** `POST /organization/add-team-member` `{ teamId, userId, organizationId? }` → the team membership. */
export function addTeamMemberRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/add-team-member',
    summary: 'Add a member of the organization to one of its teams',
    body: TeamMemberDto,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER, T.TEAM_NOT_FOUND, T.TEAM_MEMBER_LIMIT_REACHED],
    handle: async (ctx, dto: TeamMemberDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const caller = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user));
      if (!rolesAllow(options, roleOf(ctx.auth, caller), { member: ['update'] })) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_CREATE_A_NEW_TEAM_MEMBER);
      await requireMember(ctx.auth, organizationId, dto.userId);
      const team = await requireTeam(ctx.auth, dto.teamId, organizationId);
      return teamMemberJson(await addTeamMember(ctx.auth, options.teams, team, dto.userId));
    },
  });
}

/** `POST /organization/remove-team-member` `{ teamId, userId, organizationId? }` → `{ message }`. */
export function removeTeamMemberRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/remove-team-member',
    summary: 'Take a member out of a team',
    body: TeamMemberDto,
    session: 'required',
    response: { body: TeamMessageResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER, T.TEAM_NOT_FOUND, T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM],
    handle: async (ctx, dto: TeamMemberDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const caller = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user));
      if (!rolesAllow(options, roleOf(ctx.auth, caller), { member: ['delete'] })) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_REMOVE_A_TEAM_MEMBER);
      await requireMember(ctx.auth, organizationId, dto.userId);
      const team = await requireTeam(ctx.auth, dto.teamId, organizationId);
      await removeTeamMember(ctx.auth, team, dto.userId);
      return { message: 'Team member removed successfully.' };
    },
  });
}

/** The members of a team the caller belongs to (in an organization they belong to), in joining order. */
async function membersOfCallersTeam(ctx: RouteContext, teamId: string | null) {
  const active = await ctx.requireSession();
  if (!teamId) throw new AuthError(T.YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM);
  const team = await teamRows(ctx.auth).findOne({ id: teamId });
  if (!team) throw new AuthError(T.TEAM_NOT_FOUND);
  const userId = idOf(ctx.auth, 'user', active.user);
  const inTeam = (await ctx.auth.db.getMember(team.organizationId, userId)) !== null && (await teamMemberRows(ctx.auth).findOne({ teamId, userId })) !== null;
  if (!inTeam) throw new AuthError(T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM);
  return (await teamMemberRows(ctx.auth).findMany({ teamId }, { orderBy: ['createdAt', 'asc'] })).map(teamMemberJson);
}

/** `GET /organization/list-team-members?teamId` → the team's memberships (the active team's without `teamId`); team members only. */
export function listTeamMembersRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-team-members',
    summary: "A team's members",
    query: ListTeamMembersQuery,
    session: 'required',
    errors: [T.YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM, T.TEAM_NOT_FOUND, T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM],
    handle: async (ctx, _dto, query: ListTeamMembersQuery) => membersOfCallersTeam(ctx, query.teamId || activeTeamOf(ctx.auth, await ctx.requireSession())),
  });
}

/** `GET /organization/list-active-team-members` → the active team's memberships (older clients' name for list-team-members without `teamId`). */
export function listActiveTeamMembersRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-active-team-members',
    summary: "The active team's members",
    session: 'required',
    errors: [T.YOU_DO_NOT_HAVE_AN_ACTIVE_TEAM, T.TEAM_NOT_FOUND, T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM],
    handle: async (ctx) => membersOfCallersTeam(ctx, activeTeamOf(ctx.auth, await ctx.requireSession())),
  });
}

/**
 * `GET /organization/list-user-teams?userId&organizationId` → teams of a user. The caller's own: across every
 * organization they belong to, or one (`organizationId`). Another member's: in the named or active
 * organization, for callers with `member: ['update']` there. A fixed number of queries per organization,
 * whatever the number of teams.
 */
export function listUserTeamsRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-user-teams',
    summary: "A user's teams",
    query: ListUserTeamsQuery,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION, E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER, E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION],
    handle: async (ctx, _dto, query: ListUserTeamsQuery) => {
      const active = await ctx.requireSession();
      const self = idOf(ctx.auth, 'user', active.user);
      const target = query.userId || self;
      let organizationIds: string[];
      if (target !== self) {
        const organizationId = organizationIdOr(query.organizationId, activeOrganizationOf(ctx.auth, active));
        const caller = await requireMember(ctx.auth, organizationId, self, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
        if (!rolesAllow(options, roleOf(ctx.auth, caller), { member: ['update'] })) throw new AuthError(E.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_MEMBER);
        await requireMember(ctx.auth, organizationId, target);
        organizationIds = [organizationId];
      } else if (query.organizationId) {
        await requireMember(ctx.auth, query.organizationId, self, E.YOU_ARE_NOT_A_MEMBER_OF_THIS_ORGANIZATION);
        organizationIds = [query.organizationId];
      } else {
        organizationIds = (await ctx.auth.db.listOrganizationsForUser(self)).map((organization) => idOf(ctx.auth, 'organization', organization));
      }
      const joined = new Set((await teamMemberRows(ctx.auth).findMany({ userId: target })).map((membership) => membership.teamId));
      if (joined.size === 0) return [];
      const teams = await Promise.all(organizationIds.map((organizationId) => teamRows(ctx.auth).findMany({ organizationId }, { orderBy: ['createdAt', 'asc'] })));
      return teams.flat().filter((team) => joined.has(team.id)).map(teamJson);
    },
  });
}
