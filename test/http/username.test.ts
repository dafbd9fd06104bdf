import { AuthError, BetterAuth, ConfigError, defineErrorCodes, MemoryEmailSender, type AuthContext, type AuthPlugin } from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, EmailVerificationPlugin, SessionManagementPlugin, UsernamePlugin, type UsernameOptions } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, PASSWORD, TEST_SECRET, uniqueEmail } from '../support/test-auth';
import { builtinBackends, type BuiltinDatabase } from '../support/builtin-backends';

// The built-in classes carry `username` and `displayUsername`; on SQL their tables come from the shipped migrations.
type Database = BuiltinDatabase;

const BAN = defineErrorCodes({ BANNED_USER: { status: 403, message: 'You have been banned from this application' } });

let counter = 0;
const uniqueName = (prefix = 'user') => `${prefix}_${++counter}_${Date.now() % 100000}`;

function authOn(database: Database, options: UsernameOptions = {}, extra: AuthPlugin[] = []) {
  let builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
    .database(database)
    .plugin(new EmailPasswordPlugin())
    .plugin(new SessionManagementPlugin())
    .plugin(new UsernamePlugin(options));
  for (const plugin of extra) builder = builder.plugin(plugin);
  return builder.build();
}

const BACKENDS = builtinBackends('usernames');

test('a user class without username fields is refused when the instance is built, with the fix', () => {
  expect(() => authOn(new MemoryDatabaseAdapter(appEntities))).toThrow(ConfigError);
  expect(() => authOn(new MemoryDatabaseAdapter(appEntities))).toThrow(/username.*displayUsername/);
});

describe.each(BACKENDS)('usernames on %s', (_name, open) => {
  const backend = { database: (): Database => { throw new Error('not opened'); } };
  beforeAll(async () => { backend.database = await open(); });

  it('sign-up stores the username lower-cased with the chosen casing as display name; sign-in by username opens a session', async () => {
    const auth = authOn(backend.database());
    const name = uniqueName('Ada');
    const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'Ada', username: name } });
    expect(signUp.status).toBe(200);
    expect(signUp.json.user).toMatchObject({ username: name.toLowerCase(), displayUsername: name });

    const signIn = await call(auth.handler, 'POST', '/sign-in/username', { body: { username: name.toUpperCase(), password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect(signIn.json).toMatchObject({ redirect: false, url: null, token: expect.any(String), user: { id: signUp.json.user.id } });
    const session = await call(auth.handler, 'GET', '/get-session', { cookie: signIn.cookie });
    expect(session.json.user.username).toBe(name.toLowerCase());
  });

  it('a wrong password, an unknown name, a malformed name and a user without a password all answer 401 INVALID_USERNAME_OR_PASSWORD', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const name = uniqueName();
    await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username: name } });
    const passwordless = await database.createUser({ email: uniqueEmail(), name: 'Social', username: uniqueName('social') });
    const attempts = [
      { username: name, password: 'not the right password' },
      { username: uniqueName('nobody'), password: PASSWORD },
      { username: 'x!', password: PASSWORD },
      { username: passwordless.username!, password: PASSWORD },
    ];
    for (const body of attempts) {
      const answer = await call(auth.handler, 'POST', '/sign-in/username', { body });
      expect([answer.status, answer.json]).toEqual([401, { code: 'INVALID_USERNAME_OR_PASSWORD', message: 'Invalid username or password' }]);
    }
  });

  it('names are unique whatever their case; is-username-available tells, and checks the rules', async () => {
    const auth = authOn(backend.database());
    const name = uniqueName('Taken');
    await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username: name } });
    const again = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username: name.toLowerCase() } });
    expect([again.status, again.json.code]).toEqual([400, 'USERNAME_IS_ALREADY_TAKEN']);

    expect((await call(auth.handler, 'POST', '/is-username-available', { body: { username: name.toUpperCase() } })).json).toEqual({ available: false });
    expect((await call(auth.handler, 'POST', '/is-username-available', { body: { username: uniqueName('free') } })).json).toEqual({ available: true });
    for (const [username, code] of [['ab', 'USERNAME_TOO_SHORT'], ['a'.repeat(31), 'USERNAME_TOO_LONG'], ['has space', 'INVALID_USERNAME']]) {
      const answer = await call(auth.handler, 'POST', '/is-username-available', { body: { username } });
      expect([answer.status, answer.json.code]).toEqual([400, code]);
      const signUp = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username } });
      expect([signUp.status, signUp.json.code]).toEqual([400, code]);
    }
    expect(await auth.api.username.isAvailable({ username: uniqueName('api') })).toBe(true);
  });

  it('of ten concurrent sign-ups with one username, exactly one gets it', async () => {
    const database = backend.database();
    const auth = authOn(database);
    const name = uniqueName('racer');
    const answers = await Promise.all(
      Array.from({ length: 10 }, () => call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail('racer'), password: PASSWORD, name: 'R', username: name } })),
    );
    expect(answers.filter((answer) => answer.status === 200)).toHaveLength(1);
    for (const answer of answers.filter((candidate) => candidate.status !== 200)) expect([400, 422]).toContain(answer.status);
    expect(await database.findUserBy('username', name)).not.toBeNull();
  });

  it('update-user changes the username under the same rules; immutableUsername refuses a change', async () => {
    const auth = authOn(backend.database());
    const first = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'A', username: uniqueName('first') } });
    const takenName = uniqueName('second');
    await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'B', username: takenName } });

    const renamed = uniqueName('Renamed');
    const update = await call(auth.handler, 'POST', '/update-user', { cookie: first.cookie, body: { username: renamed, displayUsername: 'Fancy Name' } });
    expect(update.status).toBe(200);
    expect(update.json.user).toMatchObject({ username: renamed.toLowerCase(), displayUsername: 'Fancy Name' });
    const taken = await call(auth.handler, 'POST', '/update-user', { cookie: first.cookie, body: { username: takenName } });
    expect([taken.status, taken.json.code]).toEqual([400, 'USERNAME_IS_ALREADY_TAKEN']);
    const own = await call(auth.handler, 'POST', '/update-user', { cookie: first.cookie, body: { username: renamed.toUpperCase() } });
    expect(own.status).toBe(200);

    const strict = authOn(backend.database(), { immutableUsername: true });
    const user = await call(strict.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'C', username: uniqueName('fixed') } });
    const refused = await call(strict.handler, 'POST', '/update-user', { cookie: user.cookie, body: { username: uniqueName('other') } });
    expect([refused.status, refused.json.code]).toEqual([400, 'USERNAME_IS_IMMUTABLE']);
  });

  it('sign-in by username goes through the sign-in pipeline: a ban step and email verification apply', async () => {
    const banned = new Set<string>();
    const ban: AuthPlugin = {
      id: 'ban',
      errorCodes: BAN,
      routes: () => [],
      init: (ctx: AuthContext) => ctx.signIn.addStep({ id: 'ban', run: (attempt) => (banned.has(attempt.userId) ? { refuse: new AuthError(BAN.BANNED_USER) } : undefined) }),
    };
    const auth = authOn(backend.database(), {}, [ban]);
    const name = uniqueName('ban');
    const created = await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username: name } });
    banned.add(created.json.user.id);
    const refused = await call(auth.handler, 'POST', '/sign-in/username', { body: { username: name, password: PASSWORD } });
    expect([refused.status, refused.json.code]).toEqual([403, 'BANNED_USER']);

    const verifying = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: new MemoryEmailSender() })
      .database(backend.database())
      .plugin(new EmailPasswordPlugin())
      .plugin(new EmailVerificationPlugin({ requireEmailVerification: true }))
      .plugin(new UsernamePlugin())
      .build();
    const unverified = uniqueName('unverified');
    await call(verifying.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N', username: unverified } });
    const notVerified = await call(verifying.handler, 'POST', '/sign-in/username', { body: { username: unverified, password: PASSWORD } });
    expect([notVerified.status, notVerified.json.code]).toEqual([403, 'EMAIL_NOT_VERIFIED']);
  });
});
