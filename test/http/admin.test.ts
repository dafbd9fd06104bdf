import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BetterAuth, ConfigError, MemoryEmailSender, type AuthContext, type AuthPlugin, type SessionStore } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import {
  AdminPlugin,
  adminAccessControl,
  adminRole,
  EmailPasswordPlugin,
  EmailVerificationPlugin,
  SessionManagementPlugin,
  userRole,
  UsernamePlugin,
  type AdminOptions,
} from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, PASSWORD, TEST_SECRET, type CallResult } from '../support/test-auth';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';

// The built-in classes carry role, banned, banReason, banExpires and impersonatedBy; on SQL the shipped migrations make them.
type Database = BuiltinDatabase;
type Handler = (request: Request) => Promise<Response>;

const HOUR = 60 * 60 * 1000;
const support = adminAccessControl.newRole({ user: ['list', 'ban'], session: ['list'] });

function authOn(database: Database, options: AdminOptions = {}, extra: AuthPlugin[] = []) {
  let builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new UsernamePlugin());
  for (const plugin of extra) builder = builder.plugin(plugin);
  return builder.plugin(new AdminPlugin(options)).build();
}

let counter = 0;
const unique = (prefix: string) => `${prefix}${++counter}x${Date.now() % 100000}`;

/** Whose session a cookie opens now, or `null` (a dead session cookie answers 401 on get-session). */
async function sessionUserId(handler: Handler, cookie: string): Promise<string | null> {
  const answer = await call(handler, 'GET', '/get-session', { cookie });
  return answer.status === 200 && answer.json ? answer.json.user.id : null;
}

/** Every cookie a response set (`name=value; …`), dropping those it cleared; merged over `previous`. */
function cookiesOf(result: CallResult, previous = ''): string {
  const jar = new Map(previous.split('; ').filter(Boolean).map((pair) => [pair.slice(0, pair.indexOf('=')), pair.slice(pair.indexOf('=') + 1)]));
  for (const line of result.headers.getSetCookie()) {
    const [pair, ...attributes] = line.split(';').map((part) => part.trim());
    const name = pair.slice(0, pair.indexOf('='));
    if (attributes.some((attribute) => /^max-age=0$/i.test(attribute))) jar.delete(name);
    else jar.set(name, pair.slice(pair.indexOf('=') + 1));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

interface Person {
  id: string;
  email: string;
  username: string;
  cookie: string;
}

/** Signs up someone (with a username) and gives them a role straight in the database. */
async function person(handler: Handler, database: Database, role?: string, tag = 'p'): Promise<Person> {
  const username = unique(tag).toLowerCase();
  const email = `${username}@example.com`;
  const signUp = await call(handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: `Name ${username}`, username } });
  if (signUp.status !== 200) throw new Error(`sign-up failed: ${JSON.stringify(signUp.json)}`);
  if (role) await database.updateUser(signUp.json.user.id, { role });
  return { id: signUp.json.user.id, email, username, cookie: signUp.cookie! };
}

const BACKENDS = builtinBackends('admin');

describe('configuration', () => {
  it('refuses entity classes without the admin fields, and admin roles that are not roles, when the instance is built', () => {
    const bare = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(new MemoryDatabaseAdapter(appEntities)).plugin(new AdminPlugin());
    expect(() => bare.build()).toThrow(ConfigError);
    expect(() => bare.build()).toThrow(/role, banned, banReason, banExpires/);
    expect(() => new AdminPlugin({ adminRoles: ['owner'] })).toThrow(/adminRoles owner are not in roles/);
    expect(() => new AdminPlugin({ adminRoles: ['constructor'] })).toThrow(ConfigError);
  });

  it('the admin routes and codes are in an OpenAPI document that a real validator accepts', async () => {
    const auth = authOn(new MemoryDatabaseAdapter());
    const document = await (await auth.handler(new Request(`${ORIGIN}/api/auth/reference/openapi.json`))).json();
    for (const [path, method] of [['list-users', 'get'], ['ban-user', 'post'], ['impersonate-user', 'post'], ['has-permission', 'post']]) {
      expect(document.paths[`/api/auth/admin/${path}`]?.[method]).toBeDefined();
    }
    expect(document['x-error-codes'].BANNED_USER).toEqual({ status: 403, message: 'You have been banned from this application' });
    const validator = join(__dirname, '..', 'support', 'validate-openapi.mjs');
    const run = spawnSync(process.execPath, [validator], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true });
  });

  it('the access-control builder refuses actions its statements do not name, and roles grant only what they list', () => {
    expect(() => adminAccessControl.newRole({ user: ['fly' as 'list'] })).toThrow(/user: fly/);
    expect(support.authorize({ user: ['ban', 'list'] })).toEqual({ success: true });
    expect(support.authorize({ user: ['impersonate'] })).toEqual({ success: false, error: 'not allowed to impersonate user' });
    expect(support.authorize({ organization: ['delete'] }).success).toBe(false);
    expect(support.authorize({}).success).toBe(false);
  });
});

describe.each(BACKENDS)('the admin plugin on %s', (_name, open) => {
  const backend = { database: (): Database => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('new users get the default role; sign-up cannot choose one', async () => {
    const auth = authOn(backend.database());
    const email = `${unique('role')}@example.com`;
    const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'N', role: 'admin' } });
    expect(signUp.json.user.role).toBe('user');
  });

  it('list-users pages, searches by email or name, filters and sorts; total counts every match', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const tag = unique('page');
    // One casing throughout: databases collate upper and lower case differently.
    for (const name of ['Delta', 'Alpha', 'Charlie', 'Bravo', 'Echo']) {
      await call(auth.handler, 'POST', '/admin/create-user', { cookie: admin.cookie, body: { email: `${tag}-${name.toLowerCase()}@list.test`, password: PASSWORD, name: `${name} ${tag}` } });
    }
    const list = (query: string) => call(auth.handler, 'GET', `/admin/list-users?${query}`, { cookie: admin.cookie });

    const page = await list(`searchValue=${tag}&limit=2&offset=1&sortBy=email`);
    expect(page.status).toBe(200);
    expect(page.json).toMatchObject({ total: 5, limit: 2, offset: 1 });
    expect(page.json.users.map((user: { email: string }) => user.email)).toEqual([`${tag}-bravo@list.test`, `${tag}-charlie@list.test`]);
    const descending = await list(`searchValue=${tag}&sortBy=name&sortDirection=desc&limit=1`);
    expect(descending.json.users[0].name).toBe(`Echo ${tag}`);

    const byName = await list(`searchField=name&searchOperator=starts_with&searchValue=CHARLIE ${tag}`);
    expect(byName.json.users.map((user: { name: string }) => user.name)).toEqual([`Charlie ${tag}`]);
    const endsWith = await list(`searchField=email&searchOperator=ends_with&searchValue=-echo@list.test&filterField=name&filterOperator=contains&filterValue=${tag}`);
    expect(endsWith.json).toMatchObject({ total: 1, users: [{ email: `${tag}-echo@list.test` }] });

    const target = (await list(`searchValue=${tag}-alpha`)).json.users[0];
    await call(auth.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: target.id } });
    const banned = await list(`searchValue=${tag}&filterField=banned&filterValue=true`);
    expect(banned.json.users.map((user: { id: string }) => user.id)).toEqual([target.id]);
    const notBanned = await list(`searchValue=${tag}&filterField=banned&filterOperator=ne&filterValue=true`);
    expect(notBanned.json.total).toBe(4);
    const since = await list(`searchValue=${tag}&filterField=createdAt&filterOperator=gte&filterValue=${encodeURIComponent(new Date(Date.now() - HOUR).toISOString())}`);
    expect(since.json.total).toBe(5);
    expect(page.json.users.every((user: object) => !('password' in user))).toBe(true);

    for (const bad of ['sortBy=password', 'filterField=nothing&filterValue=1', 'filterField=banned&filterValue=maybe', 'limit=-1', 'searchOperator=like&searchValue=x', 'filterField=createdAt&filterOperator=contains&filterValue=2024']) {
      const refused = await list(bad);
      expect([bad, refused.status, refused.json.code]).toEqual([bad, 400, 'VALIDATION_ERROR']);
    }
  });

  it('create-user, update-user, set-role, set-user-password and remove-user, with better-auth answers', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const email = `${unique('created')}@Example.com`;
    const created = await call(auth.handler, 'POST', '/admin/create-user', { cookie: admin.cookie, body: { email, password: PASSWORD, name: 'Created', data: { emailVerified: true } } });
    expect(created.status).toBe(200);
    expect(created.json.user).toMatchObject({ email: email.toLowerCase(), name: 'Created', role: 'user', emailVerified: true, banned: false });
    const userId = created.json.user.id;
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).status).toBe(200);

    const again = await call(auth.handler, 'POST', '/admin/create-user', { cookie: admin.cookie, body: { email, password: PASSWORD, name: 'Again' } });
    expect([again.status, again.json.code]).toEqual([400, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL']);
    const badRole = await call(auth.handler, 'POST', '/admin/create-user', { cookie: admin.cookie, body: { email: `${unique('r')}@example.com`, name: 'R', role: 'emperor' } });
    expect([badRole.status, badRole.json.code]).toEqual([400, 'YOU_ARE_NOT_ALLOWED_TO_SET_NON_EXISTENT_VALUE']);
    const roleType = await call(auth.handler, 'POST', '/admin/create-user', { cookie: admin.cookie, body: { email: `${unique('r')}@example.com`, name: 'R', role: [1] } });
    expect([roleType.status, roleType.json.code]).toEqual([400, 'INVALID_ROLE_TYPE']);

    const updated = await call(auth.handler, 'POST', '/admin/update-user', { cookie: admin.cookie, body: { userId, data: { name: 'Renamed', image: 'https://img.test/a.png' } } });
    expect(updated.status).toBe(200);
    expect(updated.json).toMatchObject({ id: userId, name: 'Renamed', image: 'https://img.test/a.png' });
    for (const [data, code] of [[{}, 'NO_DATA_TO_UPDATE'], [{ password: 'x' }, 'PASSWORD_CANNOT_BE_UPDATED_VIA_UPDATE_USER'], [{ id: 'x' }, 'USER_ID_CANNOT_BE_UPDATED'], [{ email: admin.email }, 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL']] as const) {
      const refused = await call(auth.handler, 'POST', '/admin/update-user', { cookie: admin.cookie, body: { userId, data } });
      expect([refused.status, refused.json.code]).toEqual([400, code]);
    }
    expect((await database.getUserById(userId)).name).toBe('Renamed');

    const setRole = await call(auth.handler, 'POST', '/admin/set-role', { cookie: admin.cookie, body: { userId, role: ['admin', 'user'] } });
    expect([setRole.status, setRole.json.user.role]).toEqual([200, 'admin,user']);
    const missing = await call(auth.handler, 'POST', '/admin/set-role', { cookie: admin.cookie, body: { userId: 'no-such-user', role: 'user' } });
    expect([missing.status, missing.json.code]).toEqual([404, 'USER_NOT_FOUND']);
    await database.updateUser(userId, { role: 'user' }); // an admin now: other admins could no longer change them

    const newPassword = 'a brand new password';
    const set = await call(auth.handler, 'POST', '/admin/set-user-password', { cookie: admin.cookie, body: { userId, newPassword } });
    expect([set.status, set.json]).toEqual([200, { status: true }]);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: newPassword } })).status).toBe(200);
    const short = await call(auth.handler, 'POST', '/admin/set-user-password', { cookie: admin.cookie, body: { userId, newPassword: 'short' } });
    expect([short.status, short.json.code]).toEqual([400, 'PASSWORD_TOO_SHORT']);

    const self = await call(auth.handler, 'POST', '/admin/remove-user', { cookie: admin.cookie, body: { userId: admin.id } });
    expect([self.status, self.json.code]).toEqual([400, 'YOU_CANNOT_REMOVE_YOURSELF']);
    const removed = await call(auth.handler, 'POST', '/admin/remove-user', { cookie: admin.cookie, body: { userId } });
    expect([removed.status, removed.json]).toEqual([200, { success: true }]);
    expect(await database.getUserById(userId)).toBeNull();
    expect(await database.listSessionsForUser(userId)).toEqual([]);
  });

  it('a ban ends live sessions at once and blocks sign-in by email and by username with the reason; unban lets them back', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const user = await person(auth.handler, database);
    const second = await call(auth.handler, 'POST', '/sign-in/username', { body: { username: user.username, password: PASSWORD } });
    expect(second.status).toBe(200);

    const ban = await call(auth.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: user.id, banReason: 'spamming' } });
    expect(ban.status).toBe(200);
    expect(ban.json.user).toMatchObject({ id: user.id, banned: true, banReason: 'spamming', banExpires: null });
    for (const cookie of [user.cookie, second.cookie!]) expect(await sessionUserId(auth.handler, cookie)).toBeNull();
    expect(await database.listSessionsForUser(user.id)).toEqual([]);

    const byEmail = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: PASSWORD } });
    const byUsername = await call(auth.handler, 'POST', '/sign-in/username', { body: { username: user.username, password: PASSWORD } });
    for (const refused of [byEmail, byUsername]) {
      expect([refused.status, refused.json.code]).toEqual([403, 'BANNED_USER']);
      expect(refused.json.message).toContain('spamming');
      expect(refused.headers.getSetCookie()).toEqual([]);
    }
    // A wrong password still says only that: the ban is not told to someone who does not know the password.
    const guess = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: 'a wrong password' } });
    expect(guess.json.code).toBe('INVALID_EMAIL_OR_PASSWORD');
    expect(await database.listSessionsForUser(user.id)).toEqual([]);

    const unban = await call(auth.handler, 'POST', '/admin/unban-user', { cookie: admin.cookie, body: { userId: user.id } });
    expect(unban.json.user).toMatchObject({ banned: false, banReason: null, banExpires: null });
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: PASSWORD } })).status).toBe(200);
  });

  it('a ban with an expiry lifts itself once the time is up; the ban survives a new instance (it is on the user)', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const user = await person(auth.handler, database);
    const before = Date.now();
    const ban = await call(auth.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: user.id, banExpiresIn: 3600 } });
    const expires = new Date(ban.json.user.banExpires).getTime();
    expect(expires).toBeGreaterThanOrEqual(before + HOUR - 1000);
    expect(expires).toBeLessThanOrEqual(Date.now() + HOUR + 1000);
    expect(ban.json.user.banReason).toBe('No reason');

    const restarted = authOn(database);
    const stillBanned = await call(restarted.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: PASSWORD } });
    expect([stillBanned.status, stillBanned.json.code]).toEqual([403, 'BANNED_USER']);

    await database.updateUser(user.id, { banExpires: new Date(Date.now() - 1000) }); // the hour has passed
    const back = await call(restarted.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: PASSWORD } });
    expect(back.status).toBe(200);
    expect(await database.getUserById(user.id)).toMatchObject({ banned: false, banReason: null, banExpires: null });
  });

  it('impersonation: a one-hour session of the target marked impersonatedBy; stop-impersonating restores the admin session', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const user = await person(auth.handler, database);

    const started = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: admin.cookie, body: { userId: user.id } });
    expect(started.status).toBe(200);
    expect(started.json.user.id).toBe(user.id);
    expect(started.json.session).toMatchObject({ userId: user.id, impersonatedBy: admin.id });
    expect(new Date(started.json.session.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(started.headers.getSetCookie().some((line) => line.startsWith('better-auth.admin_session=') && /HttpOnly/.test(line))).toBe(true);
    const impersonating = cookiesOf(started, admin.cookie);

    const session = await call(auth.handler, 'GET', '/get-session', { cookie: impersonating });
    expect(session.json.user.id).toBe(user.id);
    expect(session.json.session.impersonatedBy).toBe(admin.id);
    // Using it does not slide it past its hour.
    expect(new Date(session.json.session.expiresAt).getTime()).toBeLessThanOrEqual(Date.now() + HOUR);
    const listed = await call(auth.handler, 'POST', '/admin/list-user-sessions', { cookie: admin.cookie, body: { userId: user.id } });
    expect(listed.json.sessions.filter((entry: { impersonatedBy: string | null }) => entry.impersonatedBy === admin.id)).toHaveLength(1);
    const own = await call(auth.handler, 'GET', '/list-sessions', { cookie: impersonating });
    expect(own.json.some((entry: { impersonatedBy: string | null }) => entry.impersonatedBy === admin.id)).toBe(true);

    const nested = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: impersonating, body: { userId: admin.id } });
    expect([nested.status, nested.json.code]).toEqual([403, 'IMPERSONATION_SESSIONS_CANNOT_IMPERSONATE']);
    const forged = impersonating.replace(/better-auth\.admin_session=[^;]*/, 'better-auth.admin_session=forged.value');
    const refused = await call(auth.handler, 'POST', '/admin/stop-impersonating', { cookie: forged });
    expect([refused.status, refused.json.code]).toEqual([400, 'ADMIN_SESSION_NOT_FOUND']);

    const stopped = await call(auth.handler, 'POST', '/admin/stop-impersonating', { cookie: impersonating });
    expect(stopped.status).toBe(200);
    expect(stopped.json.user.id).toBe(admin.id);
    const restored = cookiesOf(stopped, impersonating);
    expect(restored).not.toContain('admin_session');
    expect((await call(auth.handler, 'GET', '/get-session', { cookie: restored })).json.user.id).toBe(admin.id);
    expect(await sessionUserId(auth.handler, impersonating.replace(/better-auth\.admin_session=[^;]*(; )?/, ''))).toBeNull();
    const notImpersonating = await call(auth.handler, 'POST', '/admin/stop-impersonating', { cookie: admin.cookie });
    expect([notImpersonating.status, notImpersonating.json.code]).toEqual([400, 'NOT_IMPERSONATING']);
  });

  it('revoke-user-session ends one session by the token list-user-sessions shows; revoke-user-sessions ends all', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const admin = await person(auth.handler, database, 'admin');
    const user = await person(auth.handler, database);
    const other = await call(auth.handler, 'POST', '/sign-in/email', { body: { email: user.email, password: PASSWORD } });
    const listed = await call(auth.handler, 'POST', '/admin/list-user-sessions', { cookie: admin.cookie, body: { userId: user.id } });
    expect(listed.json.sessions).toHaveLength(2);
    const one = await call(auth.handler, 'POST', '/admin/revoke-user-session', { cookie: admin.cookie, body: { sessionToken: listed.json.sessions[0].token } });
    expect([one.status, one.json]).toEqual([200, { success: true }]);
    expect(await database.listSessionsForUser(user.id)).toHaveLength(1);
    const all = await call(auth.handler, 'POST', '/admin/revoke-user-sessions', { cookie: admin.cookie, body: { userId: user.id } });
    expect([all.status, all.json]).toEqual([200, { success: true }]);
    for (const cookie of [user.cookie, other.cookie!]) expect(await sessionUserId(auth.handler, cookie)).toBeNull();
  });

  it('refuses a non-admin and a custom role beyond its grants', async () => {
    const database = backend.database();
    const roles = { admin: adminRole, user: userRole, support };
    const superAdmin = unique('super');
    const auth = authOn(database, { roles, adminUserIds: [] });
    const admin = await person(auth.handler, database, 'admin');
    const otherAdmin = await person(auth.handler, database, 'admin');
    const helper = await person(auth.handler, database, 'support');
    const user = await person(auth.handler, database);

    expect((await call(auth.handler, 'GET', '/admin/list-users')).status).toBe(401);
    const asUser = [
      ['GET', '/admin/list-users', undefined, 'YOU_ARE_NOT_ALLOWED_TO_LIST_USERS'],
      ['POST', '/admin/ban-user', { userId: admin.id }, 'YOU_ARE_NOT_ALLOWED_TO_BAN_USERS'],
      ['POST', '/admin/create-user', { email: `${unique('x')}@example.com`, name: 'X' }, 'YOU_ARE_NOT_ALLOWED_TO_CREATE_USERS'],
      ['POST', '/admin/impersonate-user', { userId: admin.id }, 'YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS'],
      ['POST', '/admin/remove-user', { userId: admin.id }, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS'],
      ['POST', '/admin/set-role', { userId: user.id, role: 'admin' }, 'YOU_ARE_NOT_ALLOWED_TO_CHANGE_USERS_ROLE'],
      ['POST', '/admin/list-user-sessions', { userId: admin.id }, 'YOU_ARE_NOT_ALLOWED_TO_LIST_USERS_SESSIONS'],
      ['POST', '/admin/revoke-user-sessions', { userId: admin.id }, 'YOU_ARE_NOT_ALLOWED_TO_REVOKE_USERS_SESSIONS'],
    ] as const;
    for (const [method, path, body, code] of asUser) {
      const refused = await call(auth.handler, method, path, { cookie: user.cookie, body });
      expect([path, refused.status, refused.json.code]).toEqual([path, 403, code]);
    }
    expect((await database.getUserById(user.id)).role).toBe('user');

    // Acting on other admins: test/http/admin-peers.test.ts.
    const ownName = await call(auth.handler, 'POST', '/admin/update-user', { cookie: admin.cookie, body: { userId: admin.id, data: { name: 'Still me' } } });
    expect(ownName.status).toBe(200);
    const selfBan = await call(auth.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: admin.id } });
    expect([selfBan.status, selfBan.json.code]).toEqual([400, 'YOU_CANNOT_BAN_YOURSELF']);

    // support: may list and ban, may not impersonate or remove.
    expect((await call(auth.handler, 'GET', '/admin/list-users', { cookie: helper.cookie })).status).toBe(200);
    const impersonate = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: helper.cookie, body: { userId: user.id } });
    expect([impersonate.status, impersonate.json.code]).toEqual([403, 'YOU_ARE_NOT_ALLOWED_TO_IMPERSONATE_USERS']);
    const remove = await call(auth.handler, 'POST', '/admin/remove-user', { cookie: helper.cookie, body: { userId: user.id } });
    expect([remove.status, remove.json.code]).toEqual([403, 'YOU_ARE_NOT_ALLOWED_TO_DELETE_USERS']);
    const banUser = await call(auth.handler, 'POST', '/admin/ban-user', { cookie: helper.cookie, body: { userId: user.id, banReason: 'support said so' } });
    expect([banUser.status, banUser.json.user.banned]).toEqual([200, true]);

    const can = await call(auth.handler, 'POST', '/admin/has-permission', { cookie: helper.cookie, body: { permissions: { user: ['ban'] } } });
    expect(can.json).toEqual({ error: null, success: true });
    const cannot = await call(auth.handler, 'POST', '/admin/has-permission', { cookie: helper.cookie, body: { permissions: { user: ['ban', 'impersonate'] } } });
    expect(cannot.json).toEqual({ error: null, success: false });
    const malformed = await call(auth.handler, 'POST', '/admin/has-permission', { cookie: helper.cookie, body: { permissions: { user: 'ban' } } });
    expect([malformed.status, malformed.json.code]).toEqual([400, 'VALIDATION_ERROR']);
    const badRole = await call(auth.handler, 'POST', '/admin/has-permission', { cookie: helper.cookie, body: { permissions: { user: ['ban'] }, role: 5 } });
    expect([badRole.status, badRole.json.code]).toEqual([400, 'INVALID_ROLE_TYPE']);

    // Impersonating admins is allowed through adminUserIds (may do anything) or allowImpersonatingAdmins.
    const permissive = authOn(database, { roles, adminUserIds: [admin.id], allowImpersonatingAdmins: true });
    expect(superAdmin).toBeTruthy();
    const impersonateAdmin = await call(permissive.handler, 'POST', '/admin/impersonate-user', { cookie: admin.cookie, body: { userId: otherAdmin.id } });
    expect(impersonateAdmin.status).toBe(200);
    const banPeer = await call(permissive.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: otherAdmin.id } });
    expect(banPeer.status).toBe(200);
    const impersonateBanned = await call(permissive.handler, 'POST', '/admin/impersonate-user', { cookie: admin.cookie, body: { userId: otherAdmin.id } });
    expect([impersonateBanned.status, impersonateBanned.json.code]).toEqual([403, 'BANNED_USER']);
  });

  it('auth.api.admin: typed server calls without an HTTP request', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const email = `${unique('api')}@example.com`;
    const user = await auth.api.admin.createUser({ email, password: PASSWORD, name: 'Api', role: 'admin' });
    expect(user.role).toBe('admin');
    const banned = await auth.api.admin.banUser({ userId: user.id, banReason: 'api' });
    expect([banned.banned, banned.banReason]).toEqual([true, 'api']);
    const page = await auth.api.admin.listUsers({ searchValue: email });
    expect(page.total).toBe(1);
    expect(page.users[0].email).toBe(email);
    expect(await auth.api.admin.hasPermission({ userId: user.id, permissions: { user: ['ban'] } })).toBe(true);
    expect(await auth.api.admin.hasPermission({ role: 'user', permissions: { user: ['list'] } })).toBe(false);
    await expect(auth.api.admin.createUser({ email: 'not-an-address', name: 'X' })).rejects.toMatchObject({ code: 'INVALID_EMAIL' });
    await auth.api.admin.removeUser({ userId: user.id });
    await expect(auth.api.admin.getUser({ userId: user.id })).rejects.toMatchObject({ code: 'USER_NOT_FOUND' });
  });
});

describe('bans and the other ways of signing in', () => {
  it('the sign-in after email verification is refused to a banned user: verified, but no session', async () => {
    const mail = new MemoryEmailSender();
    const database = new MemoryDatabaseAdapter();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new EmailVerificationPlugin({ autoSignInAfterVerification: true }))
      .plugin(new AdminPlugin())
      .build();
    const email = `${unique('verify')}@example.com`;
    const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'V' } });
    await auth.api.admin.banUser({ userId: signUp.json.user.id, banReason: 'no' });
    await call(auth.handler, 'POST', '/send-verification-email', { body: { email } });
    const { token } = await mail.next({ kind: 'verify-email', to: email });
    const verified = await call(auth.handler, 'GET', `/verify-email?token=${encodeURIComponent(token)}`);
    expect(verified.status).toBe(200);
    expect(verified.headers.getSetCookie()).toEqual([]);
    expect(await database.listSessionsForUser(signUp.json.user.id)).toEqual([]);
    expect(await database.getUserById(signUp.json.user.id)).toMatchObject({ emailVerified: true, banned: true });
  });
});

describe('session changes go through the session store', () => {
  it('ban, revoke, remove and impersonation reach the installed store, never the database alone', async () => {
    const calls: string[] = [];
    const recording: AuthPlugin = {
      id: 'recording-store',
      routes: () => [],
      init: (ctx: AuthContext) =>
        ctx.useSessionStore((database): SessionStore => ({
          create: (data, db) => (calls.push('create'), database.create(data, db)),
          findWithUser: (digest) => database.findWithUser(digest),
          update: (id, data, db) => (calls.push('update'), database.update(id, data, db)),
          delete: (id, db) => (calls.push('delete'), database.delete(id, db)),
          deleteForUser: (userId, options, db) => (calls.push('deleteForUser'), database.deleteForUser(userId, options, db)),
          listForUser: (userId) => (calls.push('list'), database.listForUser(userId)),
        })),
    };
    const database = new MemoryDatabaseAdapter();
    const auth = authOn(database, {}, [recording]);
    const admin = await person(auth.handler, database, 'admin');
    const user = await person(auth.handler, database);
    calls.length = 0;
    await call(auth.handler, 'POST', '/admin/ban-user', { cookie: admin.cookie, body: { userId: user.id } });
    expect(calls).toEqual(['deleteForUser']);
    await call(auth.handler, 'POST', '/admin/unban-user', { cookie: admin.cookie, body: { userId: user.id } });
    const started = await call(auth.handler, 'POST', '/admin/impersonate-user', { cookie: admin.cookie, body: { userId: user.id } });
    expect(calls.slice(-1)).toEqual(['create']);
    await call(auth.handler, 'POST', '/admin/stop-impersonating', { cookie: cookiesOf(started, admin.cookie) });
    expect(calls.slice(-1)).toEqual(['delete']);
    await call(auth.handler, 'POST', '/admin/remove-user', { cookie: admin.cookie, body: { userId: user.id } });
    expect(calls.slice(-1)).toEqual(['deleteForUser']);
  });
});
