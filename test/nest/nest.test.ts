import path from 'node:path';
import request from 'supertest';
import { runClientScript } from '../client/run-client-script';
import { ADMIN } from './nest-test-constants';
import { startNestServer, type NestServer } from './start-nest-server';

/**
 * `better-auth-entities/nest` through the real stacks: the suite's Nest app (nest-test-app.ts) runs on Nest's
 * Express and Fastify platforms in child processes, because NestJS 12 ships ES modules only, which jest's
 * CommonJS loader cannot load (plain Node `require`s them). supertest drives each over HTTP.
 */
const PASSWORD = 'correct horse battery staple';
const platforms = ['express', 'fastify'] as const;
const servers: Partial<Record<(typeof platforms)[number], NestServer>> = {};

beforeAll(async () => {
  const started = await Promise.all(platforms.map((platform) => startNestServer(platform, 'api')));
  platforms.forEach((platform, index) => (servers[platform] = started[index]));
}, 120_000);

afterAll(async () => {
  await Promise.all(Object.values(servers).map((server) => server.stop()));
});

let counter = 0;
async function signUp(origin: string, email = `nest-${process.pid}-${++counter}@example.com`) {
  const answer = await request(origin).post('/api/auth/sign-up/email').set('origin', origin).send({ email, password: PASSWORD, name: 'Nest' });
  expect(answer.status).toBe(200);
  return { email, cookie: cookieOf(answer.headers['set-cookie']) };
}

const cookieOf = (header: string | string[] | undefined) => [header ?? []].flat().map((line) => line.split(';')[0]).join('; ');

describe.each(platforms)("Nest's %s platform with the global prefix 'api'", (platform) => {
  const origin = () => servers[platform]!.origin;

  it('serves the auth routes at the base path below the prefix', async () => {
    const { cookie } = await signUp(origin());
    expect(cookie).toMatch(/^better-auth\.session_token=/);
    const session = await request(origin()).get('/api/auth/get-session').set('cookie', cookie);
    expect(session.status).toBe(200);
    expect(session.body.user.plan).toBe('free');
    const unknown = await request(origin()).get('/api/auth/no-such-route');
    expect(unknown.status).toBe(404);
  });

  it('answers 401 { code } on a protected route without a session, and the typed user with one', async () => {
    const anonymous = await request(origin()).get('/api/profile');
    expect({ status: anonymous.status, body: anonymous.body }).toEqual({ status: 401, body: { code: 'UNAUTHORIZED', message: 'Unauthorized' } });
    const { email, cookie } = await signUp(origin());
    const profile = await request(origin()).get('/api/profile').set('cookie', cookie);
    expect({ status: profile.status, body: profile.body }).toEqual({ status: 200, body: { email, plan: 'free', isAppUser: 'AppUser', device: 'unknown device' } });
  });

  it('takes a Bearer token as well as the cookie', async () => {
    const answer = await request(origin()).post('/api/auth/sign-in/email').set('origin', origin()).send({ email: ADMIN.email, password: ADMIN.password });
    const profile = await request(origin()).get('/api/profile').set('authorization', `Bearer ${answer.headers['set-auth-token']}`);
    expect(profile.body).toMatchObject({ email: ADMIN.email });
  });

  it('keeps @Public() routes open and lets @OptionalAuth() routes through with or without a session', async () => {
    expect((await request(origin()).get('/api/health')).body).toEqual({ ok: true });
    expect((await request(origin()).get('/api/whoami')).body).toEqual({ signedIn: false, email: null });
    const { email, cookie } = await signUp(origin());
    expect((await request(origin()).get('/api/whoami').set('cookie', cookie)).body).toEqual({ signedIn: true, email });
  });

  it("refuses @Roles('admin') to a user with 403 and lets an admin through", async () => {
    const { cookie } = await signUp(origin());
    const refused = await request(origin()).get('/api/admin/stats').set('cookie', cookie);
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Forbidden' } });
    const signIn = await request(origin()).post('/api/auth/sign-in/email').set('origin', origin()).send({ email: ADMIN.email, password: ADMIN.password });
    const allowed = await request(origin()).get('/api/admin/stats').set('cookie', cookieOf(signIn.headers['set-cookie']));
    expect(allowed.status).toBe(200);
    expect(allowed.body).toEqual({ admin: true, users: expect.any(Number) });
  });

  it("checks @OrgRoles against the caller's member role in the active organization", async () => {
    const post = (route: string, cookie: string, body: object) => request(origin()).post(`/api/auth/organization/${route}`).set('origin', origin()).set('cookie', cookie).send(body);
    const owner = await signUp(origin());
    expect((await request(origin()).get('/api/org/settings').set('cookie', owner.cookie)).status).toBe(403); // no organization yet
    const slug = `org-${platform}-${process.pid}-${counter}`;
    expect((await post('create', owner.cookie, { name: 'Acme', slug })).status).toBe(200); // the creator's session makes it active
    expect((await request(origin()).get('/api/org/settings').set('cookie', owner.cookie)).body).toEqual({ owner: true });
    const member = await signUp(origin());
    const invitation = await post('invite-member', owner.cookie, { email: member.email, role: 'member' });
    expect(invitation.status).toBe(200);
    expect((await post('accept-invitation', member.cookie, { invitationId: invitation.body.id })).status).toBe(200); // now active for the member
    const refused = await request(origin()).get('/api/org/settings').set('cookie', member.cookie);
    expect({ status: refused.status, body: refused.body }).toEqual({ status: 403, body: { code: 'FORBIDDEN', message: 'Forbidden' } });
  });

  it("refuses a cookie-authenticated write from an untrusted origin, as the auth routes do", async () => {
    const { email, cookie } = await signUp(origin());
    const forged = await request(origin()).post('/api/notes').set('cookie', cookie).set('origin', 'https://evil.example');
    expect({ status: forged.status, code: forged.body.code }).toEqual({ status: 403, code: 'INVALID_ORIGIN' });
    const own = await request(origin()).post('/api/notes').set('cookie', cookie).set('origin', origin());
    expect(own.body).toEqual({ savedFor: email });
  });

  it('answers malformed JSON to an auth route with its own 400 INVALID_JSON, not the platform\'s', async () => {
    const answer = await request(origin()).post('/api/auth/sign-in/email').set('origin', origin()).set('content-type', 'application/json').send('{"email":');
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 400, code: 'INVALID_JSON' });
  });

  it('reads auth bodies up to its own 1 MiB limit (Nest stops at 100 KB), and answers 413 PAYLOAD_TOO_LARGE past it', async () => {
    const send = (size: number) =>
      request(origin()).post('/api/auth/sign-up/email').set('origin', origin()).send({ email: `big-${size}@example.com`, password: PASSWORD, name: 'x'.repeat(size) });
    const underOurs = await send(300_000);
    expect({ status: underOurs.status, code: underOurs.body.code }).toEqual({ status: 400, code: 'VALIDATION_ERROR' });
    const overOurs = await send(1_100_000);
    expect({ status: overOurs.status, code: overOurs.body.code }).toEqual({ status: 413, code: 'PAYLOAD_TOO_LARGE' });
  });

  it("leaves the app's own routes to Nest's body parser", async () => {
    const answer = await request(origin()).post('/api/echo').set('origin', origin()).send({ hello: 'world' });
    expect({ status: answer.status, body: answer.body }).toEqual({ status: 201, body: { received: { hello: 'world' } } });
  });

  it('gives AuthService the typed auth.api', async () => {
    const { cookie } = await signUp(origin());
    expect((await request(origin()).get('/api/session-from-service').set('cookie', cookie)).body).toEqual({ plan: 'free' });
  });

  it("works with the official client's cookie flow", async () => {
    const run = await runClientScript(path.join(__dirname, 'nest-client.mjs'), origin());
    if (run.code !== 0) throw new Error(`nest-client.mjs exited with ${run.code}\n${run.stderr}\n${run.stdout}`);
    expect(JSON.parse(run.stdout.trim())).toEqual({
      signUp: { error: null, email: true, plan: 'free' },
      session: { error: null, email: true },
      signedIn: { status: 200, email: true, plan: 'free' },
      signOut: { error: null, success: true },
      afterSignOut: { status: 401, body: { code: 'UNAUTHORIZED', message: 'Unauthorized' } },
    });
  });
});

describe("a global prefix other than the base path's first segment", () => {
  let server: NestServer;

  beforeAll(async () => {
    server = await startNestServer('express', 'v1', '/v1/auth');
  }, 120_000);

  afterAll(() => server?.stop());

  it("serves the auth routes at a base path set below the prefix, and the app's routes below the prefix", async () => {
    const signUp = await request(server.origin).post('/v1/auth/sign-up/email').set('origin', server.origin).send({ email: 'v1@example.com', password: PASSWORD, name: 'V1' });
    expect(signUp.status).toBe(200);
    const profile = await request(server.origin).get('/v1/profile').set('cookie', cookieOf(signUp.headers['set-cookie']));
    expect(profile.body).toMatchObject({ email: 'v1@example.com', plan: 'free' });
    expect((await request(server.origin).post('/api/auth/sign-up/email').send({})).status).toBe(404);
  });
});
