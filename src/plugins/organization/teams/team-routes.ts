import { AuthError } from '../../../errors/auth-error';
import { defineRoute, type RouteDefinition } from '../../../http/route';
import { validateDto } from '../../../http/validate-dto';
import { activeOrganizationOf } from '../active-organization';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { idOf, organizationIdOr, requireMember, roleOf } from '../memberships';
import type { ResolvedOrganizationOptions } from '../options';
import { rolesAllow } from '../roles';
import { activeTeamOf, setActiveTeam } from './active-team';
import { CreateTeamDto, ListTeamsQuery, RemoveTeamDto, SetActiveTeamDto, TeamChangesDto, TeamMessageResponse, UpdateTeamDto } from './team-dtos';
import { TEAM_ERRORS as T } from './team-errors';
import { createTeam, listTeams, removeTeam, requireTeam, teamJson, teamMemberRows, updateTeam } from './teams';

/**
 * The team routes of better-auth 1.7 (create, list, update, remove, set active). Every route that names a
 * team by id looks it up within the caller's organization: a team of another organization is `TEAM_NOT_FOUND`.
 */

/** `POST /organization/create-team` `{ name, organizationId? }` → the team; needs `team: ['create']`. */
export function createTeamRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/create-team',
    summary: 'Create a team in an organization',
    body: CreateTeamDto,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION, T.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS],
    handle: async (ctx, dto: CreateTeamDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      // better-auth's answer to a caller outside the organization, whatever the organization id.
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), E.YOU_ARE_NOT_ALLOWED_TO_INVITE_USERS_TO_THIS_ORGANIZATION);
      if (!rolesAllow(options, roleOf(ctx.auth, member), { team: ['create'] })) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_CREATE_TEAMS_IN_THIS_ORGANIZATION);
      return teamJson(await createTeam(ctx.auth, options.teams, organizationId, dto.name));
    },
  });
}

/** `GET /organization/list-teams?organizationId` → the organization's teams; members only. */
export function listTeamsRoute(): RouteDefinition {
  return defineRoute({
    method: 'GET',
    path: '/organization/list-teams',
    summary: "An organization's teams",
    query: ListTeamsQuery,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION],
    handle: async (ctx, _dto, query: ListTeamsQuery) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(query.organizationId, activeOrganizationOf(ctx.auth, active));
      await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), T.YOU_ARE_NOT_ALLOWED_TO_ACCESS_THIS_ORGANIZATION);
      return (await listTeams(ctx.auth, organizationId)).map(teamJson);
    },
  });
}

/** `POST /organization/update-team` `{ teamId, data: { name?, organizationId? } }` → the team; needs `team: ['update']`. */
export function updateTeamRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/update-team',
    summary: "Rename a team",
    body: UpdateTeamDto,
    session: 'required',
    errors: [E.NO_ACTIVE_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM, T.TEAM_NOT_FOUND],
    handle: async (ctx, dto: UpdateTeamDto) => {
      const active = await ctx.requireSession();
      const changes = await validateDto(TeamChangesDto, dto.data);
      const organizationId = organizationIdOr(changes.organizationId, activeOrganizationOf(ctx.auth, active));
      const member = await requireMember(ctx.auth, organizationId, idOf(ctx.auth, 'user', active.user), T.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM);
      if (!rolesAllow(options, roleOf(ctx.auth, member), { team: ['update'] })) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_UPDATE_THIS_TEAM);
      const team = await requireTeam(ctx.auth, dto.teamId, organizationId);
      return teamJson(await updateTeam(ctx.auth, team, changes.name));
    },
  });
}

/**
 * `POST /organization/remove-team` `{ teamId, organizationId? }` → `{ message }`; needs `team: ['delete']`.
 * As in better-auth, a session cannot remove its own active team, and the last team stays.
 */
export function removeTeamRoute(options: ResolvedOrganizationOptions): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/remove-team',
    summary: 'Remove a team with its memberships',
    body: RemoveTeamDto,
    session: 'required',
    response: { body: TeamMessageResponse },
    errors: [E.NO_ACTIVE_ORGANIZATION, T.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM, T.YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION, T.TEAM_NOT_FOUND, T.UNABLE_TO_REMOVE_LAST_TEAM],
    handle: async (ctx, dto: RemoveTeamDto) => {
      const active = await ctx.requireSession();
      const organizationId = organizationIdOr(dto.organizationId, activeOrganizationOf(ctx.auth, active));
      const member = await ctx.auth.db.getMember(organizationId, idOf(ctx.auth, 'user', active.user));
      if (!member || activeTeamOf(ctx.auth, active) === dto.teamId) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_DELETE_THIS_TEAM);
      if (!rolesAllow(options, roleOf(ctx.auth, member), { team: ['delete'] })) throw new AuthError(T.YOU_ARE_NOT_ALLOWED_TO_DELETE_TEAMS_IN_THIS_ORGANIZATION);
      await removeTeam(ctx.auth, options.teams, await requireTeam(ctx.auth, dto.teamId, organizationId));
      return { message: 'Team removed successfully.' };
    },
  });
}

/**
 * `POST /organization/set-active-team` `{ teamId }` → the team now active (a team of the active organization
 * the caller belongs to); `teamId: null` clears it (→ `null`); no `teamId` answers the current one, clearing
 * it if it no longer holds.
 */
export function setActiveTeamRoute(): RouteDefinition {
  return defineRoute({
    method: 'POST',
    path: '/organization/set-active-team',
    summary: "Set (or clear) the session's active team",
    body: SetActiveTeamDto,
    session: 'required',
    response: { nullable: true },
    errors: [E.NO_ACTIVE_ORGANIZATION, T.TEAM_NOT_FOUND, T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM],
    handle: async (ctx, dto: SetActiveTeamDto) => {
      const active = await ctx.requireSession();
      if (dto.teamId === null) {
        await setActiveTeam(ctx.auth, active, null);
        return null;
      }
      const teamId = dto.teamId || activeTeamOf(ctx.auth, active);
      if (!teamId) return null;
      const organizationId = organizationIdOr(null, activeOrganizationOf(ctx.auth, active));
      const userId = idOf(ctx.auth, 'user', active.user);
      try {
        const team = await requireTeam(ctx.auth, teamId, organizationId);
        // Team rows outlive nothing: a member of the team who left the organization is no member any more.
        const belongs = (await teamMemberRows(ctx.auth).findOne({ teamId, userId })) !== null && (await ctx.auth.db.getMember(organizationId, userId)) !== null;
        if (!belongs) throw new AuthError(T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM);
        await setActiveTeam(ctx.auth, active, team.id);
        return teamJson(team);
      } catch (error) {
        // A refused team is never left active (the request may have re-checked the current one).
        if (activeTeamOf(ctx.auth, active) === teamId) await setActiveTeam(ctx.auth, active, null);
        throw error;
      }
    },
  });
}
