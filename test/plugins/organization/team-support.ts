import { BetterAuth } from 'better-auth-entities';
import { EmailPasswordPlugin, OrganizationPlugin, SessionManagementPlugin, type OrganizationOptions } from 'better-auth-entities/plugins';
import type { BuiltinDatabase } from '../../support/builtin-backends';
import { ORIGIN, TEST_SECRET } from '../../support/test-auth';
import { as, join, organizationOf, orgAuth, person, type Handler, type Person } from './org-support';

/** The teams options of a test instance (teams on, plus what the test adds). */
export type TeamsOptions = NonNullable<OrganizationOptions['teams']>;

/** The session's fields as get-session answers them. */
export async function sessionOf(handler: Handler, who: Person): Promise<{ activeOrganizationId: string | null; activeTeamId: string | null }> {
  return (await as(handler, who).get('/get-session')).json.session;
}

/**
 * An organization with teams on: an owner (whose session has the organization and its default team active),
 * an admin and a plain member, and a stranger outside it.
 */
export async function teamsOrganization(database: BuiltinDatabase, teams: Partial<TeamsOptions> = {}, options: OrganizationOptions = {}) {
  const { auth, handler } = orgAuth(database, { ...options, teams: { enabled: true, ...teams } });
  const [owner, admin, member, stranger] = [await person(handler, database), await person(handler, database), await person(handler, database), await person(handler, database)];
  const org = await organizationOf(handler, owner);
  await join(handler, owner, org.id, admin, 'admin');
  await join(handler, owner, org.id, member);
  const defaultTeam = (await as(handler, owner).get('/organization/list-teams', { organizationId: org.id })).json[0];
  return { auth, handler, owner, admin, member, stranger, org, defaultTeam };
}

/**
 * A second instance over the same database, as another process would be: a (no-op) database hook makes the
 * engine wrap the adapter, so this instance's in-process queues are its own and only the database's row
 * lock orders its writes against the first instance's. On the memory adapter, whose only lock is that
 * in-process queue, it shares the first instance's adapter object (one process is all it can serve).
 */
export function twinHandler(database: BuiltinDatabase, backend: string, teams: Partial<TeamsOptions>): Handler {
  if (backend === 'memory') return orgAuth(database, { teams: { enabled: true, ...teams } }).handler;
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, databaseHooks: { user: { update: { after: async () => undefined } } } })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new OrganizationPlugin({ teams: { enabled: true, ...teams } }))
    .build().handler;
}
