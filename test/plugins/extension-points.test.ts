import {
  AuthError,
  BetterAuth,
  ConfigError,
  defineErrorCodes,
  defineRoute,
  MemoryEmailSender,
  sendLinkEmail,
  type AuthContext,
  type AuthPlugin,
  type SessionStore,
} from 'better-auth-entities';
import { MemoryDatabaseAdapter } from 'better-auth-entities/adapters';
import { EmailPasswordPlugin, PasswordManagementPlugin, SessionManagementPlugin, UserPlugin } from 'better-auth-entities/plugins';
import { appEntities } from '../../examples/entities';
import { call, ORIGIN, PASSWORD, signUp, TEST_SECRET, uniqueEmail } from '../support/test-auth';

const silent = { error: jest.fn(), warn: jest.fn() };

function build(...plugins: AuthPlugin[]) {
  const database = new MemoryDatabaseAdapter(appEntities);
  let builder = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, logger: silent, emailSender: new MemoryEmailSender() }).database(database).plugin(new EmailPasswordPlugin()).plugin(new SessionManagementPlugin());
  for (const plugin of plugins) builder = builder.plugin(plugin);
  return { auth: builder.build(), database };
}

/** A plugin made of just the parts a test needs. */
function plugin(parts: Partial<AuthPlugin> & { id: string }): AuthPlugin {
  return { routes: () => [], ...parts };
}

const BAN_ERRORS = defineErrorCodes({ BANNED_USER: { status: 403, message: 'You have been banned from this application' } });

describe('request hooks', () => {
  it('a before hook answers early (429) on the paths it names, and the route never runs', async () => {
    const { auth, database } = build(
      plugin({ id: 'limiter', hooks: { before: [{ matcher: '/sign-in/*', handle: () => { throw new AuthError('TOO_MANY_REQUESTS'); } }] } }),
    );
    const { email, user } = await signUp(auth.handler);
    const before = (await database.listSessionsForUser(user.id)).length;
    const limited = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(limited.status).toBe(429);
    expect(limited.json).toEqual({ code: 'TOO_MANY_REQUESTS', message: 'Too many requests' });
    expect(await database.listSessionsForUser(user.id)).toHaveLength(before);
    expect((await call(auth.handler, 'GET', '/ok')).status).toBe(200); // not named by the matcher
  });

  it('a before hook can answer with a body of its own', async () => {
    const { auth } = build(plugin({ id: 'maintenance', hooks: { before: [{ matcher: /^\/ok$/, handle: () => ({ status: 503, body: { maintenance: true }, headers: [['retry-after', '60']] }) }] } }));
    const answer = await call(auth.handler, 'GET', '/ok');
    expect(answer.status).toBe(503);
    expect(answer.json).toEqual({ maintenance: true });
    expect(answer.headers.get('retry-after')).toBe('60');
  });

  it('an after hook sees the outcome, adds headers and cookies, and cannot break the answer', async () => {
    const seen: Array<[string, number]> = [];
    const { auth } = build(
      plugin({
        id: 'observer',
        hooks: {
          after: [
            { matcher: '/sign-in/email', handle: (ctx, outcome) => { seen.push([ctx.path, outcome.status]); ctx.response.headers.push(['x-observed', 'yes'], ['set-cookie', 'observed=1; Path=/']); } },
            { matcher: (path) => path === '/sign-in/email', handle: () => { throw new Error('the audit store is down'); } },
          ],
        },
      }),
    );
    const { email } = await signUp(auth.handler);
    const wrong = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'definitely not it' } });
    expect(wrong.status).toBe(401);
    const right = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(right.status).toBe(200);
    expect(right.headers.get('x-observed')).toBe('yes');
    expect(right.headers.getSetCookie()).toEqual(expect.arrayContaining([expect.stringMatching(/^better-auth\.session_token=/), 'observed=1; Path=/']));
    expect(seen).toEqual([['/sign-in/email', 401], ['/sign-in/email', 200]]);
    // A console-like logger gets the request's id last (see ContextualLogger).
    expect(silent.error).toHaveBeenCalledWith('an after hook on /sign-in/email failed', expect.stringContaining('the audit store is down'), expect.stringMatching(/^requestId=\S+/));
    expect((await call(auth.handler, 'POST', '/sign-up/email', { body: { email: uniqueEmail(), password: PASSWORD, name: 'N' } })).headers.get('x-observed')).toBeNull();
  });
});

describe('the sign-in pipeline', () => {
  it('a step refuses with its own code on sign-in, and sign-up keeps the user without a session', async () => {
    const banned = new Set<string>();
    const { auth, database } = build(
      plugin({
        id: 'ban',
        errorCodes: BAN_ERRORS,
        init: (ctx: AuthContext) => ctx.signIn.addStep({ id: 'ban', run: (attempt) => (banned.has(attempt.userId) ? { refuse: new AuthError(BAN_ERRORS.BANNED_USER) } : undefined) }),
      }),
    );
    const { email, user } = await signUp(auth.handler);
    banned.add(user.id);
    const sessionsBefore = (await database.listSessionsForUser(user.id)).length;
    const refused = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(refused.status).toBe(403);
    expect(refused.json).toEqual({ code: 'BANNED_USER', message: 'You have been banned from this application' });
    expect(await database.listSessionsForUser(user.id)).toHaveLength(sessionsBefore);
    await expect(auth.api.signInEmail({ email, password: PASSWORD })).rejects.toMatchObject({ code: 'BANNED_USER', status: 403 });
  });

  it('a step answers instead of opening a session, with a cookie of its own; the server API says SIGN_IN_INCOMPLETE', async () => {
    const { auth, database } = build(
      plugin({
        id: 'second-factor',
        init: (ctx: AuthContext) =>
          ctx.signIn.addStep({
            id: 'second-factor',
            run: (attempt) => {
              attempt.response?.headers.push(['set-cookie', 'second_factor=pending; Path=/; HttpOnly']);
              return { answer: { twoFactorRedirect: true } };
            },
          }),
      }),
    );
    const email = uniqueEmail();
    const signUpAnswer = await call(auth.handler, 'POST', '/sign-up/email', { body: { email, password: PASSWORD, name: 'N' } });
    expect(signUpAnswer.json.token).toBeNull(); // sign-up goes through the same pipeline
    const userId = signUpAnswer.json.user.id;
    const answer = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.json).toEqual({ twoFactorRedirect: true });
    expect(answer.headers.getSetCookie()).toEqual(['second_factor=pending; Path=/; HttpOnly']);
    expect(await database.listSessionsForUser(userId)).toEqual([]);
    await expect(auth.api.signInEmail({ email, password: PASSWORD })).rejects.toMatchObject({ code: 'SIGN_IN_INCOMPLETE' });
  });

  it('a step adds fields to the session being created', async () => {
    const { auth } = build(
      plugin({ id: 'org', init: (ctx: AuthContext) => ctx.signIn.addStep({ id: 'org', run: (attempt) => { attempt.sessionFields.activeOrganizationId = `org-of-${attempt.via}`; } }) }),
    );
    const { email } = await signUp(auth.handler);
    const signedIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    const current = await call(auth.handler, 'GET', '/get-session', { cookie: signedIn.cookie });
    expect(current.json.session.activeOrganizationId).toBe('org-of-email');
  });
});

describe('session switches', () => {
  it('a listener hears a sign-in that replaces the session the request carried, with both users, and not one without a session', async () => {
    const heard: Array<{ previous: string; next: string; via: string }> = [];
    const { auth } = build(
      plugin({
        id: 'switch-listener',
        init: (context: AuthContext) =>
          context.signIn.onSessionSwitch(({ previous, user, via }) => {
            heard.push({ previous: context.models.user.read(previous.user, 'id'), next: context.models.user.read(user, 'id'), via });
          }),
      }),
    );
    const first = await signUp(auth.handler);
    const second = await signUp(auth.handler);
    expect(heard).toEqual([]);
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { cookie: first.cookie, body: { email: second.email, password: PASSWORD } });
    expect(signIn.status).toBe(200);
    expect(heard).toEqual([{ previous: first.user.id, next: second.user.id, via: 'email' }]);
  });

  it("a listener's error rolls the new session back: the request fails and the user has no new session", async () => {
    const { auth, database } = build(
      plugin({
        id: 'failing-switch',
        init: (context: AuthContext) =>
          context.signIn.onSessionSwitch(async ({ user, tx }) => {
            await tx.updateUser(context.models.user.read(user, 'id'), { image: 'https://example.com/written-before-the-fault.png' });
            throw new Error('listener fault');
          }),
      }),
    );
    const first = await signUp(auth.handler);
    const second = await signUp(auth.handler);
    const before = (await database.listSessionsForUser(second.user.id)).length;
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { cookie: first.cookie, body: { email: second.email, password: PASSWORD } });
    expect(signIn.status).toBe(500);
    expect(await database.listSessionsForUser(second.user.id)).toHaveLength(before);
    expect((await database.getUserById(second.user.id))?.image).toBeNull();
  });
});

describe('the session store seam', () => {
  /** Wraps the database store and records which operations reached it. */
  function recordingPlugin(calls: string[]): AuthPlugin {
    return plugin({
      id: 'recording-store',
      init: (ctx: AuthContext) =>
        ctx.useSessionStore((database): SessionStore => ({
          create: (data, db) => (calls.push('create'), database.create(data, db)),
          findWithUser: (digest) => (calls.push('find'), database.findWithUser(digest)),
          update: (id, data, db) => (calls.push('update'), database.update(id, data, db)),
          delete: (id, db) => (calls.push('delete'), database.delete(id, db)),
          deleteForUser: (userId, options, db) => (calls.push('deleteForUser'), database.deleteForUser(userId, options, db)),
          listForUser: (userId) => (calls.push('list'), database.listForUser(userId)),
        })),
    });
  }

  it('every session read and write of the routes goes through the installed store', async () => {
    const calls: string[] = [];
    const { auth } = build(recordingPlugin(calls), new PasswordManagementPlugin(), new UserPlugin({ enableDeleteUser: true }));
    const { cookie, email } = await signUp(auth.handler);
    expect(calls).toEqual(['create']);
    await call(auth.handler, 'GET', '/get-session', { cookie });
    await call(auth.handler, 'GET', '/list-sessions', { cookie });
    expect(calls).toEqual(['create', 'find', 'find', 'list']);
    const changed = await call(auth.handler, 'POST', '/change-password', { cookie, body: { currentPassword: PASSWORD, newPassword: 'another long password', revokeOtherSessions: true } });
    expect(changed.status).toBe(200);
    expect(calls.slice(-2)).toEqual(['deleteForUser', 'create']);
    const signedIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'another long password' } });
    await call(auth.handler, 'POST', '/sign-out', { cookie: signedIn.cookie });
    expect(calls.slice(-3)).toEqual(['create', 'find', 'delete']);
    const fresh = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: 'another long password' } });
    const deleted = await call(auth.handler, 'POST', '/delete-user', { cookie: fresh.cookie, body: { password: 'another long password' } });
    expect(deleted.status).toBe(200);
    expect(calls.slice(-2)).toEqual(['find', 'deleteForUser']);
  });

  it('is installed once, and only while the instance is built', () => {
    const { auth } = build();
    expect(() => auth.context.useSessionStore((store) => store)).toThrow(ConfigError);
    expect(() => build(recordingPlugin([]), plugin({ id: 'second', init: (ctx: AuthContext) => ctx.useSessionStore((store) => store) }))).toThrow(/installed already/);
  });
});

describe('sessions with a lifetime of their own', () => {
  const HOUR = 60 * 60 * 1000;

  it('a session created with expiresInMs ends then; a keepLifetime rule keeps it from sliding, other sessions still slide', async () => {
    const { auth } = build(
      plugin({ id: 'fixed', init: (ctx: AuthContext) => ctx.sessions.keepLifetime((session) => ctx.models.session.read(session, 'ipAddress') === 'fixed') }),
    );
    const { user } = await signUp(auth.handler);
    const sessions = auth.context.sessions;
    const fixed = await sessions.create(user.id, { ipAddress: 'fixed', userAgent: null }, { expiresInMs: HOUR });
    const sliding = await sessions.create(user.id, { ipAddress: 'other', userAgent: null }, { expiresInMs: HOUR });
    const expiresAt = (session: object) => (auth.context.models.session.read(session, 'expiresAt') as Date).getTime();
    expect(expiresAt(fixed.session)).toBeLessThanOrEqual(Date.now() + HOUR);
    expect(expiresAt(fixed.session)).toBeGreaterThan(Date.now() + HOUR - 60_000);

    const halfAnHourLater = Date.now() + HOUR / 2;
    const kept = await sessions.find(fixed.token, halfAnHourLater);
    expect(kept?.refreshed).toBe(false);
    expect(expiresAt(kept!.session)).toBe(expiresAt(fixed.session));
    // Without a rule, a one-hour session is "due" at once and slides to the configured lifetime.
    const slid = await sessions.find(sliding.token, halfAnHourLater);
    expect(slid?.refreshed).toBe(true);
    expect(expiresAt(slid!.session)).toBeGreaterThan(halfAnHourLater + 24 * HOUR);
    expect(await sessions.find(fixed.token, Date.now() + HOUR + 1000)).toBeNull();
  });
});

describe('sessions that end on a rule', () => {
  it('a session an endWhen rule claims is refused on its next lookup and deleted; other sessions are untouched', async () => {
    const revoked = new Set<string>();
    const { auth, database } = build(
      plugin({ id: 'ender', init: (ctx: AuthContext) => ctx.sessions.endWhen((found) => revoked.has(String(ctx.models.session.read(found.session, 'ipAddress')))) }),
    );
    const { user } = await signUp(auth.handler);
    const sessions = auth.context.sessions;
    const doomed = await sessions.create(user.id, { ipAddress: 'doomed', userAgent: null });
    const kept = await sessions.create(user.id, { ipAddress: 'kept', userAgent: null });
    expect(await sessions.find(doomed.token)).not.toBeNull();
    revoked.add('doomed');
    expect(await sessions.find(doomed.token)).toBeNull();
    expect(await database.getSessionByToken(auth.context.models.session.read(doomed.session, 'token'))).toBeNull();
    expect(await sessions.find(kept.token)).not.toBeNull();
  });
});

describe('declared error codes, token purposes, email templates and rate limits', () => {
  it('an error code clashing with the status the engine gives it refuses to build; a malformed one is refused', () => {
    const clash = { UNAUTHORIZED: { code: 'UNAUTHORIZED', status: 400, message: 'x' } };
    expect(() => build(plugin({ id: 'clash', errorCodes: clash }))).toThrow(/UNAUTHORIZED with status 400, but core declares it with 401/);
    expect(() => defineErrorCodes({ notShouting: { status: 400, message: 'x' } })).toThrow(/UPPER_SNAKE_CASE/);
    expect(() => defineErrorCodes({ OK_BUT_200: { status: 200, message: 'x' } })).toThrow(/not a 4xx or 5xx/);
  });

  it("a plugin's token purposes are namespaced by its id, and tokens of one purpose never pass as another", async () => {
    expect(() => build(plugin({ id: 'magic', tokenPurposes: ['link'] }))).toThrow('Plugin "magic" declares the token purpose "link": name it "magic:<name>".');
    const { auth } = build(plugin({ id: 'magic', tokenPurposes: ['magic:link', 'magic:other'] }));
    const token = await auth.context.tokens.issue('magic:link', { userId: 'u1' }, 60);
    expect(await auth.context.tokens.consume('magic:other', token)).toEqual({ ok: false, code: 'INVALID_TOKEN' });
    expect(await auth.context.tokens.consume('magic:link', token)).toEqual({ ok: true, payload: { userId: 'u1' } });
    expect(await auth.context.tokens.consume('magic:link', token)).toEqual({ ok: false, code: 'INVALID_TOKEN' });
    await expect(auth.context.tokens.issue('magic:typo', {}, 60)).rejects.toThrow('No plugin declares the token purpose "magic:typo"');
  });

  it("a plugin's email kinds are namespaced and rendered from its template", async () => {
    expect(() => build(plugin({ id: 'otp', emailTemplates: { code: { subject: 's', intro: 'i', action: 'a', outro: 'o' } } }))).toThrow(/name it "otp:<name>"/);
    const mail = new MemoryEmailSender();
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, emailSender: mail })
      .database(new MemoryDatabaseAdapter(appEntities))
      .plugin(plugin({ id: 'otp', emailTemplates: { 'otp:code': ({ token }) => ({ subject: 'Your code', text: `Code: ${token}`, html: `<b>${token}</b>` }) } }))
      .build();
    await sendLinkEmail(auth.context, { kind: 'otp:code', to: 'a@example.com', url: 'http://localhost:3000/x', token: '123456', expiresInSeconds: 300 });
    expect(mail.sent).toEqual([{ to: 'a@example.com', subject: 'Your code', text: 'Code: 123456', html: '<b>123456</b>', kind: 'otp:code', token: '123456', url: 'http://localhost:3000/x' }]);
  });

  it('rate-limit rules are collected with the plugin that declared them, and checked', () => {
    const { auth } = build(plugin({ id: 'two-factor', rateLimit: [{ path: '/two-factor/*', windowSeconds: 10, max: 3 }] }));
    expect(auth.context.rateLimitRules).toEqual([{ path: '/two-factor/*', windowSeconds: 10, max: 3, source: 'two-factor' }]);
    expect(() => build(plugin({ id: 'bad', rateLimit: [{ path: '/x', windowSeconds: 0, max: 3 }] }))).toThrow(/need an integer max >= 1 and a window > 0/);
  });

  it('a plugin route can mount on the shared handler and use its own declared code', async () => {
    const errors = defineErrorCodes({ PING_REFUSED: { status: 409, message: 'No ping today' } });
    const { auth } = build(plugin({ id: 'ping', errorCodes: errors, routes: () => [defineRoute({ method: 'POST', path: '/ping', summary: 'Ping', handle: async () => { throw new AuthError(errors.PING_REFUSED); } })] }));
    const answer = await call(auth.handler, 'POST', '/ping', { body: {} });
    expect(answer.status).toBe(409);
    expect(answer.json).toEqual({ code: 'PING_REFUSED', message: 'No ping today' });
  });
});

describe('password change listeners and the request seen by sign-in steps', () => {
  it('auth.hooks.onPasswordChange hears every new password: changed, and reset by link', async () => {
    const emails = new MemoryEmailSender();
    const heard: string[] = [];
    const database = new MemoryDatabaseAdapter(appEntities);
    const auth = new BetterAuth({ secret: TEST_SECRET, baseURL: ORIGIN, logger: silent, emailSender: emails })
      .database(database)
      .plugin(new EmailPasswordPlugin())
      .plugin(new SessionManagementPlugin())
      .plugin(new PasswordManagementPlugin())
      .plugin(plugin({ id: 'listener', init: (context: AuthContext) => context.hooks.onPasswordChange(({ userId }) => { heard.push(userId); }) }))
      .build();
    const { email, user, cookie } = await signUp(auth.handler);
    expect(heard).toEqual([]);
    const changed = await call(auth.handler, 'POST', '/change-password', { cookie, body: { currentPassword: PASSWORD, newPassword: 'another good password' } });
    expect(changed.status).toBe(200);
    expect(heard).toEqual([user.id]);
    const refused = await call(auth.handler, 'POST', '/change-password', { cookie, body: { currentPassword: 'not it at all', newPassword: 'a third good password' } });
    expect(refused.status).toBe(400);
    expect(heard).toEqual([user.id]);
    await call(auth.handler, 'POST', '/request-password-reset', { body: { email } });
    const mail = await emails.next({ kind: 'reset-password', to: email });
    expect((await call(auth.handler, 'POST', '/reset-password', { body: { token: mail.token, newPassword: 'reset password here' } })).status).toBe(200);
    expect(heard).toEqual([user.id, user.id]);
  });

  it("a sign-in step reads the request's cookies from the answer draft", async () => {
    const { auth } = build(
      plugin({
        id: 'device-check',
        init: (context: AuthContext) =>
          context.signIn.addStep({
            id: 'device-check',
            run: (attempt) => (attempt.response?.request?.header('cookie')?.includes('known-device=1') ? undefined : { answer: { unknownDevice: true } }),
          }),
      }),
    );
    const { email } = await signUp(auth.handler);
    expect((await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } })).json).toEqual({ unknownDevice: true });
    const known = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD }, cookie: 'known-device=1' });
    expect(known.json).toMatchObject({ token: expect.any(String) });
  });
});
