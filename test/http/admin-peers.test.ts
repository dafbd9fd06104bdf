import { BetterAuth, MemoryEmailSender } from 'better-auth-entities';
import { AdminPlugin, adminAccessControl, adminRole, EmailPasswordPlugin, userRole, type AdminOptions } from 'better-auth-entities/plugins';
import { call, ORIGIN, PASSWORD, TEST_SECRET, type CallResult } from '../support/test-auth';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';

// Admins acting on admins (issue 24 item 6): the default `admin` role does what better-auth's does; the
// `*-admins` permissions guard every action alike once an app grants them; an impersonation lasts only while
// its impersonator may impersonate.
type Database = BuiltinDatabase;
type Handler = (request: Request) => Promise<Response>;

function authOn(database: Database, options: AdminOptions = {}) {
  return new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new AdminPlugin(options))
    .build();
}

let counter = 0;
interface Person { id: string; email: string; cookie: string }

/** Signs up someone and gives them a role straight in the database. */
async function person(handler: Handler, database: Database, role?: string): Promise<Person> {
  const email = `peer${++counter}x${Date.now() % 100000}@example.com`;
  const signUp = await call(handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'Peer' } });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(signUp.json)}`);
  if (role) await database.updateUser(signUp.json.user.id, { role });
  return { id: signUp.json.user.id, email, cookie: signUp.cookie! };
}

/** The session cookie an answer set (impersonate-user sets the admin_session cookie too). */
function sessionCookieOf(result: CallResult): string {
  const line = result.headers.getSetCookie().find((cookie) => cookie.startsWith('better-auth.session_token='));
  if (!line) throw new Error(`no session cookie: ${JSON.stringify(result.json)}`);
  return line.split(';')[0];
}

async function sessionUserId(handler: Handler, cookie: string): Promise<string | null> {
  const answer = await call(handler, 'GET', '/get-session', { cookie });
  return answer.status === 200 && answer.json ? answer.json.user.id : null;
}

const everything = adminAccessControl.newRole({
  user: ['create', 'list', 'set-role', 'ban', 'ban-admins', 'impersonate', 'delete', 'delete-admins', 'update-admins', 'set-password', 'set-email', 'get', 'update'],
  session: ['list', 'revoke', 'delete'],
});

describe.each(builtinBackends('admin-peers'))('admins acting on admins on %s', (_name, open) => {
  const backend = { database: (): Database => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('with the default roles an admin changes, bans, unbans, revokes and removes another admin, as better-auth allows', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const peer = await person(auth.handler, database, 'admin');
    const act = (path: string, body: object) => call(auth.handler, 'POST', path, { cookie: admin.cookie, body });

    const demoted = await act('/admin/set-role', { userId: peer.id, role: 'user' });
    expect([demoted.status, demoted.json.user?.role]).toEqual([200, 'user']);
    await act('/admin/set-role', { userId: peer.id, role: 'admin' });
    expect((await act('/admin/set-user-password', { userId: peer.id, newPassword: 'a new password here' })).status).toBe(200);
    expect((await act('/admin/update-user', { userId: peer.id, data: { name: 'Renamed' } })).status).toBe(200);
    expect((await act('/admin/list-user-sessions', { userId: peer.id })).status).toBe(200);
    expect((await act('/admin/revoke-user-sessions', { userId: peer.id })).status).toBe(200);
    expect((await act('/admin/ban-user', { userId: peer.id })).status).toBe(200);
    expect((await act('/admin/unban-user', { userId: peer.id })).status).toBe(200);
    expect((await act('/admin/remove-user', { userId: peer.id })).status).toBe(200);
    expect(await database.getUserById(peer.id)).toBeNull();
  });

  it('with the default roles an admin still cannot impersonate another admin: 403 YOU_CANNOT_IMPERSONATE_ADMINS', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const peer = await person(auth.handler, database, 'admin');
    const refused = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: admin.cookie, body: { userId: peer.id } });
    expect([refused.status, refused.json.code]).toEqual([403, 'YOU_CANNOT_IMPERSONATE_ADMINS']);
  });

  it('once an app grants a *-admins permission, every action on another admin takes it, revoking sessions included', async () => {
    const database = backend.database();
    const auth = authOn(database, { roles: { admin: adminRole, user: userRole, owner: everything }, adminRoles: ['admin', 'owner'] });
    const admin = await person(auth.handler, database, 'admin');
    const peer = await person(auth.handler, database, 'admin');
    const owner = await person(auth.handler, database, 'owner');
    await database.updateUser(peer.id, { banned: true });
    const [ownerSession] = (await call(auth.handler, 'POST', '/admin/list-user-sessions', { cookie: owner.cookie, body: { userId: owner.id } })).json.sessions;

    // Revoking first: it was the one action that skipped the check.
    const refusals = [
      ['/admin/revoke-user-sessions', { userId: owner.id }, 'YOU_CANNOT_REVOKE_ADMINS_SESSIONS'],
      ['/admin/revoke-user-session', { sessionToken: ownerSession.token }, 'YOU_CANNOT_REVOKE_ADMINS_SESSIONS'],
      ['/admin/set-role', { userId: peer.id, role: 'user' }, 'YOU_CANNOT_UPDATE_ADMINS'],
      ['/admin/set-user-password', { userId: peer.id, newPassword: 'taken over password' }, 'YOU_CANNOT_UPDATE_ADMINS'],
      ['/admin/update-user', { userId: peer.id, data: { name: 'Hijacked' } }, 'YOU_CANNOT_UPDATE_ADMINS'],
      ['/admin/ban-user', { userId: owner.id }, 'YOU_CANNOT_BAN_ADMINS'],
      ['/admin/unban-user', { userId: peer.id }, 'YOU_CANNOT_BAN_ADMINS'],
      ['/admin/remove-user', { userId: owner.id }, 'YOU_CANNOT_REMOVE_ADMINS'],
    ] as const;
    for (const [path, body, code] of refusals) {
      const refused = await call(auth.handler, 'POST', path, { cookie: admin.cookie, body });
      expect([path, refused.status, refused.json.code]).toEqual([path, 403, code]);
    }
    expect(await database.getUserById(peer.id)).toMatchObject({ role: 'admin', banned: true, name: 'Peer' });
    expect(await sessionUserId(auth.handler, owner.cookie)).toBe(owner.id);

    // The higher tier may; and ordinary users stay an ordinary admin's to manage.
    const user = await person(auth.handler, database);
    expect((await call(auth.handler, 'POST', '/admin/revoke-user-sessions', { cookie: admin.cookie, body: { userId: user.id } })).status).toBe(200);
    const demoted = await call(auth.handler, 'POST', '/admin/set-role', { cookie: owner.cookie, body: { userId: peer.id, role: 'user' } });
    expect([demoted.status, demoted.json.user?.role]).toEqual([200, 'user']);
  });

  describe('an impersonation session ends on its next request once its impersonator may no longer impersonate', () => {
    async function impersonating(auth: ReturnType<typeof authOn>, database: Database) {
      const impersonator = await person(auth.handler, database, 'admin');
      const user = await person(auth.handler, database);
      const started = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: impersonator.cookie, body: { userId: user.id } });
      expect(started.status).toBe(200);
      const cookie = sessionCookieOf(started);
      expect(await sessionUserId(auth.handler, cookie)).toBe(user.id);
      return { impersonator, user, cookie };
    }

    async function expectEnded(auth: ReturnType<typeof authOn>, database: Database, cookie: string, userId: string) {
      expect(await sessionUserId(auth.handler, cookie)).toBeNull();
      const rows = await database.listSessionsForUser(userId);
      expect(rows.filter((row) => row.impersonatedBy != null)).toEqual([]);
      // The user's own session is not the impersonator's to lose.
      expect(rows).toHaveLength(1);
    }

    it('when their role is changed to one without impersonate', async () => {
      const database = backend.database();
      const auth = authOn(database);
      const { impersonator, user, cookie } = await impersonating(auth, database);
      const boss = await person(auth.handler, database, 'admin');
      expect((await call(auth.handler, 'POST', '/admin/set-role', { cookie: boss.cookie, body: { userId: impersonator.id, role: 'user' } })).status).toBe(200);
      await expectEnded(auth, database, cookie, user.id);
    });

    it('when they are banned', async () => {
      const database = backend.database();
      const auth = authOn(database);
      const { impersonator, user, cookie } = await impersonating(auth, database);
      const boss = await person(auth.handler, database, 'admin');
      expect((await call(auth.handler, 'POST', '/admin/ban-user', { cookie: boss.cookie, body: { userId: impersonator.id } })).status).toBe(200);
      await expectEnded(auth, database, cookie, user.id);
    });

    it('when they are removed', async () => {
      const database = backend.database();
      const auth = authOn(database);
      const { impersonator, user, cookie } = await impersonating(auth, database);
      const boss = await person(auth.handler, database, 'admin');
      expect((await call(auth.handler, 'POST', '/admin/remove-user', { cookie: boss.cookie, body: { userId: impersonator.id } })).status).toBe(200);
      await expectEnded(auth, database, cookie, user.id);
    });

    it('when a new role set no longer grants their role impersonate, and not while it still does', async () => {
      const database = backend.database();
      const auth = authOn(database);
      const { user, cookie } = await impersonating(auth, database);
      expect(await sessionUserId(authOn(database).handler, cookie)).toBe(user.id);
      const narrower = authOn(database, { roles: { admin: adminAccessControl.newRole({ user: ['list'] }), user: userRole } });
      await expectEnded(narrower, database, cookie, user.id);
    });
  });
});
