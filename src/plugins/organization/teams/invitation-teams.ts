import type { DatabaseAdapter } from '../../../../adapters/database-adapter';
import type { AuthContext } from '../../../core/auth-context';
import { AuthError } from '../../../errors/auth-error';
import { TEAM_ERRORS as T } from './team-errors';
import { teamLimit, type ResolvedTeamOptions } from './team-options';
import { addTeamMember, requireTeam, splitTeamIds, teamMemberRows } from './teams';

/**
 * `invite-member`'s `teamId` (one id or a list) as the invitation stores it: comma-separated ids of teams of
 * the inviting organization, each with a free seat now (the seat is taken, under the limit, at acceptance).
 * `null` when teams are off or none is named. A team of another organization is `TEAM_NOT_FOUND`.
 * @example
 * await invitedTeamIds(auth, teams, organizationId, ['team-a', 'team-b']); // 'team-a,team-b'
 */
export async function invitedTeamIds(auth: AuthContext, teams: ResolvedTeamOptions, organizationId: string, raw: unknown): Promise<string | null> {
  if (!teams.enabled || raw === undefined || raw === null || raw === '') return null;
  const requested = Array.isArray(raw) ? raw : [raw];
  if (!requested.every((id): id is string => typeof id === 'string' && id.length > 0 && id.length <= 256)) {
    throw new AuthError('VALIDATION_ERROR', 'teamId: must be a team id or a list of them', [{ field: 'teamId', messages: ['must be a string or a list of strings'] }]);
  }
  if (requested.some((id) => id.includes(','))) throw new AuthError(T.INVALID_TEAM_ID);
  const ids = [...new Set(requested)];
  for (const id of ids) {
    const team = await requireTeam(auth, id, organizationId);
    const maximum = await teamLimit(teams.maximumMembersPerTeam, { organizationId, teamId: team.id });
    if ((await teamMemberRows(auth).count({ teamId: team.id })) >= maximum) throw new AuthError(T.TEAM_MEMBER_LIMIT_REACHED);
  }
  return ids.length > 0 ? ids.join(',') : null;
}

/**
 * At acceptance, inside the transaction that creates the membership (the organization locked): puts the new
 * member in each team the invitation names, within each team's limit, or fails the whole acceptance. Returns
 * the team ids joined.
 */
export async function joinInvitedTeams(auth: AuthContext, teams: ResolvedTeamOptions, tx: DatabaseAdapter, invitation: object, userId: string): Promise<string[]> {
  if (!teams.enabled || !auth.models.invitation.has('teamId')) return [];
  const organizationId = String(auth.models.invitation.read(invitation, 'organizationId'));
  const ids = splitTeamIds(auth.models.invitation.readUnchecked(invitation, 'teamId'));
  for (const id of ids) await addTeamMember(auth, teams, await requireTeam(auth, id, organizationId, tx), userId, tx);
  return ids;
}
