import { advanceClock, makeLifecycleAuth } from '../support/lifecycle-auth';
import { describeOnEveryBackend } from '../support/backends';
import { call, PASSWORD, signUp } from '../support/test-auth';

const HOUR = 60 * 60 * 1000;
const DAY = 24 * HOUR;

afterEach(() => jest.restoreAllMocks());

describeOnEveryBackend('"don\'t remember me" stays a browser session', (backend) => {
  it('get-session right after a rememberMe: false sign-in neither slides the session to seven days nor sends a persistent cookie', async () => {
    const { auth, database } = backend.makeAuth();
    const { email } = await signUp(auth.handler);
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });
    expect(signIn.headers.get('set-cookie')).not.toMatch(/Max-Age/);

    const session = await call(auth.handler, 'GET', '/get-session', { cookie: signIn.cookie });
    expect(session.status).toBe(200);
    expect(session.headers.get('set-cookie') ?? '').not.toMatch(/Max-Age/);
    const stored = (await database.listSessionsForUser(signIn.json.user.id)).find((row) => row.id === session.json.session.id)!;
    expect(stored.expiresAt.getTime()).toBeLessThanOrEqual(Date.now() + DAY);
  });

  it('when a refresh is due it neither lengthens the one-day lifetime nor sends a persistent cookie', async () => {
    const { auth, database } = backend.makeAuth({ config: { session: { updateAge: 60 } } });
    const { email } = await signUp(auth.handler);
    const signedInAt = Date.now();
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });
    advanceClock(2 * HOUR);

    const session = await call(auth.handler, 'GET', '/get-session', { cookie: signIn.cookie });
    expect(session.status).toBe(200);
    expect(session.headers.get('set-cookie') ?? '').not.toMatch(/Max-Age/);
    const stored = (await database.listSessionsForUser(signIn.json.user.id)).find((row) => row.id === session.json.session.id)!;
    expect(stored.expiresAt.getTime()).toBeLessThanOrEqual(signedInAt + DAY + 1000);
  });

  it('the choice cannot be undone by the client: the token without its mark opens nothing', async () => {
    const { auth } = backend.makeAuth();
    const { email } = await signUp(auth.handler);
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });
    const token: string = signIn.json.token;
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token })).json?.user?.id).toEqual(expect.any(String));
    expect((await call(auth.handler, 'GET', '/get-session', { bearer: token.slice(1) })).json).toBeNull();
  });

  it('a remembered session still slides to the configured lifetime with a persistent cookie', async () => {
    const { auth } = backend.makeAuth({ config: { session: { updateAge: 60 } } });
    const { email } = await signUp(auth.handler);
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD } });
    advanceClock(2 * HOUR);
    const session = await call(auth.handler, 'GET', '/get-session', { cookie: signIn.cookie });
    expect(session.headers.get('set-cookie')).toMatch(/Max-Age=60480\d/);
  });
});

describe('a session that replaces a browser session', () => {
  it('change-password with revokeOtherSessions gives a browser session another browser session', async () => {
    const { auth } = makeLifecycleAuth();
    const { email } = await signUp(auth.handler);
    const signIn = await call(auth.handler, 'POST', '/sign-in/email', { body: { email, password: PASSWORD, rememberMe: false } });
    const changed = await call(auth.handler, 'POST', '/change-password', {
      cookie: signIn.cookie,
      body: { currentPassword: PASSWORD, newPassword: 'another good passphrase', revokeOtherSessions: true },
    });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('set-cookie')).not.toMatch(/Max-Age/);
  });
});
