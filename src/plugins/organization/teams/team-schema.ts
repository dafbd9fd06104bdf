import type { PluginTable } from '../../../schema/auth-schema';
import { recordModel, type RecordOf } from '../../../schema/record-model';

/**
 * better-auth's `team` table: a named group inside one organization. Deleting the organization deletes its
 * teams (and, through them, their memberships).
 * @example
 * const teams = await auth.records(TEAM).findMany({ organizationId }, { orderBy: ['createdAt', 'asc'] });
 */
export const TEAM = recordModel('team', {
  name: { type: 'string', required: true },
  organizationId: { type: 'string', required: true, index: true, references: { model: 'organization', field: 'id', onDelete: 'cascade' } },
  createdAt: { type: 'date', required: true },
  updatedAt: { type: 'date' },
});

/**
 * better-auth's `teamMember` table: one row per user and team, at most once (a unique index on the pair, which
 * also serves lookups by team). Deleting the team or the user deletes the row.
 * @example
 * await auth.records(TEAM_MEMBER).count({ teamId });
 */
export const TEAM_MEMBER = recordModel('teamMember', {
  teamId: { type: 'string', required: true, references: { model: 'team', field: 'id', onDelete: 'cascade' } },
  userId: { type: 'string', required: true, index: true, references: { model: 'user', field: 'id', onDelete: 'cascade' } },
  createdAt: { type: 'date' },
});

/** A stored team. */
export type TeamRecord = RecordOf<typeof TEAM.fields>;
/** A stored team membership. */
export type TeamMemberRecord = RecordOf<typeof TEAM_MEMBER.fields>;

/**
 * The two tables as the plugin declares them in `schema.tables` (only when teams are enabled).
 * @example
 * readonly schema = { kinds: ['organization', 'member', 'invitation'], tables: teamTables() };
 */
export function teamTables(): Record<string, PluginTable> {
  return {
    [TEAM.model]: { modelName: 'team', fields: TEAM.fields },
    [TEAM_MEMBER.model]: { modelName: 'team_member', fields: TEAM_MEMBER.fields, indexes: [{ fields: ['teamId', 'userId'], unique: true }] },
  };
}
