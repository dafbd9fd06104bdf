import type { AuthContext } from '../../core/auth-context';
import type { ActiveSession } from '../../core/session-service';

/**
 * `session.activeOrganizationId`: which organization the routes act on when a body names none. Written
 * through the session store, so a Redis-backed store sees the change too.
 */
export async function setActiveOrganization(auth: AuthContext, active: ActiveSession, organizationId: string | null): Promise<void> {
  const { session: model } = auth.models;
  if ((model.read(active.session, 'activeOrganizationId') ?? null) === organizationId) return;
  // The active team belongs to the active organization: switching organizations leaves no team active.
  const changes = { activeOrganizationId: organizationId, ...withoutActiveTeam(auth) };
  await auth.sessions.store.update(String(model.read(active.session, 'id')), changes);
  // Later reads in this request see the new values.
  for (const [field, value] of Object.entries(changes)) (active.session as Record<string, unknown>)[model.field(field)?.property ?? field] = value;
}

/** `{ activeTeamId: null }` when sessions have the field (teams), else nothing to write. */
function withoutActiveTeam(auth: AuthContext): { activeTeamId?: null } {
  return auth.models.session.has('activeTeamId') ? { activeTeamId: null } : {};
}

/** When a membership ends: every session of the user that had that organization active has none now (nor a team of it). */
export async function clearActiveOrganization(auth: AuthContext, userId: string, organizationId: string): Promise<void> {
  const { session: model } = auth.models;
  for (const session of await auth.sessions.store.listForUser(userId)) {
    if (model.read(session, 'activeOrganizationId') === organizationId) {
      await auth.sessions.store.update(String(model.read(session, 'id')), { activeOrganizationId: null, ...withoutActiveTeam(auth) });
    }
  }
}

/** The active organization of a session, or `null`. */
export function activeOrganizationOf(auth: AuthContext, active: ActiveSession): string | null {
  const value = auth.models.session.read(active.session, 'activeOrganizationId');
  return typeof value === 'string' && value ? value : null;
}
