import type { DatabaseAdapter } from '../../../../adapters/database-adapter';
import type { AuthContext } from '../../../core/auth-context';
import { serialiseDates } from '../../../core/json-date';
import { AuthError } from '../../../errors/auth-error';
import { ORGANIZATION_ERRORS as E } from '../error-codes';
import { withOrganizationLocked } from '../memberships';
import { clearActiveTeams } from './active-team';
import { TEAM_ERRORS as T } from './team-errors';
import { teamLimit, type ResolvedTeamOptions } from './team-options';
import { TEAM, TEAM_MEMBER, type TeamMemberRecord, type TeamRecord } from './team-schema';

/**
 * Teams and their memberships. Every change that a limit or a rule guards (the team count, a team's seats, the
 * last team, "only members of the organization join its teams") runs with the organization locked
 * (`withOrganizationLocked`), so parallel requests, in one process or many, cannot both pass the same check.
 */

/** The team's rows on `db` (a transaction's adapter, or the configured one). */
export const teamRows = (auth: AuthContext, db: DatabaseAdapter = auth.db) => auth.records(TEAM, db);
/** The team memberships' rows on `db`. */
export const teamMemberRows = (auth: AuthContext, db: DatabaseAdapter = auth.db) => auth.records(TEAM_MEMBER, db);

/** A team as better-auth answers it: `{ id, name, organizationId, createdAt, updatedAt }`, dates as JSON text. */
export const teamJson = (team: TeamRecord) => serialiseDates({ ...team });
/** A team membership as better-auth answers it: `{ id, teamId, userId, createdAt }`. */
export const teamMemberJson = (member: TeamMemberRecord) => serialiseDates({ ...member });

/**
 * The team `teamId` if it belongs to `organizationId`; a team of another organization is "not found", the
 * same answer as an id that does not exist, so ids of other organizations reveal nothing.
 */
export async function requireTeam(auth: AuthContext, teamId: string, organizationId: string, db: DatabaseAdapter = auth.db): Promise<TeamRecord> {
  const team = await teamRows(auth, db).findOne({ id: teamId, organizationId });
  if (!team) throw new AuthError(T.TEAM_NOT_FOUND);
  return team;
}

/** An organization's teams, oldest first. One query whatever their number. */
export function listTeams(auth: AuthContext, organizationId: string): Promise<TeamRecord[]> {
  return teamRows(auth).findMany({ organizationId }, { orderBy: ['createdAt', 'asc'] });
}

/** Creates a team, within `maximumTeams` (counted with the organization locked). */
export async function createTeam(auth: AuthContext, teams: ResolvedTeamOptions, organizationId: string, name: string): Promise<TeamRecord> {
  const maximum = await teamLimit(teams.maximumTeams, { organizationId });
  return withOrganizationLocked(auth, organizationId, async (tx) => {
    if ((await teamRows(auth, tx).count({ organizationId })) >= maximum) throw new AuthError(T.YOU_HAVE_REACHED_THE_MAXIMUM_NUMBER_OF_TEAMS);
    const now = new Date();
    return teamRows(auth, tx).create({ name, organizationId, createdAt: now, updatedAt: now });
  });
}

/** Renames a team; returns it as stored. */
export async function updateTeam(auth: AuthContext, team: TeamRecord, name: string | undefined): Promise<TeamRecord> {
  if (name === undefined) return team;
  const updatedAt = new Date();
  await teamRows(auth).update({ id: team.id }, { name, updatedAt });
  return { ...team, name, updatedAt };
}

/**
 * Removes a team with its memberships; the last team of an organization stays unless `allowRemovingAllTeams`.
 * Pending invitations stop naming it, and no session keeps it active.
 */
export async function removeTeam(auth: AuthContext, teams: ResolvedTeamOptions, team: TeamRecord): Promise<void> {
  const members = await withOrganizationLocked(auth, team.organizationId, async (tx) => {
    if (!teams.allowRemovingAllTeams && (await teamRows(auth, tx).count({ organizationId: team.organizationId })) <= 1) {
      throw new AuthError(T.UNABLE_TO_REMOVE_LAST_TEAM);
    }
    const members = await teamMemberRows(auth, tx).findMany({ teamId: team.id });
    await teamMemberRows(auth, tx).deleteMany({ teamId: team.id });
    await teamRows(auth, tx).deleteMany({ id: team.id });
    await dropTeamFromInvitations(auth, tx, team);
    return members;
  });
  // One read of sessions per member of the removed team: removals are rare, and every such session must change.
  for (const member of members) await clearActiveTeams(auth, member.userId, new Set([team.id]));
}

async function dropTeamFromInvitations(auth: AuthContext, tx: DatabaseAdapter, team: TeamRecord): Promise<void> {
  const { invitation: model } = auth.models;
  if (!model.has('teamId')) return;
  for (const invitation of await tx.listInvitations(team.organizationId)) {
    const ids = splitTeamIds(model.readUnchecked(invitation, 'teamId'));
    if (!ids.includes(team.id) || model.read(invitation, 'status') !== 'pending') continue;
    const rest = ids.filter((id) => id !== team.id);
    await tx.updateInvitation(String(model.read(invitation, 'id')), { teamId: rest.length > 0 ? rest.join(',') : null } as never);
  }
}

/** The team ids an invitation stores comma-separated (as better-auth does). */
export function splitTeamIds(value: unknown): string[] {
  return typeof value === 'string' ? value.split(',').map((id) => id.trim()).filter(Boolean) : [];
}

/**
 * Puts `userId` in `team` (answering the existing membership if there is one) within `maximumMembersPerTeam`,
 * on `tx` when the caller already holds the organization's lock (accepting an invitation), else under it.
 * Only a member of the team's organization can join it.
 */
export async function addTeamMember(auth: AuthContext, teams: ResolvedTeamOptions, team: TeamRecord, userId: string, tx?: DatabaseAdapter): Promise<TeamMemberRecord> {
  const maximum = await teamLimit(teams.maximumMembersPerTeam, { organizationId: team.organizationId, teamId: team.id });
  const add = async (db: DatabaseAdapter) => {
    const rows = teamMemberRows(auth, db);
    const existing = await rows.findOne({ teamId: team.id, userId });
    if (existing) return existing;
    if (!(await db.getMember(team.organizationId, userId))) throw new AuthError(E.USER_IS_NOT_A_MEMBER_OF_THE_ORGANIZATION);
    if ((await rows.count({ teamId: team.id })) >= maximum) throw new AuthError(T.TEAM_MEMBER_LIMIT_REACHED);
    return rows.create({ teamId: team.id, userId, createdAt: new Date() });
  };
  return tx ? add(tx) : withOrganizationLocked(auth, team.organizationId, add);
}

/** Takes `userId` out of `team`; no session of theirs keeps it active. */
export async function removeTeamMember(auth: AuthContext, team: TeamRecord, userId: string): Promise<void> {
  const removed = await teamMemberRows(auth).deleteMany({ teamId: team.id, userId });
  if (removed === 0) throw new AuthError(T.USER_IS_NOT_A_MEMBER_OF_THE_TEAM);
  await clearActiveTeams(auth, userId, new Set([team.id]));
}

/**
 * When a membership of the organization ends: the user leaves every team of it, on `db` (the transaction that
 * deletes the membership). Two queries to find them, one delete per team the user was in.
 */
export async function leaveOrganizationTeams(auth: AuthContext, db: DatabaseAdapter, organizationId: string, userId: string): Promise<Set<string>> {
  const teamIds = new Set((await teamRows(auth, db).findMany({ organizationId })).map((team) => team.id));
  const left = new Set<string>();
  for (const membership of await teamMemberRows(auth, db).findMany({ userId })) {
    if (!teamIds.has(membership.teamId)) continue;
    await teamMemberRows(auth, db).deleteMany({ id: membership.id });
    left.add(membership.teamId);
  }
  return left;
}

/** The organization's default team, named after it, with its creator in it (inside the creating transaction). */
export async function createDefaultTeam(auth: AuthContext, tx: DatabaseAdapter, organizationId: string, name: string, userId: string) {
  const now = new Date();
  const team = await teamRows(auth, tx).create({ name, organizationId, createdAt: now, updatedAt: now });
  await teamMemberRows(auth, tx).create({ teamId: team.id, userId, createdAt: now });
  return team;
}

/** Deletes an organization's teams and their memberships, on `db` (the transaction deleting the organization). */
export async function deleteOrganizationTeams(auth: AuthContext, db: DatabaseAdapter, organizationId: string): Promise<void> {
  for (const team of await teamRows(auth, db).findMany({ organizationId })) await teamMemberRows(auth, db).deleteMany({ teamId: team.id });
  await teamRows(auth, db).deleteMany({ organizationId });
}
