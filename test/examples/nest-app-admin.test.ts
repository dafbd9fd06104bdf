import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTypeScriptServer, type NestServer } from '../nest/start-nest-server';
import { freePort } from './free-port';

/**
 * The example as its README section runs it: only PORT set (the base URL follows it), then the first admin
 * made through ADMIN_USER_IDS, on the Fastify platform, against the same SQLite file.
 */
const PASSWORD = 'correct horse battery staple';
const start = (port: number, env: Record<string, string>) =>
  startTypeScriptServer('examples/nest-app/src/main.ts', [], { PORT: String(port), ...env }, /listening on (\d+)/);

async function post(origin: string, path: string, body: unknown, cookie?: string) {
  return fetch(`${origin}${path}`, { method: 'POST', headers: { 'content-type': 'application/json', origin, ...(cookie ? { cookie } : {}) }, body: JSON.stringify(body) });
}
const cookieOf = (answer: Response) => answer.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');

describe('examples/nest-app with PORT only, then ADMIN_USER_IDS on Fastify', () => {
  const dir = mkdtempSync(join(tmpdir(), 'nest-example-'));
  const env = { SQLITE_FILE: join(dir, 'app.sqlite'), BASE_URL: '', PLATFORM: '' };
  let server: NestServer | undefined;
  let adminId = '';

  afterAll(async () => {
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves a cookie sign-in and sign-out from its own origin when only PORT is set', async () => {
    const port = await freePort();
    server = await start(port, env);
    // The app's own origin, as a browser on its pages sends it: http://localhost:<PORT>.
    const origin = `http://localhost:${port}`;
    const signUp = await post(origin, '/api/auth/sign-up/email', { email: 'first-admin@example.com', password: PASSWORD, name: 'First' });
    expect(signUp.status).toBe(200);
    adminId = ((await signUp.json()) as { user: { id: string } }).user.id;
    await post(origin, '/api/auth/sign-up/email', { email: 'someone@example.com', password: PASSWORD, name: 'Someone' });

    const signIn = await post(origin, '/api/auth/sign-in/email', { email: 'first-admin@example.com', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = cookieOf(signIn);
    expect((await fetch(`${origin}/api/profile`, { headers: { cookie } })).status).toBe(200);
    expect((await post(origin, '/api/auth/sign-out', {}, cookie)).status).toBe(200);
    expect((await fetch(`${origin}/api/profile`, { headers: { cookie } })).status).toBe(401);
    await server.stop();
    server = undefined;
  }, 150_000);

  it('lets the user in ADMIN_USER_IDS give itself the admin role on Fastify, which opens the @Roles route to it only', async () => {
    const port = await freePort();
    server = await start(port, { ...env, ADMIN_USER_IDS: adminId, PLATFORM: 'fastify' });
    const origin = `http://localhost:${port}`;
    const admin = cookieOf(await post(origin, '/api/auth/sign-in/email', { email: 'first-admin@example.com', password: PASSWORD }));
    const someone = cookieOf(await post(origin, '/api/auth/sign-in/email', { email: 'someone@example.com', password: PASSWORD }));

    expect((await fetch(`${origin}/api/admin/overview`, { headers: { cookie: admin } })).status).toBe(403);
    expect((await post(origin, '/api/auth/admin/set-role', { userId: adminId, role: 'admin' }, admin)).status).toBe(200);
    const overview = await fetch(`${origin}/api/admin/overview`, { headers: { cookie: admin } });
    expect({ status: overview.status, body: await overview.json() }).toEqual({ status: 200, body: { admin: 'first-admin@example.com' } });
    expect((await fetch(`${origin}/api/admin/overview`, { headers: { cookie: someone } })).status).toBe(403);
  }, 150_000);
});
