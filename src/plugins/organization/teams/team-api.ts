import type { AuthContext } from '../../../core/auth-context';
import { AuthError } from '../../../errors/auth-error';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { requireOrganization } from '../memberships';
import type { ResolvedOrganizationOptions } from '../options';
import { TEAM_ERRORS as T } from './team-errors';
import type { TeamMemberRecord, TeamRecord } from './team-schema';
import { addTeamMember, createTeam, listTeams, removeTeam, removeTeamMember, requireTeam, teamMemberRows, updateTeam } from './teams';

/**
 * The team half of `auth.api.organization`, for server code (trusted: no role checks, as better-auth's server API),
 * keeping the rules that protect data: limits, the last team, members of the organization only.
 * @example
 * const team = await auth.api.organization.createTeam({ organizationId, name: 'Design' });
 * await auth.api.organization.addTeamMember({ organizationId, teamId: team.id, userId });
 */
export function teamApi(auth: AuthContext, options: ResolvedOrganizationOptions) {
  const enabled = () => {
    if (!options.teams.enabled) throw new AuthError(T.TEAM_NOT_FOUND, 'Teams are not enabled (OrganizationPlugin({ teams: { enabled: true } }))');
  };
  return {
    createTeam: async (input: { organizationId: string; name: string }): Promise<TeamRecord> => {
      enabled();
      await requireOrganization(auth, input.organizationId);
      return createTeam(auth, options.teams, input.organizationId, input.name);
    },
    listTeams: async (input: { organizationId: string }): Promise<TeamRecord[]> => (enabled(), listTeams(auth, input.organizationId)),
    updateTeam: async (input: { organizationId: string; teamId: string; name: string }): Promise<TeamRecord> => {
      enabled();
      return updateTeam(auth, await requireTeam(auth, input.teamId, input.organizationId), input.name);
    },
    removeTeam: async (input: { organizationId: string; teamId: string }): Promise<void> => {
      enabled();
      await removeTeam(auth, options.teams, await requireTeam(auth, input.teamId, input.organizationId));
    },
    addTeamMember: async (input: { organizationId: string; teamId: string; userId: string }): Promise<TeamMemberRecord> => {
      enabled();
      if (!(await auth.db.getMember(input.organizationId, input.userId))) throw new AuthError(E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION);
      return addTeamMember(auth, options.teams, await requireTeam(auth, input.teamId, input.organizationId), input.userId);
    },
    removeTeamMember: async (input: { organizationId: string; teamId: string; userId: string }): Promise<void> => {
      enabled();
      await removeTeamMember(auth, await requireTeam(auth, input.teamId, input.organizationId), input.userId);
    },
    listTeamMembers: async (input: { organizationId: string; teamId: string }): Promise<TeamMemberRecord[]> => {
      enabled();
      const team = await requireTeam(auth, input.teamId, input.organizationId);
      return teamMemberRows(auth).findMany({ teamId: team.id }, { orderBy: ['createdAt', 'asc'] });
    },
  };
}
