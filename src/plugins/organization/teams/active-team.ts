import type { AuthContext } from '../../../core/auth-context';
import type { ActiveSession } from '../../../core/session-service';

/**
 * `session.activeTeamId`, which the team routes fall back on when a request names no team. It is always a
 * team of the session's active organization that the user belongs to: the plugin clears it whenever that
 * stops being true (the active organization changes, the team goes, the user leaves the team or the
 * organization). Written through the session store, so a Redis-backed store sees the change too.
 */
export function activeTeamOf(auth: AuthContext, active: ActiveSession): string | null {
  const value = auth.models.session.readUnchecked(active.session, 'activeTeamId');
  return typeof value === 'string' && value ? value : null;
}

/**
 * Sets (or with `null` clears) the session's active team; later reads in this request see it.
 * @example
 * await setActiveTeam(auth, active, teamId);
 */
export async function setActiveTeam(auth: AuthContext, active: ActiveSession, teamId: string | null): Promise<void> {
  const { session: model } = auth.models;
  if (activeTeamOf(auth, active) === teamId) return;
  await auth.sessions.store.update(String(model.read(active.session, 'id')), { activeTeamId: teamId });
  (active.session as Record<string, unknown>)[model.field('activeTeamId')?.property ?? 'activeTeamId'] = teamId;
}

/**
 * Clears the active team of every session of `userId` whose active team is one of `teamIds`: when the user
 * leaves those teams or they are removed. One read of the user's sessions, whatever the number of teams.
 * @example
 * await clearActiveTeams(auth, userId, new Set([teamId]));
 */
export async function clearActiveTeams(auth: AuthContext, userId: string, teamIds: ReadonlySet<string>): Promise<void> {
  if (teamIds.size === 0) return;
  const { session: model } = auth.models;
  for (const session of await auth.sessions.store.listForUser(userId)) {
    const teamId = model.readUnchecked(session, 'activeTeamId');
    if (typeof teamId === 'string' && teamIds.has(teamId)) await auth.sessions.store.update(String(model.read(session, 'id')), { activeTeamId: null });
  }
}
