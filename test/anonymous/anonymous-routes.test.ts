import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { BetterAuth, ConfigError } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { AnonymousPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { DEFAULT_PLACEHOLDER, makeAnonymousAuth, realUser, signInAnonymously } from './anonymous-auth';

const BACKENDS = builtinBackends('anonymous');

describe('AnonymousPlugin configuration', () => {
  it('refuses a user class without isAnonymous, and an emailDomainName that is not a domain, when built', () => {
    const bare = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN }).database(new MemoryDatabaseAdapter(appEntities)).plugin(new AnonymousPlugin());
    expect(() => bare.build()).toThrow(ConfigError);
    expect(() => bare.build()).toThrow(/isAnonymous/);
    expect(() => new AnonymousPlugin({ emailDomainName: 'not a domain' })).toThrow(/emailDomainName/);
  });

  it('the anonymous routes and codes are in an OpenAPI document that a real validator accepts', async () => {
    const { auth } = makeAnonymousAuth(new MemoryDatabaseAdapter());
    const document = await (await auth.handler(new Request(`${ORIGIN}/api/auth/reference/openapi.json`))).json();
    expect(document.paths['/api/auth/sign-in/anonymous']?.post).toBeDefined();
    expect(document.paths['/api/auth/delete-anonymous-user']?.post).toBeDefined();
    expect(document.components.schemas.User.properties.isAnonymous).toBeDefined();
    expect(document['x-error-codes'].ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY).toEqual({ status: 400, message: 'Anonymous users cannot sign in again anonymously' });
    expect(document['x-error-codes'].USER_IS_NOT_ANONYMOUS).toEqual({ status: 403, message: 'User is not anonymous' });
    const validator = join(__dirname, '..', 'support', 'validate-openapi.mjs');
    const run = spawnSync(process.execPath, [validator], { input: JSON.stringify(document), encoding: 'utf8', timeout: 60_000 });
    expect(JSON.parse(run.stdout)).toMatchObject({ valid: true });
  });
});

describe.each(BACKENDS)('the anonymous plugin routes on %s', (_name, open) => {
  let database: () => BuiltinDatabase;
  beforeAll(async () => {
    database = await open();
  });

  it('sign-in/anonymous answers { token, user } with a session cookie: isAnonymous, named Anonymous, at a placeholder address', async () => {
    const s = makeAnonymousAuth(database());
    const { answer, cookie, token, user } = await signInAnonymously(s);
    expect(Object.keys(answer.json).sort()).toEqual(['token', 'user']);
    expect(user).toMatchObject({ isAnonymous: true, name: 'Anonymous', emailVerified: false });
    expect(user.email).toMatch(DEFAULT_PLACEHOLDER);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(answer.headers.get('set-auth-token')).toBeTruthy();
    const session = await call(s.auth.handler, 'GET', '/get-session', { cookie });
    expect(session.json.user).toMatchObject({ id: user.id, isAnonymous: true });
    expect((await s.database.getUserById(user.id))?.isAnonymous).toBe(true);
  });

  it('a second anonymous sign-in from an anonymous session is a 400 and creates nobody', async () => {
    const s = makeAnonymousAuth(database());
    const first = await signInAnonymously(s);
    const before = (await s.database.listUsers({ limit: 0 })).total;
    const again = await call(s.auth.handler, 'POST', '/sign-in/anonymous', { cookie: first.cookie });
    expect([again.status, again.json]).toEqual([400, { code: 'ANONYMOUS_USERS_CANNOT_SIGN_IN_AGAIN_ANONYMOUSLY', message: 'Anonymous users cannot sign in again anonymously' }]);
    expect(again.headers.get('set-auth-token')).toBeNull();
    expect((await s.database.listUsers({ limit: 0 })).total).toBe(before);
    const viaBearer = await call(s.auth.handler, 'POST', '/sign-in/anonymous', { bearer: first.token });
    expect(viaBearer.status).toBe(400);
  });

  it('a signed-in real user may sign in anonymously (a new anonymous user; the real one is untouched)', async () => {
    const s = makeAnonymousAuth(database());
    const real = await realUser(s);
    const anonymous = await signInAnonymously(s, real.cookie);
    expect(anonymous.user.id).not.toBe(real.id);
    expect(s.links).toHaveLength(0);
    expect((await s.database.getUserById(real.id))?.isAnonymous).toBe(false);
  });

  it('emailDomainName, generateName and generateRandomEmail shape the user as in better-auth; an invalid generated address is a 400 and writes nothing', async () => {
    const domain = makeAnonymousAuth(database(), { emailDomainName: 'guests.example.invalid', generateName: (ctx) => `Guest ${ctx.client.userAgent ?? 'x'}` });
    const guest = (await call(domain.auth.handler, 'POST', '/sign-in/anonymous', { headers: { 'user-agent': 'probe' } })).json.user;
    expect(guest.email).toMatch(/^temp-[0-9a-f]{32}@guests\.example\.invalid$/);
    expect(guest.name).toBe('Guest probe');

    const custom = uniqueEmail('custom-anon').replace('@example.com', '@guests.test');
    const generated = makeAnonymousAuth(database(), { generateRandomEmail: () => custom });
    expect((await signInAnonymously(generated)).user.email).toBe(custom);

    const broken = makeAnonymousAuth(database(), { generateRandomEmail: () => 'not-an-address' });
    const before = (await broken.database.listUsers({ limit: 0 })).total;
    const refused = await call(broken.auth.handler, 'POST', '/sign-in/anonymous');
    expect([refused.status, refused.json.code]).toEqual([400, 'INVALID_EMAIL_FORMAT']);
    expect((await broken.database.listUsers({ limit: 0 })).total).toBe(before);
  });

  it('delete-anonymous-user deletes the caller with its sessions and accounts, in one go, and clears the cookie', async () => {
    const s = makeAnonymousAuth(database());
    const { cookie, user } = await signInAnonymously(s);
    const second = await s.auth.context.sessions.create(user.id, { ipAddress: null, userAgent: null });
    await s.database.createAccount({ userId: user.id, providerId: 'test-provider', accountId: `acc-${user.id}` });
    const deleted = await call(s.auth.handler, 'POST', '/delete-anonymous-user', { cookie });
    expect([deleted.status, deleted.json]).toEqual([200, { success: true }]);
    expect(deleted.headers.get('set-cookie')).toMatch(/better-auth\.session_token=;.*Max-Age=0/);
    expect(await s.database.getUserById(user.id)).toBeNull();
    expect(await s.database.listSessionsForUser(user.id)).toEqual([]);
    expect(await s.database.listAccountsForUser(user.id)).toEqual([]);
    expect((await call(s.auth.handler, 'GET', '/get-session', { bearer: second.token })).json).toBeNull();
  });

  it('delete-anonymous-user refuses a real user (403), an anonymous one when disabled (400) and a caller without a session (401), deleting nothing', async () => {
    const s = makeAnonymousAuth(database());
    const real = await realUser(s);
    const refused = await call(s.auth.handler, 'POST', '/delete-anonymous-user', { cookie: real.cookie });
    expect([refused.status, refused.json]).toEqual([403, { code: 'USER_IS_NOT_ANONYMOUS', message: 'User is not anonymous' }]);
    expect(await s.database.getUserById(real.id)).not.toBeNull();
    expect(await s.database.listSessionsForUser(real.id)).toHaveLength(1);

    const kept = makeAnonymousAuth(database(), { disableDeleteAnonymousUser: true });
    const anonymous = await signInAnonymously(kept);
    const disabled = await call(kept.auth.handler, 'POST', '/delete-anonymous-user', { cookie: anonymous.cookie });
    expect([disabled.status, disabled.json]).toEqual([400, { code: 'DELETE_ANONYMOUS_USER_DISABLED', message: 'Deleting anonymous users is disabled' }]);
    expect(await kept.database.getUserById(anonymous.user.id)).not.toBeNull();

    expect((await call(s.auth.handler, 'POST', '/delete-anonymous-user')).status).toBe(401);
  });

  it('delete-anonymous-user judges the stored user: a user linked since (isAnonymous false) is refused though a cached copy says otherwise', async () => {
    const s = makeAnonymousAuth(database());
    const { cookie, user } = await signInAnonymously(s);
    await s.database.updateUser(user.id, { isAnonymous: false });
    const refused = await call(s.auth.handler, 'POST', '/delete-anonymous-user', { cookie });
    expect(refused.status).toBe(403);
    expect(await s.database.getUserById(user.id)).not.toBeNull();
  });

  it('no request sets isAnonymous: sign-up, update-user, and admin create-user and update-user ignore it', async () => {
    const s = makeAnonymousAuth(database(), {}, { admin: true });
    const signUp = await call(s.auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail('claims'), password: PASSWORD, name: 'C', isAnonymous: true } });
    expect(signUp.status).toBe(200);
    expect((await s.database.getUserById(signUp.json.user.id))?.isAnonymous).toBe(false);

    const anonymous = await signInAnonymously(s);
    const update = await call(s.auth.handler, 'POST', '/update-user', { cookie: anonymous.cookie, body: { name: 'Still anonymous', isAnonymous: false } });
    expect(update.status).toBe(200);
    const stored = await s.database.getUserById(anonymous.user.id);
    expect([stored?.name, stored?.isAnonymous]).toEqual(['Still anonymous', true]);

    const admin = await realUser(s);
    await s.database.updateUser(admin.id, { role: 'admin' });
    const created = await call(s.auth.handler, 'POST', '/admin/create-user', {
      cookie: admin.cookie,
      body: { email: uniqueEmail('by-admin'), password: PASSWORD, name: 'A', data: { isAnonymous: true } },
    });
    expect(created.status).toBe(200);
    expect((await s.database.getUserById(created.json.user.id))?.isAnonymous).toBe(false);
    // Alone it is no data at all (400, nothing written); beside a field an admin may write, it is left out.
    const alone = await call(s.auth.handler, 'POST', '/admin/update-user', { cookie: admin.cookie, body: { userId: anonymous.user.id, data: { isAnonymous: false } } });
    expect(alone.status).toBe(400);
    const changed = await call(s.auth.handler, 'POST', '/admin/update-user', { cookie: admin.cookie, body: { userId: anonymous.user.id, data: { name: 'Renamed', isAnonymous: false } } });
    expect(changed.status).toBe(200);
    const after = await s.database.getUserById(anonymous.user.id);
    expect([after?.name, after?.isAnonymous]).toEqual(['Renamed', true]);
  });
});
